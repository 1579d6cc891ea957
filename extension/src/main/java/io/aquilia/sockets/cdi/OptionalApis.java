package io.aquilia.sockets.cdi;

import io.aquilia.sockets.runtime.Messages;

/** Detects optional APIs (MicroProfile) on the application's class path. */
final class OptionalApis {

  private OptionalApis() {}

  /** Whether a class can be loaded by the application. */
  static boolean present(String className) {
    try {
      Class.forName(className, false, loader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /**
   * Loads one of our own classes that depends on an optional API (check {@link #present} first).
   */
  static Class<?> load(String className) {
    try {
      return Class.forName(className, true, OptionalApis.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(Messages.optionalApiMissing(className), e);
    }
  }

  private static ClassLoader loader() {
    ClassLoader cl = Thread.currentThread().getContextClassLoader();
    return cl != null ? cl : OptionalApis.class.getClassLoader();
  }
}
