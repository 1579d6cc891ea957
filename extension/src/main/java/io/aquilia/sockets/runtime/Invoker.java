package io.aquilia.sockets.runtime;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/** Calls handler methods, unwrapping reflection's exceptions. */
final class Invoker {

  private Invoker() {}

  static Object call(Object target, HandlerModel handler, Invocation invocation) throws Throwable {
    Method m = handler.method();
    try {
      return m.invoke(target, handler.arguments(invocation));
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
