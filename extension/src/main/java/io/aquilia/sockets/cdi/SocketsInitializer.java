package io.aquilia.sockets.cdi;

import io.aquilia.sockets.Socket;
import io.aquilia.sockets.jakarta.AquiliaEndpoint;
import io.aquilia.sockets.jakarta.DoorFilter;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.annotation.HandlesTypes;
import java.util.EnumSet;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Adds {@link EndpointRegistrar} to every web application that contains the extension. Registering
 * endpoints directly here is not portable (on Payara this initializer may run before the WebSocket
 * container's), so the work happens in the listener. Here it only adds the {@link DoorFilter}
 * (before the filters of {@code web.xml}, so that it sees upgrade requests before the container
 * upgrades them), and bounds the frame buffer of Tyrus-based containers (Payara) to the largest
 * socket's container buffer: Tyrus enforces {@code setMaxTextMessageBufferSize} only on fragmented
 * messages, and would otherwise accept an unfragmented frame of up to 4 MiB.
 */
@HandlesTypes(Socket.class)
public class SocketsInitializer implements ServletContainerInitializer {

  /** The Tyrus servlet context parameter that bounds one frame, read at every upgrade. */
  static final String TYRUS_BUFFER = "org.glassfish.tyrus.servlet.incoming-buffer-size";

  /** Room for a frame header: 2 bytes, 8 of extended length, 4 of mask. */
  static final int FRAME_HEADER = 14;

  private static final Logger LOG = Logger.getLogger(SocketsInitializer.class.getName());

  @Override
  public void onStartup(Set<Class<?>> classes, ServletContext ctx) {
    ctx.addListener(EndpointRegistrar.class);
    FilterRegistration.Dynamic door = ctx.addFilter(DoorFilter.NAME, DoorFilter.class);
    if (door != null) {
      door.setAsyncSupported(true);
      door.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
    }
    boundTyrusBuffer(ctx, classes);
  }

  private static void boundTyrusBuffer(ServletContext ctx, Set<Class<?>> socketClasses) {
    if (ctx.getInitParameter(TYRUS_BUFFER) != null) {
      return; // the application chose its own
    }
    int max = 0;
    try {
      // the validated models, with configuration overrides applied
      max =
          CDI
              .current()
              .getBeanManager()
              .getExtension(AquiliaSocketsExtension.class)
              .models()
              .stream()
              .mapToInt(m -> AquiliaEndpoint.containerBuffer(m.limits().maxMessageSize()))
              .max()
              .orElse(0);
    } catch (RuntimeException | LinkageError e) {
      LOG.log(Level.FINE, "AQS-149 CDI is not available yet; using the @Socket annotations", e);
    }
    if (max == 0 && socketClasses != null) {
      for (Class<?> c : socketClasses) {
        Socket s = c.getAnnotation(Socket.class);
        if (s != null && s.maxMessageSize() > 0) {
          max = Math.max(max, AquiliaEndpoint.containerBuffer(s.maxMessageSize()));
        }
      }
    }
    if (max > 0) {
      ctx.setInitParameter(TYRUS_BUFFER, String.valueOf(max + FRAME_HEADER));
    }
  }
}
