package io.aquilia.sockets.cdi;

import io.aquilia.sockets.jakarta.AdminServlet;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.util.Set;

/**
 * Adds {@link EndpointRegistrar} to every web application that contains the extension. Registering
 * endpoints directly here is not portable (on Payara this initializer may run before the WebSocket
 * container's), so the work happens in the listener. The admin endpoint, a servlet, is added here
 * (servlets cannot be added from a listener that an initializer registered); it is off unless a
 * token is configured.
 */
public class SocketsInitializer implements ServletContainerInitializer {

  @Override
  public void onStartup(Set<Class<?>> classes, ServletContext ctx) {
    ctx.addListener(EndpointRegistrar.class);
    AdminServlet.register(ctx);
  }
}
