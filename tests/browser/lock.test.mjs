//! The passcode lock: with a passcode set, what is typed never reaches the
//! disk in the clear; the app locks after idle time (controlled clock) and
//! shows nothing of any record while locked; a wrong passcode is slowed
//! down; a forgotten passcode wipes everything and leaves no record behind.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serveDist, launch, openApp, settled, assertSilent } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); assertSilent(); });

const PASS = 'tablet-2468';

async function setPasscode(page) {
  await page.fill('#new-passcode', PASS);
  await page.fill('#new-passcode-again', PASS);
  await page.getByRole('button', { name: 'Set passcode' }).click();
  await page.waitForSelector('text=records are now stored encrypted');
}

function findAll(dir, needles) {
  const hits = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        const data = fs.readFileSync(p);
        for (const n of needles) if (data.includes(n)) hits.push(p);
      }
    }
  };
  walk(dir);
  return hits;
}

test('with a passcode set, text typed into every text field is nowhere on disk after the browser closes', async () => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'ctit-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-quic', '--no-first-run', '--disable-sync'],
  });
  const secret = 'ZQXJV7731';
  // A failure must still close the browser, or the test process never ends.
  try {
    const page = await context.newPage();
    await page.goto(server.url + '#coordinator');
    await page.waitForSelector('#list-title');
    await setPasscode(page);
    await page.getByRole('button', { name: 'New screening' }).click();
    await page.waitForSelector('.record [data-outcome]');
    const ids = await page.$$eval('input[type=text]', (els) => els.map((e) => e.id));
    assert.ok(ids.length >= 15, `only ${ids.length} text fields`);
    // (Typing a birth date hides "age in years", which then no longer applies.)
    for (const id of ids) {
      if (!await page.locator(`#${id}`).count()) continue;
      await page.fill(`#${id}`, `${secret}${id}`);
      await settled(page);
    }
    // Still readable inside the app…
    assert.equal(await page.inputValue('#f-label'), `${secret}f-label`);
    await page.getByRole('button', { name: '← All screenings' }).click();
    await page.waitForSelector(`text=${secret}f-label`);
  } finally {
    await context.close();
  }
  // …but not on disk, in UTF-8 or UTF-16.
  const needles = [Buffer.from(secret, 'utf8'), Buffer.from(secret, 'utf16le')];
  assert.deepEqual(findAll(profile, needles), []);
  fs.rmSync(profile, { recursive: true, force: true });
});

test('the app locks after the idle time and shows nothing of any record; the passcode unlocks it', async () => {
  const { context, page } = await openApp(browser, server.url + '#coordinator', {
    beforeLoad: async (p) => p.clock.install(),
  });
  await setPasscode(page);
  await page.getByRole('button', { name: 'New screening' }).click();
  await page.fill('#f-label', 'IDLE-RECORD');
  await page.fill('#f-rhtpo_days', '21');
  await page.clock.fastForward('04:00');
  assert.equal(await page.locator('[data-locked]').count(), 0, 'not locked before 5 minutes');
  await page.clock.fastForward('01:30');
  await page.waitForSelector('[data-locked]');
  const text = await page.textContent('body');
  assert.doesNotMatch(text, /IDLE-RECORD/);
  assert.equal(await page.locator('#f-label, [data-criterion], tr[data-record]').count(), 0);
  // A wrong passcode is refused and slowed down.
  await page.fill('#unlock-passcode', 'wrong-one');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.waitForSelector('text=Wrong passcode');
  assert.equal(await page.getByRole('button', { name: 'Unlock' }).isDisabled(), true);
  await page.clock.fastForward('00:03');
  await page.fill('#unlock-passcode', PASS);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.waitForSelector('text=IDLE-RECORD');
  await context.close();
});

test('lock now, and a forgotten passcode wipes every record after saying so', async () => {
  const { context, page } = await openApp(browser, server.url + '#coordinator');
  await setPasscode(page);
  await page.getByRole('button', { name: 'New screening' }).click();
  await page.fill('#f-label', 'FORGOTTEN');
  await page.getByRole('button', { name: '← All screenings' }).click();
  await page.getByRole('button', { name: 'Lock now' }).click();
  await page.waitForSelector('[data-locked]');
  await page.reload();
  await page.waitForSelector('[data-locked]');
  await page.getByRole('button', { name: 'Forgot the passcode?' }).click();
  assert.match(await page.textContent('[data-locked]'), /removing the passcode wipes every record/i);
  await page.getByRole('button', { name: 'Wipe all records and remove the passcode' }).click();
  await page.waitForSelector('#list-title');
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('ctit/'))), []);
  assert.equal(await page.locator('tr[data-record]').count(), 0);
  await context.close();
});
