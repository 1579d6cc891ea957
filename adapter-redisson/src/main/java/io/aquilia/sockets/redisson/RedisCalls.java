package io.aquilia.sockets.redisson;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * The Redisson client of a backplane (once connected) and the plumbing every Redis call shares: Lua
 * scripts with {@link StringCodec}, whether Redis is usable, and the operations in flight (which a
 * clean close waits for).
 */
final class RedisCalls {

  private static final Logger LOG = Logger.getLogger(RedisCalls.class.getName());

  private final BooleanSupplier up;
  private final Set<CompletableFuture<?>> inflight = ConcurrentHashMap.newKeySet();
  private volatile RedissonClient client;

  /**
   * @param up whether the backplane is in the {@code UP} state
   */
  RedisCalls(BooleanSupplier up) {
    this.up = up;
  }

  void attach(RedissonClient c) {
    this.client = c;
  }

  /** The client, or null before the first connection. */
  RedissonClient client() {
    return client;
  }

  /** Whether Redis can be used now. */
  boolean isUp() {
    return client != null && up.getAsBoolean();
  }

  /** Runs a Lua script, routed by its first key on a Redis Cluster. */
  <R> CompletionStage<R> script(
      String routingKey, String lua, RScript.ReturnType type, List<Object> keys, Object... args) {
    return client
        .getScript(StringCodec.INSTANCE)
        .evalAsync(routingKey, RScript.Mode.READ_WRITE, lua, type, keys, args);
  }

  /** Counts an operation as in flight until it completes. */
  <T> CompletionStage<T> track(CompletionStage<T> stage) {
    CompletableFuture<T> f = stage.toCompletableFuture();
    inflight.add(f);
    f.whenComplete((v, failure) -> inflight.remove(f));
    return f;
  }

  /** Waits, at most this long, for the operations in flight. */
  void drain(long millis) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (!inflight.isEmpty()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return;
      }
      try {
        CompletableFuture.allOf(inflight.toArray(CompletableFuture[]::new))
            .get(left, TimeUnit.NANOSECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        return;
      } catch (java.util.concurrent.ExecutionException e) {
        // a failed operation is done too; look again
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** For {@code exceptionally}: logs the failure at FINE and yields null. */
  <T> T logged(Throwable failure) {
    LOG.log(Level.FINE, Messages.operationFailed(rootMessage(failure)), failure);
    return null;
  }

  /** The innermost cause, as {@code Type: message}. */
  static String rootMessage(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    return c.getClass().getSimpleName() + ": " + c.getMessage();
  }
}
