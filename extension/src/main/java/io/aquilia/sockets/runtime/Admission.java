package io.aquilia.sockets.runtime;

import io.aquilia.sockets.SocketFault;
import java.security.Principal;
import java.util.Set;

/**
 * The door's decision on one handshake.
 *
 * @param principal the authenticated user, or null for an anonymous connection
 * @param roles the user's roles (as far as the application names them)
 * @param remoteAddress the client's address, or null when unknown
 * @param reserved whether a connection slot is already reserved for it (released when it closes)
 * @param refusal the refusal, when the door could only decide after the upgrade; else null
 */
public record Admission(
    Principal principal,
    Set<String> roles,
    String remoteAddress,
    boolean reserved,
    SocketFault refusal) {

  /** Copies the roles. */
  public Admission {
    roles = Set.copyOf(roles);
  }

  /** The name used for per-user quotas and buckets, or null when anonymous. */
  String user() {
    return principal == null ? null : principal.getName();
  }
}
