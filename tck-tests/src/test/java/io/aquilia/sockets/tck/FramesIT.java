package io.aquilia.sockets.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.aquilia.sockets.tck.frames.BurstSocket;
import io.aquilia.sockets.tck.support.Deployments;
import io.aquilia.sockets.tck.support.WsClient;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What reaches a client is whole frames, in order, even when large and small sends race. */
@ExtendWith(ArquillianExtension.class)
class FramesIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war("frames", BurstSocket.class);
  }

  @ArquillianResource URL base;

  @Test
  void aLargeEventAndSmallOnesFromAnotherThreadArriveWhole() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> runs = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        int kb = 20 + 40 * (i % 6); // 20 to 220 KB
        runs.add(
            pool.submit(
                () -> {
                  try (WsClient ws = WsClient.connect(WsClient.wsUri(base, "/ws/burst?kb=" + kb))) {
                    ws.awaitMessage(m -> m.contains("\"event\":\"big\""));
                    for (int k = 0; k < 50; k++) {
                      int n = k;
                      ws.awaitMessage(
                          m ->
                              m.contains("\"event\":\"small\"")
                                  && m.contains("\"payload\":" + n + ","));
                    }
                    return ws.isOpen() ? "ok" : "closed: " + ws.closeReason().getNow(null);
                  }
                }));
      }
      for (Future<String> r : runs) {
        assertThat(r.get(120, TimeUnit.SECONDS)).isEqualTo("ok");
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
