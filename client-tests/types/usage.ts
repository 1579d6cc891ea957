// Compiled with tsc --strict next to freshly generated clients (see test/typecheck.test.mjs):
// correct use compiles; each line after @ts-expect-error must be a type error.
import { AquiliaError, ChatSocketClient, ChatLine, Receipt } from './chat-client.js';
import { OddSocketClient, PresenceChange, Result, RoomState } from './odd-client.js';

const fake = () => ({
  readyState: 0,
  onmessage: null,
  onclose: null,
  onerror: null,
  send(_: string) {},
  close() {},
});

const chat = new ChatSocketClient('http://localhost:19080/chat', { room: 'lobby' }, { token: 't', webSocket: fake });
const receipt: Promise<Receipt> = chat.messageSend({ text: 'hi' });
const same: Promise<Receipt> = chat.emit('message.send', { text: 'hi' });
const who: Promise<string[]> = chat.roomWho();
const off = chat.on('message.new', (line: ChatLine) => line.text);
chat.on('error', (e) => e.code);
chat.onState((state, close) => (close ? close.code : state));
receipt.catch((e: AquiliaError) => e.violations.map((v) => v.path + v.message));
off();

// @ts-expect-error: the payload has no 'txt'
chat.messageSend({ txt: 'hi' });
// @ts-expect-error: text must be a string
chat.messageSend({ text: 42 });
// @ts-expect-error: room.who takes no payload
chat.roomWho({ text: 'x' });
// @ts-expect-error: unknown client→server event
chat.emit('message.delete', null);
// @ts-expect-error: unknown server→client event
chat.on('message.old', () => undefined);
// @ts-expect-error: message.new carries a ChatLine, not a number
chat.on('message.new', (n: number) => n);
// @ts-expect-error: the path parameter is required
new ChatSocketClient('http://localhost/chat', {});

const odd = new OddSocketClient('http://h', { id: 7, mode: 'FAST' }, { webSocket: fake });
const placed: Promise<Result> = odd.orderPlace({ ref: 'r', items: [{ name: 'a', qty: 1 }], accepted: true });
odd.on('x.y-z', (item) => item.qty + 1);
odd.on('tick', (p: null) => p);
const joined: Promise<RoomState> = odd.roomJoin({ room: 'r', password: null });
odd.roomLeave({ room: 'r' }).then((state) => (state.members ?? []).length);
odd.presenceList({ room: 'r' }).then((state) => (state.presence ?? []).map((m) => String(m.key) + m.connections));
odd.on('presence.join', (change: PresenceChange) => change.member?.key);
odd.on('room.left', (ref) => ref.room);
const rooms: string[] = odd.rooms;
// @ts-expect-error: the room is required
odd.roomJoin({ password: 'x' });
// @ts-expect-error: id is a number
new OddSocketClient('http://h', { id: '7', mode: 'FAST' });
// @ts-expect-error: mode is FAST or SLOW
new OddSocketClient('http://h', { id: 7, mode: 'MEDIUM' });
// @ts-expect-error: items are required
odd.orderPlace({ ref: 'r', accepted: true });

export { receipt, same, who, placed, joined, rooms };
