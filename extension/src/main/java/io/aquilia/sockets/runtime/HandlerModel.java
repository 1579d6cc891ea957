package io.aquilia.sockets.runtime;

import io.aquilia.sockets.Guard;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Set;

/**
 * A validated handler method with its binding plan.
 *
 * @param method the method
 * @param kind the handler kind
 * @param event the event name for message handlers, else null
 * @param ackRequired whether the event demands an id to acknowledge
 * @param groups Bean Validation groups for the payload
 * @param payloadType the payload's generic type, or null if the handler takes no payload
 * @param plan one resolver per parameter
 * @param priority guard priority
 * @param stages guard stages
 */
record HandlerModel(
    Method method,
    HandlerKind kind,
    String event,
    boolean ackRequired,
    List<Class<?>> groups,
    Type payloadType,
    List<ArgumentResolver> plan,
    int priority,
    Set<Guard.Stage> stages) {

  HandlerModel {
    groups = List.copyOf(groups);
    plan = List.copyOf(plan);
    stages = Set.copyOf(stages);
  }

  /** Resolves the arguments for an invocation. */
  Object[] arguments(Invocation invocation) {
    Object[] args = new Object[plan.size()];
    for (int i = 0; i < args.length; i++) {
      args[i] = plan.get(i).resolve(invocation);
    }
    return args;
  }
}
