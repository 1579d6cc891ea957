/** The Redis cluster adapter, built on Redisson. */
package io.aquilia.sockets.redisson;
