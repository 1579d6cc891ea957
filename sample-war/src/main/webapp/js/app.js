// The sample chat page, built on the generated, typed client (chat-client.ts). Compiled with
// tsc --strict; see tsconfig.json.
import { AquiliaError, ChatSocketClient } from './chat-client.js';
const $ = (id) => document.getElementById(id);
const list = $('messages');
const roomInput = $('room');
const nameInput = $('name');
const textInput = $('text');
// The context root, e.g. "/chat" for http://localhost:19080/chat/
const base = location.origin + location.pathname.replace(/\/[^/]*$/, '');
let client = null;
let myName = '';
let room = '';
function setState(state, detail) {
    const shown = state === 'open' ? 'connected' : state === 'closed' ? 'disconnected' : state;
    $('status').className = 'status ' + (shown === 'reconnecting' ? 'connecting' : shown);
    $('state').textContent = detail ? shown + ' (' + detail + ')' : shown;
    const active = client !== null;
    textInput.disabled = !active;
    $('send').disabled = !active;
    $('who').disabled = state !== 'open';
    $('connect').textContent = active ? 'Disconnect' : 'Connect';
    roomInput.disabled = active;
    nameInput.disabled = active;
    if (state !== 'open')
        $('conn-id').textContent = '';
}
function add(className, ...parts) {
    const li = document.createElement('li');
    li.className = className;
    li.append(...parts);
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
function time(ts) {
    return new Date(ts * 1000).toLocaleTimeString();
}
// An error: the server's answer or the client's own check, with the same code and messages.
function showError(e, what) {
    const li = add('err', '✗ ' + what + ': ');
    const code = document.createElement('code');
    code.textContent = e.code;
    li.append(code, ' ' + e.message);
    if (e.violations && e.violations.length) {
        const ul = document.createElement('ul');
        for (const v of e.violations) {
            const item = document.createElement('li');
            item.textContent = v.path + ': ' + v.message;
            ul.append(item);
        }
        li.append(ul);
    }
}
function failure(e, what) {
    if (e instanceof AquiliaError)
        showError(e, what);
    else
        showError({ code: 'CLIENT_ERROR', message: String(e) }, what);
}
function onLine(line) {
    const mine = line.from === myName;
    add('msg' + (mine ? ' mine' : ''), span('time', time(line.ts)), span('from', line.from ?? '?'), line.text ?? '');
}
// Presence: the members of the room by key, from the room state, then kept up to date by diffs.
const members = new Map();
function nameOf(m) {
    const meta = m ? m.meta : null;
    const name = meta !== null && typeof meta === 'object' ? meta.name : undefined;
    return typeof name === 'string' ? name : String(m?.key ?? 'someone');
}
function renderMembers() {
    const ul = $('members');
    ul.replaceChildren();
    const sorted = [...members.values()].sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
    for (const m of sorted) {
        const li = document.createElement('li');
        li.textContent = nameOf(m) + ((m.connections ?? 1) > 1 ? ' (' + m.connections + ' tabs)' : '');
        if (nameOf(m) === myName)
            li.className = 'me';
        ul.append(li);
    }
    $('member-count').textContent = members.size ? '(' + members.size + ')' : '';
}
function onRoomState(state) {
    members.clear();
    for (const m of state.presence ?? [])
        if (m.key)
            members.set(m.key, m);
    renderMembers();
}
let wasOpen = false;
let attempts = 0;
function onState(state, close) {
    if (close && wasOpen) {
        add('sys', 'Connection closed: ' + close.code + (close.reason ? ' ' + close.reason : '') + (close.willReconnect ? ' — reconnecting…' : ''));
    }
    wasOpen = state === 'open';
    attempts = state === 'reconnecting' ? attempts + 1 : 0;
    if (state !== 'open') {
        members.clear();
        renderMembers();
    }
    if (state === 'closed') {
        client = null;
        setState('closed', close ? 'close ' + close.code : undefined);
    }
    else {
        setState(state, state === 'reconnecting' && attempts > 1 ? 'attempt ' + attempts : undefined);
    }
}
function connect() {
    room = roomInput.value.trim() || 'lobby';
    myName = nameInput.value.trim() || 'guest-' + Math.floor(Math.random() * 0x10000).toString(16).padStart(4, '0');
    nameInput.value = myName;
    const c = new ChatSocketClient(base, { room }, { query: { name: myName } });
    client = c;
    $('ws-url').textContent = base.replace(/^http/, 'ws') + ChatSocketClient.path.replace(':room', encodeURIComponent(room));
    c.onState(onState);
    c.onConnected((info) => {
        $('conn-id').textContent = info.connectionId;
        add('sys', 'Connected to #' + room + ' as ' + myName + ' — connectionId ' + info.connectionId + ', events: ' + info.events.join(', ') +
            ', maxMessageSize ' + info.limits.maxMessageSize + ' B, heartbeat ' + info.limits.heartbeatInterval + ' s');
    });
    c.on('message.new', onLine);
    c.on('room.joined', onRoomState);
    c.on('presence.join', (change) => {
        const m = change.member;
        if (!m || !m.key)
            return;
        members.set(m.key, m);
        renderMembers();
        if (nameOf(m) !== myName)
            add('sys', nameOf(m) + ' joined #' + (change.room ?? room));
    });
    c.on('presence.update', (change) => {
        if (change.member && change.member.key)
            members.set(change.member.key, change.member);
        renderMembers();
    });
    c.on('presence.leave', (change) => {
        const m = change.member;
        if (!m || !m.key)
            return;
        members.delete(m.key);
        renderMembers();
        add('sys', nameOf(m) + ' left #' + (change.room ?? room));
    });
    c.on('room.left', (ref) => {
        add('sys', 'You were removed from #' + ref.room);
        members.clear();
        renderMembers();
    });
    c.on('error', (e) => showError(e, 'error event for ' + e.event));
    setState(c.state);
}
$('join').addEventListener('submit', (e) => {
    e.preventDefault();
    if (client)
        client.close(1000, 'bye');
    else
        connect();
});
$('compose').addEventListener('submit', (e) => {
    e.preventDefault();
    if (!client)
        return;
    const text = textInput.value;
    const li = add('msg pending mine', span('from', myName), text, span('ack', '…'));
    textInput.value = '';
    textInput.focus();
    client.messageSend({ text }).then((receipt) => {
        li.remove();
        const mark = span('ack', '✓ delivered to ' + receipt.deliveredTo);
        const own = [...list.querySelectorAll('li.msg.mine:not(.pending)')].reverse().find((x) => x.textContent?.includes(text) && !x.querySelector('.ack'));
        (own ?? add('sys')).append(mark);
    }, (err) => {
        li.remove();
        failure(err, 'message.send');
    });
});
$('who').addEventListener('click', () => {
    client?.roomWho().then((names) => add('sys', 'In #' + room + ': ' + names.join(', ')), (err) => failure(err, 'room.who'));
});
setState('disconnected');
