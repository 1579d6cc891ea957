package io.aquilia.sockets.cli;

import io.aquilia.sockets.runtime.DeploymentModel;
import io.aquilia.sockets.runtime.Describer;
import io.aquilia.sockets.runtime.meta.Generate;
import io.aquilia.sockets.runtime.meta.JsonText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Where socket metadata comes from: a running application (an http(s) URL, through the admin
 * endpoint), a metadata file ({@code sockets.json}), or compiled code — a WAR, a jar, an exploded
 * WAR or a classes directory — scanned with the runtime's own scanner, so offline and live agree.
 */
final class Sources {

  private Sources() {}

  /** The metadata document of a source. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> load(String source, String token) {
    if (source.startsWith("http://") || source.startsWith("https://")) {
      return (Map<String, Object>) new AdminClient(source, token).get("sockets");
    }
    Path p = Path.of(source);
    if (!Files.exists(p)) {
      throw new CliException(CliException.INVALID_INPUT, "no such file or directory: " + source);
    }
    if (Files.isRegularFile(p) && source.endsWith(".json")) {
      return metadataFile(p);
    }
    return scan(p);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> metadataFile(Path p) {
    try {
      Object v = JsonText.parse(Files.readString(p, StandardCharsets.UTF_8));
      if (v instanceof Map<?, ?> m && m.get("sockets") instanceof List) {
        return (Map<String, Object>) m;
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new CliException(
          CliException.INVALID_INPUT, "cannot read " + p + ": " + e.getMessage());
    }
    throw new CliException(
        CliException.INVALID_INPUT, p + " is not an Aquilia Sockets metadata file (no 'sockets')");
  }

  /** Scans compiled code; definition errors become an {@link CliException#INVALID_INPUT}. */
  static Map<String, Object> scan(Path p) {
    Path temp = null;
    try {
      Path root = p;
      if (Files.isRegularFile(p) && isWar(p)) {
        temp = Files.createTempDirectory("aq-war-");
        unzip(p, temp);
        root = temp;
      }
      List<Path> roots = new ArrayList<>();
      List<URL> urls = new ArrayList<>();
      if (Files.isDirectory(root.resolve("WEB-INF"))) {
        Path classes = root.resolve("WEB-INF/classes");
        if (Files.isDirectory(classes)) {
          roots.add(classes);
        }
        Path lib = root.resolve("WEB-INF/lib");
        if (Files.isDirectory(lib)) {
          try (Stream<Path> jars = Files.list(lib)) {
            jars.filter(j -> j.toString().endsWith(".jar"))
                .filter(j -> !j.getFileName().toString().startsWith("aquilia-sockets-"))
                .sorted()
                .forEach(roots::add);
          }
        }
      } else if (Files.isDirectory(root) || root.toString().endsWith(".jar")) {
        roots.add(root);
      } else {
        throw new CliException(
            CliException.INVALID_INPUT,
            p + " is not a WAR, a jar, a classes directory or a sockets.json file");
      }
      for (Path r : roots) {
        urls.add(r.toUri().toURL());
      }
      try (URLClassLoader loader =
          new URLClassLoader(urls.toArray(new URL[0]), Sources.class.getClassLoader())) {
        DeploymentModel model = Generate.scan(loader, roots);
        if (!model.problems().isEmpty()) {
          throw new CliException(
              CliException.INVALID_INPUT,
              "the sockets of "
                  + p
                  + " have definition errors:\n  "
                  + String.join("\n  ", model.problems().messages()));
        }
        return Describer.describe(model.models()).toJson();
      }
    } catch (IOException | UncheckedIOException e) {
      throw new CliException(
          CliException.INVALID_INPUT, "cannot read " + p + ": " + e.getMessage());
    } finally {
      if (temp != null) {
        deleteTree(temp);
      }
    }
  }

  private static boolean isWar(Path p) {
    if (p.toString().endsWith(".war")) {
      return true;
    }
    try (ZipFile z = new ZipFile(p.toFile())) {
      return z.getEntry("WEB-INF/") != null
          || z.stream().anyMatch(e -> e.getName().startsWith("WEB-INF/"));
    } catch (IOException e) {
      throw new CliException(CliException.INVALID_INPUT, p + " is not a zip archive");
    }
  }

  private static void unzip(Path war, Path into) throws IOException {
    try (ZipFile z = new ZipFile(war.toFile())) {
      Enumeration<? extends ZipEntry> entries = z.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        Path target = into.resolve(e.getName()).normalize();
        if (!target.startsWith(into)) {
          throw new IOException("entry outside the archive: " + e.getName());
        }
        if (e.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          try (InputStream in = z.getInputStream(e)) {
            Files.copy(in, target);
          }
        }
      }
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
