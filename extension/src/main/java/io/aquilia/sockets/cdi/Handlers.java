package io.aquilia.sockets.cdi;

import io.aquilia.sockets.AckEvent;
import io.aquilia.sockets.Event;
import io.aquilia.sockets.Guard;
import io.aquilia.sockets.OnConnect;
import io.aquilia.sockets.OnDisconnect;
import io.aquilia.sockets.Subscribe;
import io.aquilia.sockets.Unsubscribe;
import jakarta.enterprise.inject.spi.Annotated;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Set;

/** Recognises handler methods and Bean Validation's method-validation interceptor bindings. */
final class Handlers {

  private static final List<Class<? extends Annotation>> HANDLER_ANNOTATIONS =
      List.of(
          Event.class,
          AckEvent.class,
          Subscribe.class,
          Unsubscribe.class,
          OnConnect.class,
          OnDisconnect.class,
          Guard.class);

  /** The interceptor bindings that Bean Validation providers add for method validation. */
  private static final Set<String> METHOD_VALIDATION_BINDINGS =
      Set.of(
          "org.hibernate.validator.cdi.internal.interceptor.MethodValidated",
          "org.apache.bval.cdi.BValBinding");

  private Handlers() {}

  static boolean isHandler(Annotated method) {
    return HANDLER_ANNOTATIONS.stream().anyMatch(method::isAnnotationPresent);
  }

  static boolean isMethodValidation(Annotation a) {
    return METHOD_VALIDATION_BINDINGS.contains(a.annotationType().getName());
  }
}
