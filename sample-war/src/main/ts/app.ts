// The sample chat page, built on the generated, typed client (chat-client.ts, from
// `aq ws gen-client`): requests are typed methods with promises, server events typed listeners.
// Rooms: room.join / room.leave requests, room.joined for the room joined from the URL; the client
// rejoins its rooms after a reconnection. Presence: presence.join / update / leave, by member key.
import {
  AquiliaError,
  ChatLine,
  ChatSocketClient,
  CloseInfo,
  ConnectionState,
  PresenceChange,
  PresenceMember,
  RoomState,
  RoomSummary,
  Violation,
} from './chat-client.js';

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => document.getElementById(id) as T;
const input = (id: string) => $<HTMLInputElement>(id);
// The context root, e.g. "/chat" for http://localhost:19080/chat/
const base = location.origin + location.pathname.replace(/\/[^/]*$/, '');

let client: ChatSocketClient | null = null;
let me = '';
let current = '';
let wasOpen = false;
let refreshTimer: number | undefined;
const joined = new Set<string>(); // rooms this connection is in
const lines = new Map<string, HTMLLIElement[]>(); // room -> history
const presence = new Map<string, Map<string, PresenceMember>>(); // room -> key -> member
let roomList: RoomSummary[] = [];

function setState(state: ConnectionState | 'disconnected', detail?: string): void {
  const shown = state === 'open' ? 'connected' : state === 'closed' ? 'disconnected' : state;
  $('status').className = 'status ' + (shown === 'reconnecting' ? 'connecting' : shown);
  $('state').textContent = detail ? shown + ' (' + detail + ')' : shown;
  const open = state === 'open';
  const active = client !== null;
  // While reconnecting, messages can still be typed: the client queues them.
  for (const id of ['text', 'send']) $<HTMLInputElement>(id).disabled = !active;
  for (const id of ['new-room', 'join', 'my-status']) $<HTMLInputElement>(id).disabled = !open;
  $<HTMLButtonElement>('leave').disabled = !open || !joined.has(current);
  $('connect').textContent = active ? 'Disconnect' : 'Connect';
  input('room').disabled = active;
  input('name').disabled = active;
  if (!open) $('conn-id').textContent = '';
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, ...parts: (string | Node)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  e.append(...parts);
  return e;
}

function linesOf(room: string): HTMLLIElement[] {
  let l = lines.get(room);
  if (!l) {
    l = [];
    lines.set(room, l);
  }
  return l;
}

// Adds a line to a room's history (and to the screen if it is the room shown).
function add(room: string, className: string, ...parts: (string | Node)[]): HTMLLIElement {
  const li = el('li', className, ...parts);
  const r = room || current;
  linesOf(r).push(li);
  if (r === current) {
    $('messages').append(li);
    $('messages').scrollTop = $('messages').scrollHeight;
  }
  return li;
}

function time(ts: number): string {
  return new Date(ts * 1000).toLocaleTimeString();
}

// An error: the server's answer or the client's own check, with the same code and messages.
function showError(room: string, e: { code: string; message: string; violations?: Violation[] | null }, what: string): void {
  const li = add(room, 'err', '✗ ' + what + ': ');
  li.append(el('code', '', e.code), ' ' + e.message);
  if (e.violations && e.violations.length) {
    const ul = el('ul', '');
    for (const v of e.violations) ul.append(el('li', '', v.path + ': ' + v.message));
    li.append(ul);
  }
}

function failed(room: string, what: string): (e: unknown) => void {
  return (e) => {
    if (e instanceof AquiliaError) showError(room, e, what);
    else showError(room, { code: 'CLIENT_ERROR', message: String(e) }, what);
  };
}

// ---------------------------------------------------------------- rooms

function show(room: string): void {
  current = room;
  $('room-title').textContent = '#' + room + (joined.has(room) ? '' : ' (not joined)');
  $('messages').replaceChildren(...linesOf(room));
  $('messages').scrollTop = $('messages').scrollHeight;
  $<HTMLButtonElement>('leave').disabled = !client || client.state !== 'open' || !joined.has(room);
  renderRooms();
  renderPeople();
}

// view: show the room joined (a join the user asked for), else stay on the room shown.
function roomJoined(state: RoomState, view = true): void {
  const room = state.room ?? '';
  joined.add(room);
  const members = new Map<string, PresenceMember>();
  for (const m of state.presence ?? []) if (m.key) members.set(m.key, m);
  presence.set(room, members);
  const n = state.count;
  add(room, 'sys', 'You joined #' + room + ' (' + n + ' connection' + (n === 1 ? '' : 's') + ' here)');
  show(view || !joined.has(current) ? room : current);
  refreshRooms();
}

function roomLeft(room: string): void {
  joined.delete(room);
  presence.delete(room);
  add(room, 'sys', 'You left #' + room);
  const next = [...joined][0];
  show(next || room);
  refreshRooms();
}

function join(room: string): void {
  client?.roomJoin({ room }).then((state) => roomJoined(state), failed(room, 'room.join'));
}

function refreshRooms(): void {
  if (client && client.state === 'open') {
    client.roomsList().then((list) => {
      roomList = list;
      renderRooms();
    }, failed(current, 'rooms.list'));
  }
}

function renderRooms(): void {
  const names = new Map<string, number>(roomList.map((r) => [r.room ?? '', r.members]));
  for (const r of joined) if (!names.has(r)) names.set(r, 1);
  const ul = $('rooms');
  ul.replaceChildren();
  for (const [room, count] of [...names].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    const li = el('li', (joined.has(room) ? 'in ' : '') + (room === current ? 'current' : ''),
      el('span', 'room-name', '#' + room), el('span', 'count', String(count)));
    li.title = joined.has(room) ? 'view #' + room : 'join #' + room;
    li.addEventListener('click', () => {
      if (joined.has(room)) show(room);
      else join(room);
    });
    ul.append(li);
  }
}

// ---------------------------------------------------------------- presence

interface Meta {
  name?: string;
  status?: string;
}

function metaOf(m: PresenceMember): Meta {
  return m.meta !== null && typeof m.meta === 'object' ? (m.meta as Meta) : {};
}

function renderPeople(): void {
  const ul = $('people');
  ul.replaceChildren();
  const members = presence.get(current);
  if (!members) {
    ul.append(el('li', 'sys', joined.has(current) ? 'nobody' : 'join the room to see who is here'));
    return;
  }
  for (const m of [...members.values()].sort((a, b) => String(a.key).localeCompare(String(b.key)))) {
    const meta = metaOf(m);
    const status = meta.status || 'online';
    const li = el('li', 'person ' + status, el('span', 'dot', ''),
      el('span', 'who', (meta.name || String(m.key)) + (m.key === me.toLowerCase() ? ' (you)' : '')),
      el('span', 'tabs', m.connections > 1 ? m.connections + ' tabs' : ''));
    li.title = status;
    ul.append(li);
  }
}

function onPresence(event: 'presence.join' | 'presence.update' | 'presence.leave', p: PresenceChange): void {
  const room = p.room ?? '';
  const members = presence.get(room);
  const member = p.member;
  if (!members || !member || !member.key) return;
  const name = metaOf(member).name || member.key;
  if (event === 'presence.leave') {
    members.delete(member.key);
    add(room, 'sys', name + ' left');
  } else {
    const known = members.has(member.key);
    members.set(member.key, member); // join and update are upserts by key
    if (event === 'presence.join' && !known && member.key !== me.toLowerCase()) {
      add(room, 'sys', name + ' joined');
    }
  }
  if (room === current) renderPeople();
  refreshRooms();
}

// ---------------------------------------------------------------- connection

function onLine(p: ChatLine): void {
  const mine = p.from === me;
  add(p.room ?? current, 'msg' + (mine ? ' mine' : ''), el('span', 'time', time(p.ts)), el('span', 'from', p.from ?? '?'), p.text ?? '');
}

function onState(state: ConnectionState, close?: CloseInfo): void {
  if (close && wasOpen) {
    add(current, 'sys', 'Connection closed: ' + close.code + (close.reason ? ' ' + close.reason : '') + (close.willReconnect ? ' — reconnecting…' : ''));
  }
  wasOpen = state === 'open';
  if (state !== 'open') {
    // The server forgets this connection's rooms; the client rejoins them when it is back.
    window.clearInterval(refreshTimer);
    joined.clear();
    presence.clear();
    roomList = [];
  }
  if (state === 'closed') {
    client = null;
    setState('closed', close ? 'close ' + close.code + (close.reason ? ' ' + close.reason : '') : undefined);
  } else {
    setState(state);
  }
  show(current);
}

function connect(): void {
  const first = input('room').value.trim() || 'lobby';
  me = input('name').value.trim() || 'guest-' + Math.floor(Math.random() * 0x10000).toString(16).padStart(4, '0');
  input('name').value = me;
  current = first;
  const c = new ChatSocketClient(base, { room: first }, { query: { name: me } });
  client = c;
  $('ws-url').textContent = base.replace(/^http/, 'ws') + '/ws/chat/' + encodeURIComponent(first) + '?name=' + encodeURIComponent(me);
  c.onState(onState);
  c.onConnected((info) => {
    $('conn-id').textContent = info.connectionId;
    add(current, 'sys', 'Connected as ' + me + ' — connectionId ' + info.connectionId + ', events: ' + info.events.join(', ') +
      ', maxMessageSize ' + info.limits.maxMessageSize + ' B, heartbeat ' + info.limits.heartbeatInterval + ' s');
    refreshTimer = window.setInterval(refreshRooms, 5000);
  });
  c.onRejoined((_room, state) => roomJoined(state as RoomState, false));
  c.onRejoinFailed((room, e) => showError(room, e, 'rejoining #' + room));
  c.on('message.new', onLine);
  c.on('room.joined', (state) => roomJoined(state));
  c.on('room.left', (ref) => roomLeft(ref.room ?? ''));
  c.on('presence.join', (p) => onPresence('presence.join', p));
  c.on('presence.update', (p) => onPresence('presence.update', p));
  c.on('presence.leave', (p) => onPresence('presence.leave', p));
  c.on('error', (e) => showError(current, e, 'error event for ' + e.event));
  setState(c.state);
  show(first);
}

$('login').addEventListener('submit', (e) => {
  e.preventDefault();
  if (client) client.close(1000, 'bye');
  else connect();
});

$('compose').addEventListener('submit', (e) => {
  e.preventDefault();
  if (!client) return;
  const text = input('text').value;
  const room = current;
  const li = add(room, 'msg pending mine', el('span', 'from', me), text, el('span', 'ack', '…'));
  input('text').value = '';
  input('text').focus();
  client.messageSend({ room, text }).then(
    (receipt) => {
      li.remove();
      linesOf(room).splice(linesOf(room).indexOf(li), 1);
      const own = [...linesOf(room)].reverse().find((x) => x.classList.contains('mine') && !x.classList.contains('pending') && x.textContent?.includes(text) && !x.querySelector('.ack'));
      (own ?? add(room, 'sys')).append(el('span', 'ack', '✓ delivered to ' + receipt.deliveredTo));
    },
    (err) => {
      li.remove();
      linesOf(room).splice(linesOf(room).indexOf(li), 1);
      failed(room, 'message.send')(err);
    },
  );
});

$('join-room').addEventListener('submit', (e) => {
  e.preventDefault();
  const room = input('new-room').value.trim();
  if (!room) return;
  if (joined.has(room)) show(room);
  else join(room);
  input('new-room').value = '';
});

$('leave').addEventListener('click', () => {
  const room = current;
  client?.roomLeave({ room }).then(() => roomLeft(room), failed(room, 'room.leave'));
});

$('my-status').addEventListener('change', () => {
  client?.presenceStatus({ status: $<HTMLSelectElement>('my-status').value }).then(
    (status) => add(current, 'sys', 'Your status is now ' + status),
    failed(current, 'presence.status'),
  );
});

setState('disconnected');
// Links can prefill the form: ?name=Alice&room=dev, and connect at once with &connect
const params = new URLSearchParams(location.search);
if (params.get('name')) input('name').value = params.get('name') ?? '';
if (params.get('room')) input('room').value = params.get('room') ?? '';
show(input('room').value.trim() || 'lobby');
if (params.has('connect')) connect();
