package io.aquilia.sockets.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.aquilia.sockets.AckEvent;
import io.aquilia.sockets.Connection;
import io.aquilia.sockets.Emits;
import io.aquilia.sockets.Event;
import io.aquilia.sockets.Guard;
import io.aquilia.sockets.PathParam;
import io.aquilia.sockets.Socket;
import io.aquilia.sockets.SocketController;
import io.aquilia.sockets.Subscribe;
import io.aquilia.sockets.runtime.meta.AsyncApi;
import io.aquilia.sockets.runtime.meta.JsonText;
import io.aquilia.sockets.runtime.meta.SocketMetadata;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class DescriberTest {

  public enum Mood {
    HAPPY,
    SAD
  }

  public record Item(@NotBlank String name, @Min(1) @Max(99) int qty) {}

  public record Order(
      @NotBlank @Size(max = 20) String ref,
      @NotEmpty @Valid List<Item> items,
      List<@Size(min = 2, max = 3) String> tags,
      Item unchecked,
      @DecimalMin(value = "0.5", inclusive = false) double price,
      @Pattern(regexp = "[a-z]+", message = "lower case only, {regexp}") String code,
      @Positive Long count,
      Mood mood,
      @NotNull Map<String, Integer> extra) {}

  public record Receipt(String id, int total) {}

  /** Same simple name as DescriberTest.Item: the second gets a qualified name. */
  public static class Other {
    /** A clashing name. */
    public record Item(String label) {}
  }

  @Socket("/ws/shop/:shop/:n")
  @Emits(value = "order.placed", payload = Receipt.class, description = "a new order")
  @Emits(value = "other.item", payload = Other.Item.class)
  @Emits("ping-me")
  public static class ShopSocket extends SocketController {
    @AckEvent("order.place")
    public Receipt place(@PathParam("n") int n, Order order) {
      return new Receipt("x", n);
    }

    @Event("note")
    public void note(Connection c, String text) {}

    @Subscribe
    public CompletionStage<String> join(@PathParam("shop") Mood shop, Item item) {
      return null;
    }

    @AckEvent("stock")
    public CompletionStage<List<String>> stock() {
      return null;
    }

    @Guard(priority = 5)
    public boolean allowed(Connection c) {
      return true;
    }
  }

  @Socket(value = "/ws/lobby/:room", presence = true, joinPathRoom = "room")
  public static class PresenceSocket extends SocketController {}

  @Test
  @SuppressWarnings("unchecked")
  void presenceSocketsDescribeThePresenceEventsAndRequest() {
    DeploymentModel d = DeploymentModel.of(List.of(PresenceSocket.class));
    assertThat(d.problems().messages()).isEmpty();
    Map<String, Object> doc = Describer.describe(d.models()).toJson();
    Map<String, Object> s = at(doc, "sockets", "0");
    assertThat(JsonText.compact(s.get("rooms")))
        .isEqualTo("{\"presence\":true,\"joinPathRoom\":\"room\"}");
    List<Map<String, Object>> events = at(s, "events");
    assertThat(events)
        .extracting(
            e ->
                e.get("name") + "/" + e.get("direction") + "/" + e.get("kind") + "/" + e.get("ack"))
        .containsExactly(
            "presence.list/client-to-server/presence/true",
            "presence.join/server-to-client/presence/false",
            "presence.leave/server-to-client/presence/false",
            "presence.update/server-to-client/presence/false",
            "room.joined/server-to-client/room/false",
            "room.left/server-to-client/room/false",
            "room.purged/server-to-client/room/false");
    assertThat(events.get(0).get("payload")).isEqualTo(Map.of("$ref", "#/$defs/RoomRef"));
    assertThat(events.get(0).get("result")).isEqualTo(Map.of("$ref", "#/$defs/RoomState"));
    assertThat(events.get(1).get("payload")).isEqualTo(Map.of("$ref", "#/$defs/PresenceChange"));
    Map<String, Object> member = at(doc, "$defs", "PresenceMember");
    assertThat(JsonText.compact(member.get("properties")))
        .isEqualTo(
            "{\"key\":{\"type\":\"string\"},\"meta\":{},\"connections\":{\"type\":\"integer\",\"format\":\"int32\"}}");
  }

  @Socket("/ws/broken")
  @Emits("bad name")
  @Emits("twice")
  @Emits("twice")
  public static class BrokenEmits extends SocketController {}

  private static Map<String, Object> json() {
    DeploymentModel d = DeploymentModel.of(List.of(ShopSocket.class));
    assertThat(d.problems().messages()).isEmpty();
    return SocketMetadata.class.cast(null) == null
        ? Describer.describe(d.models()).toJson()
        : Map.of();
  }

  @SuppressWarnings("unchecked")
  private static <T> T at(Object root, String... keys) {
    Object v = root;
    for (String k : keys) {
      v = v instanceof List<?> l ? l.get(Integer.parseInt(k)) : ((Map<String, Object>) v).get(k);
    }
    return (T) v;
  }

  @Test
  void describesPathLimitsGuardsAndEventsInBothDirections() {
    Map<String, Object> doc = json();
    assertThat(doc.get("format")).isEqualTo(SocketMetadata.FORMAT);
    Map<String, Object> s = at(doc, "sockets", "0");
    assertThat(s.get("path")).isEqualTo("/ws/shop/:shop/:n");
    assertThat(s.get("jakartaPath")).isEqualTo("/ws/shop/{shop}/{n}");
    assertThat(JsonText.compact(s.get("pathParams")))
        .isEqualTo(
            "[{\"name\":\"shop\",\"schema\":{\"type\":\"string\",\"enum\":[\"HAPPY\",\"SAD\"]}},"
                + "{\"name\":\"n\",\"schema\":{\"type\":\"integer\",\"format\":\"int32\"}}]");
    assertThat((Object) at(s, "limits", "maxMessageSize")).isEqualTo(65536);
    assertThat((Object) at(s, "guards", "0", "priority")).isEqualTo(5);
    assertThat((Object) at(s, "guards", "0", "stages")).isEqualTo(List.of("CONNECT"));
    List<Map<String, Object>> events = at(s, "events");
    assertThat(events)
        .extracting(e -> e.get("name") + "/" + e.get("direction") + "/" + e.get("kind"))
        .containsExactly(
            "note/client-to-server/event",
            "order.place/client-to-server/event",
            "room.join/client-to-server/subscribe",
            "stock/client-to-server/event",
            "order.placed/server-to-client/emit",
            "other.item/server-to-client/emit",
            "ping-me/server-to-client/emit",
            "room.joined/server-to-client/room",
            "room.left/server-to-client/room",
            "room.purged/server-to-client/room");
    assertThat(events.get(0).get("ack")).isEqualTo(false);
    assertThat(events.get(0).get("payload")).isEqualTo(Map.of("type", "string"));
    assertThat(events.get(0)).doesNotContainKey("result");
    assertThat(events.get(1).get("ack")).isEqualTo(true);
    assertThat(events.get(1).get("payload")).isEqualTo(Map.of("$ref", "#/$defs/Order"));
    assertThat(events.get(1).get("result")).isEqualTo(Map.of("$ref", "#/$defs/Receipt"));
    assertThat(events.get(2).get("result"))
        .as("a room request is acknowledged with the room's state")
        .isEqualTo(Map.of("$ref", "#/$defs/RoomState"));
    assertThat(JsonText.compact(events.get(3).get("result")))
        .isEqualTo("{\"type\":\"array\",\"items\":{\"type\":\"string\"}}");
    assertThat(events.get(7).get("payload")).isEqualTo(Map.of("$ref", "#/$defs/RoomState"));
    assertThat(events.get(8).get("payload")).isEqualTo(Map.of("$ref", "#/$defs/RoomRef"));
    assertThat(JsonText.compact(s.get("rooms")))
        .isEqualTo("{\"presence\":false,\"joinPathRoom\":null}");
    assertThat(events.get(4).get("description")).isEqualTo("a new order");
    assertThat(events.get(5).get("payload")).isEqualTo(Map.of("$ref", "#/$defs/OtherItem"));
    assertThat(events.get(6)).doesNotContainKey("payload");
  }

  @Test
  void schemasCarryConstraintsRequiredPropertiesAndCascade() {
    Map<String, Object> order = at(json(), "$defs", "Order");
    assertThat(order.get("required")).isEqualTo(List.of("ref", "items", "price", "extra"));
    Map<String, Object> ref = at(order, "properties", "ref");
    assertThat(ref.get("type")).isEqualTo("string");
    assertThat(ref.get("minLength")).isEqualTo(1);
    assertThat(ref.get("maxLength")).isEqualTo(20);
    assertThat((Object) at(order, "properties", "items", "minItems")).isEqualTo(1);
    assertThat((Object) at(order, "properties", "items", "items"))
        .isEqualTo(Map.of("$ref", "#/$defs/Item"));
    assertThat((Object) at(order, "properties", "tags", "items", "minLength")).isEqualTo(2);
    assertThat((Object) at(order, "properties", "unchecked"))
        .isEqualTo(Map.of("$ref", "#/$defs/Item", "x-aquilia-cascade", false));
    assertThat(String.valueOf((Object) at(order, "properties", "price", "exclusiveMinimum")))
        .isEqualTo("0.5");
    assertThat((Object) at(order, "properties", "code", "pattern")).isEqualTo("^(?:[a-z]+)$");
    assertThat((Object) at(order, "properties", "count", "exclusiveMinimum")).isEqualTo(0);
    assertThat((Object) at(order, "properties", "mood", "enum")).isEqualTo(List.of("HAPPY", "SAD"));
    assertThat((Object) at(order, "properties", "extra", "additionalProperties", "type"))
        .isEqualTo("integer");
    Map<String, Object> item = at(json(), "$defs", "Item");
    assertThat(item.get("required")).isEqualTo(List.of("name", "qty"));
    assertThat((Object) at(item, "properties", "qty", "minimum")).isEqualTo(1L);
  }

  /** The messages in the metadata are exactly those the server's validator produces. */
  @Test
  void constraintMessagesMatchHibernateValidator() {
    Order bad =
        new Order(
            " ",
            List.of(new Item("", 0)),
            List.of("x"),
            new Item("", 0),
            0.5,
            "ABC",
            0L,
            Mood.HAPPY,
            null);
    Set<String> fromValidator = new TreeSet<>();
    try (var factory = Validation.buildDefaultValidatorFactory()) {
      Validator v = factory.getValidator();
      for (ConstraintViolation<Order> cv : v.validate(bad)) {
        fromValidator.add(cv.getMessage());
      }
    }
    Set<String> fromMetadata = new TreeSet<>();
    collectMessages(json().get("$defs"), fromMetadata);
    assertThat(fromValidator)
        .containsExactlyInAnyOrder(
            "must not be blank",
            "must be greater than or equal to 1",
            "size must be between 2 and 3",
            "must be greater than 0.5",
            "lower case only, [a-z]+",
            "must be greater than 0",
            "must not be null");
    assertThat(fromMetadata).containsAll(fromValidator);
  }

  public record Containers(
      @Valid List<Item> items,
      List<@Size(min = 2, max = 3) String> tags,
      Map<String, @Max(10) Integer> extra,
      Set<@NotBlank String> labels) {}

  /** The paths the generated TypeScript checks produce are the ones Hibernate Validator reports. */
  @Test
  void violationPathsOfNestedAndContainerElementsAreTheOnesTheClientUses() {
    Containers bad =
        new Containers(
            List.of(new Item("ok", 1), new Item(" ", 5)),
            List.of("ab", "x"),
            Map.of("k", 11),
            Set.of(""));
    Set<String> paths = new TreeSet<>();
    try (var factory = Validation.buildDefaultValidatorFactory()) {
      for (ConstraintViolation<Containers> cv : factory.getValidator().validate(bad)) {
        paths.add(cv.getPropertyPath().toString());
      }
    }
    assertThat(paths)
        .containsExactly(
            "extra[k].<map value>",
            "items[1].name",
            "labels[].<iterable element>",
            "tags[1].<list element>");
  }

  @SuppressWarnings("unchecked")
  private static void collectMessages(Object node, Set<String> into) {
    if (node instanceof Map<?, ?> m) {
      if (m.get("x-aquilia-constraints") instanceof List<?> l) {
        l.forEach(c -> into.add((String) ((Map<String, Object>) c).get("message")));
      }
      m.values().forEach(v -> collectMessages(v, into));
    } else if (node instanceof List<?> l) {
      l.forEach(v -> collectMessages(v, into));
    }
  }

  @Test
  void badAndDuplicateEmittedEventsAreDefinitionErrors() {
    DeploymentModel d = DeploymentModel.of(List.of(BrokenEmits.class));
    assertThat(d.problems().messages())
        .containsExactly(
            "AQS-050 @Emits on "
                + BrokenEmits.class.getName()
                + " declares an invalid event name 'bad name': use 1-128 letters, digits, '_',"
                + " '.', ':', '/' or '-', not starting with a punctuation mark",
            "AQS-051 @Emits on "
                + BrokenEmits.class.getName()
                + " declares the event twice: twice");
  }

  @Test
  void jsonRoundTripsAndAsyncApiReferencesResolve() {
    Map<String, Object> doc = json();
    assertThat(JsonText.parse(JsonText.pretty(doc)))
        .isEqualTo(JsonText.parse(JsonText.compact(doc)));
    DeploymentModel d = DeploymentModel.of(List.of(ShopSocket.class));
    Map<String, Object> api = AsyncApi.of(Describer.describe(d.models()), "Shop", "1.0");
    assertThat(api.get("asyncapi")).isEqualTo("3.0.0");
    assertThat((Object) at(api, "channels", "ShopSocket", "address"))
        .isEqualTo("/ws/shop/{shop}/{n}");
    assertThat((Object) at(api, "operations", "ShopSocket.receive.order.place", "action"))
        .isEqualTo("receive");
    assertThat((Object) at(api, "operations", "ShopSocket.send.ping-me", "action"))
        .isEqualTo("send");
    assertThat((Object) at(api, "operations", "ShopSocket.receive.order.place", "reply"))
        .isNotNull();
    List<String> refs = new ArrayList<>();
    collectRefs(api, refs);
    assertThat(refs).isNotEmpty();
    for (String r : refs) {
      assertThat(r).startsWith("#/");
      Object target = api;
      for (String part : r.substring(2).split("/")) {
        target = ((Map<?, ?>) target).get(part);
        assertThat(target).as("reference %s", r).isNotNull();
      }
    }
  }

  private static void collectRefs(Object node, List<String> into) {
    if (node instanceof Map<?, ?> m) {
      m.forEach(
          (k, v) -> {
            if ("$ref".equals(k)) {
              into.add((String) v);
            } else {
              collectRefs(v, into);
            }
          });
    } else if (node instanceof List<?> l) {
      l.forEach(v -> collectRefs(v, into));
    }
  }

  @Test
  void jsonTextRejectsMalformedInput() {
    for (String bad : List.of("", "{", "[1,]", "{\"a\" 1}", "tru", "\"\\x\"", "1 2", "-")) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> JsonText.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("invalid JSON at offset");
    }
    assertThat(JsonText.parse("{\"a\":[1,2.5,\"x\\u0041\",true,null]}"))
        .isEqualTo(
            Map.of(
                "a",
                java.util.Arrays.asList(1L, new java.math.BigDecimal("2.5"), "xA", true, null)));
  }
}
