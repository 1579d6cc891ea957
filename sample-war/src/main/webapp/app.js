// The sample chat client: a plain browser WebSocket speaking the Aquilia envelope protocol.
// Every request carries an "id"; the server answers each with exactly one "ack".
// Rooms: room.join / room.leave requests, room.joined for the room joined from the URL.
// Presence: presence.join / presence.update / presence.leave events, applied by member key.
(function () {
  'use strict';

  const $ = (id) => document.getElementById(id);
  // The context root, e.g. "/chat" for http://localhost:19080/chat/
  const base = location.pathname.replace(/\/[^/]*$/, '');

  let ws = null;
  let me = '';
  let myId = '';
  let current = '';
  let nextId = 1;
  let refreshTimer = null;
  const pending = new Map();    // id -> {event, text, li}
  const joined = new Set();     // rooms this connection is in
  const lines = new Map();      // room -> [li]
  const presence = new Map();   // room -> Map(key -> member)
  let roomList = [];            // [{room, members}]

  function setState(state, detail) {
    $('status').className = 'status ' + state;
    $('state').textContent = detail ? state + ' (' + detail + ')' : state;
    const open = state === 'connected';
    for (const id of ['text', 'send', 'new-room', 'join', 'my-status']) $(id).disabled = !open;
    $('leave').disabled = !open || !joined.has(current);
    $('connect').textContent = state === 'disconnected' ? 'Connect' : 'Disconnect';
    $('room').disabled = state !== 'disconnected';
    $('name').disabled = state !== 'disconnected';
    if (state !== 'connected') $('conn-id').textContent = '';
  }

  function el(tag, className, ...parts) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    for (const p of parts) e.append(p);
    return e;
  }

  function linesOf(room) {
    if (!lines.has(room)) lines.set(room, []);
    return lines.get(room);
  }

  // Adds a line to a room's history (and to the screen if it is the room shown).
  function add(room, className, ...parts) {
    const li = el('li', className, ...parts);
    linesOf(room || current).push(li);
    if ((room || current) === current) {
      $('messages').append(li);
      $('messages').scrollTop = $('messages').scrollHeight;
    }
    return li;
  }

  function time(ts) {
    return new Date(ts * 1000).toLocaleTimeString();
  }

  function showError(room, p, what) {
    const li = add(room, 'err', '✗ ' + what + ': ');
    li.append(el('code', '', p.code), ' ' + p.message);
    if (p.violations && p.violations.length) {
      const ul = el('ul');
      for (const v of p.violations) ul.append(el('li', '', v.path + ': ' + v.message));
      li.append(ul);
    }
  }

  function request(event, payload, extra) {
    const id = 'c' + nextId++;
    pending.set(id, Object.assign({ event }, extra || {}));
    ws.send(JSON.stringify({ id, type: 'event', event, payload }));
    return id;
  }

  // ---------------------------------------------------------------- rooms

  function show(room) {
    current = room;
    $('room-title').textContent = '#' + room + (joined.has(room) ? '' : ' (not joined)');
    $('messages').replaceChildren(...linesOf(room));
    $('messages').scrollTop = $('messages').scrollHeight;
    $('leave').disabled = !ws || !joined.has(room);
    renderRooms();
    renderPeople();
  }

  function roomJoined(state) {
    joined.add(state.room);
    const members = new Map();
    for (const m of state.presence || []) members.set(m.key, m);
    presence.set(state.room, members);
    add(state.room, 'sys', 'You joined #' + state.room + ' (' + state.members.length +
      ' connection' + (state.members.length === 1 ? '' : 's') + ' here)');
    show(state.room);
    refreshRooms();
  }

  function roomLeft(room) {
    joined.delete(room);
    presence.delete(room);
    add(room, 'sys', 'You left #' + room);
    const next = [...joined][0];
    show(next || room);
    refreshRooms();
  }

  function refreshRooms() {
    if (ws && ws.readyState === WebSocket.OPEN) request('rooms.list', null);
  }

  function renderRooms() {
    const names = new Map(roomList.map((r) => [r.room, r.members]));
    for (const r of joined) if (!names.has(r)) names.set(r, 1);
    const ul = $('rooms');
    ul.replaceChildren();
    for (const [room, count] of [...names].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
      const li = el('li', (joined.has(room) ? 'in ' : '') + (room === current ? 'current' : ''),
        el('span', 'room-name', '#' + room), el('span', 'count', String(count)));
      li.title = joined.has(room) ? 'view #' + room : 'join #' + room;
      li.addEventListener('click', () => {
        if (joined.has(room)) show(room);
        else request('room.join', { room });
      });
      ul.append(li);
    }
  }

  // ---------------------------------------------------------------- presence

  function renderPeople() {
    const ul = $('people');
    ul.replaceChildren();
    const members = presence.get(current);
    if (!members) {
      ul.append(el('li', 'sys', joined.has(current) ? 'nobody' : 'join the room to see who is here'));
      return;
    }
    for (const m of [...members.values()].sort((a, b) => a.key.localeCompare(b.key))) {
      const meta = m.meta || {};
      const status = meta.status || 'online';
      const li = el('li', 'person ' + status, el('span', 'dot'),
        el('span', 'who', (meta.name || m.key) + (m.key === me.toLowerCase() ? ' (you)' : '')),
        el('span', 'tabs', m.connections > 1 ? m.connections + ' tabs' : ''));
      li.title = status;
      ul.append(li);
    }
  }

  function onPresence(event, p) {
    const members = presence.get(p.room);
    if (!members) return;
    const name = (p.member.meta && p.member.meta.name) || p.member.key;
    if (event === 'presence.leave') {
      members.delete(p.member.key);
      add(p.room, 'sys', name + ' left');
    } else {
      const known = members.has(p.member.key);
      members.set(p.member.key, p.member);   // join and update are upserts by key
      if (event === 'presence.join' && !known && p.member.key !== me.toLowerCase()) {
        add(p.room, 'sys', name + ' joined');
      }
    }
    if (p.room === current) renderPeople();
    refreshRooms();
  }

  // ---------------------------------------------------------------- messages

  function onAck(m) {
    const req = pending.get(m.id) || {};
    pending.delete(m.id);
    const p = m.payload || {};
    if (p.status === 'error') {
      showError(req.room || current, p, m.event);
      return;
    }
    switch (m.event) {
      case 'message.send': {
        const mark = el('span', 'ack', '✓ delivered to ' + p.data.deliveredTo);
        if (req.li) req.li.append(mark);
        else add(req.room, 'sys', mark);
        break;
      }
      case 'room.join':
        roomJoined(p.data);
        break;
      case 'room.leave':
        roomLeft(p.data.room);
        break;
      case 'rooms.list':
        roomList = p.data;
        renderRooms();
        break;
      case 'presence.status':
        add(current, 'sys', 'Your status is now ' + p.data);
        break;
      default:
        break;
    }
  }

  function onEvent(m) {
    const p = m.payload || {};
    switch (m.event) {
      case 'message.new': {
        const mine = p.from === me;
        const li = add(p.room, 'msg' + (mine ? ' mine' : ''),
          el('span', 'time', time(p.ts)), el('span', 'from', p.from), p.text);
        if (mine) {
          // Our own copy arrives before the ack of the same message: pair them.
          for (const req of pending.values()) {
            if (req.event === 'message.send' && !req.li && req.text === p.text && req.room === p.room) {
              req.li = li;
              break;
            }
          }
        }
        break;
      }
      case 'room.joined':
        roomJoined(p);
        break;
      case 'room.left':
        roomLeft(p.room);
        break;
      case 'presence.join':
      case 'presence.update':
      case 'presence.leave':
        onPresence(m.event, p);
        break;
      case 'error':
        showError(current, p, 'error event for ' + p.event);
        break;
      default:
        add(current, 'sys', 'event ' + m.event + ': ' + JSON.stringify(p));
    }
  }

  function onMessage(ev) {
    let m;
    try {
      m = JSON.parse(ev.data);
    } catch (e) {
      add(current, 'err', 'unreadable message from the server');
      return;
    }
    if (m.type === 'system' && m.event === 'connected') {
      setState('connected');
      myId = m.payload.connectionId;
      $('conn-id').textContent = myId;
      const l = m.payload.limits;
      add(current, 'sys', 'Connected as ' + me + ' — connectionId ' + myId + ', events: ' +
        m.payload.events.join(', ') + ', maxMessageSize ' + l.maxMessageSize + ' B, heartbeat ' +
        l.heartbeatInterval + ' s');
      refreshTimer = setInterval(refreshRooms, 5000);
    } else if (m.type === 'ack') {
      onAck(m);
    } else if (m.type === 'event') {
      onEvent(m);
    }
  }

  function connect() {
    const first = $('room').value.trim() || 'lobby';
    me = $('name').value.trim() ||
      'guest-' + Math.floor(Math.random() * 0x10000).toString(16).padStart(4, '0');
    $('name').value = me;
    current = first;
    show(first);
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const url = scheme + '://' + location.host + base + '/ws/chat/' +
      encodeURIComponent(first) + '?name=' + encodeURIComponent(me);
    $('ws-url').textContent = url;
    setState('connecting');
    ws = new WebSocket(url);
    ws.onmessage = onMessage;
    ws.onclose = (ev) => {
      const why = 'close ' + ev.code + (ev.reason ? ' ' + ev.reason : '');
      add(current, 'sys', 'Connection closed: ' + why);
      clearInterval(refreshTimer);
      pending.clear();
      joined.clear();
      presence.clear();
      roomList = [];
      ws = null;
      setState('disconnected', why);
      show(current);
    };
  }

  $('login').addEventListener('submit', (e) => {
    e.preventDefault();
    if (ws) ws.close(1000, 'bye');
    else connect();
  });

  $('compose').addEventListener('submit', (e) => {
    e.preventDefault();
    if (!ws || ws.readyState !== WebSocket.OPEN) return;
    const text = $('text').value;
    request('message.send', { room: current, text }, { text, room: current });
    $('text').value = '';
    $('text').focus();
  });

  $('join-room').addEventListener('submit', (e) => {
    e.preventDefault();
    const room = $('new-room').value.trim();
    if (!room) return;
    if (joined.has(room)) show(room);
    else request('room.join', { room }, { room });
    $('new-room').value = '';
  });

  $('leave').addEventListener('click', () => request('room.leave', { room: current }, { room: current }));

  $('my-status').addEventListener('change', () =>
    request('presence.status', { status: $('my-status').value }));

  setState('disconnected');
  // Links can prefill the form: ?name=Alice&room=dev, and connect at once with &connect
  const params = new URLSearchParams(location.search);
  if (params.get('name')) $('name').value = params.get('name');
  if (params.get('room')) $('room').value = params.get('room');
  show($('room').value.trim() || 'lobby');
  if (params.has('connect')) connect();
})();
