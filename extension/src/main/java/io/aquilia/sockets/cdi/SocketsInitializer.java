package io.aquilia.sockets.cdi;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.util.Set;

/**
 * Adds {@link EndpointRegistrar} to every web application that contains the extension. Registering
 * endpoints directly here is not portable (on Payara this initializer may run before the WebSocket
 * container's), so the work happens in the listener.
 */
public class SocketsInitializer implements ServletContainerInitializer {

  @Override
  public void onStartup(Set<Class<?>> classes, ServletContext ctx) {
    ctx.addListener(EndpointRegistrar.class);
  }
}
