package io.aquilia.sockets.redisson;

/**
 * The log lines of the Redis adapter. Ids {@code AQS-190} to {@code AQS-209}; they never change
 * meaning. State changes are logged once per change, never per message.
 */
final class Messages {

  private Messages() {}

  static String unreachable(String target, String instance, long retryMillis, String why) {
    return "AQS-190 Redis is unreachable at "
        + target
        + " (instance "
        + instance
        + "): local delivery continues, cross-instance delivery is off; retrying every <= "
        + retryMillis / 1000
        + " s ("
        + why
        + ")";
  }

  static String connected(String target, String instance, String channels) {
    return "AQS-191 Redis adapter connected to "
        + target
        + " as instance "
        + instance
        + " ("
        + channels
        + ")";
  }

  static String lost(String target, String why) {
    return "AQS-192 Redis connection lost ("
        + target
        + "): local delivery continues, messages to other instances are dropped until it is back ("
        + why
        + ")";
  }

  static String restored(String target, long downMillis) {
    return "AQS-193 Redis reachable again at "
        + target
        + " after "
        + downMillis
        + " ms: cross-instance delivery resumed";
  }

  static String resynchronised(int memberships, int connections) {
    return "AQS-194 Registered this instance in Redis again (its entries were missing):"
        + " re-added "
        + memberships
        + " room membership(s) and "
        + connections
        + " connection(s)";
  }

  static String dropped(String reason, long total) {
    return "AQS-195 Dropped a message from Redis: "
        + reason
        + " ("
        + total
        + " dropped for this reason so far)";
  }

  static String swept(String instance, int memberships) {
    return "AQS-196 Instance "
        + instance
        + " missed its heartbeats: removed its "
        + memberships
        + " room membership(s)";
  }

  static String listenerFailed(String what) {
    return "AQS-197 Handling a message from Redis failed (" + what + ")";
  }

  static String closed(String instance) {
    return "AQS-198 Redis adapter of instance " + instance + " closed";
  }

  static String badSetting(String key, Object value, String rule) {
    return "AQS-199 Invalid setting aquilia.sockets.redis." + key + " = " + value + ": " + rule;
  }

  static String badConfigFile(String path, String why) {
    return "AQS-200 Cannot read the Redisson configuration file " + path + ": " + why;
  }

  static String operationFailed(String what) {
    return "AQS-201 Redis operation failed: " + what;
  }
}
