package io.aquilia.sockets.cdi;

import io.aquilia.sockets.jakarta.DoorFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.util.EnumSet;
import java.util.Set;

/**
 * Adds {@link EndpointRegistrar} to every web application that contains the extension. Registering
 * endpoints directly here is not portable (on Payara this initializer may run before the WebSocket
 * container's), so the work happens in the listener. Here it only adds the {@link DoorFilter},
 * before the filters of {@code web.xml}, so that it sees upgrade requests before the container
 * upgrades them.
 *
 * <p>It does not set Tyrus' frame buffer ({@code
 * org.glassfish.tyrus.servlet.incoming-buffer-size}): with it bounded to the container buffer,
 * Payara Micro 6.2025.10 stopped answering pipelined messages (see {@code docs/protocol.md} section
 * 5).
 */
public class SocketsInitializer implements ServletContainerInitializer {

  @Override
  public void onStartup(Set<Class<?>> classes, ServletContext ctx) {
    ctx.addListener(EndpointRegistrar.class);
    FilterRegistration.Dynamic door = ctx.addFilter(DoorFilter.NAME, DoorFilter.class);
    if (door != null) {
      door.setAsyncSupported(true);
      door.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
    }
  }
}
