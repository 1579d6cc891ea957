package io.aquilia.sockets.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.aquilia.sockets.tck.ops.OpsSocket;
import io.aquilia.sockets.tck.support.Deployments;
import io.aquilia.sockets.tck.support.WsClient;
import jakarta.json.JsonObject;
import jakarta.websocket.CloseReason;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The admin endpoint ({@code <context>/_aquilia/admin/*}) that {@code aq ws} drives, switched on by
 * a token in the application's MicroProfile Config, on each server of the kit.
 */
@ExtendWith(ArquillianExtension.class)
class AdminEndpointIT {

  private static final String TOKEN = "tck-admin-token-0123456789";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war("adminops", OpsSocket.class, OpsSocket.Note.class)
        .addAsResource(
            new StringAsset("aquilia.sockets.admin.token=" + TOKEN + "\n"),
            "META-INF/microprofile-config.properties");
  }

  @ArquillianResource URL base;

  private HttpResponse<String> call(String method, String action, String token, String body)
      throws Exception {
    URI uri =
        URI.create(
            "http://127.0.0.1:" + base.getPort() + base.getPath() + "_aquilia/admin/" + action);
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aMissingOrWrongTokenIsRefused() throws Exception {
    HttpResponse<String> none = call("GET", "sockets", null, null);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(WsClient.parseObject(none.body()).getString("error"))
        .isEqualTo("ADMIN_UNAUTHORIZED");
    assertThat(call("GET", "sockets", TOKEN + "x", null).statusCode()).isEqualTo(401);
  }

  @Test
  void inspectBroadcastAndKickALiveConnection() throws Exception {
    try (WsClient ws = WsClient.connect(WsClient.wsUri(base, "/ws/ops"))) {
      String id = ws.awaitSystem("connected").getJsonObject("payload").getString("connectionId");

      HttpResponse<String> sockets = call("GET", "sockets", TOKEN, null);
      assertThat(sockets.statusCode()).as(sockets.body()).isEqualTo(200);
      assertThat(sockets.body()).contains("\"/ws/ops\"").contains(id);

      HttpResponse<String> sent =
          call(
              "POST",
              "broadcast",
              TOKEN,
              "{\"namespace\":\"/ws/ops\",\"event\":\"notice\",\"payload\":{\"text\":\"hello\"}}");
      assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
      assertThat(WsClient.parseObject(sent.body()).getInt("delivered")).isEqualTo(1);
      JsonObject notice = ws.awaitJson(j -> "notice".equals(WsClient.str(j, "event")));
      assertThat(notice.getJsonObject("payload").getString("text")).isEqualTo("hello");

      HttpResponse<String> unknown =
          call("POST", "kick", TOKEN, "{\"connectionId\":\"no-such-connection\"}");
      assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
      assertThat(ws.isOpen()).isTrue();

      HttpResponse<String> kicked =
          call("POST", "kick", TOKEN, "{\"connectionId\":\"" + id + "\",\"reason\":\"bye\"}");
      assertThat(kicked.statusCode()).as(kicked.body()).isEqualTo(200);
      CloseReason why = ws.awaitClose(WsClient.TIMEOUT);
      assertThat(why.getCloseCode().getCode()).isEqualTo(4009);
      assertThat(why.getReasonPhrase()).isEqualTo("bye");
    }
  }
}
