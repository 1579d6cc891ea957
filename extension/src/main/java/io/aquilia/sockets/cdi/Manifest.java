package io.aquilia.sockets.cdi;

import io.aquilia.sockets.runtime.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * The optional application manifest {@code META-INF/aquilia-sockets.properties}, the Java form of
 * Aquilia's {@code socket_controllers}:
 *
 * <pre>
 * # auto (default): every @Socket bean, plus the listed ones; manifest: only the listed ones
 * discovery=manifest
 * socket-controllers=com.example.ChatSocket, com.example.AdminSocket
 * </pre>
 *
 * @param autoDiscovery whether every {@code @Socket} bean is registered
 * @param controllers the listed class names
 */
record Manifest(boolean autoDiscovery, Set<String> controllers) {

  static final String RESOURCE = "META-INF/aquilia-sockets.properties";

  static Manifest load(ClassLoader loader, List<String> problems) {
    boolean auto = true;
    Set<String> names = new LinkedHashSet<>();
    try {
      Enumeration<URL> urls = loader.getResources(RESOURCE);
      while (urls.hasMoreElements()) {
        URL url = urls.nextElement();
        Properties p = new Properties();
        try (InputStream in = url.openStream()) {
          p.load(in);
        }
        String discovery = p.getProperty("discovery", "auto").trim();
        if ("manifest".equals(discovery)) {
          auto = false;
        } else if (!"auto".equals(discovery)) {
          problems.add(Messages.manifestDiscovery(RESOURCE, discovery));
        }
        for (String n : p.getProperty("socket-controllers", "").split(",")) {
          if (!n.isBlank()) {
            names.add(n.trim());
          }
        }
      }
    } catch (IOException e) {
      problems.add(Messages.manifestUnreadable(RESOURCE, e.getMessage()));
    }
    return new Manifest(auto, names);
  }

  /** The listed names, in order. */
  List<String> listed() {
    return new ArrayList<>(controllers);
  }
}
