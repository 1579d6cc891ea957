package io.aquilia.sockets.runtime;

/** Produces one handler argument; a plan is an array of these, computed at deployment. */
@FunctionalInterface
interface ArgumentResolver {

  /** The argument value for this invocation. */
  Object resolve(Invocation invocation);
}
