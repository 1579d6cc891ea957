package io.aquilia.sockets.tck.support;

import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.glassfish.tyrus.client.ClientManager;

/**
 * A light WebSocket client for load tests: it counts the events of one name carrying a {@code
 * "seq"} number and checks that they arrive in order (0, 1, 2, ...), without keeping them; other
 * frames (acks, system messages) are kept. {@link WsClient} keeps every frame, which is too much
 * for 50 clients receiving megabytes each.
 */
public final class CountingClient implements AutoCloseable {

  private static final ClientManager CLIENT = ClientManager.createClient();
  private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");
  private static final AtomicLong IDS = new AtomicLong();

  private final String counted;
  private final AtomicInteger count = new AtomicInteger();
  private final AtomicInteger outOfOrder = new AtomicInteger();
  private final List<String> others = new CopyOnWriteArrayList<>();
  private final Map<String, JsonObject> acks = new ConcurrentHashMap<>();
  private volatile Session session;

  private CountingClient(String counted) {
    this.counted = "\"event\":\"" + counted + "\"";
  }

  /** Connects, counting the events named {@code counted}. */
  public static CountingClient connect(URI uri, String counted) {
    CountingClient c = new CountingClient(counted);
    try {
      CLIENT.connectToServer(
          new Endpoint() {
            @Override
            public void onOpen(Session s, EndpointConfig config) {
              c.session = s;
              s.setMaxTextMessageBufferSize(1 << 20);
              s.addMessageHandler(String.class, (MessageHandler.Whole<String>) c::onText);
            }

            @Override
            public void onClose(Session s, CloseReason reason) {}
          },
          ClientEndpointConfig.Builder.create().build(),
          uri);
    } catch (DeploymentException | IOException e) {
      throw new IllegalStateException("connect to " + uri + " failed: " + e, e);
    }
    return c;
  }

  private void onText(String text) {
    if (text.contains(counted)) {
      Matcher m = SEQ.matcher(text);
      int seq = m.find() ? Integer.parseInt(m.group(1)) : -1;
      if (seq != count.getAndIncrement()) {
        outOfOrder.incrementAndGet();
      }
      return;
    }
    JsonObject json = WsClient.parseObject(text);
    if ("ack".equals(WsClient.str(json, "type")) && json.get("id") != null) {
      acks.put(WsClient.str(json, "id"), json);
    } else {
      others.add(text);
    }
  }

  /** Sends an event with an id and waits for its ack. */
  public JsonObject call(String event, String payloadJson) {
    String id = "c" + IDS.incrementAndGet();
    session
        .getAsyncRemote()
        .sendText(
            "{\"id\":\"" + id + "\",\"event\":\"" + event + "\",\"payload\":" + payloadJson + "}");
    await().atMost(WsClient.TIMEOUT).until(() -> acks.containsKey(id));
    return acks.remove(id);
  }

  /** Waits until a frame (other than a counted event or an ack) containing {@code text} came. */
  public void awaitOther(String text) {
    await().atMost(WsClient.TIMEOUT).until(() -> others.stream().anyMatch(m -> m.contains(text)));
  }

  /** How many counted events arrived. */
  public int count() {
    return count.get();
  }

  /** How many counted events arrived out of order (or without a sequence number). */
  public int outOfOrder() {
    return outOfOrder.get();
  }

  /** Whether the connection is open. */
  public boolean isOpen() {
    Session s = session;
    return s != null && s.isOpen();
  }

  @Override
  public void close() {
    try {
      Session s = session;
      if (s != null && s.isOpen()) {
        s.close();
      }
    } catch (IOException e) {
      // closing a test connection
    }
  }
}
