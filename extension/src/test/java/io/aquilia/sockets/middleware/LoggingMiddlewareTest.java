package io.aquilia.sockets.middleware;

import static org.assertj.core.api.Assertions.assertThat;

import io.aquilia.sockets.CloseStatus;
import io.aquilia.sockets.Connection;
import io.aquilia.sockets.Envelope;
import io.aquilia.sockets.testing.LogLines;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The logging middleware logs events and ids, and payloads only when asked to. */
class LoggingMiddlewareTest {

  LogLines log;

  @BeforeEach
  void capture() {
    log = LogLines.capture(Logger.getLogger(LoggingMiddleware.class.getName()));
  }

  @AfterEach
  void release() {
    log.close();
  }

  static Connection connection() {
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (p, m, a) ->
                switch (m.getName()) {
                  case "id" -> "c1";
                  case "namespace" -> "/ws/x";
                  case "principal", "remoteAddress" -> Optional.empty();
                  default -> null;
                });
  }

  @Test
  void logsWithoutPayloadsByDefault() throws Exception {
    LoggingMiddleware m = new LoggingMiddleware();
    Envelope e = new Envelope("7", null, "chat.send", "{\"text\":\"my secret\"}", Map.of(), false);
    m.onConnect(connection());
    assertThat(m.onMessage(connection(), e, () -> "done")).isEqualTo("done");
    m.onDisconnect(connection(), new CloseStatus(1000, "bye"));
    assertThat(log.all())
        .containsExactly(
            "AQS-145 connect /ws/x connection=c1 user=- address=-",
            "AQS-146 message /ws/x connection=c1 event=chat.send id=7",
            "AQS-147 disconnect /ws/x connection=c1 code=1000 reason=bye");
  }

  @Test
  void aSubclassCanLogPayloads() throws Exception {
    LoggingMiddleware verbose = new LoggingMiddleware(true) {};
    Envelope e = new Envelope("7", null, "chat.send", "{\"text\":\"hi\"}", Map.of(), false);
    verbose.onMessage(connection(), e, () -> null);
    assertThat(log.all())
        .containsExactly(
            "AQS-146 message /ws/x connection=c1 event=chat.send id=7 payload={\"text\":\"hi\"}");
  }
}
