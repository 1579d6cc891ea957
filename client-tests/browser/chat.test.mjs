// End-to-end in headless Chromium: the sample chat page (built on the generated client) against a
// live server. Needs SAMPLE_URL (e.g. http://localhost:19083/chat/), and WLP_HOME + WLP_SERVER to
// restart that Open Liberty server; CliIT's sibling NodeClientIT provides them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { tempDir } from '../lib/support.mjs';

const URL = required('SAMPLE_URL');
const WLP_HOME = required('WLP_HOME');
const WLP_SERVER = required('WLP_SERVER');
const ARTIFACTS = process.env.ARTIFACTS_DIR || tempDir('aq-browser-');
const T = 20_000;

function required(name) {
  const v = process.env[name];
  if (!v) throw new Error(name + ' is not set (run through NodeClientIT, or set it by hand)');
  return v;
}

let context;
let profile;
const pageErrors = [];
const room = 'e2e-' + Date.now().toString(36);

before(async () => {
  profile = tempDir('aq-chromium-profile-');
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

after(async () => {
  if (context) await context.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

async function openChat(name) {
  const page = await context.newPage();
  pages.push(page);
  page.on('pageerror', (e) => pageErrors.push(name + ': ' + e.message));
  await page.goto(URL);
  await page.fill('#room', room);
  await page.fill('#name', name);
  await page.click('#connect');
  await connected(page);
  return page;
}

async function connected(page) {
  await page.locator('#state', { hasText: /^connected$/ }).waitFor({ timeout: 60_000 });
  return page.locator('#conn-id').textContent();
}

/** Waits until the page's member panel lists exactly these names. */
async function members(page, names) {
  await page.waitForFunction(
    (expected) => [...document.querySelectorAll('#members li')].map((li) => li.textContent).join(',') === expected,
    names.join(','),
    { timeout: T },
  );
}

async function send(page, text) {
  await page.fill('#text', text);
  await page.click('#send');
}

const item = (page, selector, text) => page.locator('#messages ' + selector, { hasText: text }).first();

function server(command) {
  execFileSync(join(WLP_HOME, 'bin', 'server'), [command, WLP_SERVER], { stdio: 'pipe', timeout: 120_000 });
}

test('two pages chat: ack, validation error, presence, and reconnection after a server restart', async () => {
  const ann = await openChat('ann');
  const bob = await openChat('bob');

  await test_step('presence: ann sees bob join, and both in the member panel', async () => {
    await item(ann, 'li.sys', 'bob joined #' + room).waitFor({ timeout: T });
    await members(ann, ['ann', 'bob']);
    await members(bob, ['ann', 'bob']);
  });

  await send(ann, 'hello from ann');
  await test_step('send with ack: ann sees her message delivered to 2', () =>
    item(ann, 'li.msg.mine', 'hello from ann').locator('.ack', { hasText: '✓ delivered to 2' }).waitFor({ timeout: T }));
  await test_step('a message from the other page arrives', () => item(bob, 'li.msg', 'hello from ann').waitFor({ timeout: T }));
  assert.equal(await item(bob, 'li.msg', 'hello from ann').locator('.from').textContent(), 'ann');

  await send(ann, '   ');
  await test_step('validation error shown with code and violation', async () => {
    const err = item(ann, 'li.err', 'WS_MESSAGE_INVALID');
    await err.waitFor({ timeout: T });
    assert.match(await err.textContent(), /Invalid message format: payload failed validation/);
    assert.equal(await err.locator('ul li').textContent(), 'text: must not be blank');
  });

  const before = await ann.locator('#conn-id').textContent();
  let t0 = Date.now();
  server('stop');
  console.log('# server stop took ' + (Date.now() - t0) + ' ms');
  await test_step('both pages notice the loss and reconnect', async () => {
    await ann.locator('#state', { hasText: 'reconnecting' }).waitFor({ timeout: T });
    await bob.locator('#state', { hasText: 'reconnecting' }).waitFor({ timeout: T });
  });
  await send(bob, 'queued while down');
  t0 = Date.now();
  server('start');
  console.log('# server start took ' + (Date.now() - t0) + ' ms');
  const after = await connected(ann);
  console.log('# reconnected ' + (Date.now() - t0) + ' ms after the start began');
  await connected(bob);
  assert.notEqual(after, before, 'a new connection after the restart');
  await test_step('the message queued during the outage is sent and acknowledged after reconnecting', () =>
    item(bob, 'li.msg.mine', 'queued while down').locator('.ack', { hasText: '✓ delivered to' }).waitFor({ timeout: T }));
  await test_step('presence is rebuilt after the reconnection', () => members(ann, ['ann', 'bob']));
  await send(ann, 'after restart');
  await item(bob, 'li.msg', 'after restart').waitFor({ timeout: T });
  await item(ann, 'li.msg.mine', 'after restart').locator('.ack').waitFor({ timeout: T });

  await bob.click('#connect'); // Disconnect
  await test_step('presence: ann sees bob leave', async () => {
    await item(ann, 'li.sys', 'bob left #' + room).waitFor({ timeout: T });
    await members(ann, ['ann']);
  });
  assert.match(await bob.locator('#state').textContent(), /^disconnected/);

  mkdirSync(ARTIFACTS, { recursive: true });
  await ann.screenshot({ path: join(ARTIFACTS, 'chat-ann.png'), fullPage: true });
  assert.deepEqual(pageErrors, []);
});

const pages = [];

async function test_step(name, fn) {
  try {
    await fn();
  } catch (e) {
    mkdirSync(ARTIFACTS, { recursive: true });
    for (const [i, p] of pages.entries()) {
      await p.screenshot({ path: join(ARTIFACTS, 'failure-' + i + '.png'), fullPage: true }).catch(() => undefined);
    }
    throw new Error(name + ': ' + e.message + ' (screenshots in ' + ARTIFACTS + ')');
  }
}
