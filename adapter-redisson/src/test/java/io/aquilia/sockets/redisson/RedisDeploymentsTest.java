package io.aquilia.sockets.redisson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The adapter on the Redis deployments users run besides a single server, configured only by a
 * Redisson YAML file ({@code aquilia.sockets.redis.config}): Sentinel, and Redis Cluster (where it
 * uses sharded topics). Real {@code redis-server} processes, started here.
 */
class RedisDeploymentsTest {

  private static final String NS = "/ws/chat/:room";
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final List<AutoCloseable> started = new ArrayList<>();

  @AfterEach
  void stopAll() throws Exception {
    for (int i = started.size() - 1; i >= 0; i--) {
      started.get(i).close();
    }
  }

  private <T extends AutoCloseable> T keep(T t) {
    started.add(t);
    return t;
  }

  private static Path yaml(String text) throws IOException {
    Path f = Files.createTempFile("aq-redisson-", ".yaml");
    Files.writeString(f, text);
    f.toFile().deleteOnExit();
    return f;
  }

  private RedisBackplane backplane(Path config, RecordingInbound in, String prefix) {
    RedisSettings s =
        new RedisSettings(
            null,
            config.toString(),
            prefix,
            "secret",
            UUID.randomUUID().toString(),
            200,
            600,
            5,
            1,
            2,
            "auto",
            400,
            3000);
    RedisBackplane b = new RedisBackplane(s, in);
    keep(b::close);
    b.start();
    await().atMost(WAIT).until(() -> b.state() == RedisBackplane.State.UP);
    return b;
  }

  private static <T> T get(CompletionStage<T> s) throws Exception {
    return s.toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** Membership, presence and a room message from one instance to the other. */
  private static void crossInstanceTraffic(RedisBackplane a, RedisBackplane b, RecordingInbound inb)
      throws Exception {
    get(b.join(NS, "lobby", "b1", "bob", "{}"));
    await().atMost(WAIT).until(() -> b.listensTo(NS, "lobby"));
    assertThat(get(a.members(NS, "lobby"))).extracting(PresenceState::key).containsExactly("bob");
    await()
        .atMost(WAIT)
        .until(() -> get(a.publish(NS, "lobby", "{\"event\":\"hi\"}", null, 0)) >= 1);
    await()
        .atMost(WAIT)
        .until(() -> inb.has("deliver " + NS + " lobby {\"event\":\"hi\"} x=null o=0"));
  }

  @Test
  void throughSentinelWithARedissonYamlFile() throws Exception {
    RedisProcess master = keep(RedisProcess.start());
    RedisProcess sentinel = keep(RedisProcess.sentinel(master.port()));
    Path config =
        yaml(
            "sentinelServersConfig:\n"
                + "  masterName: \"mymaster\"\n"
                + "  sentinelAddresses:\n"
                + "    - \""
                + sentinel.url()
                + "\"\n"
                + "  checkSentinelsList: false\n");
    RecordingInbound inb = new RecordingInbound();
    RedisBackplane a = backplane(config, new RecordingInbound(), "sentinel");
    RedisBackplane b = backplane(config, inb, "sentinel");
    crossInstanceTraffic(a, b, inb);
    // the data is on the master Sentinel named
    assertThat(master.command("EXISTS", "sentinel:instances")).isEqualTo(":1");
  }

  @Test
  void onARedisClusterWithShardedTopics() throws Exception {
    RedisProcess n1 = keep(RedisProcess.clusterNode());
    RedisProcess n2 = keep(RedisProcess.clusterNode());
    RedisProcess n3 = keep(RedisProcess.clusterNode());
    Process create =
        new ProcessBuilder(
                "redis-cli",
                "--cluster",
                "create",
                "127.0.0.1:" + n1.port(),
                "127.0.0.1:" + n2.port(),
                "127.0.0.1:" + n3.port(),
                "--cluster-replicas",
                "0",
                "--cluster-yes")
            .redirectErrorStream(true)
            .start();
    String out = new String(create.getInputStream().readAllBytes());
    assertThat(create.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(create.exitValue()).as(out).isZero();
    for (RedisProcess n : List.of(n1, n2, n3)) {
      await().atMost(WAIT).until(() -> clusterOk(n));
    }
    Path config =
        yaml(
            "clusterServersConfig:\n"
                + "  nodeAddresses:\n"
                + "    - \""
                + n1.url()
                + "\"\n"
                + "    - \""
                + n2.url()
                + "\"\n"
                + "    - \""
                + n3.url()
                + "\"\n");
    RecordingInbound inb = new RecordingInbound();
    RedisBackplane a = backplane(config, new RecordingInbound(), "cluster");
    RedisBackplane b = backplane(config, inb, "cluster");
    assertThat(a.sharded()).as("a cluster configuration selects sharded topics").isTrue();
    crossInstanceTraffic(a, b, inb);
  }

  private static boolean clusterOk(RedisProcess n) {
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", n.port())) {
      s.setSoTimeout(2000);
      s.getOutputStream().write("CLUSTER INFO\r\n".getBytes());
      byte[] buf = new byte[4096];
      int r = s.getInputStream().read(buf);
      return r > 0 && new String(buf, 0, r).contains("cluster_state:ok");
    } catch (IOException e) {
      return false;
    }
  }
}
