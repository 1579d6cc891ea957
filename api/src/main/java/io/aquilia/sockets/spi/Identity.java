package io.aquilia.sockets.spi;

import java.security.Principal;
import java.util.Set;

/**
 * An authenticated user: the principal handlers see ({@code Connection.principal()}) and the roles
 * that {@code jakarta.annotation.security.RolesAllowed} and {@code Connection.isUserInRole} check.
 *
 * @param principal the user
 * @param roles the user's roles
 */
public record Identity(Principal principal, Set<String> roles) {

  /** Copies the roles. */
  public Identity {
    if (principal == null) {
      throw new IllegalArgumentException("principal is required");
    }
    roles = Set.copyOf(roles);
  }

  /** An identity with a plain name. */
  public static Identity of(String name, String... roles) {
    return new Identity(new NamedPrincipal(name), Set.of(roles));
  }

  /**
   * A principal that is just a name.
   *
   * @param name the name
   */
  public record NamedPrincipal(String name) implements Principal {
    @Override
    public String getName() {
      return name;
    }
  }
}
