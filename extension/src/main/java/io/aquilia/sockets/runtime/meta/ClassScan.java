package io.aquilia.sockets.runtime.meta;

import io.aquilia.sockets.Socket;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds the {@code @Socket} controllers among compiled classes without a container: lists the class
 * files of directories and jars, loads each (without initializing it) and keeps the concrete ones
 * annotated {@code @Socket}. The application manifest {@code META-INF/aquilia-sockets.properties}
 * applies as at deployment ({@code discovery=manifest} keeps only the listed controllers).
 */
public final class ClassScan {

  private ClassScan() {}

  /** The class names in a directory of classes or a jar, sorted. */
  public static List<String> classNames(Path root) {
    List<String> names = new ArrayList<>();
    try {
      if (Files.isDirectory(root)) {
        try (Stream<Path> files = Files.walk(root)) {
          files
              .filter(p -> p.toString().endsWith(".class"))
              .forEach(p -> names.add(toClassName(root.relativize(p).toString())));
        }
      } else {
        try (ZipFile zip = new ZipFile(root.toFile())) {
          zip.stream()
              .map(ZipEntry::getName)
              .filter(n -> n.endsWith(".class"))
              .forEach(n -> names.add(toClassName(n)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the classes of " + root, e);
    }
    names.removeIf(n -> n.endsWith("module-info") || n.endsWith("package-info"));
    names.sort(null);
    return names;
  }

  private static String toClassName(String path) {
    String p = path.replace('\\', '/');
    return p.substring(0, p.length() - ".class".length()).replace('/', '.');
  }

  /**
   * The controllers among the named classes: concrete classes annotated {@code @Socket}, filtered
   * by the manifest. Classes that cannot be loaded are skipped.
   */
  public static List<Class<?>> sockets(ClassLoader loader, List<String> classNames) {
    List<Class<?>> found = new ArrayList<>();
    for (String name : classNames) {
      try {
        Class<?> c = Class.forName(name, false, loader);
        if (c.isAnnotationPresent(Socket.class)) {
          found.add(c);
        }
      } catch (ClassNotFoundException | LinkageError e) {
        // not loadable here (a missing optional dependency): not a controller we can describe
      }
    }
    Set<String> listed = new LinkedHashSet<>();
    boolean manifestOnly = readManifest(loader, listed);
    if (manifestOnly) {
      found.removeIf(c -> !listed.contains(c.getName()));
    }
    found.removeIf(c -> c.isInterface() || Modifier.isAbstract(c.getModifiers()));
    return found;
  }

  private static boolean readManifest(ClassLoader loader, Set<String> listed) {
    boolean manifestOnly = false;
    try {
      Enumeration<URL> urls = loader.getResources("META-INF/aquilia-sockets.properties");
      while (urls.hasMoreElements()) {
        Properties p = new Properties();
        try (InputStream in = urls.nextElement().openStream()) {
          p.load(in);
        }
        manifestOnly |= "manifest".equals(p.getProperty("discovery", "auto").trim());
        for (String n : p.getProperty("socket-controllers", "").split(",")) {
          if (!n.isBlank()) {
            listed.add(n.trim());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read META-INF/aquilia-sockets.properties", e);
    }
    return manifestOnly;
  }
}
