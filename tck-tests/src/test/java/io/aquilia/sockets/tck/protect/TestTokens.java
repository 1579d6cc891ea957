package io.aquilia.sockets.tck.protect;

import io.aquilia.sockets.SocketFault;
import io.aquilia.sockets.spi.Identity;
import io.aquilia.sockets.spi.TokenAuthenticator;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Fixed test tokens: alice (member), root (member, admin); a forbidden and a failing one. */
@ApplicationScoped
public class TestTokens implements TokenAuthenticator {

  @Override
  public Optional<Identity> authenticate(String token, String socketPath) {
    return switch (token) {
      case "alice-secret-token" -> Optional.of(Identity.of("alice", "member"));
      case "root-secret-token" -> Optional.of(Identity.of("root", "member", "admin"));
      case "banned-secret-token" -> throw SocketFault.forbidden("this user is banned");
      case "crash-secret-token" -> throw new IllegalStateException("auth backend down");
      default -> Optional.empty();
    };
  }
}
