// Shared helpers of the client tests: paths, running the CLI and tsc.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const HERE = dirname(fileURLToPath(import.meta.url));
export const CLIENT_TESTS = resolve(HERE, '..');
export const ROOT = resolve(CLIENT_TESTS, '..');
export const AQ = join(ROOT, 'aq');
export const TSC = join(CLIENT_TESTS, 'node_modules', 'typescript', 'bin', 'tsc');
export const SAMPLE_CLASSES = join(ROOT, 'sample-war', 'target', 'classes');
export const FIXTURE_CLASSES = join(ROOT, 'cli', 'target', 'test-classes');
export const SAMPLE_TS = join(ROOT, 'sample-war', 'src', 'main', 'ts');
export const SAMPLE_JS = join(ROOT, 'sample-war', 'src', 'main', 'webapp', 'js');

export function tempDir(prefix) {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Runs a command; returns {code, stdout, stderr} without throwing. */
export function run(cmd, args, options = {}) {
  try {
    const stdout = execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options });
    return { code: 0, stdout, stderr: '' };
  } catch (e) {
    return { code: e.status ?? 1, stdout: String(e.stdout ?? ''), stderr: String(e.stderr ?? '') };
  }
}

/** `aq ws gen-client --from <from> --out <out>`; throws with the CLI's output on failure. */
export function generate(from, out) {
  if (!existsSync(from)) throw new Error(from + ' is missing: build first (mvn package)');
  const r = run(AQ, ['ws', 'gen-client', '--from', from, '--out', out]);
  if (r.code !== 0) throw new Error('gen-client failed (' + r.code + '): ' + r.stderr + r.stdout);
  return out;
}

/** Runs tsc with the arguments; returns {code, output}. */
export function tsc(args) {
  const r = run(process.execPath, [TSC, ...args]);
  return { code: r.code, output: r.stdout + r.stderr };
}

export const STRICT = ['--strict', '--target', 'es2020', '--module', 'es2020', '--moduleResolution', 'bundler'];

/** Generates and compiles clients to JavaScript in one tsc run; returns the imported modules. */
export async function compiled(sources) {
  const dir = tempDir('aq-js-');
  const files = Object.entries(sources).map(([name, from]) => generate(from, join(dir, name + '.ts')));
  const r = tsc([...STRICT, '--lib', 'es2020', '--outDir', join(dir, 'js'), ...files]);
  if (r.code !== 0) throw new Error('tsc failed: ' + r.output);
  const modules = {};
  for (const name of Object.keys(sources)) modules[name] = await import(join(dir, 'js', name + '.js'));
  return modules;
}

/** A WebSocket stand-in the test drives: what the client sent, and server frames and closes. */
export class FakeSocket {
  static all = [];
  constructor(url) {
    this.url = url;
    this.readyState = 0;
    this.sent = [];
    this.closed = null;
    this.onmessage = null;
    this.onclose = null;
    this.onerror = null;
    FakeSocket.all.push(this);
  }
  static factory = (url) => new FakeSocket(url);
  static last() {
    return FakeSocket.all[FakeSocket.all.length - 1];
  }
  send(text) {
    if (this.readyState !== 1) throw new Error('not open');
    this.sent.push(JSON.parse(text));
  }
  close(code, reason) {
    this.closed = { code, reason };
    this.readyState = 3;
  }
  /** The server accepts: the socket opens and the `connected` message arrives. */
  accept(limits = {}, events = []) {
    this.readyState = 1;
    this.frame({
      id: null,
      type: 'system',
      event: 'connected',
      payload: {
        connectionId: 'conn-' + FakeSocket.all.length,
        namespace: '/ws',
        limits: { maxMessageSize: 65536, messageRateLimit: 0, heartbeatInterval: 0, heartbeatTimeout: 0, ...limits },
        events,
      },
    });
  }
  frame(obj) {
    if (this.onmessage) this.onmessage({ data: JSON.stringify(obj) });
  }
  ackOk(id, data, event = 'x') {
    this.frame({ id, type: 'ack', event, payload: { status: 'ok', data } });
  }
  /** The connection drops with this close code. */
  drop(code, reason = '') {
    this.readyState = 3;
    if (this.onclose) this.onclose({ code, reason });
  }
}
