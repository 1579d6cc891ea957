// The sample page is built on the generated client: the committed client is exactly what
// `aq ws gen-client` produces from the sample today, and the committed JavaScript is exactly what
// tsc --strict makes of it (fix a failure with `npm run update-sample`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLE_CLASSES, SAMPLE_JS, SAMPLE_TS, generate, tempDir, tsc } from '../lib/support.mjs';

const HINT = ' is stale: run `npm run update-sample` in client-tests/ and commit';

test('the committed sample client is what gen-client generates', () => {
  const fresh = generate(SAMPLE_CLASSES, join(tempDir('aq-drift-'), 'chat-client.ts'));
  assert.equal(readFileSync(join(SAMPLE_TS, 'chat-client.ts'), 'utf8'), readFileSync(fresh, 'utf8'), 'chat-client.ts' + HINT);
});

test('the committed page scripts are what tsc --strict compiles', () => {
  const out = tempDir('aq-js-');
  const r = tsc(['-p', SAMPLE_TS, '--outDir', out]);
  assert.equal(r.code, 0, r.output);
  for (const f of ['chat-client.js', 'app.js']) {
    assert.equal(readFileSync(join(SAMPLE_JS, f), 'utf8'), readFileSync(join(out, f), 'utf8'), 'webapp/js/' + f + HINT);
  }
});
