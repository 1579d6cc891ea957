package io.aquilia.sockets.redisson;

/**
 * Names of the Redis keys and channels of one application (one prefix). Names that carry a
 * namespace and a room length-prefix the namespace, so that no two (namespace, room) pairs map to
 * the same name. The keys of one room share a Redis Cluster hash tag, so that a script can use them
 * together.
 *
 * <pre>
 * {P:n:ns:room}:m        hash   "instance|connection" -> presence key           members
 * {P:n:ns:room}:k        hash   presence key -> metadata JSON (last write)    presence
 * {P:n:ns:room}:c:KEY    set    "instance|connection" of presence key KEY      presence
 * {P:n:ns:room}:s        stream capped; fields o (offset), t (envelope)       recovery
 * {P:n:ns:room}:q        string last offset                                    recovery
 * {P:n:ns:room}:e        string epoch of the offsets                           recovery
 * P:instances            zset   instance -> expiry (Redis time, ms)            liveness
 * P:inst:ID:rooms        set    "ns\nroom\nconnection" of instance ID          cleanup
 * P:inst:ID:conns        set    connection ids of instance ID                  kick lookup
 * channels  P:r:n:ns:room (room), P:n:ns (namespace), P:i:ID (instance)
 * </pre>
 *
 * @param prefix the application's prefix
 */
record Keys(String prefix) {

  String roomTag(String ns, String room) {
    return "{" + prefix + ":" + ns.length() + ":" + ns + ":" + room + "}";
  }

  String members(String ns, String room) {
    return roomTag(ns, room) + ":m";
  }

  String metas(String ns, String room) {
    return roomTag(ns, room) + ":k";
  }

  String keyConnections(String ns, String room, String key) {
    return roomTag(ns, room) + ":c:" + key;
  }

  String stream(String ns, String room) {
    return roomTag(ns, room) + ":s";
  }

  String sequence(String ns, String room) {
    return roomTag(ns, room) + ":q";
  }

  String epoch(String ns, String room) {
    return roomTag(ns, room) + ":e";
  }

  String instances() {
    return prefix + ":instances";
  }

  String instanceRooms(String instance) {
    return prefix + ":inst:" + instance + ":rooms";
  }

  String instanceConnections(String instance) {
    return prefix + ":inst:" + instance + ":conns";
  }

  String roomChannel(String ns, String room) {
    return prefix + ":r:" + ns.length() + ":" + ns + ":" + room;
  }

  String namespaceChannel(String ns) {
    return prefix + ":n:" + ns;
  }

  String instanceChannel(String instance) {
    return prefix + ":i:" + instance;
  }

  /** The member field of a connection: instance and connection id. */
  static String field(String instance, String connectionId) {
    return instance + "|" + connectionId;
  }

  /** An entry of an instance's room index. */
  static String roomEntry(String ns, String room, String connectionId) {
    return ns + "\n" + room + "\n" + connectionId;
  }
}
