// npm run update-sample: regenerates the sample's client from the compiled sample
// (sample-war/target/classes, so build first) and recompiles the page into webapp/js.
import { join } from 'node:path';
import { SAMPLE_CLASSES, SAMPLE_TS, generate, tsc } from './support.mjs';

generate(SAMPLE_CLASSES, join(SAMPLE_TS, 'chat-client.ts'));
const r = tsc(['-p', SAMPLE_TS]);
if (r.code !== 0) {
  console.error(r.output);
  process.exit(1);
}
console.log('Updated sample-war/src/main/ts/chat-client.ts and sample-war/src/main/webapp/js/');
