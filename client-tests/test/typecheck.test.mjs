// The generated clients compile under tsc --strict (without DOM types), and their types catch
// misuse: wrong payloads, unknown events, wrong path parameter types (see types/usage.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLIENT_TESTS, FIXTURE_CLASSES, SAMPLE_CLASSES, STRICT, generate, tempDir, tsc } from '../lib/support.mjs';

test('awkward event names give valid, unique identifiers', () => {
  const file = generate(FIXTURE_CLASSES, join(tempDir('aq-odd-'), 'odd-client.ts'));
  const source = readFileSync(file, 'utf8');
  for (const m of ['_2faVerify(', 'aB(', 'aB_2(', 'deleteEvent(', 'onEvent(', 'orderPlace(']) {
    assert.ok(source.includes('  ' + m), 'missing method ' + m);
  }
  assert.ok(source.includes("'x.y-z': Item;"), 'typed server event x.y-z');
  assert.ok(source.includes('export interface PlainSocketItem'), 'clashing type names are qualified');
});

test('both clients and their typed usage compile under tsc --strict (ES2020 library only), and every @ts-expect-error misuse is a type error', () => {
  const dir = tempDir('aq-usage-');
  generate(SAMPLE_CLASSES, join(dir, 'chat-client.ts'));
  generate(FIXTURE_CLASSES, join(dir, 'odd-client.ts'));
  copyFileSync(join(CLIENT_TESTS, 'types', 'usage.ts'), join(dir, 'usage.ts'));
  // usage.ts imports both generated files, so this one run type-checks all three.
  const r = tsc([...STRICT, '--lib', 'es2020', '--noEmit', join(dir, 'usage.ts')]);
  assert.equal(r.code, 0, r.output);
});

test('a misuse without @ts-expect-error fails to compile (the check can fail)', () => {
  const dir = tempDir('aq-misuse-');
  generate(SAMPLE_CLASSES, join(dir, 'chat-client.ts'));
  const bad = join(dir, 'bad.ts');
  writeFileSync(
    bad,
    "import { ChatSocketClient } from './chat-client.js';\n" +
      "const c = new ChatSocketClient('http://h/chat', { room: 'r' });\n" +
      "c.messageSend({ txt: 'typo' });\n",
  );
  const r = tsc([...STRICT, '--lib', 'es2020', '--noEmit', bad]);
  assert.notEqual(r.code, 0);
  assert.match(r.output, /txt/);
});
