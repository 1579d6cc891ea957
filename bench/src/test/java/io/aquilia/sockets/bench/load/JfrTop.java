package io.aquilia.sockets.bench.load;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises the CPU samples of a Flight Recorder file ({@code jfr print} fails on some of
 * Liberty's generated method names):
 *
 * <pre>
 * JfrTop server.jfr [only-stacks-containing] [top-n]
 * </pre>
 *
 * prints the methods with the most samples on top of the stack (self) and, for the project's and
 * the container's WebSocket/JSON/validation frames, the share of samples that include them.
 */
public final class JfrTop {

  private JfrTop() {}

  public static void main(String[] args) throws IOException {
    String filter = args.length > 1 && !args[1].isEmpty() ? args[1] : null;
    int top = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    Map<String, Integer> self = new HashMap<>();
    Map<String, Integer> inclusive = new HashMap<>();
    int samples = 0;
    for (RecordedEvent e : readWhatIsReadable(Path.of(args[0]))) {
      if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
        continue;
      }
      List<RecordedFrame> frames = e.getStackTrace().getFrames();
      List<String> names = frames.stream().map(JfrTop::name).toList();
      if (names.isEmpty()
          || (filter != null && names.stream().noneMatch(n -> n.contains(filter)))) {
        continue;
      }
      samples++;
      self.merge(names.get(0), 1, Integer::sum);
      Set<String> seen = new HashSet<>(names);
      seen.forEach(n -> inclusive.merge(n, 1, Integer::sum));
    }
    System.out.println(
        "samples: " + samples + (filter == null ? "" : " (stacks containing " + filter + ")"));
    print("self", self, samples, top, null);
    print(
        "inclusive",
        inclusive,
        samples,
        top * 2,
        List.of("aquilia", "yasson", "parsson", "hibernate", "wsoc", "websocket", "bench"));
  }

  /** The events up to the first unreadable one (a recording cut short at shutdown). */
  private static List<RecordedEvent> readWhatIsReadable(Path file) throws IOException {
    List<RecordedEvent> events = new java.util.ArrayList<>();
    try (RecordingFile f = new RecordingFile(file)) {
      while (f.hasMoreEvents()) {
        events.add(f.readEvent());
      }
    } catch (IOException e) {
      System.out.println(
          "(recording unreadable after " + events.size() + " events: " + e.getMessage() + ")");
    }
    return events;
  }

  private static void print(
      String title, Map<String, Integer> counts, int samples, int top, List<String> only) {
    System.out.println("--- " + title);
    counts.entrySet().stream()
        .filter(e -> only == null || only.stream().anyMatch(o -> e.getKey().contains(o)))
        .sorted((a, b) -> b.getValue() - a.getValue())
        .limit(top)
        .forEach(
            e ->
                System.out.printf(
                    "%6d %5.1f%% %s%n", e.getValue(), 100.0 * e.getValue() / samples, e.getKey()));
  }

  private static String name(RecordedFrame f) {
    if (f.getMethod() == null || f.getMethod().getType() == null) {
      return "?";
    }
    return f.getMethod().getType().getName() + "." + f.getMethod().getName();
  }
}
