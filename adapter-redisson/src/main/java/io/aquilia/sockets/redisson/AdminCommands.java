package io.aquilia.sockets.redisson;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import org.redisson.api.RScript;
import org.redisson.client.codec.StringCodec;

/**
 * The admin commands that travel between instances: a kick goes to the channel of the instance that
 * registered the connection, a purge to the room's channel (so only instances with members get it).
 * Commands are small JSON objects: {@code {"op":"kick","conn","code","reason"}} and {@code
 * {"op":"purge","ns","room","reason"}}.
 */
final class AdminCommands {

  private final RedisCalls calls;
  private final Keys keys;
  private final RedisSettings settings;
  private final BiFunction<String, WireMessage, CompletionStage<Long>> send;

  /**
   * @param send publishes a message on a channel; completes with the number of receivers
   */
  AdminCommands(
      RedisCalls calls,
      Keys keys,
      RedisSettings settings,
      BiFunction<String, WireMessage, CompletionStage<Long>> send) {
    this.calls = calls;
    this.keys = keys;
    this.settings = settings;
    this.send = send;
  }

  /** Sends a kick to the live instance holding the connection; true if one received it. */
  CompletionStage<Boolean> kick(String connectionId, int code, String reason) {
    if (!calls.isUp()) {
      return CompletableFuture.completedFuture(false);
    }
    String cmd =
        Json.createObjectBuilder()
            .add("op", "kick")
            .add("conn", connectionId)
            .add("code", code)
            .add("reason", reason == null ? "" : reason)
            .build()
            .toString();
    CompletionStage<List<Object>> live =
        calls.script(
            keys.instances(), Scripts.LIVE, RScript.ReturnType.LIST, List.of(keys.instances()));
    return live.thenCompose(
        alive -> {
          List<CompletableFuture<Boolean>> found = new ArrayList<>();
          for (Object a : alive) {
            String instance = String.valueOf(a);
            if (!instance.equals(settings.instanceId())) {
              found.add(kickOn(instance, connectionId, cmd));
            }
          }
          return CompletableFuture.allOf(found.toArray(CompletableFuture[]::new))
              .thenApply(v -> found.stream().anyMatch(CompletableFuture::join));
        });
  }

  private CompletableFuture<Boolean> kickOn(String instance, String connectionId, String cmd) {
    return calls
        .client()
        .getSet(keys.instanceConnections(instance), StringCodec.INSTANCE)
        .containsAsync(connectionId)
        .thenCompose(
            has ->
                has
                    ? send.apply(keys.instanceChannel(instance), command(null, null, cmd))
                        .thenApply(n -> n > 0)
                    : CompletableFuture.completedFuture(false))
        .toCompletableFuture();
  }

  /** Sends a purge to the instances with members in the room, then deletes its membership. */
  CompletionStage<Void> purge(String ns, String room, String reason) {
    if (!calls.isUp()) {
      return CompletableFuture.completedFuture(null);
    }
    String cmd =
        Json.createObjectBuilder()
            .add("op", "purge")
            .add("ns", ns)
            .add("room", room)
            .add("reason", reason == null ? "" : reason)
            .build()
            .toString();
    return send.apply(keys.roomChannel(ns, room), command(ns, room, cmd))
        .thenCompose(
            n ->
                calls.script(
                    keys.members(ns, room),
                    Scripts.PURGE,
                    RScript.ReturnType.LONG,
                    List.of(keys.members(ns, room), keys.metas(ns, room)),
                    keys.keyConnections(ns, room, "")))
        .thenApply(n -> (Void) null);
  }

  private WireMessage command(String ns, String room, String cmd) {
    return new WireMessage(
        WireMessage.Kind.COMMAND, settings.instanceId(), settings.prefix(), ns, room, null, 0, cmd);
  }

  /** Hands a received command to the runtime; an unknown one is counted as malformed. */
  static void dispatch(String json, RedisBackplane.Inbound inbound, AdapterStats stats) {
    JsonObject c;
    try (var reader = Json.createReader(new StringReader(json))) {
      c = reader.readObject();
    }
    switch (c.getString("op", "")) {
      case "kick" ->
          inbound.kick(
              c.getString("conn"),
              c.getInt("code", io.aquilia.sockets.SocketAdmin.KICK_CLOSE_CODE),
              c.getString("reason", ""));
      case "purge" ->
          inbound.purge(c.getString("ns"), c.getString("room"), c.getString("reason", ""));
      default -> stats.dropped(WireCodec.Reason.MALFORMED);
    }
  }
}
