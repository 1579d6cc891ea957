package io.aquilia.sockets.cdi;

import io.aquilia.sockets.SocketMiddleware;
import io.aquilia.sockets.runtime.Components;
import io.aquilia.sockets.spi.TokenAuthenticator;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@link Components} from CDI: guard and middleware classes resolve to their beans (a class that is
 * not a bean is created with its no-argument constructor), plus the global middleware and the token
 * authenticator the extension found. Creational contexts are released when the application stops.
 */
final class CdiComponents implements Components {

  private final BeanManager bm;
  private final AquiliaSocketsExtension ext;
  private final List<CreationalContext<?>> contexts;

  CdiComponents(BeanManager bm, AquiliaSocketsExtension ext, List<CreationalContext<?>> contexts) {
    this.bm = bm;
    this.ext = ext;
    this.contexts = contexts;
  }

  @Override
  public Object instance(Class<?> type) {
    if (ext.isBean(type)) {
      Set<Bean<?>> found = bm.getBeans(type);
      Bean<?> bean = bm.resolve(found);
      if (bean != null) {
        return reference(bean, type);
      }
    }
    return Components.NONE.instance(type);
  }

  @Override
  public List<Named<SocketMiddleware>> globalMiddleware() {
    List<Named<SocketMiddleware>> out = new ArrayList<>();
    for (Bean<?> b : ext.globalMiddleware()) {
      out.add(
          new Named<>(b.getBeanClass(), (SocketMiddleware) reference(b, SocketMiddleware.class)));
    }
    return out;
  }

  @Override
  public Optional<TokenAuthenticator> authenticator() {
    Bean<?> b = ext.authenticator();
    return b == null
        ? Optional.empty()
        : Optional.of((TokenAuthenticator) reference(b, TokenAuthenticator.class));
  }

  private Object reference(Bean<?> bean, Class<?> type) {
    CreationalContext<?> cc = bm.createCreationalContext(bean);
    contexts.add(cc);
    return bm.getReference(bean, type, cc);
  }
}
