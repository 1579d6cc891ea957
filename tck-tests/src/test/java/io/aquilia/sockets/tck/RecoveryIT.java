package io.aquilia.sockets.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.aquilia.sockets.tck.cluster.ClusterSocket;
import io.aquilia.sockets.tck.cluster.NewsSocket;
import io.aquilia.sockets.tck.support.Deployments;
import io.aquilia.sockets.tck.support.WsClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Recoverable rooms on one server with the default in-memory adapter: a client that lost its
 * connection gets what it missed, in order, with positions; a position from elsewhere is answered
 * "not recovered". (The same across instances with Redis: {@code ClusterIT}.)
 */
@ExtendWith(ArquillianExtension.class)
class RecoveryIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war(
        "recovery", NewsSocket.class, ClusterSocket.class, ClusterSocket.Line.class);
  }

  @ArquillianResource URL base;

  private WsClient news() {
    WsClient c = WsClient.connect(WsClient.wsUri(base, "/ws/news/feed"));
    c.awaitMessage(m -> m.contains("\"event\":\"room.joined\""));
    return c;
  }

  private static JsonObject line(String text) {
    return Json.createObjectBuilder().add("text", text).build();
  }

  private static JsonObject recover(WsClient c, String epoch, long offset) {
    return c.recover("feed", epoch, offset);
  }

  @Test
  void aClientThatLostItsConnectionRecoversWhatItMissedFromMemory() {
    String epoch;
    long offset;
    try (WsClient writer = news()) {
      try (WsClient reader = news()) {
        writer.awaitAck(writer.sendEvent("post", line("m1")));
        JsonObject m1 = reader.awaitJson(j -> "news".equals(WsClient.str(j, "event")));
        JsonObject meta = m1.getJsonObject("meta");
        epoch = meta.getString("epoch");
        offset = meta.getJsonNumber("offset").longValue();
        assertThat(epoch).isNotBlank();
        assertThat(meta.getString("room")).isEqualTo("feed");
      }
      writer.awaitAck(writer.sendEvent("post", line("m2")));
      writer.awaitAck(writer.sendEvent("post", line("m3")));
    }
    try (WsClient reader = news()) {
      JsonObject answer = recover(reader, epoch, offset);
      assertThat(answer.getBoolean("recovered")).isTrue();
      assertThat(answer.getInt("replayed")).isEqualTo(2);
      assertThat(answer.getJsonNumber("offset").longValue()).isEqualTo(offset + 2);
      List<JsonObject> replayed = reader.events("news");
      assertThat(replayed)
          .extracting(j -> j.getJsonObject("payload").getString("text"))
          .containsExactly("m2", "m3");
      assertThat(replayed)
          .extracting(j -> j.getJsonObject("meta").getJsonNumber("offset").longValue())
          .containsExactly(offset + 1, offset + 2);
      // a position of another epoch (say, before a restart): an explicit "not recovered"
      JsonObject lost = recover(reader, "before-restart", 1);
      assertThat(lost.getBoolean("recovered")).isFalse();
      assertThat(lost.getInt("replayed")).isZero();
      assertThat(lost.getString("epoch")).isEqualTo(epoch);
    }
  }
}
