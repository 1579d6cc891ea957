package io.aquilia.sockets.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The messages a logger writes while captured; close to stop capturing. */
public final class LogLines extends Handler implements AutoCloseable {

  private final Logger logger;
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();

  private LogLines(Logger logger) {
    this.logger = logger;
  }

  /** Starts capturing what {@code logger} writes. */
  public static LogLines capture(Logger logger) {
    LogLines l = new LogLines(logger);
    logger.addHandler(l);
    return l;
  }

  /** Every message captured, oldest first. */
  public List<String> all() {
    return records.stream().map(LogRecord::getMessage).toList();
  }

  /** The WARNING messages captured, oldest first. */
  public List<String> warnings() {
    return records.stream()
        .filter(r -> r.getLevel() == Level.WARNING)
        .map(LogRecord::getMessage)
        .toList();
  }

  @Override
  public void publish(LogRecord r) {
    records.add(r);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    logger.removeHandler(this);
  }
}
