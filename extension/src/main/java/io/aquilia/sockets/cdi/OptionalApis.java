package io.aquilia.sockets.cdi;

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
      throw new IllegalStateException(
          "AQS-171 " + className + " is missing from the extension jar", e);
    }
  }

  private static ClassLoader loader() {
    ClassLoader cl = Thread.currentThread().getContextClassLoader();
    return cl != null ? cl : OptionalApis.class.getClassLoader();
  }
}
