package io.aquilia.sockets.runtime.meta;

import io.aquilia.sockets.runtime.DeploymentModel;
import io.aquilia.sockets.runtime.Describer;
import io.aquilia.sockets.runtime.Messages;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The build-time step: scans a directory of compiled classes, validates the controllers exactly as
 * the deployment would, and writes {@code sockets.json} (the metadata) and {@code asyncapi.json}.
 * Any definition error fails the step with every {@code AQS-0xx} message.
 *
 * <pre>
 * java -cp app-classes:aquilia-sockets-extension.jar:aquilia-sockets-api.jar:jakartaee-api.jar \
 *     io.aquilia.sockets.runtime.meta.Generate target/classes [outputDir] [title] [version]
 * </pre>
 *
 * The output directory defaults to {@code <classes>/META-INF/aquilia-sockets}, so the files are
 * packaged with the application (and {@code aq ws gen-client --from} can read them).
 */
public final class Generate {

  /** The metadata file name. */
  public static final String METADATA_FILE = "sockets.json";

  /** The AsyncAPI file name. */
  public static final String ASYNCAPI_FILE = "asyncapi.json";

  /** Where the files go inside the classes directory. */
  public static final String RESOURCE_DIR = "META-INF/aquilia-sockets";

  private Generate() {}

  /**
   * Entry point.
   *
   * @param args classes directory, then optionally the output directory, the title and the version
   * @throws IllegalStateException when a controller has definition errors
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      throw new IllegalArgumentException(
          "usage: Generate <classesDir> [outputDir] [title] [version]");
    }
    Path classes = Path.of(args[0]);
    Path out = args.length > 1 ? Path.of(args[1]) : classes.resolve(RESOURCE_DIR);
    String title = args.length > 2 ? args[2] : "Aquilia Sockets API";
    String version = args.length > 3 ? args[3] : "0.0.0";
    ClassLoader parent = Thread.currentThread().getContextClassLoader();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, parent)) {
      DeploymentModel model = scan(loader, List.of(classes));
      if (!model.problems().isEmpty()) {
        throw new IllegalStateException(
            "The sockets have definition errors:\n  "
                + String.join("\n  ", model.problems().messages()));
      }
      SocketMetadata.Document doc = Describer.describe(model.models());
      Files.createDirectories(out);
      Files.writeString(
          out.resolve(METADATA_FILE), JsonText.pretty(doc.toJson()), StandardCharsets.UTF_8);
      Files.writeString(
          out.resolve(ASYNCAPI_FILE),
          JsonText.pretty(AsyncApi.of(doc, title, version)),
          StandardCharsets.UTF_8);
      System.out.println(
          Messages.described(
              doc.sockets().size(),
              out.resolve(METADATA_FILE).toString(),
              out.resolve(ASYNCAPI_FILE).toString()));
    }
  }

  /** Finds and validates the controllers among the classes of the roots. */
  public static DeploymentModel scan(ClassLoader loader, List<Path> roots) {
    List<String> names = new java.util.ArrayList<>();
    roots.forEach(r -> names.addAll(ClassScan.classNames(r)));
    return DeploymentModel.of(ClassScan.sockets(loader, names));
  }
}
