package io.aquilia.sockets.runtime;

import io.aquilia.sockets.SocketMiddleware;
import io.aquilia.sockets.spi.TokenAuthenticator;
import java.util.List;
import java.util.Optional;

/**
 * Application components the runtime uses but does not create itself: guard and middleware
 * instances, global middleware and the token authenticator. The container glue supplies them (CDI
 * beans); tests supply plain objects.
 */
public interface Components {

  /** No components: guard and middleware classes are instantiated with their no-arg constructor. */
  Components NONE =
      new Components() {
        @Override
        public Object instance(Class<?> type) {
          try {
            return type.getDeclaredConstructor().newInstance();
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(Messages.noInstance(type.getName(), e.toString()), e);
          }
        }

        @Override
        public List<Named<SocketMiddleware>> globalMiddleware() {
          return List.of();
        }

        @Override
        public Optional<TokenAuthenticator> authenticator() {
          return Optional.empty();
        }
      };

  /**
   * An instance with the class that declared it (CDI client proxies lose class annotations).
   *
   * @param type the declared class
   * @param instance the instance
   * @param <T> the component type
   */
  record Named<T>(Class<?> type, T instance) {}

  /** An instance of a guard or middleware class named by a controller. */
  Object instance(Class<?> type);

  /** The middleware that applies to every socket. */
  List<Named<SocketMiddleware>> globalMiddleware();

  /** The application's token authenticator, if it has one. */
  Optional<TokenAuthenticator> authenticator();
}
