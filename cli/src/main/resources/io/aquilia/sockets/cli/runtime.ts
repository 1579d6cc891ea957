// ---------------------------------------------------------------------------------------------
// Runtime: the same in every generated client. No dependencies, no DOM types required.
// ---------------------------------------------------------------------------------------------

/** One failed constraint: `path` in the payload (as the server writes it) and the message. */
export interface Violation {
  path: string;
  message: string;
}

/** The server's stable fault codes, the admin close, and the client's own codes (CLIENT_*). */
export type ErrorCode =
  | 'WS_HANDSHAKE_FAILED'
  | 'WS_AUTH_REQUIRED'
  | 'WS_FORBIDDEN'
  | 'WS_ORIGIN_NOT_ALLOWED'
  | 'WS_MESSAGE_INVALID'
  | 'WS_PAYLOAD_TOO_LARGE'
  | 'WS_UNSUPPORTED_EVENT'
  | 'WS_CONNECTION_CLOSED'
  | 'WS_CONNECTION_TIMEOUT'
  | 'WS_RATE_LIMIT_EXCEEDED'
  | 'WS_QUOTA_EXCEEDED'
  | 'WS_ROOM_NOT_FOUND'
  | 'WS_ROOM_FULL'
  | 'WS_ALREADY_SUBSCRIBED'
  | 'WS_NOT_SUBSCRIBED'
  | 'WS_ADAPTER_UNAVAILABLE'
  | 'WS_PUBLISH_FAILED'
  | 'WS_INTERNAL_ERROR'
  /** No acknowledgement within `ackTimeoutMs`. */
  | 'CLIENT_TIMEOUT'
  /** The connection dropped after the message was sent and before its acknowledgement. */
  | 'CLIENT_DISCONNECTED'
  /** `close()` was called, or the server closed for good (no reconnection). */
  | 'CLIENT_CLOSED'
  /** More than `maxQueue` messages were waiting for the connection. */
  | 'CLIENT_QUEUE_FULL'
  | (string & {});

/** The rejection of every request: the server's error answer, a local check, or the client. */
export class AquiliaError extends Error {
  readonly code: ErrorCode;
  readonly violations: Violation[];
  readonly event: string | null;

  constructor(code: ErrorCode, message: string, violations: Violation[] = [], event: string | null = null) {
    super(message);
    this.name = 'AquiliaError';
    this.code = code;
    this.violations = violations;
    this.event = event;
  }
}

/** `connecting` (first attempt), `open` (connected message received), `reconnecting`, `closed`. */
export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'closed';

/** The limits the server announces in its `connected` message. */
export interface Limits {
  maxMessageSize: number;
  messageRateLimit: number;
  heartbeatInterval: number;
  heartbeatTimeout: number;
}

/** The payload of the server's `connected` system message. */
export interface ConnectedInfo {
  connectionId: string;
  namespace: string;
  limits: Limits;
  events: string[];
  [key: string]: unknown;
}

/** The payload of an `error` event (the answer to a failed message that had no id). */
export interface ErrorEventPayload {
  code: ErrorCode;
  message: string;
  event?: string | null;
  violations?: Violation[];
}

/** Where a client is in a recoverable room: the last event it processed. */
export interface RoomPosition {
  epoch: string;
  offset: number;
}

/**
 * The answer to a `room.recover` the client sent after a reconnection. `recovered: false` means
 * events were missed and cannot be replayed (never a silent gap): reload the room's state.
 */
export interface RoomRecovery {
  room: string;
  recovered: boolean;
  replayed: number;
  epoch: string;
  offset: number;
}

/** Why the connection ended, given to state listeners. */
export interface CloseInfo {
  code: number;
  reason: string;
  willReconnect: boolean;
}

/** What the client needs of a WebSocket: the browser's, or for instance the `ws` package's. */
export interface WebSocketLike {
  readonly readyState: number;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number; reason: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

/** Options of every generated client. */
export interface ClientOptions {
  /** Sent as the query parameter `tokenParam` (URL-encoded). */
  token?: string;
  /** Default `token`. */
  tokenParam?: string;
  /** More query parameters. */
  query?: Record<string, string>;
  /**
   * Time from sending a request to its acknowledgement; default 10000. Requests queued while the
   * connection is down wait without a time limit (the queue is bounded; close() ends them).
   */
  ackTimeoutMs?: number;
  /** Messages waiting for the connection; default 256. More are rejected with CLIENT_QUEUE_FULL. */
  maxQueue?: number;
  /** Reconnect after a connection loss; default true. */
  reconnect?: boolean;
  /** First reconnection delay; default 500 ms, doubled per attempt. */
  initialDelayMs?: number;
  /** Longest reconnection delay; default 15000 ms. */
  maxDelayMs?: number;
  /** Check payload constraints before sending; default true. */
  validate?: boolean;
  /** Creates the WebSocket; default `new WebSocket(url)`. */
  webSocket?: (url: string) => WebSocketLike;
  /** Random numbers for the backoff jitter; default Math.random. */
  random?: () => number;
}

type Timer = unknown;
interface Timers {
  setTimeout(fn: () => void, ms: number): Timer;
  clearTimeout(t: Timer): void;
  setInterval(fn: () => void, ms: number): Timer;
  clearInterval(t: Timer): void;
}
const timers = globalThis as unknown as Timers;

function report(error: unknown): void {
  const c = (globalThis as unknown as { console?: { error(...a: unknown[]): void } }).console;
  if (c) c.error('aquilia client: a listener failed', error);
}

/** Checks a payload; pushes violations with paths under `path`. */
export type Checker = (value: unknown, path: string, out: Violation[], groups: readonly string[]) => void;

/** How a client→server event is sent: acknowledged or not, its checker and validation groups. */
export interface RequestSpec {
  ack: boolean;
  check: Checker | null;
  groups: readonly string[];
  /** A room request (`@Subscribe` / `@Unsubscribe`): the client tracks the rooms it joined. */
  room?: 'join' | 'leave';
}

interface Joined {
  event: string;
  payload: unknown;
  spec: RequestSpec;
}

interface Pending {
  event: string;
  resolve: (value: unknown) => void;
  reject: (error: AquiliaError) => void;
  timer: Timer;
}

interface Outgoing {
  id: string | null;
  event: string;
  text: string;
  pending: Pending | null;
  sent: () => void;
  reject: (error: AquiliaError) => void;
}

const OPEN = 1;
const NO_RECONNECT = [1000, 1003, 1008];

/** Builds `ws(s)://host/context/path?query&token=…` from an http(s) or ws(s) base URL. */
export function socketUrl(baseUrl: string, path: string, options: ClientOptions): string {
  const base = baseUrl.replace(/^http(s?):/, 'ws$1:').replace(/\/+$/, '');
  const q: string[] = [];
  for (const [k, v] of Object.entries(options.query ?? {})) {
    q.push(encodeURIComponent(k) + '=' + encodeURIComponent(v));
  }
  if (options.token !== undefined) {
    q.push(encodeURIComponent(options.tokenParam ?? 'token') + '=' + encodeURIComponent(options.token));
  }
  return base + path + (q.length ? (path.includes('?') ? '&' : '?') + q.join('&') : '');
}

/** The code shared by the generated clients; `Events` maps server→client event names to payloads. */
export abstract class AquiliaSocket<Events extends object> {
  private ws: WebSocketLike | null = null;
  private current: ConnectionState = 'connecting';
  private info: ConnectedInfo | null = null;
  private readonly queue: Outgoing[] = [];
  private readonly inFlight = new Map<string, Pending>();
  private readonly listeners = new Map<string, Set<(payload: never) => void>>();
  private readonly anyListeners = new Set<(event: string, payload: unknown) => void>();
  private readonly stateListeners = new Set<(state: ConnectionState, close?: CloseInfo) => void>();
  private readonly connectedListeners = new Set<(info: ConnectedInfo) => void>();
  private readonly rejoinListeners = new Set<(room: string, error: AquiliaError) => void>();
  private readonly rejoinedListeners = new Set<(room: string, state: unknown) => void>();
  private readonly joined = new Map<string, Joined>();
  private readonly positions = new Map<string, RoomPosition>();
  private readonly recoveredListeners = new Set<(result: RoomRecovery) => void>();
  private nextId = 1;
  private attempt = 0;
  private closedByUser = false;
  private reconnectTimer: Timer | null = null;
  private heartbeatTimer: Timer | null = null;
  private flushTimer: Timer | null = null;
  private lastInbound = 0;
  private sentAt: number[] = [];
  private holding = false;
  private front = 0;
  private readonly opts: Required<Omit<ClientOptions, 'token' | 'query' | 'webSocket'>> & ClientOptions;

  protected constructor(private readonly url: string, options: ClientOptions) {
    this.opts = {
      tokenParam: 'token',
      ackTimeoutMs: 10000,
      maxQueue: 256,
      reconnect: true,
      initialDelayMs: 500,
      maxDelayMs: 15000,
      validate: true,
      random: Math.random,
      ...options,
    };
    this.open();
  }

  /** The connection state. */
  get state(): ConnectionState {
    return this.current;
  }

  /** The server's id of the current connection, or null before `connected`. */
  get connectionId(): string | null {
    return this.info ? this.info.connectionId : null;
  }

  /** The limits the server announced, or null before `connected`. */
  get limits(): Limits | null {
    return this.info ? this.info.limits : null;
  }

  /** Messages waiting for the connection. */
  get queued(): number {
    return this.queue.length;
  }

  /** The rooms this client joined with a room request and has not left; rejoined on reconnect. */
  get rooms(): string[] {
    return [...this.joined.keys()].sort();
  }

  /** Listens to rooms rejoined after a reconnection, with the acknowledged room state. */
  onRejoined(listener: (room: string, state: unknown) => void): () => void {
    this.rejoinedListeners.add(listener);
    return () => {
      this.rejoinedListeners.delete(listener);
    };
  }

  /** Listens to rooms that could not be rejoined after a reconnection (they are forgotten). */
  onRejoinFailed(listener: (room: string, error: AquiliaError) => void): () => void {
    this.rejoinListeners.add(listener);
    return () => {
      this.rejoinListeners.delete(listener);
    };
  }

  /**
   * The last event processed in a recoverable room (`meta.epoch`/`meta.offset`), or null. After a
   * reconnection the client asks the server for what it missed since then (`room.recover`).
   */
  position(room: string): RoomPosition | null {
    const p = this.positions.get(room);
    return p ? { ...p } : null;
  }

  /**
   * Listens to the recovery of recoverable rooms after a reconnection: the missed events were
   * delivered to the event listeners first; `recovered: false` reports a gap that could not be
   * filled.
   */
  onRecovered(listener: (result: RoomRecovery) => void): () => void {
    this.recoveredListeners.add(listener);
    return () => {
      this.recoveredListeners.delete(listener);
    };
  }

  /** Listens to a server→client event; returns the function that stops listening. */
  on<K extends keyof Events & string>(event: K, listener: (payload: Events[K]) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    const l = listener as (payload: never) => void;
    set.add(l);
    return () => {
      set!.delete(l);
    };
  }

  /** Listens to every event, typed or not. */
  onAny(listener: (event: string, payload: unknown) => void): () => void {
    this.anyListeners.add(listener);
    return () => {
      this.anyListeners.delete(listener);
    };
  }

  /** Listens to state changes; `close` says why a connection ended. */
  onState(listener: (state: ConnectionState, close?: CloseInfo) => void): () => void {
    this.stateListeners.add(listener);
    return () => {
      this.stateListeners.delete(listener);
    };
  }

  /** Listens to every (re)connection: the server's `connected` message. */
  onConnected(listener: (info: ConnectedInfo) => void): () => void {
    this.connectedListeners.add(listener);
    return () => {
      this.connectedListeners.delete(listener);
    };
  }

  /** Closes the connection for good: no reconnection; waiting requests fail with CLIENT_CLOSED. */
  close(code = 1000, reason = ''): void {
    if (this.closedByUser) return;
    this.closedByUser = true;
    if (this.reconnectTimer !== null) timers.clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    const ws = this.ws;
    if (ws) {
      this.detach(ws);
      try {
        ws.close(code, reason);
      } catch (e) {
        // already closing
      }
    }
    this.disconnected(code, reason);
  }

  /** Sends a client→server event; resolves with the ack's data, or when written if not acked. */
  protected request(event: string, payload: unknown, spec: RequestSpec): Promise<unknown> {
    if (this.closedByUser || this.current === 'closed') {
      return Promise.reject(new AquiliaError('CLIENT_CLOSED', 'the client is closed', [], event));
    }
    const body = payload === undefined ? null : payload;
    if (this.opts.validate && spec.check && body !== null) {
      const violations: Violation[] = [];
      spec.check(body, '', violations, spec.groups.length ? spec.groups : ['jakarta.validation.groups.Default']);
      if (violations.length) {
        violations.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.message < b.message ? -1 : a.message > b.message ? 1 : 0));
        return Promise.reject(
          new AquiliaError('WS_MESSAGE_INVALID', 'Invalid message format: payload failed validation', violations, event),
        );
      }
    }
    if (this.queue.length >= this.opts.maxQueue) {
      return Promise.reject(
        new AquiliaError('CLIENT_QUEUE_FULL', 'more than ' + this.opts.maxQueue + ' messages are waiting', [], event),
      );
    }
    if (spec.room) return this.roomRequest(event, body, spec);
    return this.send(event, body, spec);
  }

  /** A room request: on success, remembers (or forgets) the room named in the acknowledged state. */
  private roomRequest(event: string, body: unknown, spec: RequestSpec): Promise<unknown> {
    return this.send(event, body, spec).then((data) => {
      const room = data !== null && typeof data === 'object' ? (data as { room?: unknown }).room : undefined;
      if (typeof room === 'string') {
        if (spec.room === 'join') {
          this.joined.set(room, { event, payload: body, spec });
        } else {
          this.joined.delete(room);
          this.positions.delete(room);
        }
      }
      return data;
    });
  }

  private send(event: string, body: unknown, spec: RequestSpec): Promise<unknown> {
    const id = spec.ack ? 'c' + this.nextId++ : null;
    const text = JSON.stringify(id === null ? { type: 'event', event, payload: body } : { id, type: 'event', event, payload: body });
    return new Promise((resolve, reject) => {
      const item: Outgoing = { id, event, text, pending: null, sent: () => undefined, reject };
      if (id === null) {
        item.sent = () => resolve(undefined);
      } else {
        item.pending = { event, resolve, reject, timer: null };
      }
      this.queue.push(item);
      this.flush();
    });
  }

  /** Called after every `connected`, before queued messages go out; rejoins the rooms. */
  protected afterConnect(): void {
    for (const [room, j] of [...this.joined]) {
      this.sendFirst(j.event, j.payload, j.spec).then((state) => {
        this.recover(room);
        for (const l of [...this.rejoinedListeners]) {
          try {
            l(room, state);
          } catch (x) {
            report(x);
          }
        }
      }, (e: AquiliaError) => {
        if (e.code === 'WS_ALREADY_SUBSCRIBED') {
          this.recover(room);
          return;
        }
        this.joined.delete(room);
        this.positions.delete(room);
        for (const l of [...this.rejoinListeners]) {
          try {
            l(room, e);
          } catch (x) {
            report(x);
          }
        }
      });
    }
  }

  /**
   * Asks for the events of a recoverable room missed while disconnected, when the server offers
   * `room.recover` and the client has a position in the room. Replayed events arrive before the
   * answer and go to the listeners like live ones; duplicates are skipped by position.
   */
  private recover(room: string): void {
    const from = this.positions.get(room);
    if (!from || !this.info || !Array.isArray(this.info.events) || !this.info.events.includes('room.recover')) return;
    const spec: RequestSpec = { ack: true, check: null, groups: [] };
    this.send('room.recover', { room, epoch: from.epoch, offset: from.offset }, spec).then(
      (data) => {
        const d = (data ?? {}) as Partial<RoomRecovery>;
        const result: RoomRecovery = {
          room,
          recovered: d.recovered === true,
          replayed: typeof d.replayed === 'number' ? d.replayed : 0,
          epoch: typeof d.epoch === 'string' ? d.epoch : '',
          offset: typeof d.offset === 'number' ? d.offset : 0,
        };
        const now = this.positions.get(room);
        if (result.epoch !== '' && (!now || now.epoch !== result.epoch || now.offset < result.offset)) {
          this.positions.set(room, { epoch: result.epoch, offset: result.offset });
        }
        for (const l of [...this.recoveredListeners]) {
          try {
            l(result);
          } catch (x) {
            report(x);
          }
        }
      },
      (e: AquiliaError) => {
        for (const l of [...this.recoveredListeners]) {
          try {
            l({ room, recovered: false, replayed: 0, epoch: from.epoch, offset: from.offset });
          } catch (x) {
            report(x);
          }
        }
        if (e.code === 'WS_NOT_SUBSCRIBED') this.positions.delete(room);
      },
    );
  }

  /**
   * Whether an event of a recoverable room is new (and records its position); false for one
   * already processed (replayed and live copies of the same event).
   */
  private fresh(meta: unknown): boolean {
    if (meta === null || typeof meta !== 'object') return true;
    const { room, epoch, offset } = meta as { room?: unknown; epoch?: unknown; offset?: unknown };
    if (typeof room !== 'string' || typeof epoch !== 'string' || typeof offset !== 'number') return true;
    const seen = this.positions.get(room);
    if (seen && seen.epoch === epoch && offset <= seen.offset) return false;
    this.positions.set(room, { epoch, offset });
    return true;
  }

  /**
   * Sends ahead of the messages queued while disconnected; for use in {@link afterConnect} (to
   * rejoin rooms), where several calls keep their order.
   */
  protected sendFirst(event: string, payload: unknown, spec: RequestSpec): Promise<unknown> {
    const before = this.queue.length;
    const p = this.request(event, payload, spec);
    if (this.queue.length > before) this.queue.splice(this.front++, 0, this.queue.pop()!);
    return p;
  }

  private open(): void {
    this.setState(this.attempt === 0 ? 'connecting' : 'reconnecting');
    let ws: WebSocketLike;
    try {
      ws = this.opts.webSocket
        ? this.opts.webSocket(this.url)
        : (new (globalThis as unknown as { WebSocket: new (u: string) => WebSocketLike }).WebSocket(this.url) as WebSocketLike);
    } catch (e) {
      this.disconnected(1006, String(e));
      return;
    }
    this.ws = ws;
    this.lastInbound = Date.now();
    ws.onmessage = (ev) => this.receive(ev.data);
    ws.onclose = (ev) => {
      if (this.ws === ws) {
        this.detach(ws);
        this.disconnected(ev.code, ev.reason);
      }
    };
    ws.onerror = () => undefined;
  }

  private detach(ws: WebSocketLike): void {
    ws.onmessage = null;
    ws.onclose = null;
    ws.onerror = null;
    if (this.ws === ws) this.ws = null;
  }

  private receive(data: unknown): void {
    this.lastInbound = Date.now();
    let m: { id?: unknown; type?: unknown; event?: unknown; payload?: unknown; meta?: unknown };
    try {
      m = JSON.parse(String(data));
    } catch (e) {
      return;
    }
    if (m === null || typeof m !== 'object') return;
    const event = typeof m.event === 'string' ? m.event : '';
    if (m.type === 'system' && event === 'connected') {
      this.connected(m.payload as ConnectedInfo);
    } else if (m.type === 'ack') {
      this.settle(String(m.id), event, m.payload as { status?: string; data?: unknown; code?: string; message?: string; violations?: Violation[] });
    } else if (m.type === 'event' || m.type === 'system') {
      const room =
        m.payload !== null && typeof m.payload === 'object' ? (m.payload as { room?: unknown }).room : undefined;
      if (event === 'room.left' && typeof room === 'string') {
        this.joined.delete(room);
        this.positions.delete(room);
      } else if (event === 'room.joined' && typeof room === 'string') {
        // a room the server joined again after a reconnection (the path room): catch up on it too
        this.recover(room);
      }
      if (m.type === 'event' && !this.fresh(m.meta)) return;
      this.dispatch(event, m.payload);
    }
  }

  private connected(info: ConnectedInfo): void {
    this.info = info;
    this.attempt = 0;
    this.sentAt = [];
    this.setState('open');
    this.startHeartbeat();
    for (const l of this.connectedListeners) {
      try {
        l(info);
      } catch (e) {
        report(e);
      }
    }
    this.holding = true;
    this.front = 0;
    try {
      this.afterConnect();
    } catch (e) {
      report(e);
    } finally {
      this.holding = false;
    }
    this.flush();
  }

  private settle(id: string, event: string, p: { status?: string; data?: unknown; code?: string; message?: string; violations?: Violation[] } | undefined): void {
    const pending = this.inFlight.get(id);
    if (!pending) return;
    this.inFlight.delete(id);
    timers.clearTimeout(pending.timer);
    if (p && p.status === 'ok') {
      pending.resolve(p.data === undefined ? null : p.data);
    } else {
      pending.reject(new AquiliaError(p?.code ?? 'WS_INTERNAL_ERROR', p?.message ?? 'error', p?.violations ?? [], event || pending.event));
    }
  }

  private dispatch(event: string, payload: unknown): void {
    const set = this.listeners.get(event);
    if (set) {
      for (const l of [...set]) {
        try {
          (l as (payload: unknown) => void)(payload);
        } catch (e) {
          report(e);
        }
      }
    }
    for (const l of [...this.anyListeners]) {
      try {
        l(event, payload);
      } catch (e) {
        report(e);
      }
    }
  }

  private flush(): void {
    if (this.flushTimer !== null || this.holding) return;
    while (this.queue.length && this.current === 'open' && this.ws && this.ws.readyState === OPEN) {
      const wait = this.rateWait();
      if (wait > 0) {
        this.flushTimer = timers.setTimeout(() => {
          this.flushTimer = null;
          this.flush();
        }, wait);
        return;
      }
      this.write(this.queue.shift()!);
    }
  }

  /** Milliseconds until the announced messageRateLimit allows one more message. */
  private rateWait(): number {
    const limit = this.info ? this.info.limits.messageRateLimit : 0;
    if (!limit || limit <= 0) return 0;
    const now = Date.now();
    while (this.sentAt.length && this.sentAt[0] <= now - 1000) this.sentAt.shift();
    return this.sentAt.length < limit ? 0 : this.sentAt[0] + 1000 - now + 1;
  }

  private write(item: Outgoing): void {
    const max = this.info ? this.info.limits.maxMessageSize : 0;
    const size = utf8Length(item.text);
    if (max > 0 && size > max) {
      item.reject(new AquiliaError('WS_PAYLOAD_TOO_LARGE', 'Payload too large: ' + size + ' bytes (limit: ' + max + ')', [], item.event));
      return;
    }
    try {
      this.ws!.send(item.text);
    } catch (e) {
      this.queue.unshift(item);
      return;
    }
    const p = item.pending;
    if (item.id !== null && p) {
      const id = item.id;
      this.inFlight.set(id, p);
      p.timer = timers.setTimeout(() => {
        this.inFlight.delete(id);
        p.reject(new AquiliaError('CLIENT_TIMEOUT', "no acknowledgement of '" + p.event + "' within " + this.opts.ackTimeoutMs + ' ms', [], p.event));
      }, this.opts.ackTimeoutMs);
    }
    this.sentAt.push(Date.now());
    item.sent();
  }

  private startHeartbeat(): void {
    this.stopHeartbeat();
    const limits = this.info ? this.info.limits : null;
    if (!limits || !(limits.heartbeatInterval > 0)) return;
    const interval = limits.heartbeatInterval * 1000;
    const dead = interval + Math.max(1, limits.heartbeatTimeout) * 1000;
    let ping = 0;
    let pingedAt = 0;
    this.heartbeatTimer = timers.setInterval(() => {
      const ws = this.ws;
      if (!ws) return;
      const silent = Date.now() - this.lastInbound;
      if (silent > dead) {
        this.detach(ws);
        try {
          ws.close(4000, 'heartbeat timeout');
        } catch (e) {
          // already closed
        }
        this.disconnected(1006, 'heartbeat timeout');
      } else if (silent >= interval && pingedAt <= this.lastInbound && ws.readyState === OPEN) {
        pingedAt = Date.now();
        try {
          ws.send(JSON.stringify({ id: 'hb' + ++ping, type: 'control', event: 'ping' }));
        } catch (e) {
          // the close event follows
        }
      }
    }, Math.max(1000, Math.floor(interval / 2)));
  }

  private stopHeartbeat(): void {
    if (this.heartbeatTimer !== null) timers.clearInterval(this.heartbeatTimer);
    this.heartbeatTimer = null;
  }

  private disconnected(code: number, reason: string): void {
    this.stopHeartbeat();
    if (this.flushTimer !== null) timers.clearTimeout(this.flushTimer);
    this.flushTimer = null;
    this.info = null;
    for (const [id, p] of this.inFlight) {
      timers.clearTimeout(p.timer);
      p.reject(
        new AquiliaError('CLIENT_DISCONNECTED', "the connection closed (" + code + ") before the acknowledgement of '" + p.event + "'", [], p.event),
      );
      this.inFlight.delete(id);
    }
    const retry = !this.closedByUser && this.opts.reconnect && !NO_RECONNECT.includes(code) && !(code >= 4000 && code < 5000 && code !== 4008);
    if (!retry) {
      for (const item of this.queue.splice(0)) {
        item.reject(new AquiliaError('CLIENT_CLOSED', 'the connection closed (' + code + (reason ? ' ' + reason : '') + ')', [], item.event));
      }
    }
    this.setState(retry ? 'reconnecting' : 'closed', { code, reason, willReconnect: retry });
    if (retry) {
      const base = Math.min(this.opts.maxDelayMs, this.opts.initialDelayMs * 2 ** Math.min(this.attempt, 16));
      const delay = base / 2 + this.opts.random() * (base / 2);
      this.attempt++;
      this.reconnectTimer = timers.setTimeout(() => {
        this.reconnectTimer = null;
        if (!this.closedByUser) this.open();
      }, delay);
    }
  }

  private setState(state: ConnectionState, close?: CloseInfo): void {
    if (state === this.current && !close) return;
    this.current = state;
    for (const l of [...this.stateListeners]) {
      try {
        l(state, close);
      } catch (e) {
        report(e);
      }
    }
  }
}

/** The UTF-8 length of a string, as the server measures maxMessageSize. */
function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

// Constraint checks, with Bean Validation's semantics (null passes every check but the Not* ones).
const DEFAULT_GROUP = 'jakarta.validation.groups.Default';
function inGroups(active: readonly string[], of: readonly string[]): boolean {
  for (const g of of) if (active.includes(g)) return true;
  return false;
}
function sizeOf(v: unknown): number | null {
  if (typeof v === 'string' || Array.isArray(v)) return v.length;
  if (v !== null && typeof v === 'object') return Object.keys(v as object).length;
  return null;
}
function isNull(v: unknown): boolean {
  return v === null || v === undefined;
}
function isBlank(v: unknown): boolean {
  // Java's trim(): characters up to U+0020 are blank.
  return isNull(v) || (typeof v === 'string' && !/[^\u0000-\u0020]/.test(v));
}
function isEmpty(v: unknown): boolean {
  return isNull(v) || sizeOf(v) === 0;
}
function badSize(v: unknown, min: number, max: number): boolean {
  const n = sizeOf(v);
  return n !== null && (n < min || n > max);
}
function num(v: unknown): number | null {
  return typeof v === 'number' ? v : null;
}
const patterns = new Map<string, RegExp | null>();
function mismatch(v: unknown, source: string): boolean {
  if (typeof v !== 'string') return false;
  let re = patterns.get(source);
  if (re === undefined) {
    try {
      re = new RegExp('^(?:' + source + ')$', 'u');
    } catch (e) {
      re = null; // a Java-only regex: the server decides
    }
    patterns.set(source, re);
  }
  return re !== null && !re.test(v);
}
function each(v: unknown, path: string, element: (e: unknown, p: string) => void, kind: 'list' | 'set' | 'map'): void {
  if (kind === 'map') {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      for (const [k, e] of Object.entries(v as object)) element(e, path + '[' + k + ']');
    }
  } else if (Array.isArray(v)) {
    v.forEach((e, i) => element(e, path + (kind === 'set' ? '[]' : '[' + i + ']')));
  }
}
