// A new user's trial of the sample on two instances with Redis, in headless Chromium: one tab on
// each instance, same room. Start the instances first (README, "Several instances"):
//   ./run-sample --redis & ./run-sample --redis --port 19090 &
//   node client-tests/browser/two-instances.mjs [http://localhost:19080/chat/ http://localhost:19090/chat/]
// Prints each step; exits 1 on the first step that fails.
import { chromium } from 'playwright-core';
import { rmSync } from 'node:fs';
import { tempDir } from '../lib/support.mjs';

const [A = 'http://localhost:19080/chat/', B = 'http://localhost:19090/chat/'] = process.argv.slice(2);
const T = 20_000;
const room = 'two-' + Date.now().toString(36);
const profile = tempDir('aq-chromium-two-');
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});

async function step(name, body) {
  const t0 = Date.now();
  try {
    await body();
    console.log('ok   ' + name + ' (' + (Date.now() - t0) + ' ms)');
  } catch (e) {
    console.log('FAIL ' + name + ': ' + e.message);
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    process.exit(1);
  }
}

async function open(url, name) {
  const page = await context.newPage();
  await page.goto(url);
  await page.fill('#room', room);
  await page.fill('#name', name);
  await page.click('#connect');
  await page.locator('#state', { hasText: /^connected$/ }).waitFor({ timeout: 60_000 });
  return page;
}

const members = (page, names) =>
  page.waitForFunction(
    (expected) => [...document.querySelectorAll('#people li.person .who')].map((e) => e.textContent).join(',') === expected,
    names.join(','),
    { timeout: T },
  );
const message = (page, text) => page.locator('#messages li.msg', { hasText: text }).first().waitFor({ timeout: T });
async function send(page, text) {
  await page.fill('#text', text);
  await page.click('#send');
}

let ann;
let bob;
await step('ann opens ' + A + ' and bob opens ' + B + ', same room #' + room, async () => {
  ann = await open(A, 'ann');
  bob = await open(B, 'bob');
});
await step('each tab lists both members (presence across instances)', async () => {
  await members(ann, ['ann (you)', 'bob']);
  await members(bob, ['ann', 'bob (you)']);
});
await step('a message typed on instance 1 appears on instance 2', async () => {
  await send(ann, 'hello from 19080');
  await message(bob, 'hello from 19080');
});
await step('and the other way', async () => {
  await send(bob, 'hello from 19090');
  await message(ann, 'hello from 19090');
});
await step('bob closes his tab: ann sees him leave', async () => {
  await bob.close();
  await members(ann, ['ann (you)']);
});
await context.close();
rmSync(profile, { recursive: true, force: true });
