package io.aquilia.sockets.tck.app;

import jakarta.enterprise.context.ApplicationScoped;

/** An application bean injected into a controller. */
@ApplicationScoped
public class Greeter {

  /** A greeting. */
  public String greet(String name) {
    return "Hello, " + name;
  }
}
