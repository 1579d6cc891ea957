// The generated client's runtime against a scripted WebSocket (no server, mocked clock): queueing,
// acks, typed errors, local validation with the server's messages, limits, reconnection.
import { test, beforeEach, afterEach, mock } from 'node:test';
import assert from 'node:assert/strict';
import { FakeSocket, FIXTURE_CLASSES, SAMPLE_CLASSES, compiled } from '../lib/support.mjs';

const { chat, odd } = await compiled({ chat: SAMPLE_CLASSES, odd: FIXTURE_CLASSES });

beforeEach(() => {
  FakeSocket.all = [];
  mock.timers.enable({ apis: ['setTimeout', 'setInterval', 'Date'], now: 1_000_000 });
});
afterEach(() => mock.timers.reset());

const settle = () => new Promise((r) => setImmediate(r));
const client = (options = {}) =>
  new chat.ChatSocketClient('http://localhost:19080/chat/', { room: 'lobby & co' }, { webSocket: FakeSocket.factory, token: 'a b', ...options });

test('the URL carries the encoded path parameter and token, on ws://', () => {
  client();
  assert.equal(FakeSocket.last().url, 'ws://localhost:19080/chat/ws/chat/lobby%20%26%20co?token=a%20b');
});

test('requests wait for the connected message, then go out in order with ids', async () => {
  const c = client();
  const a = c.messageSend({ room: 'lobby', text: 'one' });
  const b = c.roomsList();
  const ws = FakeSocket.last();
  assert.equal(c.state, 'connecting');
  assert.equal(c.queued, 2);
  ws.accept();
  assert.equal(c.state, 'open');
  assert.deepEqual(ws.sent, [
    { id: 'c1', type: 'event', event: 'message.send', payload: { room: 'lobby', text: 'one' } },
    { id: 'c2', type: 'event', event: 'rooms.list', payload: null },
  ]);
  ws.ackOk('c2', [{ room: 'lobby', members: 2 }]);
  ws.ackOk('c1', { id: 'r1', deliveredTo: 2 });
  assert.deepEqual(await a, { id: 'r1', deliveredTo: 2 });
  assert.deepEqual(await b, [{ room: 'lobby', members: 2 }]);
  assert.equal(c.connectionId, 'conn-1');
});

test('an error ack rejects with a typed AquiliaError', async () => {
  const c = client();
  const ws = FakeSocket.last();
  ws.accept();
  const p = c.messageSend({ room: 'lobby', text: 'x' });
  ws.frame({
    id: 'c1',
    type: 'ack',
    event: 'message.send',
    payload: { status: 'error', code: 'WS_FORBIDDEN', message: 'WebSocket connection forbidden: no', violations: [] },
  });
  await assert.rejects(p, (e) => e instanceof chat.AquiliaError && e.code === 'WS_FORBIDDEN' && e.event === 'message.send');
});

test('an invalid payload is refused locally with the server message, and nothing is sent', async () => {
  const c = client();
  const ws = FakeSocket.last();
  ws.accept();
  await assert.rejects(c.messageSend({ room: 'lobby', text: ' \t' }), (e) => {
    assert.equal(e.code, 'WS_MESSAGE_INVALID');
    assert.equal(e.message, 'Invalid message format: payload failed validation');
    assert.deepEqual(e.violations, [{ path: 'text', message: 'must not be blank' }]);
    return true;
  });
  await assert.rejects(c.messageSend({ room: 'lobby', text: 'x'.repeat(501) }), (e) =>
    e.violations[0].message === 'size must be between 0 and 500');
  assert.equal(ws.sent.length, 0);
  // validate: false sends it anyway (the server answers)
  const raw = client({ validate: false });
  FakeSocket.last().accept();
  raw.messageSend({ room: 'lobby', text: '' });
  assert.equal(FakeSocket.last().sent.length, 1);
});

test('nested, element and map constraints report Hibernate Validator paths, sorted', async () => {
  const c = new odd.OddSocketClient('http://h', { id: 1, mode: 'FAST' }, { webSocket: FakeSocket.factory });
  FakeSocket.last().accept();
  const order = {
    ref: '',
    items: [{ name: 'ok', qty: 1 }, { name: ' ', qty: 100 }],
    tags: ['ab', 'x'],
    note: { name: '', qty: 0 },
    code: 'ABC',
    email: 'not-an-email',
    accepted: false,
    extra: { k: 11 },
    labels: [''],
  };
  await assert.rejects(c.orderPlace(order), (e) => {
    assert.deepEqual(e.violations, [
      { path: 'accepted', message: 'must be true' },
      { path: 'code', message: 'must match "[a-z]+"' },
      { path: 'extra[k].<map value>', message: 'must be less than or equal to 10' },
      { path: 'items[1].name', message: 'must not be blank' },
      { path: 'items[1].qty', message: 'must be less than or equal to 99' },
      { path: 'labels[].<iterable element>', message: 'must not be blank' },
      { path: 'ref', message: 'must not be blank' },
      { path: 'tags[1].<list element>', message: 'size must be between 2 and 3' },
    ]);
    return true;
  });
});

test('an unanswered ack times out with CLIENT_TIMEOUT', async () => {
  const c = client({ ackTimeoutMs: 300 });
  FakeSocket.last().accept();
  const p = c.roomsList();
  mock.timers.tick(301);
  await assert.rejects(p, (e) => e.code === 'CLIENT_TIMEOUT');
});

test('a request queued while disconnected waits longer than the ack timeout, then goes out', async () => {
  const c = client({ ackTimeoutMs: 300, initialDelayMs: 5000, random: () => 1 });
  FakeSocket.last().accept();
  FakeSocket.last().drop(1001);
  const p = c.messageSend({ room: 'lobby', text: 'during the outage' });
  mock.timers.tick(5000);
  const next = FakeSocket.last();
  next.accept();
  assert.equal(next.sent[0].payload.text, 'during the outage');
  next.ackOk(next.sent[0].id, { id: 'q', deliveredTo: 1 });
  assert.equal((await p).id, 'q');
});

test('the queue is bounded', async () => {
  const c = client({ maxQueue: 2 });
  c.roomsList().catch(() => undefined);
  c.roomsList().catch(() => undefined);
  await assert.rejects(c.roomsList(), (e) => e.code === 'CLIENT_QUEUE_FULL');
});

test('the announced maxMessageSize is enforced before sending', async () => {
  const c = client();
  const ws = FakeSocket.last();
  ws.accept({ maxMessageSize: 100 });
  await assert.rejects(c.messageSend({ room: 'lobby', text: 'é'.repeat(60) }), (e) => e.code === 'WS_PAYLOAD_TOO_LARGE' && /limit: 100/.test(e.message));
  assert.equal(ws.sent.length, 0);
});

test('the announced messageRateLimit paces sends to that many per second', async () => {
  const c = client();
  const ws = FakeSocket.last();
  ws.accept({ messageRateLimit: 3 });
  for (let i = 0; i < 7; i++) c.messageSend({ room: 'lobby', text: 'm' + i }).catch(() => undefined);
  assert.equal(ws.sent.length, 3);
  mock.timers.tick(1001);
  assert.equal(ws.sent.length, 6);
  mock.timers.tick(1001);
  assert.equal(ws.sent.length, 7);
});

test('a lost connection reconnects with growing, jittered delays; in-flight acks fail, queued ones survive', async () => {
  const c = client({ initialDelayMs: 100, maxDelayMs: 1000, random: () => 1 });
  const states = [];
  c.onState((s, close) => states.push(s + (close ? ':' + close.code : '')));
  const first = FakeSocket.last();
  first.accept();
  const inflight = c.roomsList();
  first.drop(1006);
  await assert.rejects(inflight, (e) => e.code === 'CLIENT_DISCONNECTED');
  const queued = c.messageSend({ room: 'lobby', text: 'later' });
  assert.equal(FakeSocket.all.length, 1);
  mock.timers.tick(99);
  assert.equal(FakeSocket.all.length, 1);
  mock.timers.tick(1);
  assert.equal(FakeSocket.all.length, 2);
  FakeSocket.last().drop(1006); // handshake failed: next delay doubles (200 ms)
  mock.timers.tick(199);
  assert.equal(FakeSocket.all.length, 2);
  mock.timers.tick(1);
  const third = FakeSocket.last();
  assert.equal(FakeSocket.all.length, 3);
  third.accept();
  assert.deepEqual(third.sent.map((m) => m.payload), [{ room: 'lobby', text: 'later' }]);
  third.ackOk(third.sent[0].id, { id: 'z', deliveredTo: 1 });
  assert.equal((await queued).id, 'z');
  assert.deepEqual(states, ['open', 'reconnecting:1006', 'reconnecting:1006', 'open']);
});

test('the delay is jittered between half and all of the backoff', () => {
  const c = client({ initialDelayMs: 1000, random: () => 0 });
  FakeSocket.last().accept();
  FakeSocket.last().drop(1001);
  mock.timers.tick(499);
  assert.equal(FakeSocket.all.length, 1);
  mock.timers.tick(1);
  assert.equal(FakeSocket.all.length, 2);
  c.close();
});

test('close() stops reconnecting, and a kick (4009) or a policy close (1008) is final', async () => {
  const c = client({ initialDelayMs: 10 });
  FakeSocket.last().accept();
  FakeSocket.last().drop(1001);
  c.close();
  mock.timers.tick(60_000);
  assert.equal(FakeSocket.all.length, 1);
  assert.equal(c.state, 'closed');
  await assert.rejects(c.roomsList(), (e) => e.code === 'CLIENT_CLOSED');

  const k = client({ initialDelayMs: 10 });
  const ws = FakeSocket.last();
  ws.accept();
  const pending = k.messageSend({ room: 'lobby', text: 'x' });
  ws.drop(4009, 'kicked by admin');
  mock.timers.tick(60_000);
  assert.equal(FakeSocket.all.length, 2);
  assert.equal(k.state, 'closed');
  await assert.rejects(pending, (e) => e.code === 'CLIENT_DISCONNECTED');
});

test('typed listeners get server events; error events and listener failures are isolated', async () => {
  const c = client();
  const ws = FakeSocket.last();
  ws.accept();
  const lines = [];
  const errors = [];
  const off = c.on('message.new', (l) => lines.push(l.text));
  c.on('message.new', () => {
    throw new Error('listener bug');
  });
  c.on('error', (e) => errors.push(e.code));
  const original = console.error;
  console.error = () => undefined;
  try {
    ws.frame({ id: null, type: 'event', event: 'message.new', payload: { text: 'hi', from: 'a', room: 'r', ts: 1 } });
  } finally {
    console.error = original;
  }
  ws.frame({ id: null, type: 'event', event: 'error', payload: { code: 'WS_UNSUPPORTED_EVENT', message: 'x' } });
  off();
  ws.frame({ id: null, type: 'event', event: 'message.new', payload: { text: 'again' } });
  assert.deepEqual(lines, ['hi']);
  assert.deepEqual(errors, ['WS_UNSUPPORTED_EVENT']);
});

test('joined rooms are rejoined first after a reconnection; a left or purged room is not', async () => {
  const c = new odd.OddSocketClient('http://h', { id: 1, mode: 'SLOW' }, { webSocket: FakeSocket.factory, initialDelayMs: 100, random: () => 1 });
  const ws = FakeSocket.last();
  ws.accept();
  const state = (room) => ({ room, members: ['me'], presence: [] });
  const a = c.roomJoin({ room: 'a', password: 'pw' });
  const b = c.roomJoin({ room: 'b', password: null });
  const x = c.roomJoin({ room: 'x', password: null });
  ws.ackOk('c1', state('a'));
  ws.ackOk('c2', state('b'));
  ws.ackOk('c3', state('x'));
  await Promise.all([a, b, x]);
  assert.deepEqual(c.rooms, ['a', 'b', 'x']);
  const left = c.roomLeave({ room: 'b' });
  ws.ackOk('c4', state('b'));
  await left;
  ws.frame({ id: null, type: 'event', event: 'room.left', payload: { room: 'x' } }); // e.g. aq ws purge-room
  assert.deepEqual(c.rooms, ['a']);
  ws.drop(1006);
  const queued = c.orderPlace({ ref: 'r', items: [{ name: 'n', qty: 1 }], accepted: true });
  mock.timers.tick(100);
  const next = FakeSocket.last();
  next.accept();
  assert.deepEqual(
    next.sent.map((m) => [m.event, m.payload.room ?? m.payload.ref]),
    [['room.join', 'a'], ['order.place', 'r']],
  );
  assert.deepEqual(next.sent[0].payload, { room: 'a', password: 'pw' });
  const failures = [];
  c.onRejoinFailed((room, e) => failures.push(room + ':' + e.code));
  next.frame({ id: next.sent[0].id, type: 'ack', event: 'room.join', payload: { status: 'error', code: 'WS_FORBIDDEN', message: 'no', violations: [] } });
  await settle();
  assert.deepEqual(failures, ['a:WS_FORBIDDEN']);
  assert.deepEqual(c.rooms, []);
  queued.catch(() => undefined);
  c.close();
});

test('after a reconnection, recoverable rooms are recovered from the last position; duplicates are skipped', async () => {
  const events = ['room.join', 'room.leave', 'room.recover'];
  const c = new odd.OddSocketClient('http://h', { id: 1, mode: 'SLOW' }, { webSocket: FakeSocket.factory, initialDelayMs: 100, random: () => 1 });
  const ws = FakeSocket.last();
  ws.accept({}, events);
  const seen = [];
  const results = [];
  c.onAny((event, payload) => {
    if (event === 'news') seen.push(payload.n);
  });
  c.onRecovered((r) => results.push(r));
  const state = (room) => ({ room, members: ['me'], presence: [] });
  const joined = c.roomJoin({ room: 'a', password: null });
  ws.ackOk('c1', state('a'));
  await joined;
  const news = (n, offset, epoch = 'e1') => ({ id: null, type: 'event', event: 'news', payload: { n }, meta: { epoch, offset, room: 'a', ts: 1 } });
  ws.frame(news(1, 41));
  ws.frame(news(2, 42));
  assert.deepEqual(c.position('a'), { epoch: 'e1', offset: 42 });

  ws.drop(1006);
  mock.timers.tick(100);
  const next = FakeSocket.last();
  next.accept({}, events);
  assert.deepEqual(next.sent.map((m) => m.event), ['room.join'], 'the room is rejoined first');
  next.ackOk(next.sent[0].id, state('a'));
  await settle();
  assert.deepEqual(next.sent[1], { id: next.sent[1].id, type: 'event', event: 'room.recover', payload: { room: 'a', epoch: 'e1', offset: 42 } });
  // the replay (43, 44), then 44 again live, then the answer
  next.frame(news(3, 43));
  next.frame(news(4, 44));
  next.frame(news(4, 44));
  next.frame(news(2, 42));
  next.ackOk(next.sent[1].id, { room: 'a', recovered: true, replayed: 2, epoch: 'e1', offset: 44 });
  await settle();
  assert.deepEqual(seen, [1, 2, 3, 4], 'nothing missed, nothing twice');
  assert.deepEqual(results, [{ room: 'a', recovered: true, replayed: 2, epoch: 'e1', offset: 44 }]);

  // the history was trimmed meanwhile: the gap is reported, and the client continues from the new position
  next.drop(1006);
  mock.timers.tick(100);
  const third = FakeSocket.last();
  third.accept({}, events);
  third.ackOk(third.sent[0].id, state('a'));
  await settle();
  assert.deepEqual(third.sent[1].payload, { room: 'a', epoch: 'e1', offset: 44 });
  third.ackOk(third.sent[1].id, { room: 'a', recovered: false, replayed: 0, epoch: 'e2', offset: 7 });
  await settle();
  assert.deepEqual(results[1], { room: 'a', recovered: false, replayed: 0, epoch: 'e2', offset: 7 });
  assert.deepEqual(c.position('a'), { epoch: 'e2', offset: 7 });
  third.frame(news(5, 8, 'e2'));
  assert.deepEqual(seen, [1, 2, 3, 4, 5]);

  // leaving forgets the position: no recovery for a room the client is not in
  const left = c.roomLeave({ room: 'a' });
  third.ackOk(third.sent[2].id, state('a'));
  await left;
  assert.equal(c.position('a'), null);
  c.close();
});

test('a server without room.recover is not asked to recover', async () => {
  const c = new odd.OddSocketClient('http://h', { id: 1, mode: 'SLOW' }, { webSocket: FakeSocket.factory, initialDelayMs: 100, random: () => 1 });
  const ws = FakeSocket.last();
  ws.accept({}, ['room.join']);
  const joined = c.roomJoin({ room: 'a', password: null });
  ws.ackOk('c1', { room: 'a', members: ['me'], presence: [] });
  await joined;
  ws.frame({ id: null, type: 'event', event: 'news', payload: {}, meta: { epoch: 'e', offset: 1, room: 'a' } });
  ws.drop(1006);
  mock.timers.tick(100);
  const next = FakeSocket.last();
  next.accept({}, ['room.join']);
  next.ackOk(next.sent[0].id, { room: 'a', members: ['me'], presence: [] });
  await settle();
  assert.deepEqual(next.sent.map((m) => m.event), ['room.join']);
  c.close();
});

test('a silent connection is pinged, and declared dead after interval + timeout', () => {
  const c = client({ initialDelayMs: 10_000 });
  const ws = FakeSocket.last();
  ws.accept({ heartbeatInterval: 2, heartbeatTimeout: 1 });
  mock.timers.tick(2000);
  assert.deepEqual(ws.sent, [{ id: 'hb1', type: 'control', event: 'ping' }]);
  mock.timers.tick(999);
  assert.equal(ws.sent.length, 1, 'one ping per silence');
  assert.equal(c.state, 'open');
  mock.timers.tick(1001);
  assert.equal(c.state, 'reconnecting');
  assert.equal(ws.closed.code, 4000);
  c.close();
});
