package io.aquilia.sockets.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the message catalogue the only place that writes message ids: every {@code AQS-nnn} in the
 * main sources of the extension and the Redis adapter is in one of their two {@code Messages}
 * classes, and the two never use the same id.
 */
class MessageCatalogueTest {

  private static final Pattern ID = Pattern.compile("\"AQS-(\\d{3})");
  private static final Path EXTENSION = Path.of("src/main/java");
  private static final Path ADAPTER = Path.of("../adapter-redisson/src/main/java");

  @Test
  void messageIdsAreWrittenOnlyInTheCatalogues() throws IOException {
    List<String> outside = new ArrayList<>();
    for (Path root : List.of(EXTENSION, ADAPTER)) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(root)) {
        files
            .filter(f -> f.toString().endsWith(".java"))
            .filter(f -> !f.getFileName().toString().equals("Messages.java"))
            .forEach(
                f -> {
                  if (!ids(f).isEmpty()) {
                    outside.add(root.relativize(f) + " " + ids(f));
                  }
                });
      }
    }
    assertThat(outside).as("message ids written outside Messages.java").isEmpty();
  }

  @Test
  void theExtensionAndTheAdapterNeverShareAnId() {
    Path adapter = ADAPTER.resolve("io/aquilia/sockets/redisson/Messages.java");
    Set<String> ext = ids(EXTENSION.resolve("io/aquilia/sockets/runtime/Messages.java"));
    assertThat(ext).hasSizeGreaterThan(50);
    if (Files.exists(adapter)) {
      Set<String> ours = ids(adapter);
      assertThat(ours).isNotEmpty().doesNotContainAnyElementsOf(ext);
    }
  }

  private static Set<String> ids(Path file) {
    try {
      Matcher m = ID.matcher(Files.readString(file));
      Set<String> out = new TreeSet<>();
      while (m.find()) {
        out.add("AQS-" + m.group(1));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
