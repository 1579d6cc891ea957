package io.aquilia.sockets.runtime;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;

/** An executor whose tasks run only when the test says so, on the test's thread. */
final class ManualExecutor implements Executor {

  private final Deque<Runnable> tasks = new ArrayDeque<>();

  @Override
  public synchronized void execute(Runnable task) {
    tasks.addLast(task);
  }

  /** Runs queued tasks (and those they queue) until none is left; returns how many ran. */
  int runAll() {
    int n = 0;
    while (true) {
      Runnable r;
      synchronized (this) {
        r = tasks.pollFirst();
      }
      if (r == null) {
        return n;
      }
      r.run();
      n++;
    }
  }

  /** Runs only the tasks queued now (one round); returns how many ran. */
  int runQueued() {
    int n;
    synchronized (this) {
      n = tasks.size();
    }
    for (int i = 0; i < n; i++) {
      Runnable r;
      synchronized (this) {
        r = tasks.pollFirst();
      }
      r.run();
    }
    return n;
  }

  synchronized int queued() {
    return tasks.size();
  }
}
