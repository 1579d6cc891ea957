package io.aquilia.sockets.redisson;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.redisson.api.RTopic;
import org.redisson.api.listener.MessageListener;

/**
 * The channels this instance listens to, reference-counted: a room channel is subscribed while the
 * instance has at least one member in the room, so an instance receives only what it has members
 * for. Subscribing is asynchronous; nothing blocks under the lock. While there is no Redis client
 * the wanted channels are only recorded, and {@link #restore()} subscribes them later. Redisson
 * itself re-subscribes its listeners after a reconnection.
 */
final class Subscriptions {

  private static final Logger LOG = Logger.getLogger(Subscriptions.class.getName());

  /** One channel: its local references and the Redisson listener id once subscribed. */
  private static final class Entry {
    int refs;
    Integer listenerId;
    boolean pending;
    final CompletableFuture<Void> ready = new CompletableFuture<>();
  }

  private final ReentrantLock lock = new ReentrantLock();
  private final Map<String, Entry> entries = new HashMap<>();
  private final MessageListener<String> listener;
  private volatile Function<String, RTopic> topics;

  Subscriptions(MessageListener<String> listener) {
    this.listener = listener;
  }

  /** Connects to Redis: from now on, channels are subscribed. */
  void attach(Function<String, RTopic> topicFactory) {
    this.topics = topicFactory;
  }

  /**
   * Takes a reference on a channel. The stage completes once the channel is subscribed, or at once
   * when there is no Redis client or the subscription failed (it is retried on reconnection), so
   * that a join waits for its room's messages to be routed here but never for Redis.
   */
  CompletionStage<Void> acquire(String channel) {
    boolean subscribe;
    Entry e;
    lock.lock();
    try {
      e = entries.computeIfAbsent(channel, c -> new Entry());
      e.refs++;
      subscribe = e.refs == 1 && e.listenerId == null && !e.pending && topics != null;
      e.pending |= subscribe;
      if (topics == null) {
        e.ready.complete(null);
      }
    } finally {
      lock.unlock();
    }
    if (subscribe) {
      subscribe(channel);
    }
    return e.ready;
  }

  void release(String channel) {
    Integer id = null;
    lock.lock();
    try {
      Entry e = entries.get(channel);
      if (e == null) {
        return;
      }
      e.refs--;
      if (e.refs <= 0 && !e.pending) {
        entries.remove(channel);
        id = e.listenerId;
      }
    } finally {
      lock.unlock();
    }
    if (id != null) {
      unsubscribe(channel, id);
    }
  }

  /** Subscribes every wanted channel that is not subscribed yet. */
  void restore() {
    List<String> todo;
    lock.lock();
    try {
      if (topics == null) {
        return;
      }
      todo =
          entries.entrySet().stream()
              .filter(e -> e.getValue().refs > 0 && e.getValue().listenerId == null)
              .filter(e -> !e.getValue().pending)
              .map(Map.Entry::getKey)
              .toList();
      todo.forEach(c -> entries.get(c).pending = true);
    } finally {
      lock.unlock();
    }
    todo.forEach(this::subscribe);
  }

  /** The channels currently subscribed. */
  int subscribed() {
    lock.lock();
    try {
      return (int) entries.values().stream().filter(e -> e.listenerId != null).count();
    } finally {
      lock.unlock();
    }
  }

  /** Whether a channel is subscribed (for tests). */
  boolean isSubscribed(String channel) {
    lock.lock();
    try {
      Entry e = entries.get(channel);
      return e != null && e.listenerId != null;
    } finally {
      lock.unlock();
    }
  }

  private void subscribe(String channel) {
    RTopic topic = topics.apply(channel);
    topic
        .addListenerAsync(String.class, listener)
        .whenComplete(
            (id, failure) -> {
              Integer drop = null;
              lock.lock();
              try {
                Entry e = entries.get(channel);
                if (e == null) {
                  drop = id;
                } else {
                  e.ready.complete(null);
                  e.pending = false;
                  if (failure == null) {
                    e.listenerId = id;
                    if (e.refs <= 0) {
                      entries.remove(channel);
                      drop = id;
                    }
                  } else if (e.refs <= 0) {
                    entries.remove(channel);
                  }
                }
              } finally {
                lock.unlock();
              }
              if (failure != null) {
                LOG.log(
                    Level.FINE,
                    Messages.operationFailed("subscribe " + channel + "; retried on reconnection"),
                    failure);
              }
              if (drop != null) {
                unsubscribe(channel, drop);
              }
            });
  }

  private void unsubscribe(String channel, Integer id) {
    Function<String, RTopic> t = topics;
    if (t == null) {
      return;
    }
    t.apply(channel)
        .removeListenerAsync(id)
        .whenComplete(
            (v, failure) -> {
              if (failure != null) {
                LOG.log(Level.FINE, Messages.operationFailed("unsubscribe " + channel), failure);
              }
            });
  }
}
