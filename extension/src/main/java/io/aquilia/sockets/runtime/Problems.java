package io.aquilia.sockets.runtime;

import java.util.ArrayList;
import java.util.List;

/** Collects definition errors so that every problem of a deployment is reported at once. */
public final class Problems {

  private final List<String> messages = new ArrayList<>();

  /** Records a problem. */
  void add(String message) {
    messages.add(message);
  }

  /** Whether any problem was recorded. */
  public boolean isEmpty() {
    return messages.isEmpty();
  }

  /** The problems, in the order found. */
  public List<String> messages() {
    return List.copyOf(messages);
  }
}
