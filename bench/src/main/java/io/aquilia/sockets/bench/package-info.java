/**
 * The benchmark application ({@code bench.war}). Each workload exists twice in the same server: as
 * {@code @Socket} controllers ({@code /fw/...}) and as hand-written Jakarta WebSocket endpoints
 * ({@code /raw/...}) that do the same work by hand: the same JSON-P envelope parsing and JSON-B
 * payload binding, the same Bean Validation, the same reply envelope, and a bounded per-session
 * send queue with one write in flight. {@link io.aquilia.sockets.bench.AdminServlet} reports heap,
 * RSS, CPU and connection counts to the load generator.
 */
package io.aquilia.sockets.bench;
