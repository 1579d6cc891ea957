package io.aquilia.sockets.tck.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Builds the test WARs.
 *
 * <p>Every WAR gets the jars of the code under test in {@code WEB-INF/lib}: {@code
 * aquilia-sockets-api} and {@code aquilia-sockets-extension}, exactly as the reactor built them.
 * They are found through the {@link CodeSource} of a class they contain, so a {@code mvn verify}
 * uses {@code api/target/*.jar} (imported with {@code ShrinkWrap.createFromZipFile}) and an IDE run
 * uses {@code api/target/classes} (imported with {@link ExplodedImporter}); no install step and no
 * Maven resolver are needed.
 *
 * <pre>{@code
 * @Deployment(testable = false)
 * static WebArchive deployment() {
 *   return Deployments.war("echo", EchoSocket.class, Payload.class);
 * }
 * }</pre>
 *
 * The WAR is named {@code name + ".war"}, so its context root is {@code /name} on both servers. No
 * {@code beans.xml} is added: {@code @Socket} is a CDI stereotype, so controllers are discovered in
 * annotated mode, as in a user's application. Use {@link #withBeansXml(WebArchive)} for a test that
 * needs other beans without bean-defining annotations.
 */
public final class Deployments {

  /** A class of aquilia-sockets-api. */
  static final String API_MARKER = "io.aquilia.sockets.Socket";

  /** The service file through which the extension jar registers its CDI extension. */
  static final String EXTENSION_SERVICE =
      "META-INF/services/jakarta.enterprise.inject.spi.Extension";

  private static volatile List<JavaArchive> libraries;

  private Deployments() {}

  /**
   * A WAR named {@code name + ".war"} holding {@code classes} and, in {@code WEB-INF/lib}, the
   * aquilia-sockets api and extension jars.
   */
  public static WebArchive war(String name, Class<?>... classes) {
    return ShrinkWrap.create(WebArchive.class, name + ".war")
        .addClasses(classes)
        .addAsLibraries(libraries());
  }

  /**
   * A WAR named {@code name + ".war"} holding only {@code classes}, without the aquilia-sockets
   * jars: for baseline tests of the server itself (plain {@code @ServerEndpoint}s).
   */
  public static WebArchive bare(String name, Class<?>... classes) {
    return ShrinkWrap.create(WebArchive.class, name + ".war").addClasses(classes);
  }

  /**
   * A WAR like {@link #war} that uses the Redis adapter: it also holds the adapter jar, Redisson
   * and its dependencies (from {@code adapter-redisson/target/redis-libs}, system property {@code
   * tck.redis.libs}) and a {@code META-INF/aquilia-sockets.properties} with these settings.
   */
  public static WebArchive clusterWar(
      String name, java.util.Map<String, String> settings, Class<?>... classes) {
    WebArchive war = war(name, classes);
    war.addAsLibrary(
        archiveOf(
            location(loadClass("io.aquilia.sockets.redisson.RedisAdapterProvider")),
            "aquilia-sockets-adapter-redisson.jar"));
    File libs =
        new File(System.getProperty("tck.redis.libs", "../adapter-redisson/target/redis-libs"));
    File[] jars = libs.listFiles((d, n) -> n.endsWith(".jar"));
    if (jars == null || jars.length == 0) {
      throw new IllegalStateException(
          "No Redisson jars in " + libs.getAbsolutePath() + ": build adapter-redisson (package)");
    }
    war.addAsLibraries(jars);
    StringBuilder props = new StringBuilder();
    settings.forEach((k, v) -> props.append(k).append('=').append(v).append('\n'));
    war.addAsResource(
        new org.jboss.shrinkwrap.api.asset.StringAsset(props.toString()),
        "META-INF/aquilia-sockets.properties");
    return war;
  }

  /** Adds an empty {@code WEB-INF/beans.xml} (bean-discovery-mode "annotated" by CDI 4 default). */
  public static WebArchive withBeansXml(WebArchive war) {
    return war.addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
  }

  /** The api and extension jars as they will appear in {@code WEB-INF/lib}. */
  public static List<JavaArchive> libraries() {
    List<JavaArchive> libs = libraries;
    if (libs == null) {
      synchronized (Deployments.class) {
        libs = libraries;
        if (libs == null) {
          libs = new ArrayList<>();
          libs.add(archiveOf(location(loadClass(API_MARKER)), "aquilia-sockets-api.jar"));
          libs.add(archiveOf(extensionLocation(), "aquilia-sockets-extension.jar"));
          libraries = libs = List.copyOf(libs);
        }
      }
    }
    // A ShrinkWrap archive is mutable; hand out copies so that no test can change another's WAR.
    List<JavaArchive> copies = new ArrayList<>();
    for (JavaArchive lib : libs) {
      copies.add(ShrinkWrap.create(JavaArchive.class, lib.getName()).merge(lib));
    }
    return copies;
  }

  private static Class<?> loadClass(String name) {
    try {
      return Class.forName(name, false, Deployments.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          name + " is not on the test classpath: is aquilia-sockets-api a dependency?", e);
    }
  }

  /**
   * The classpath root (jar or classes directory) of the extension: the one whose CDI extension
   * service file names an {@code io.aquilia.sockets} class.
   */
  private static File extensionLocation() {
    try {
      Enumeration<URL> services =
          Deployments.class.getClassLoader().getResources(EXTENSION_SERVICE);
      while (services.hasMoreElements()) {
        URL url = services.nextElement();
        String providers;
        try (var in = url.openStream()) {
          providers = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        for (String line : providers.split("\\R")) {
          String provider = line.replaceAll("#.*", "").trim();
          if (provider.startsWith("io.aquilia.sockets.")) {
            return location(loadClass(provider));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalStateException(
        "No "
            + EXTENSION_SERVICE
            + " naming an io.aquilia.sockets class on the test classpath:"
            + " is aquilia-sockets-extension a dependency?");
  }

  private static File location(Class<?> type) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      throw new IllegalStateException("No code source for " + type.getName());
    }
    try {
      return new File(source.getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JavaArchive archiveOf(File location, String jarName) {
    if (location.isDirectory()) {
      // target/classes, e.g. when the test runs from an IDE
      return ShrinkWrap.create(JavaArchive.class, jarName)
          .as(ExplodedImporter.class)
          .importDirectory(location)
          .as(JavaArchive.class);
    }
    // target/aquilia-sockets-*.jar during mvn verify, or the jar in ~/.m2 with -pl tck-tests
    return ShrinkWrap.createFromZipFile(JavaArchive.class, location);
  }

  /** For debugging a deployment: the archive's entries, one per line. */
  public static String describe(Archive<?> archive) {
    return archive.toString(true);
  }
}
