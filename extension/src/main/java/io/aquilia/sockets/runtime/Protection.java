package io.aquilia.sockets.runtime;

/**
 * The protection settings of a socket that are not plain limits: the door (origin, authentication,
 * per-user and per-IP quotas), the rate limit and access rules.
 *
 * @param allowMissingOrigin whether a handshake without an Origin header passes a non-empty
 *     allowedOrigins
 * @param authenticationRequired whether a connection needs an authenticated user
 * @param maxConnectionsPerUser open connections per user, 0 for none
 * @param maxConnectionsPerIp open connections per client address, 0 for none
 * @param rate the message rate limit
 * @param access roles, guard beans and middleware
 */
public record Protection(
    boolean allowMissingOrigin,
    boolean authenticationRequired,
    int maxConnectionsPerUser,
    int maxConnectionsPerIp,
    RatePolicy rate,
    Access access) {

  /** No protection beyond the defaults of {@code @Socket}. */
  public static final Protection DEFAULT =
      new Protection(
          true, false, 0, 0, new RatePolicy(0, 0, 10, false, java.util.Set.of()), Access.NONE);

  /** A short summary for the deployment log line. */
  String summary() {
    return "auth="
        + (authenticationRequired ? "required" : "optional")
        + " missingOrigin="
        + (allowMissingOrigin ? "allowed" : "refused")
        + " rateLimit="
        + (rate.enabled()
            ? rate.perSecond()
                + "/s burst "
                + rate.burst()
                + " closeAfter "
                + rate.closeAfter()
                + (rate.perUser() ? " perUser" : "")
            : "off")
        + " maxConnectionsPerUser="
        + maxConnectionsPerUser
        + " maxConnectionsPerIp="
        + maxConnectionsPerIp
        + " guardBeans="
        + access.guardBeans().size()
        + " middleware="
        + access.middleware().size();
  }
}
