package io.aquilia.sockets.runtime;

import io.aquilia.sockets.InboundProcessing;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Schedules the inbound messages of one connection: one at a time in arrival order ({@link
 * InboundProcessing#SERIAL}), or as they arrive ({@link InboundProcessing#CONCURRENT}); in both
 * modes at most {@code capacity} messages are waiting or in progress.
 *
 * <p>Lock-free: {@code pending} counts the tasks submitted and not finished. Whoever raises it from
 * zero runs tasks until it falls back to zero. A task that finishes later (its future is not done)
 * hands the turn to the thread that completes it, so no thread ever waits. Tasks are added before
 * the count is raised, so the runner always finds one; a task that finds the count at zero claims
 * the turn and runs without being queued (the usual case: one node, an offer and a poll fewer per
 * message).
 */
final class InboundQueue {

  private final InboundProcessing mode;
  private final int capacity;
  private final AtomicInteger pending = new AtomicInteger();
  private final ConcurrentLinkedQueue<Supplier<CompletableFuture<Void>>> tasks =
      new ConcurrentLinkedQueue<>();

  InboundQueue(InboundProcessing mode, int capacity) {
    this.mode = mode;
    this.capacity = capacity;
  }

  /**
   * Runs or queues a task; {@code false} (and nothing runs) when {@code capacity} tasks are already
   * waiting or in progress. A task must not throw; its future completes when the message is done.
   */
  boolean submit(Supplier<CompletableFuture<Void>> task) {
    if (pending.get() >= capacity) {
      return false;
    }
    if (mode == InboundProcessing.CONCURRENT) {
      pending.incrementAndGet();
      run(task).whenComplete((r, e) -> pending.decrementAndGet());
      return true;
    }
    if (pending.compareAndSet(0, 1)) {
      finishThenDrain(run(task));
      return true;
    }
    tasks.add(task);
    if (pending.getAndIncrement() == 0) {
      drain();
    }
    return true;
  }

  /** Tasks waiting or in progress. */
  int pending() {
    return pending.get();
  }

  private void drain() {
    finishThenDrain(run(tasks.poll()));
  }

  /**
   * The turn's holder after running a task: once it is done, counts it out and runs the next, until
   * none is left; a task still in progress hands the turn to the thread that completes it.
   */
  private void finishThenDrain(CompletableFuture<Void> first) {
    CompletableFuture<Void> done = first;
    while (true) {
      if (!done.isDone()) {
        done.whenComplete(
            (r, e) -> {
              if (pending.decrementAndGet() > 0) {
                drain();
              }
            });
        return;
      }
      if (pending.decrementAndGet() == 0) {
        return;
      }
      done = run(tasks.poll());
    }
  }

  private static CompletableFuture<Void> run(Supplier<CompletableFuture<Void>> task) {
    try {
      CompletableFuture<Void> f = task.get();
      return f == null ? CompletableFuture.completedFuture(null) : f;
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(null);
    }
  }
}
