package io.aquilia.sockets.bench;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * {@code GET /bench/admin/stats[?gc=true]}: the server's heap in use (with {@code gc=true}: the
 * bytes of live objects, from a class histogram taken after a full collection), its RSS from {@code
 * /proc/self/status}, its process CPU time, the time its collectors have taken and the number of
 * open connections of every benchmark endpoint, and the room socket's memberships and closes
 * (heartbeat timeouts, slow consumers) and drops, as one JSON object. Used by the load generator.
 */
@WebServlet("/admin/stats")
public class AdminServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject FwEchoSocket echo;
  @Inject FwRoomSocket room;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long heap;
    if ("true".equals(req.getParameter("gc"))) {
      heap = liveHeap();
      if (heap < 0) {
        fullGc(memory);
        heap = memory.getHeapMemoryUsage().getUsed();
      }
    } else {
      heap = memory.getHeapMemoryUsage().getUsed();
    }
    io.aquilia.sockets.SocketStats rooms = room.namespace().stats();
    String json =
        "{\"heapUsed\":"
            + heap
            + ",\"rss\":"
            + rss()
            + ",\"cpuNanos\":"
            + cpuNanos()
            + ",\"gcMillis\":"
            + gcMillis()
            + ",\"threads\":"
            + ManagementFactory.getThreadMXBean().getThreadCount()
            + ",\"fwEcho\":"
            + echo.connections().size()
            + ",\"fwRoom\":"
            + room.connections().size()
            + ",\"rawEcho\":"
            + RawEchoEndpoint.OPEN.get()
            + ",\"rawRoom\":"
            + RawRoomEndpoint.OPEN.get()
            + ",\"fwRoomMembers\":"
            + rooms.members()
            + ",\"fwRoomHeartbeatTimeouts\":"
            + rooms.heartbeatTimeouts()
            + ",\"fwRoomSlowConsumerCloses\":"
            + rooms.slowConsumerCloses()
            + ",\"fwRoomDropped\":"
            + rooms.droppedMessages()
            + "}";
    resp.setContentType("application/json");
    resp.getWriter().write(json);
  }

  /**
   * Bytes of live objects: the total of a class histogram, which the JVM takes after a full
   * collection (what {@code jcmd PID GC.class_histogram} prints); -1 when unavailable.
   */
  private static long liveHeap() {
    try {
      Object out =
          ManagementFactory.getPlatformMBeanServer()
              .invoke(
                  new ObjectName("com.sun.management:type=DiagnosticCommand"),
                  "gcClassHistogram",
                  new Object[] {new String[0]},
                  new String[] {String[].class.getName()});
      String text = String.valueOf(out).strip();
      String last = text.substring(text.lastIndexOf('\n') + 1).strip();
      if (!last.startsWith("Total")) {
        return -1;
      }
      String[] f = last.split("\\s+");
      return Long.parseLong(f[f.length - 1]);
    } catch (JMException | RuntimeException e) {
      return -1;
    }
  }

  /** Collects until the heap in use stops shrinking by more than 1 % (at most 6 collections). */
  private static void fullGc(MemoryMXBean memory) {
    long before = Long.MAX_VALUE;
    for (int i = 0; i < 6; i++) {
      memory.gc();
      long used = memory.getHeapMemoryUsage().getUsed();
      if (used > before * 0.99) {
        return;
      }
      before = used;
    }
  }

  /** Process CPU time through the platform MBean (no com.sun.* class needed), or -1. */
  private static long cpuNanos() {
    try {
      Object v =
          ManagementFactory.getPlatformMBeanServer()
              .getAttribute(new ObjectName("java.lang:type=OperatingSystem"), "ProcessCpuTime");
      return v instanceof Number n ? n.longValue() : -1;
    } catch (JMException | RuntimeException e) {
      return -1;
    }
  }

  /**
   * Milliseconds the collectors have reported since the start (for G1: its pauses, young and mixed,
   * and any full collection).
   */
  private static long gcMillis() {
    long ms = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ms += Math.max(0, gc.getCollectionTime());
    }
    return ms;
  }

  /** Resident set size in bytes, or -1 where /proc is not available. */
  private static long rss() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }
}
