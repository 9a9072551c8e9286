//! Crash-safe typing: the browser process is killed (SIGKILL, as a dead
//! battery or the OS reclaiming memory would) 200, 500, 1000 and 3000 ms
//! after the last keystroke; on restart with the same profile the record
//! shows that keystroke. Chromium commits localStorage to disk in batches
//! seconds apart, so without the IndexedDB journal (web/journal.js) these
//! keystrokes are lost; with a passcode the journal holds only sealed text
//! (lock.test.mjs searches the whole profile for it). A deletion survives
//! a kill as well, and a second tab's start rolls nothing back (both fail
//! with IndexedDB hidden).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { serveDist, declinePasscodeOffer, answerInitials, settled, controlled, launch, toSettings, toList } from './harness.mjs';

let server;
before(async () => { server = await serveDist(); });
after(async () => { await server?.close(); });

const launchProfile = (profile) => chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-quic', '--no-first-run', '--disable-sync'],
});

/** SIGKILLs every process of the browser using `profile`: no shutdown, no flush. */
function killBrowser(profile) {
  try { execFileSync('pkill', ['-KILL', '-f', `user-data-dir=${profile}`]); } catch { /* already gone */ }
}

/**
 * Uses one new profile for several sessions, one after the other, as a
 * tablet is used over several days: each step runs in a browser of its
 * own, the records list open, as `step.run(context, page)`, whose result
 * the last step returns. `step.end`: `'kill'` SIGKILLs the browser after
 * the step (a dead battery: no shutdown, no flush), otherwise it closes.
 * `step.withoutJournal` hides IndexedDB from that browser (a journal that
 * could not open: the control, or a day IndexedDB did not answer).
 * `step.warm`: the service worker keeps the app by the step's end, and the
 * next step's start is a warm start (its page's first script reads the
 * journal, web/warm-start.js), which this checks.
 */
async function onOneProfile(steps) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'ctit-crash-'));
  try {
    let result;
    let warmNext = false;
    for (const [i, step] of steps.entries()) {
      const context = await launchProfile(profile);
      try {
        // (The offer is answered once, on the first day, as on a real
        // tablet: a later day's start after a wipe has no key of the app.)
        if (i === 0) await declinePasscodeOffer(context);
        await answerInitials(context);
        if (step.withoutJournal) await context.addInitScript(() => { delete window.indexedDB; });
        const page = await context.newPage();
        const warnings = [];
        page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
        await page.goto(server.url + '#coordinator');
        await page.waitForSelector('#list-title');
        if (warmNext) {
          assert.equal(await page.locator('#app-wasm[data-file]').count(), 1, 'the restart is a warm start (the service worker\'s page)');
          // Its first script read the journal (web/warm-start.js), and the
          // start replayed what that read: the journal stayed on.
          assert.ok(await page.evaluate(async () => (await self.ctitJournalRead).entries.length > 0), 'the warm page\'s first script read the journal\'s entries');
          assert.deepEqual(warnings.filter((w) => /journal off/.test(w)), []);
        }
        if (step.warm) await controlled(page);
        warmNext = step.warm;
        result = await step.run(context, page, { warnings });
      } finally {
        if (step.end === 'kill') killBrowser(profile);
        await context.close().catch(() => {});
      }
    }
    return result;
  } finally {
    // (A step that failed left a browser running on the profile: it must
    // not keep the test process alive.)
    killBrowser(profile);
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * Runs `first(context, page)` on a new profile (the records list open),
 * kills the browser, and returns `then(page)` of a restart on the same
 * profile. `withoutJournal` hides IndexedDB from the first browser;
 * `warm`: the restart is a warm start (see `onOneProfile`).
 */
function killThenRestart(first, then, { withoutJournal = false, warm = false } = {}) {
  return onOneProfile([
    { run: first, end: 'kill', withoutJournal, warm },
    { run: (_, page) => then(page) },
  ]);
}

/** Opens a new record and types `text` into its label, then lets the verdict settle. */
async function typeIntoNewRecord(page, text) {
  await page.getByRole('button', { name: 'New screening' }).click();
  await page.waitForSelector('.record [data-outcome]');
  await page.locator('#f-label').pressSequentially(text);
  await settled(page);
}

/**
 * Types `text` into a new record's label, waits `gap` ms, kills the browser,
 * starts it again on the same profile and returns whether the page had
 * saved it, its errors, and what the list and the form show after the
 * restart.
 */
async function typeThenKill(gap, text, options) {
  let saved = false;
  const errors = [];
  const shown = await killThenRestart(async (_, page) => {
    page.on('pageerror', (e) => errors.push(String(e)));
    await typeIntoNewRecord(page, text);
    saved = await page.evaluate((t) => Object.values(localStorage).some((v) => v.includes(t)), text);
    await page.waitForTimeout(gap);
  }, async (again) => {
    const listed = await again.locator(`text=${text}`).count() > 0;
    let inForm = null;
    if (listed) {
      await again.locator(`text=${text}`).first().click();
      await again.waitForSelector('#f-label');
      inForm = await again.inputValue('#f-label');
    }
    return { listed, inForm };
  }, options);
  return { saved, errors, ...shown };
}

// Two restart as a first visit may (the page carries the app), two as
// every later visit does, from the service worker, whose page begins
// reading the journal before its start has run (200 ms: the keystroke is
// then surely not on disk, only in the journal).
for (const [gap, warm] of [[200, true], [500, false], [1000, false], [3000, true]]) {
  test(`a browser killed ${gap} ms after the last keystroke shows that keystroke on restart${warm ? ', a warm start' : ''}`, async () => {
    const text = `Kept${gap}X`;
    const { listed, inForm } = await typeThenKill(gap, text, { warm });
    console.log(`# crash window: killed ${gap} ms after the last keystroke: ${listed && inForm === text ? 'kept' : 'lost'}`);
    assert.ok(listed, 'the record with its last keystroke is in the list');
    assert.equal(inForm, text, 'the form shows every keystroke');
  });
}

test('without IndexedDB the app still saves every keystroke to localStorage (and reports what a kill 1 s later keeps)', async () => {
  const text = 'NoJournalX';
  const { saved, errors, listed, inForm } = await typeThenKill(1000, text, { withoutJournal: true });
  assert.ok(saved, 'the keystrokes are saved in the page as before');
  assert.deepEqual(errors, []);
  // What survives the kill then is Chromium's commit timing, not the app's
  // promise: reported (README's crash window), not asserted.
  console.log(`# crash window without the journal: killed 1000 ms after the last keystroke: ${listed && inForm === text ? 'kept' : 'lost'}`);
});

test('a record deleted 1 s before the browser is killed stays deleted on a warm start (the journal replays removals too)', async () => {
  const listed = await killThenRestart(async (_, page) => {
    await typeIntoNewRecord(page, 'GoneSoon');
    // Long enough for Chromium to have written the record to disk.
    await page.waitForTimeout(6000);
    await page.getByRole('button', { name: '← All screenings' }).click();
    const row = page.locator('tr[data-record]', { hasText: 'GoneSoon' });
    await row.getByRole('button', { name: 'Delete' }).click();
    // (A deletion asks why, and leaves a tombstone: issue 26.)
    await row.getByLabel('Entered in error').check();
    await row.getByRole('button', { name: 'Delete the record' }).click();
    await page.waitForFunction(() => document.querySelectorAll('tr[data-record]').length === 0);
    await settled(page);
    await page.waitForTimeout(1000);
  }, (page) => page.locator('text=GoneSoon').count(), { warm: true });
  assert.equal(listed, 0, 'the deleted record did not come back');
});

test('a second tab opened while the first types rolls nothing back; the last keystroke survives a kill', async () => {
  const shown = await killThenRestart(async (context, page) => {
    await typeIntoNewRecord(page, 'First');
    // Another tab starts (and replays the journal) while the first has
    // typing that may not be on disk yet.
    const other = await context.newPage();
    await other.goto(server.url + '#coordinator');
    await other.waitForSelector('text=First');
    await page.locator('#f-label').pressSequentially('Then');
    await settled(page);
    await page.waitForTimeout(1000);
  }, async (page) => {
    await page.locator('text=FirstThen').first().click();
    await page.waitForSelector('#f-label');
    return page.inputValue('#f-label');
  });
  assert.equal(shown, 'FirstThen');
});

/** The journal's entries (web/journal.js) whose value holds `text`. */
const journaledWith = (page, text) => page.evaluate((t) => new Promise((resolve, reject) => {
  const request = indexedDB.open('ctit-journal');
  request.onerror = () => reject(request.error);
  request.onsuccess = () => {
    const all = request.result.transaction('writes').objectStore('writes').getAll();
    all.onsuccess = () => { request.result.close(); resolve(all.result.filter((e) => e.v?.includes(t))); };
  };
}), text);

test('typing lost in a crash is never replayed over what was typed later, on a day the journal could not open', async () => {
  let shownAfterCrash;
  const shown = await onOneProfile([
    {
      // Day one: the label is on disk, then one more burst of typing is
      // only in the journal when the battery dies.
      run: async (_, page) => {
        await typeIntoNewRecord(page, 'Early');
        await page.waitForTimeout(6000);
        await page.locator('#f-label').pressSequentially('Lost');
        await settled(page);
        await page.waitForTimeout(200);
      },
      end: 'kill',
    },
    {
      // Day two: IndexedDB does not answer, so nothing is replayed; the
      // coordinator sees the label as it was on disk and types it anew.
      withoutJournal: true,
      run: async (_, page, { warnings }) => {
        assert.ok(warnings.some((w) => /journal off/.test(w)), 'the journal is off');
        await page.locator('tr[data-record] button.link').first().click();
        await page.waitForSelector('#f-label');
        shownAfterCrash = await page.inputValue('#f-label');
        await page.fill('#f-label', 'Corrected');
        await settled(page);
        await page.waitForTimeout(6000);
      },
    },
    {
      // Day three: the journal opens again.
      run: async (_, page) => {
        await page.locator('tr[data-record] button.link').first().click();
        await page.waitForSelector('#f-label');
        return page.inputValue('#f-label');
      },
    },
  ]);
  assert.equal(shownAfterCrash, 'Early', 'the crash lost the last typing (else this run tests nothing)');
  assert.equal(shown, 'Corrected', 'what was typed last is what the record holds');
});

// IndexedDB refused (hidden), or giving no answer in 2 s (its open never
// answers): either way the journal is off for that start.
const journalOff = {
  refused: () => { if (localStorage.getItem('test/journal-off')) delete window.indexedDB; },
  'no answer in 2 s': () => {
    if (localStorage.getItem('test/journal-off')) IDBFactory.prototype.open = function open() { return {}; };
  },
};

for (const [how, hide] of Object.entries(journalOff)) test(`a device wiped on a day the journal could not open (${how}) stays wiped when it opens again, and the journal forgets the records`, async () => {
  const browser = await launch();
  try {
    const context = await browser.newContext();
    await declinePasscodeOffer(context);
    await answerInitials(context);
    // (A key of the test's own, which the app neither reads nor wipes.)
    await context.addInitScript(hide);
    const page = await context.newPage();
    const warnings = [];
    page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
    await page.goto(server.url + '#coordinator');
    await page.waitForSelector('#list-title');
    await typeIntoNewRecord(page, 'WipedRecord');
    for (let i = 0; i < 50 && (await journaledWith(page, 'WipedRecord')).length === 0; i++) await page.waitForTimeout(100);
    assert.ok((await journaledWith(page, 'WipedRecord')).length > 0, 'the journal holds the record');

    await page.evaluate(() => localStorage.setItem('test/journal-off', '1'));
    await page.reload();
    await page.waitForSelector('#list-title');
    assert.ok(warnings.some((w) => /journal off/.test(w)), 'the journal is off');
    await toSettings(page);
    await page.getByRole('button', { name: 'Wipe this device' }).click();
    await page.getByRole('button', { name: 'Yes, wipe everything' }).click();
    await settled(page);

    await page.evaluate(() => localStorage.removeItem('test/journal-off'));
    await page.reload();
    // (The reload keeps the settings screen open.)
    await page.waitForSelector('[data-settings]');
    await settled(page);
    assert.deepEqual(await page.evaluate(() => Object.values(localStorage).filter((v) => v.includes('WipedRecord'))), [], 'no record came back');
    await toList(page);
    assert.equal(await page.locator('tr[data-record]').count(), 0, 'no record is listed');
    for (let i = 0; i < 50 && (await journaledWith(page, 'WipedRecord')).length > 0; i++) await page.waitForTimeout(100);
    assert.deepEqual(await journaledWith(page, 'WipedRecord'), [], 'the journal no longer holds the record');
  } finally {
    await browser.close();
  }
});

/** Types a record, waits until Chromium surely wrote it to disk, wipes the device, and waits 200 ms (then the step's browser is killed). */
async function typeWaitThenWipe(page, label) {
  await typeIntoNewRecord(page, label);
  await page.waitForTimeout(6000);
  await page.getByRole('button', { name: '← All screenings' }).click();
  await toSettings(page);
  await page.getByRole('button', { name: 'Wipe this device' }).click();
  await page.getByRole('button', { name: 'Yes, wipe everything' }).click();
  await settled(page);
  await page.waitForTimeout(200);
}

test('a device wiped 200 ms before the browser is killed stays wiped, and so after a restart killed within a second', async () => {
  const wipedThen = async (page) => {
    await settled(page);
    return {
      listed: await page.locator('text=WipedThenKilled').count(),
      stored: await page.evaluate(() => Object.values(localStorage).filter((v) => v.includes('WipedThenKilled')).length),
      journaled: (await journaledWith(page, 'WipedThenKilled')).length,
    };
  };
  let afterFirstKill;
  const left = await onOneProfile([
    { run: (_, page) => typeWaitThenWipe(page, 'WipedThenKilled'), end: 'kill' },
    {
      // Started again, and killed again before local storage has surely
      // written what this start did.
      run: async (_, page) => {
        afterFirstKill = await wipedThen(page);
        await page.reload();
        await page.waitForSelector('#list-title');
        await page.waitForTimeout(300);
      },
      end: 'kill',
    },
    { run: (_, page) => wipedThen(page) },
  ]);
  assert.deepEqual(afterFirstKill, { listed: 0, stored: 0, journaled: 0 });
  assert.deepEqual(left, { listed: 0, stored: 0, journaled: 0 });
});

test('without IndexedDB, what a kill 200 ms after a wipe leaves (the control of the test above: reported, not asserted)', async () => {
  const listed = await onOneProfile([
    { run: (_, page) => typeWaitThenWipe(page, 'WipedNoJournal'), end: 'kill', withoutJournal: true },
    { run: (_, page) => page.locator('text=WipedNoJournal').count(), withoutJournal: true },
  ]);
  // Chromium's commit timing, not the app's promise: reported (README's crash window).
  console.log(`# crash window without the journal: killed 200 ms after a wipe: ${listed ? 'the record came back' : 'stayed wiped'}`);
});
