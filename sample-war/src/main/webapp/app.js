// The sample chat client: a plain browser WebSocket speaking the Aquilia envelope protocol.
// Every message sent carries an "id"; the server answers each with exactly one "ack".
(function () {
  'use strict';

  const $ = (id) => document.getElementById(id);
  const list = $('messages');
  // The context root, e.g. "/chat" for http://localhost:19080/chat/
  const base = location.pathname.replace(/\/[^/]*$/, '');

  let ws = null;
  let myName = '';
  let room = '';
  let nextId = 1;
  // Sent messages waiting for their ack, by id: {kind, text, li}
  const pending = new Map();

  function setState(state, detail) {
    $('status').className = 'status ' + state;
    $('state').textContent = detail ? state + ' (' + detail + ')' : state;
    const open = state === 'connected';
    $('text').disabled = !open;
    $('send').disabled = !open;
    $('who').disabled = !open;
    $('connect').textContent = state === 'disconnected' ? 'Connect' : 'Disconnect';
    $('room').disabled = state !== 'disconnected';
    $('name').disabled = state !== 'disconnected';
    if (state !== 'connected') $('conn-id').textContent = '';
  }

  function add(className, ...parts) {
    const li = document.createElement('li');
    li.className = className;
    for (const p of parts) li.append(p);
    list.append(li);
    list.scrollTop = list.scrollHeight;
    return li;
  }

  function span(className, text) {
    const s = document.createElement('span');
    s.className = className;
    s.textContent = text;
    return s;
  }

  function memberName(member) {
    return (member.meta && member.meta.name) || member.key;
  }

  function time(ts) {
    return new Date(ts * 1000).toLocaleTimeString();
  }

  // An error answer: an error ack payload or an "error" event payload.
  function showError(p, what) {
    const li = add('err', '✗ ' + what + ': ');
    const code = document.createElement('code');
    code.textContent = p.code;
    li.append(code, ' ' + p.message);
    if (p.violations && p.violations.length) {
      const ul = document.createElement('ul');
      for (const v of p.violations) {
        const item = document.createElement('li');
        item.textContent = v.path + ': ' + v.message;
        ul.append(item);
      }
      li.append(ul);
    }
  }

  function request(event, payload, kind, text) {
    const id = 'c' + nextId++;
    pending.set(id, { kind, text, li: null });
    ws.send(JSON.stringify({ id, type: 'event', event, payload }));
  }

  function onAck(m) {
    const req = pending.get(m.id);
    pending.delete(m.id);
    const p = m.payload || {};
    if (p.status === 'error') {
      showError(p, m.event);
      return;
    }
    if (m.event === 'message.send') {
      const mark = span('ack', '✓ delivered to ' + p.data.deliveredTo);
      if (req && req.li) req.li.append(mark);
      else add('sys', mark);
    } else if (m.event === 'room.who') {
      add('sys', 'In #' + room + ': ' + p.data.join(', '));
    }
  }

  function onEvent(m) {
    const p = m.payload || {};
    switch (m.event) {
      case 'message.new': {
        const mine = p.from === myName;
        const li = add('msg' + (mine ? ' mine' : ''),
          span('time', time(p.ts)), span('from', p.from), p.text);
        if (mine) {
          // Our own copy arrives before the ack of the same message: pair them.
          for (const req of pending.values()) {
            if (req.kind === 'send' && !req.li && req.text === p.text) {
              req.li = li;
              break;
            }
          }
        }
        break;
      }
      case 'presence.join':
        add('sys', memberName(p.member) + ' joined #' + p.room);
        break;
      case 'presence.leave':
        add('sys', memberName(p.member) + ' left #' + p.room);
        break;
      case 'presence.update':
      case 'room.joined':
        break;
      case 'error':
        showError(p, 'error event for ' + p.event);
        break;
      default:
        add('sys', 'event ' + m.event + ': ' + JSON.stringify(p));
    }
  }

  function onMessage(ev) {
    let m;
    try {
      m = JSON.parse(ev.data);
    } catch (e) {
      add('err', 'unreadable message from the server');
      return;
    }
    if (m.type === 'system' && m.event === 'connected') {
      setState('connected');
      $('conn-id').textContent = m.payload.connectionId;
      const l = m.payload.limits;
      add('sys', 'Connected to #' + room + ' as ' + myName + ' — connectionId ' +
        m.payload.connectionId + ', events: ' + m.payload.events.join(', ') +
        ', maxMessageSize ' + l.maxMessageSize + ' B, heartbeat ' + l.heartbeatInterval + ' s');
    } else if (m.type === 'ack') {
      onAck(m);
    } else if (m.type === 'event') {
      onEvent(m);
    }
  }

  function connect() {
    room = $('room').value.trim() || 'lobby';
    myName = $('name').value.trim() ||
      'guest-' + Math.floor(Math.random() * 0x10000).toString(16).padStart(4, '0');
    $('name').value = myName;
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const url = scheme + '://' + location.host + base + '/ws/chat/' +
      encodeURIComponent(room) + '?name=' + encodeURIComponent(myName);
    $('ws-url').textContent = url;
    setState('connecting');
    ws = new WebSocket(url);
    ws.onmessage = onMessage;
    ws.onclose = (ev) => {
      setState('disconnected', 'close ' + ev.code + (ev.reason ? ' ' + ev.reason : ''));
      add('sys', 'Connection closed: ' + ev.code + (ev.reason ? ' ' + ev.reason : ''));
      pending.clear();
      ws = null;
    };
  }

  $('join').addEventListener('submit', (e) => {
    e.preventDefault();
    if (ws) ws.close(1000, 'bye');
    else connect();
  });

  $('compose').addEventListener('submit', (e) => {
    e.preventDefault();
    if (!ws || ws.readyState !== WebSocket.OPEN) return;
    const text = $('text').value;
    request('message.send', { text }, 'send', text);
    $('text').value = '';
    $('text').focus();
  });

  $('who').addEventListener('click', () => request('room.who', null, 'who'));

  setState('disconnected');
})();
