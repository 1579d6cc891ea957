package io.aquilia.sockets.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.aquilia.sockets.tck.ops.OpsSocket;
import io.aquilia.sockets.tck.support.Deployments;
import io.aquilia.sockets.tck.support.Health;
import io.aquilia.sockets.tck.support.Prometheus;
import io.aquilia.sockets.tck.support.WsClient;
import jakarta.json.JsonObject;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** MicroProfile Health and Metrics as an operator sees them, on a real server. */
@ExtendWith(ArquillianExtension.class)
class OperationsIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war("ops", OpsSocket.class, OpsSocket.Note.class);
  }

  @ArquillianResource URL base;

  @Test
  void livenessAndReadinessReportTheSocketsRuntime() throws Exception {
    try (WsClient ws = WsClient.connect(WsClient.wsUri(base, "/ws/ops"))) {
      ws.awaitSystem("connected");
      JsonObject live = Health.read(base, "/health/live");
      JsonObject sockets = Health.check(live, "aquilia-sockets");
      assertThat(sockets.getString("status")).isEqualTo("UP");
      // Liberty writes health data numbers as JSON numbers, Payara as strings.
      String connections =
          sockets.getJsonObject("data").get("connections").toString().replace("\"", "");
      assertThat(Integer.parseInt(connections)).isGreaterThanOrEqualTo(1);
      JsonObject ready = Health.read(base, "/health/ready");
      JsonObject adapter = Health.check(ready, "aquilia-sockets-adapter");
      assertThat(adapter.getString("status")).isEqualTo("UP");
      assertThat(adapter.getJsonObject("data").getString("adapter")).isEqualTo("in-memory");
    }
  }

  @Test
  void metricsCountConnectionsMessagesErrorsAndAckLatency() throws Exception {
    try (WsClient ws = WsClient.connect(WsClient.wsUri(base, "/ws/ops"))) {
      ws.awaitSystem("connected");
      ws.sendEvent("n1", "note", "{\"text\":\"hi\"}");
      ws.awaitAck("n1");
      ws.sendEvent("n2", "note", "{\"text\":\"\"}");
      ws.awaitAck("n2");
      ws.sendEvent("f1", "fail", "{}");
      ws.awaitAck("f1");
      ws.sendEvent("u1", "no.such.event", "{}");
      ws.awaitAck("u1");
      String metrics = Prometheus.scrape(base);
      assertThat(
              Prometheus.value(metrics, "aquilia_sockets_connections_open", "socket=\"/ws/ops\""))
          .isGreaterThanOrEqualTo(1);
      assertThat(
              Prometheus.value(
                  metrics, "aquilia_sockets_messages_received_total", "event=\"note\""))
          .isEqualTo(2);
      assertThat(
              Prometheus.value(
                  metrics, "aquilia_sockets_messages_received_total", "event=\"(unknown)\""))
          .isEqualTo(1);
      assertThat(
              Prometheus.value(
                  metrics, "aquilia_sockets_errors_total", "code=\"WS_MESSAGE_INVALID\""))
          .isEqualTo(1);
      assertThat(
              Prometheus.value(
                  metrics, "aquilia_sockets_errors_total", "code=\"WS_INTERNAL_ERROR\""))
          .isEqualTo(1);
      // every reply to a message with an id is timed, success or error: n1 and n2
      // Liberty exports timers in seconds (_seconds_count), Payara in nanoseconds (_count)
      String timerCount =
          metrics.contains("aquilia_sockets_ack_latency_seconds_count")
              ? "aquilia_sockets_ack_latency_seconds_count"
              : "aquilia_sockets_ack_latency_count";
      assertThat(Prometheus.value(metrics, timerCount, "event=\"note\"")).isEqualTo(2);
      assertThat(metrics).doesNotContain("no.such.event");
    }
  }
}
