package io.aquilia.sockets.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aquilia.sockets.bench.load.Bench;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A seconds-long run of every scenario against the bench server that the build starts, so that the
 * harness keeps working. It measures nothing worth publishing; {@code ./bench/run} does.
 */
class BenchSmokeIT {

  @Test
  @SuppressWarnings("unchecked")
  void everyScenarioRunsAndWritesItsReport() throws Exception {
    Path out = Path.of(System.getProperty("bench.out", "target/bench-smoke"));
    Map<String, Object> results =
        Bench.run(
            "--url=" + System.getProperty("bench.url", "http://127.0.0.1:19581/bench"),
            "--out=" + out,
            "--profile=smoke",
            "--scenarios=clients,echo,fanout,idle,cross",
            "--label=smoke");
    Map<String, Object> sc = (Map<String, Object>) results.get("scenarios");

    for (Object o : (List<Object>) ((Map<String, Object>) sc.get("echo-ack")).get("configs")) {
      Map<String, Object> c = (Map<String, Object>) o;
      for (String impl : List.of("fw", "raw")) {
        Map<String, Object> s = (Map<String, Object>) c.get(impl);
        double tput =
            ((Number) ((Map<String, Object>) s.get("throughput")).get("median")).doubleValue();
        assertTrue(tput > 0, impl + " echo throughput " + c);
        assertEquals(0L, ((Number) s.get("errors")).longValue(), impl + " echo errors " + c);
      }
    }
    for (Object o : (List<Object>) ((Map<String, Object>) sc.get("fan-out")).get("rooms")) {
      Map<String, Object> r = (Map<String, Object>) o;
      for (String impl : List.of("fw", "raw")) {
        Map<String, Object> s = (Map<String, Object>) r.get(impl);
        Map<String, Object> fixed = (Map<String, Object>) s.get("fixed_rate");
        assertEquals(0L, ((Number) fixed.get("lost")).longValue(), impl + " lost at a fixed rate");
        assertTrue(((Number) fixed.get("published")).longValue() > 0, impl + " published");
        for (String phase : List.of("max", "max_reading_member", "max_slow_member")) {
          Map<String, Object> max = (Map<String, Object>) s.get(phase);
          double rate =
              ((Number) ((Map<String, Object>) max.get("delivered_per_s")).get("median"))
                  .doubleValue();
          assertTrue(rate > 0, impl + " delivered in phase " + phase);
        }
      }
    }
    Map<String, Object> idle =
        (Map<String, Object>)
            ((List<Object>) ((Map<String, Object>) sc.get("idle")).get("sizes")).get(0);
    assertTrue(idle.containsKey("fw_minus_raw"));
    Map<String, Object> clients = (Map<String, Object>) sc.get("clients");
    assertTrue(clients.containsKey("jdk") && clients.containsKey("tyrus"));
    // the smoke run of cross-instance has both ends on one server (nothing crosses Redis)
    Map<String, Object> cross = (Map<String, Object>) sc.get("cross-instance");
    assertEquals(Boolean.TRUE, cross.get("same_server"));
    for (String placement : List.of("cross", "local")) {
      Map<String, Object> p =
          (Map<String, Object>) ((Map<String, Object>) cross.get("placements")).get(placement);
      assertEquals(0L, ((Number) p.get("lost")).longValue(), placement + " lost");
      assertTrue(((Number) p.get("published")).longValue() > 0, placement + " published");
    }
    for (String f :
        List.of("results.json", "RESULTS.md", "echo-ack.svg", "fan-out.svg", "idle.svg")) {
      assertTrue(Files.size(out.resolve(f)) > 0, f);
    }
  }
}
