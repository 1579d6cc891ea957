/**
 * Optional MicroProfile integrations (Metrics, Health). Classes here are loaded only when the
 * server provides the corresponding MicroProfile API; nothing else in the extension references them
 * directly.
 */
package io.aquilia.sockets.mp;
