package io.aquilia.sockets.runtime;

import io.aquilia.sockets.Emits;
import io.aquilia.sockets.SocketController;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An event a socket declares it sends to clients ({@link Emits}).
 *
 * @param name the event name
 * @param payload the payload type, {@code Void.class} for none
 * @param description the declared description, possibly empty
 */
public record Emitted(String name, Class<?> payload, String description) {

  /** The declarations of a controller and its superclasses, most-derived first. */
  public static List<Emitted> of(Class<?> type) {
    List<Emitted> result = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class && c != SocketController.class; ) {
      for (Emits e : c.getDeclaredAnnotationsByType(Emits.class)) {
        result.add(new Emitted(e.value(), e.payload(), e.description()));
      }
      c = c.getSuperclass();
    }
    return List.copyOf(result);
  }

  /** Records a problem for every invalid or duplicate declared event name. */
  static void check(Class<?> type, Problems problems) {
    Set<String> seen = new HashSet<>();
    for (Emitted e : of(type)) {
      if (!ControllerScanner.EVENT_NAME.matcher(e.name()).matches()) {
        problems.add(Messages.invalidEmittedEvent(type, e.name()));
      } else if (!seen.add(e.name())) {
        problems.add(Messages.duplicateEmittedEvent(type, e.name()));
      }
    }
  }
}
