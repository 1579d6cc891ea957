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
   * Encodes a presence change as a flat list: {changed, before meta flag, before meta, n, n
   * connections, after meta flag, after meta, m, m connections}. Lua tables cannot hold nil, so
   * absent metadata is a flag "0" and an empty string.
   */
  private static final String CHANGE =
      "local function state(meta, conns, out) "
          + "if meta then table.insert(out, '1'); table.insert(out, meta) "
          + "else table.insert(out, '0'); table.insert(out, '') end "
          + "table.insert(out, tostring(#conns)) "
          + "for _, c in ipairs(conns) do table.insert(out, c) end end ";

  /**
   * KEYS: members, metas, key connections. ARGV: field, key, meta, has meta ("1"/"0"). Adds the
   * connection (or only replaces the key's metadata) and returns the change.
   */
  static final String JOIN =
      CHANGE
          + "local bc = redis.call('SMEMBERS', KEYS[3]) "
          + "local bm = redis.call('HGET', KEYS[2], ARGV[2]) "
          + "if #bc == 0 then bm = false end "
          + "local added = redis.call('SADD', KEYS[3], ARGV[1]) "
          + "redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) "
          + "if ARGV[4] == '1' then redis.call('HSET', KEYS[2], ARGV[2], ARGV[3]) "
          + "else redis.call('HDEL', KEYS[2], ARGV[2]) end "
          + "local out = {tostring(added)} "
          + "state(bm, bc, out) "
          + "state(redis.call('HGET', KEYS[2], ARGV[2]), redis.call('SMEMBERS', KEYS[3]), out) "
          + "return out";

  /**
   * KEYS: members, metas, key connections. ARGV: field, key. Removes the connection and returns the
   * change; the key disappears with its last connection.
   */
  static final String LEAVE =
      CHANGE
          + "local bc = redis.call('SMEMBERS', KEYS[3]) "
          + "local bm = redis.call('HGET', KEYS[2], ARGV[2]) "
          + "local removed = redis.call('SREM', KEYS[3], ARGV[1]) "
          + "redis.call('HDEL', KEYS[1], ARGV[1]) "
          + "local ac = redis.call('SMEMBERS', KEYS[3]) "
          + "if #ac == 0 then redis.call('HDEL', KEYS[2], ARGV[2]) end "
          + "local out = {tostring(removed)} "
          + "state(bm, bc, out) "
          + "state(redis.call('HGET', KEYS[2], ARGV[2]), ac, out) "
          + "return out";

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

  /**
   * KEYS: members, metas. ARGV: the prefix of the key-connection sets. Deletes a room's membership
   * and presence; returns the number of connections removed.
   */
  static final String PURGE =
      "local fields = redis.call('HGETALL', KEYS[1]) "
          + "local seen = {} "
          + "for i = 2, #fields, 2 do local k = fields[i] "
          + "if not seen[k] then seen[k] = true; redis.call('DEL', ARGV[1] .. k) end end "
          + "redis.call('DEL', KEYS[1], KEYS[2]) "
          + "return #fields / 2";
}
