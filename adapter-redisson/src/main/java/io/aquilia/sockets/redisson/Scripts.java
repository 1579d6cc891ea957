package io.aquilia.sockets.redisson;

/**
 * The Lua scripts. Each touches the keys of one room or the instance registry only, so that it runs
 * on a Redis Cluster. Time always comes from the Redis server ({@code TIME}), so the clocks of the
 * instances do not matter.
 */
final class Scripts {

  private Scripts() {}

  /** Redis time in milliseconds, as a Lua expression prelude. */
  private static final String NOW =
      "local t = redis.call('TIME'); local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000); ";

  /**
   * KEYS: members, users. ARGV: field, userKey, value. Returns 1 if the user is new in the room, 2
   * if the user had other connections, 0 if the connection was already recorded (value updated).
   */
  static final String JOIN =
      "if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[3]) == 0 then "
          + "redis.call('HSET', KEYS[1], ARGV[1], ARGV[3]); return 0 end "
          + "if redis.call('HINCRBY', KEYS[2], ARGV[2], 1) == 1 then return 1 end "
          + "return 2";

  /**
   * KEYS: members, users. ARGV: field. Returns the member's value if this was the user's last
   * connection in the room, an empty string if the user has other connections, nil if the field was
   * not there.
   */
  static final String LEAVE =
      "local v = redis.call('HGET', KEYS[1], ARGV[1]) "
          + "if not v then return nil end "
          + "redis.call('HDEL', KEYS[1], ARGV[1]) "
          + "local user = string.sub(v, 1, (string.find(v, '\\n', 1, true) or (#v + 1)) - 1) "
          + "if redis.call('HINCRBY', KEYS[2], user, -1) <= 0 then "
          + "redis.call('HDEL', KEYS[2], user); return v end "
          + "return ''";

  /**
   * KEYS: instances. ARGV: instance, ttl ms. Registers the heartbeat. Returns {added, dead...}:
   * added is 1 when the instance was not registered (first beat, Redis restarted, or declared dead
   * meanwhile), followed by the instances whose expiry has passed.
   */
  static final String HEARTBEAT =
      NOW
          + "local added = redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1]) "
          + "local dead = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now) "
          + "table.insert(dead, 1, tostring(added)) "
          + "return dead";

  /** KEYS: instances. Returns the live instances. */
  static final String LIVE = NOW + "return redis.call('ZRANGEBYSCORE', KEYS[1], now, '+inf')";

  /**
   * KEYS: sequence, stream, epoch. ARGV: none. Returns {epoch, next offset}: reserves an offset for
   * a recoverable publish, creating the epoch on first use.
   */
  static final String RESERVE =
      "local e = redis.call('GET', KEYS[3]) "
          + "if not e then e = ARGV[1]; redis.call('SET', KEYS[3], e) end "
          + "return {e, tostring(redis.call('INCR', KEYS[1]))}";

  /** KEYS: stream. ARGV: offset, text, cap. Appends to the capped stream. */
  static final String APPEND =
      "redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[3], '*', 'o', ARGV[1], 't', ARGV[2]) return 1";

  /**
   * KEYS: sequence, stream, epoch. Returns {epoch or '', last offset, o1, t1, o2, t2, ...} with
   * every entry still in the stream.
   */
  static final String HISTORY =
      "local r = {redis.call('GET', KEYS[3]) or '', redis.call('GET', KEYS[1]) or '0'} "
          + "for _, e in ipairs(redis.call('XRANGE', KEYS[2], '-', '+')) do "
          + "local f = e[2]; local o, t "
          + "for i = 1, #f, 2 do if f[i] == 'o' then o = f[i + 1] elseif f[i] == 't' then t = f[i + 1] end end "
          + "table.insert(r, o); table.insert(r, t) end "
          + "return r";
}
