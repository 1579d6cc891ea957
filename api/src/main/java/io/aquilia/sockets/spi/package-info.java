/** Service provider interfaces: the adapter backplane and the runtime's registration hooks. */
package io.aquilia.sockets.spi;
