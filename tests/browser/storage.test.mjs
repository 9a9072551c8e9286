//! Storage robustness in the browser: the catalogue of broken entries
//! (tests/data/broken-entries.json) never stops the app and is kept byte for
//! byte; an older schema is migrated; a newer one opens read-only and is never
//! written over; old records are offered for export and deletion; a record
//! is deleted only after confirmation; a long list is drawn 50 rows at a
//! time; "wipe this device" removes everything after confirmation; the
//! rows follow a language switch.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDist, launch, openApp, settled, assertSilent, toSettings, toList, eventually } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const broken = JSON.parse(fs.readFileSync(path.join(here, '../data/broken-entries.json'), 'utf8'));
let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); assertSilent(); });

const draft = (id, label, updated = new Date().toISOString()) => ({
  id, label, created: updated, updated, screening_date: '2026-11-25', inputs: { ecog: '1' },
});

function plant(entries) {
  return async (page) => page.addInitScript((items) => {
    if (sessionStorage.getItem('planted')) return;
    for (const [k, v] of items) localStorage.setItem(k, v);
    sessionStorage.setItem('planted', '1');
  }, entries);
}

test('40+ broken entries: the app loads, reports each, keeps each, and the good records open', async () => {
  const entries = [
    ...broken.map((b) => [b.key, b.value]),
    ['ctit/record/good1', JSON.stringify({ schema: 2, protocol: 'p', rev: 1, draft: draft('good1', 'GOOD-1') })],
    ['ctit/record/old1', JSON.stringify({ schema: 1, rev: 3, draft: draft('old1', 'OLD-SCHEMA') })],
    ['ctit/record/new1', JSON.stringify({ schema: 5, rev: 2, future: { x: 1 }, draft: draft('new1', 'NEWER-APP') })],
  ];
  const { context, page } = await openApp(browser, server.url + '#coordinator', { beforeLoad: plant(entries) });
  await page.waitForSelector('[data-broken-entries]');
  const reported = await page.textContent('[data-broken-entries]');
  for (const b of broken) assert.ok(reported.includes(b.key), `${b.key} not reported`);
  const stored = await page.evaluate((keys) => keys.map((k) => localStorage.getItem(k)), broken.map((b) => b.key));
  assert.deepEqual(stored, broken.map((b) => b.value));
  // Good, migrated and newer records are all listed and open.
  for (const label of ['GOOD-1', 'OLD-SCHEMA', 'NEWER-APP']) {
    await page.getByRole('button', { name: label }).click();
    await page.waitForSelector('.record [data-outcome]');
    assert.equal(await page.inputValue('#f-ecog'), '1');
    await page.getByRole('button', { name: '← All screenings' }).click();
  }
  const migrated = JSON.parse(await page.evaluate(() => localStorage.getItem('ctit/record/old1')));
  assert.equal(migrated.schema, 2);
  assert.equal(migrated.rev, 3);
  // The newer record is read-only: a change is not written over it.
  const newer = await page.evaluate(() => localStorage.getItem('ctit/record/new1'));
  await page.getByRole('button', { name: 'NEWER-APP' }).click();
  await page.waitForSelector('text=read-only');
  // Its fields cannot be changed, and nothing is written over it.
  assert.equal(await page.isDisabled('#f-ecog'), true);
  assert.equal(await page.isDisabled('#f-label'), true);
  assert.equal(await page.evaluate(() => localStorage.getItem('ctit/record/new1')), newer);
  assert.deepEqual(page.seen.errors, []);
  await context.close();
});

test('records past the retention period are offered for export and deletion', async () => {
  const old = new Date(Date.now() - 45 * 86400000).toISOString();
  const entries = [
    ['ctit/record/a', JSON.stringify({ schema: 2, protocol: 'p', rev: 1, draft: draft('a', 'OLD-A', old) })],
    ['ctit/record/b', JSON.stringify({ schema: 2, protocol: 'p', rev: 1, draft: draft('b', 'NEW-B') })],
  ];
  const { context, page } = await openApp(browser, server.url + '#coordinator', { beforeLoad: plant(entries), context: { acceptDownloads: true } });
  await page.waitForSelector('[data-retention]');
  assert.match(await page.textContent('[data-retention]'), /1 record last saved more than 30 days ago/);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export them (JSON)' }).click()]);
  const exported = JSON.parse(fs.readFileSync(await dl.path(), 'utf8'));
  assert.equal(exported.length, 1);
  assert.equal(exported[0].label, 'OLD-A');
  await page.getByRole('button', { name: 'Delete them' }).click();
  await page.locator('[data-retention]').getByRole('button', { name: 'Yes, delete' }).click();
  assert.equal(await page.evaluate(() => localStorage.getItem('ctit/record/a')), null);
  assert.notEqual(await page.evaluate(() => localStorage.getItem('ctit/record/b')), null);
  // The period is the coordinator's: remembered on this device.
  await toSettings(page);
  await page.fill('#retention-days', '7');
  await page.locator('#retention-days').dispatchEvent('change');
  assert.equal(await page.evaluate(() => localStorage.getItem('ctit/settings/retention_days')), '7');
  await context.close();
});

test('wipe this device removes everything the app stored, after confirmation', async () => {
  const entries = [
    ['ctit/record/a', JSON.stringify({ schema: 2, protocol: 'p', rev: 1, draft: draft('a', 'A') })],
    ['ctit/settings/lang', 'en'],
    ['ctit/patient', '{"id":"patient"}'],
    ['not-ours', 'keep'],
  ];
  const { context, page } = await openApp(browser, server.url + '#coordinator', { beforeLoad: plant(entries), lockOffer: true });
  await toSettings(page);
  await page.getByRole('button', { name: 'Wipe this device' }).click();
  assert.equal(await page.evaluate(() => Object.keys(localStorage).length), 4, 'nothing removed before confirming');
  await page.getByRole('button', { name: 'Yes, wipe everything' }).click();
  // (The typing journal's counter goes last, once the journal holds
  // nothing that could bring the records back: web/journal.js.)
  await page.waitForFunction(() => Object.keys(localStorage).join() === 'not-ours');
  await toList(page);
  assert.equal(await page.locator('tr[data-record]').count(), 0);
  await context.close();
});

test('deleting a record asks first; the rows left show and open their own records', async () => {
  const at = (min) => `2026-11-25T08:0${min}:00Z`;
  const entries = [['a', 'REC-A', 3], ['b', 'REC-B', 2], ['c', 'REC-C', 1]].map(([id, label, min]) =>
    [`ctit/record/${id}`, JSON.stringify({ schema: 2, protocol: 'p', rev: 1, draft: draft(id, label, at(min)) })]);
  const { context, page } = await openApp(browser, server.url + '#coordinator', { beforeLoad: plant(entries) });
  const row = (id) => page.locator(`tr[data-record="${id}"]`);
  await row('b').getByRole('button', { name: 'Delete' }).click();
  assert.match(await row('b').getByRole('alert').textContent(), /Delete “REC-B” for good\?/);
  // (A deletion asks why, and leaves a tombstone: issue 26.)
  await row('b').getByLabel('Duplicate of another record').check();
  await row('b').getByRole('button', { name: 'Delete the record' }).click();
  await page.waitForFunction(() => document.querySelectorAll('tr[data-record]').length === 2);
  assert.deepEqual(await page.locator('tr[data-record]').evaluateAll((trs) => trs.map((tr) => [tr.dataset.record, tr.querySelector('button.link').textContent])),
    [['a', 'REC-A'], ['c', 'REC-C']]);
  assert.equal(await page.evaluate(() => localStorage.getItem('ctit/record/b')), null);
  // The row now showing REC-C is REC-C's, with its actions and no question open.
  assert.equal(await row('c').getByRole('button', { name: 'Delete' }).isVisible(), true);
  assert.equal(await row('c').getByRole('button', { name: 'Delete the record' }).isVisible(), false);
  await row('c').getByRole('button', { name: 'REC-C' }).click();
  await page.waitForSelector('.record [data-outcome]');
  assert.equal(await page.inputValue('#f-label'), 'REC-C');
  await context.close();
});

test('another tab\'s save while a delete question is open: the question stays open with its answers, and the keyboard stays where the screener was typing', async () => {
  const at = (min) => `2026-11-25T08:${String(min).padStart(2, '0')}:00Z`;
  const stored = (id, label, min, rev = 1) => [`ctit/record/${id}`, JSON.stringify({ schema: 2, protocol: 'p', rev, draft: draft(id, label, at(min)) })];
  const { context, page } = await openApp(browser, server.url + '#coordinator', { beforeLoad: plant([stored('a', 'REC-A', 3), stored('b', 'REC-B', 2)]) });
  const row = (id) => page.locator(`tr[data-record="${id}"]`);
  await row('a').getByRole('button', { name: 'Delete' }).click();
  await row('a').getByLabel('Duplicate of another record').check();
  await row('a').locator('input[type=text]').click();
  await page.keyboard.type('entered twice');
  // Another tab saves REC-B: it moves to the top, and every row is drawn again.
  const other = await context.newPage();
  await other.goto(server.url + 'manifest.webmanifest');
  await other.evaluate((entry) => localStorage.setItem(...entry), stored('b', 'REC-B', 9, 2));
  await page.waitForFunction(() => document.querySelector('tr[data-record]')?.dataset.record === 'b');
  await page.keyboard.type(' by mistake');
  assert.equal(await row('a').locator('input[type=text]').inputValue(), 'entered twice by mistake', 'the words typed are kept, and what is typed next reaches them');
  assert.equal(await row('a').getByLabel('Duplicate of another record').isChecked(), true);
  assert.equal(await page.evaluate(() => document.activeElement?.closest('tr')?.dataset.record), 'a');
  // A reason chosen by keyboard keeps the keyboard on the reasons, too.
  await row('a').getByLabel('Duplicate of another record').focus();
  await other.evaluate((entry) => localStorage.setItem(...entry), stored('a', 'REC-A', 10, 2));
  await page.waitForFunction(() => document.querySelector('tr[data-record]')?.dataset.record === 'a');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('value')), 'duplicate');
  // A language switch tapped while typing: the keyboard stays on the switch.
  await row('a').locator('input[type=text]').click();
  await page.click('.lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  assert.equal(await page.evaluate(() => document.activeElement?.closest('tr') ?? null), null, 'the keyboard was pulled back into the row');
  await page.click('.lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  // Tapped away from the question, the keyboard is not pulled back to it.
  await page.click('#list-title');
  await other.evaluate((entry) => localStorage.setItem(...entry), stored('b', 'REC-B', 11, 3));
  await page.waitForFunction(() => document.querySelector('tr[data-record]')?.dataset.record === 'b');
  assert.equal(await page.evaluate(() => document.activeElement === document.body), true);
  assert.equal(await row('a').locator('input[type=text]').inputValue(), 'entered twice by mistake');
  await context.close();
});

test("a record's outcome in the list and its filter follow its last save: here, on a row a search brings up, and from another tab", async () => {
  const { context, page } = await openApp(browser, server.url + '#coordinator');
  const row = 'tr[data-record]:has-text("FOLLOW-1")';
  const badge = () => page.getAttribute(`${row} [data-outcome-badge]`, 'data-outcome-badge');
  const setEcog = async (p, ecog) => {
    await p.selectOption('#f-ecog', ecog);
    await settled(p);
    await p.getByRole('button', { name: '← All screenings' }).click();
  };
  for (const label of ['FOLLOW-1', 'NEWER-2']) {
    await page.getByRole('button', { name: 'New screening' }).click();
    await page.fill('#f-label', label);
    await setEcog(page, '3');
  }
  assert.equal(await badge(), 'not_eligible');
  // A search moves the row up, drawn again (the list's tools meanwhile
  // judge every record ahead for the filter by outcome, kept by record
  // and revision).
  await page.waitForSelector('[data-list-filter]');
  await page.fill('#list-search', 'FOLLOW');
  await eventually(async () => (await page.locator('tr[data-record]').count()) === 1, { what: 'the search found one record' });
  assert.equal(await badge(), 'not_eligible');
  await page.getByRole('button', { name: 'FOLLOW-1' }).click();
  await setEcog(page, '1');
  assert.equal(await badge(), 'incomplete', 'the row kept the outcome before the save');
  // The filter by outcome reads the outcome of the last save too.
  await page.fill('#list-search', '');
  await page.selectOption('#list-outcome', 'not_eligible');
  await eventually(async () => (await page.locator('tr[data-record]').count()) === 1, { what: 'the filter kept one record' });
  assert.equal(await page.locator(row).count(), 0, 'the filter kept the outcome before the save');
  // Saved in another tab: this tab's row and filter follow.
  const other = await context.newPage();
  await other.goto(server.url + '#coordinator');
  await other.getByRole('button', { name: 'FOLLOW-1' }).click();
  await setEcog(other, '3');
  await eventually(async () => (await page.locator(row).count()) === 1 && (await badge()) === 'not_eligible', { what: "the other tab's save in this tab's filtered list" });
  assert.deepEqual(page.seen.errors, []);
  await context.close();
});

test('stored records read back exactly in any script: Chinese, an emoji, and plain ASCII around them', async () => {
  // (Each stored text is copied into the app's memory as UTF-8, from
  // JavaScript's UTF-16: an ASCII run first, then the rest.)
  const labels = {
    mixed: 'S-007 张三 🩸 复查'.padEnd(2000, ' x'),
    first: '七号 S-008',
    plain: 'S-009',
  };
  const entries = Object.entries(labels).map(([id, label], i) => {
    const d = draft(id, label, new Date(Date.UTC(2026, 10, 20, 8) + i * 1000).toISOString());
    return [`ctit/record/${id}`, JSON.stringify({ schema: 2, protocol: 'p', rev: 1, draft: d })];
  });
  const { context, page } = await openApp(browser, server.url + '#coordinator', { beforeLoad: plant(entries) });
  await page.waitForSelector('tr[data-record="mixed"]');
  for (const [id, label] of Object.entries(labels)) {
    assert.equal(await page.locator(`tr[data-record="${id}"] button.link`).textContent(), label, id);
  }
  await page.locator('tr[data-record="mixed"] button.link').click();
  await page.waitForSelector('.record [data-outcome]');
  assert.equal(await page.inputValue('#f-label'), labels.mixed);
  assert.deepEqual(page.seen.errors, []);
  await context.close();
});

/** `n` stored records labelled S-000 upwards, each saved a second after the one before (so the list shows S-199 first of 200). */
function numberedRecords(n) {
  return Array.from({ length: n }, (_, i) => {
    const updated = new Date(Date.UTC(2026, 10, 20, 8) + i * 1000).toISOString();
    const d = draft(`r${i}`, `S-${String(i).padStart(3, '0')}`, updated);
    d.inputs = { ecog: String(i % 5), birth_date: '1961-04-02', platelet_count: String(10 + (i % 40)) };
    return [`ctit/record/r${i}`, JSON.stringify({ schema: 2, protocol: 'p', rev: 1, draft: d })];
  });
}

test('200 records: the list draws the 50 most recently saved (its first frame the 20 a tablet shows), the rest on request, and keeps them drawn', async () => {
  const entries = numberedRecords(200);
  const { context, page } = await openApp(browser, server.url + '#coordinator', {
    beforeLoad: async (p) => {
      await plant(entries)(p);
      // The rows each frame paints (counted in its animation-frame callback,
      // before its paint), from the first frame that has any.
      await p.addInitScript(() => {
        window.framesRows = [];
        const look = () => {
          const n = document.querySelectorAll('tr[data-record]').length;
          if (n || window.framesRows.length) window.framesRows.push(n);
          if (window.framesRows.length < 4) requestAnimationFrame(look);
        };
        requestAnimationFrame(look);
      });
    },
  });
  await page.waitForFunction(() => window.framesRows.length === 4);
  const [first, ...later] = await page.evaluate(() => window.framesRows);
  assert.equal(first, 20, 'the first frame draws the rows a tablet shows');
  assert.equal(later.at(-1), 50, 'the rest of the first 50 in the frames right after');
  await page.waitForSelector('.list-more');
  const rows = page.locator('tr[data-record]');
  assert.equal(await rows.count(), 50);
  const labels = () => page.locator('tr[data-record] button.link').allTextContents();
  // Most recently saved first: S-199 down to S-150.
  assert.deepEqual(await labels(), Array.from({ length: 50 }, (_, i) => `S-${199 - i}`));
  assert.equal(await page.locator('.list-more [role=status]').textContent(), 'Showing the 50 most recently saved of 200 screenings.');
  await page.getByRole('button', { name: 'Show 50 more' }).click();
  assert.equal(await rows.count(), 100);
  assert.equal(await page.locator('.list-more [role=status]').textContent(), 'Showing the 100 most recently saved of 200 screenings.');
  await page.getByRole('button', { name: 'Show all 200' }).click();
  assert.equal(await rows.count(), 200);
  assert.equal(await page.locator('.list-more').count(), 0);
  assert.equal((await labels())[199], 'S-000');
  const started = Date.now();
  await page.getByRole('button', { name: 'S-123' }).click();
  await page.waitForSelector('.record [data-outcome]');
  assert.ok(Date.now() - started < 5000);
  assert.equal(await page.inputValue('#f-ecog'), '3');
  // Back to the list: it is as it was left, every record drawn (the
  // first 20 in its first frame, the rest right after).
  await page.getByRole('button', { name: '← All screenings' }).click();
  await page.waitForSelector('#list-title');
  await page.waitForFunction(() => document.querySelectorAll('tr[data-record]').length === 200);
  assert.equal((await labels())[199], 'S-000');
  await context.close();
});

test('a search that changes the rows shown: its frame draws the first 20 it found, the rest right after; cleared, the same again', async () => {
  const { context, page } = await openApp(browser, server.url + '#coordinator', { beforeLoad: plant(numberedRecords(200)) });
  await page.waitForSelector('[data-list-filter]');
  await page.waitForFunction(() => document.querySelectorAll('tr[data-record]').length === 50);
  // The rows of each of the four frames after the search is typed
  // (counted in their animation-frame callbacks, before their paint): how
  // many, and the first.
  const framesAfter = (typed) => page.evaluate((text) => new Promise((done) => {
    const box = document.querySelector('#list-search');
    box.value = text;
    box.dispatchEvent(new Event('input', { bubbles: true }));
    const frames = [];
    const look = () => {
      const labels = [...document.querySelectorAll('tr[data-record] button.link')].map((b) => b.textContent);
      frames.push([labels.length, labels[0]]);
      if (frames.length < 4) requestAnimationFrame(look);
      else done(frames);
    };
    requestAnimationFrame(look);
  }), typed);
  // "S-0" finds S-000 to S-099: none of the 50 rows shown (S-199 to S-150).
  const found = await framesAfter('S-0');
  assert.deepEqual(found[0], [20, 'S-099'], 'the keystroke\'s frame draws the first 20 found');
  assert.deepEqual(found.at(-1), [50, 'S-099'], 'the rest of the 50 right after');
  const labels = () => page.locator('tr[data-record] button.link').allTextContents();
  assert.deepEqual(await labels(), Array.from({ length: 50 }, (_, i) => `S-${String(99 - i).padStart(3, '0')}`));
  const cleared = await framesAfter('');
  assert.deepEqual(cleared[0], [20, 'S-199']);
  assert.deepEqual(cleared.at(-1), [50, 'S-199']);
  assert.deepEqual(await labels(), Array.from({ length: 50 }, (_, i) => `S-${199 - i}`));
  // A search that keeps the rows shown ("S-1" finds S-100 to S-199, the 50
  // shown among them) draws no row again: a delete question open in the
  // 30th row stays open, and every frame has the 50 rows.
  const row30 = page.locator('tr[data-record="r170"]');
  await row30.getByRole('button', { name: 'Delete' }).click();
  await row30.locator('[role=alert]').waitFor();
  const narrowed = await framesAfter('S-1');
  assert.deepEqual(narrowed.map(([n]) => n), [50, 50, 50, 50]);
  assert.equal(await row30.locator('[role=alert]').count(), 1, 'the question is still open');
  assert.deepEqual(page.seen.errors, []);
  await context.close();
});

test('the list\'s rows follow the language switch: outcome, status and actions; a delete question asks in the new language and stays open at the next switch with what was answered; a row then opens its record', async () => {
  const entries = [['ctit/record/a', JSON.stringify({ schema: 2, protocol: 'p', rev: 1, draft: draft('a', 'REC-A') })],
    ['ctit/record/b', JSON.stringify({ schema: 2, protocol: 'p', rev: 1, draft: { ...draft('b', ''), screening_date: '' } })]];
  const { context, page } = await openApp(browser, server.url + '#coordinator', { beforeLoad: plant(entries) });
  const rowText = (id) => page.locator(`tr[data-record="${id}"]`).innerText();
  assert.match(await rowText('a'), /REC-A[\s\S]*Incomplete[\s\S]*In progress[\s\S]*Duplicate[\s\S]*Delete/);
  assert.match(await rowText('b'), /\(no label\)[\s\S]*Screening date needed/);
  await page.click('.lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  assert.match(await rowText('a'), /REC-A[\s\S]*信息不全[\s\S]*进行中[\s\S]*复制[\s\S]*删除/);
  assert.doesNotMatch(await rowText('b'), /[A-Za-z]{3,}/, 'nothing left in English');
  await page.locator('tr[data-record="a"]').getByRole('button', { name: '删除' }).click();
  assert.match(await page.locator('tr[data-record="a"] [role=alert]').first().innerText(), /[\u4e00-\u9fff]/);
  // Half answered: a reason chosen, words typed.
  await page.locator('tr[data-record="a"] input[type=radio]').last().check();
  await page.locator('tr[data-record="a"] input[type=text]').fill('entered twice by mistake');
  await page.click('.lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.match(await rowText('a'), /Incomplete[\s\S]*In progress/);
  assert.match(await page.locator('tr[data-record="a"] [role=alert]').first().innerText(), /REC-A/, 'the question is still open, in English');
  assert.equal(await page.locator('tr[data-record="a"] input[type=radio]').last().isChecked(), true, 'the reason chosen is kept');
  assert.equal(await page.locator('tr[data-record="a"] input[type=text]').inputValue(), 'entered twice by mistake', 'the words typed are kept');
  // One question at a time: asking about another record closes this one.
  await page.locator('tr[data-record="b"]').getByRole('button', { name: 'Delete' }).click();
  await page.locator('tr[data-record="b"] [data-delete-form]').waitFor();
  assert.equal(await page.locator('tr[data-record="a"] [data-delete-form]').count(), 0);
  await page.locator('tr[data-record="b"]').getByRole('button', { name: 'Cancel' }).click();
  assert.equal(await page.locator('tr[data-record] [data-delete-form]').count(), 0);
  assert.equal(await page.locator('tr[data-record="a"]').getByRole('button', { name: 'Delete' }).isVisible(), true);
  await page.getByRole('button', { name: 'REC-A' }).click();
  await page.waitForFunction(() => document.querySelector('#f-label')?.value === 'REC-A');
  await context.close();
});
