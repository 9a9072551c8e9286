//! Back up and restore: one encrypted file that says nothing readable;
//! backup → wipe → restore gives back every record as it was, its history
//! saying who restored it (200
//! records); restoring over existing records keeps both versions and
//! overwrites nothing; a wrong password, a damaged, cut, newer or too large
//! file is refused with its reason and changes nothing; persistent storage
//! is asked for and shown, and the list warns at 80 % full; import refuses
//! oversized files and overlong labels.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serveDist, launch, openApp, assertSilent, toSettings, toList, saysInEachLanguage } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); assertSilent(); });

const PASSWORD = 'carry this file';

function entry(i, extra = {}) {
  const id = `bk${String(i).padStart(4, '0')}`;
  const draft = { id, label: `BK-${i}`, created: '2026-11-20T08:00:00Z', updated: '2026-11-20T08:00:00Z', screening_date: '2026-11-20', inputs: { ecog: '1', rhtpo_days: '21', ...extra } };
  return [`ctit/record/${id}`, JSON.stringify({ schema: 2, protocol: 'ClinicalTrials.gov listing of 2025-08-22', rev: 1, draft })];
}

/** Stores these entries before the app first starts in a tab (not on reloads). */
const plant = (list) => (p) => p.addInitScript((entries) => {
  if (sessionStorage.getItem('planted')) return;
  sessionStorage.setItem('planted', '1');
  for (const [k, v] of entries) localStorage.setItem(k, v);
}, list);

const records = (page) => page.evaluate(() => Object.fromEntries(Object.entries(localStorage).filter(([k]) => k.startsWith('ctit/record/'))));

/** Opens the settings screen unless it is showing. */
async function inSettings(page) {
  if (!await page.locator('[data-settings]').count()) await toSettings(page);
}

async function backUp(page) {
  await inSettings(page);
  await page.fill('#backup-password', PASSWORD);
  await page.fill('#backup-password-again', PASSWORD);
  const download = page.waitForEvent('download');
  await page.locator('[data-backup]').getByRole('button', { name: 'Back up all records' }).click();
  const file = await (await download).path();
  await page.waitForSelector('text=Backup file written');
  return fs.readFileSync(file, 'utf8');
}

async function restore(page, text, password = PASSWORD) {
  await inSettings(page);
  await page.setInputFiles('#restore-file', { name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.fill('#restore-password', password);
  await page.getByRole('button', { name: 'Restore', exact: true }).click();
  await page.waitForSelector('[data-result=restore]');
  return page.textContent('[data-result=restore]');
}

test('backup, wipe, restore gives back all 200 records as they were, each history saying who restored it, and the file says nothing readable', async () => {
  const { context, page } = await openApp(browser, server.url + '#coordinator', { beforeLoad: plant(Array.from({ length: 200 }, (_, i) => entry(i))) });
  await toSettings(page);
  const before = await records(page);
  assert.equal(Object.keys(before).length, 200);
  const text = await backUp(page);
  // (Patterns base64 cannot hold by chance: '-' and '"' are not in its alphabet.)
  assert.doesNotMatch(text, /BK-\d|"draft"|"inputs"|"ecog"/);
  assert.match(text, /^\{"format":"ctit-backup","version":1,/);
  await page.getByRole('button', { name: 'Wipe this device' }).click();
  await page.getByRole('button', { name: 'Yes, wipe everything' }).click();
  assert.deepEqual(await records(page), {});
  assert.match(await restore(page, text), /200 added, 0 already here/);
  // Each record as it was, its history one line longer: restored by the
  // screener (the harness answers "TS"), now.
  const after = await records(page);
  assert.deepEqual(Object.keys(after).sort(), Object.keys(before).sort());
  for (const [key, value] of Object.entries(after)) {
    const { draft: { history, ...rest }, ...entry } = JSON.parse(value);
    assert.match(history, /^\d{4}-\d\d-\d\dT[\d:.]+Z\|TS\|restored\n$/, key);
    assert.deepEqual({ ...entry, draft: rest }, JSON.parse(before[key]), key);
  }
  await toList(page);
  await page.getByRole('button', { name: 'BK-0', exact: true }).waitFor();
  await context.close();
});

test('restoring over changed records keeps both versions and overwrites nothing', async () => {
  const { context, page } = await openApp(browser, server.url + '#coordinator', {
    beforeLoad: plant([entry(1), entry(2)]),
  });
  await toSettings(page);
  const text = await backUp(page);
  // Since the backup, BK-2 changed on this device.
  const [key, changed] = entry(2, { ecog: '2' });
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, changed]);
  assert.match(await restore(page, text), /0 added, 1 already here unchanged, 1 kept as both/);
  const after = await records(page);
  assert.equal(after[key], changed, 'the device\'s version is untouched');
  assert.equal(Object.keys(after).length, 3);
  await toList(page);
  await page.waitForSelector('text=BK-2 (restored)');
  await context.close();
});

test('a wrong password, a damaged, cut, newer or too large file is refused with its reason and changes nothing', async () => {
  const { context, page } = await openApp(browser, server.url + '#coordinator', {
    beforeLoad: plant([entry(1)]),
  });
  await toSettings(page);
  const text = await backUp(page);
  const before = await records(page);
  const refusals = [
    [text, 'not the password', /password is wrong/],
    [text.replace('"c":"', '"c":"AAAA'), PASSWORD, /password is wrong, or the file was altered/],
    [text.slice(0, text.length - 30), PASSWORD, /not a backup of this app, or the file is damaged or incomplete/],
    [text.replace('"version":1', '"version":2'), PASSWORD, /newer version of this app/],
    ['{"not":"ours"}', PASSWORD, /not a backup of this app/],
    [' '.repeat(21 * 1024 * 1024), PASSWORD, /too large/],
  ];
  for (const [file, password, why] of refusals) {
    assert.match(await restore(page, file, password), why);
    assert.deepEqual(await records(page), before);
  }
  await saysInEachLanguage(page, /^Not restored: the file is too large/, /^未恢复：文件过大/, '[data-backup]');
  await context.close();
});

test('a reminder asks for a backup when records changed since one older than the period, in both languages; backing up or 0 days hides it', async () => {
  // BK-1 was created on 2026-11-20, more than the default 7 days ago, and never backed up.
  const { context, page } = await openApp(browser, server.url + '#coordinator', { beforeLoad: plant([entry(1)]) });
  await page.waitForSelector('[data-backup-due]');
  assert.match(await page.textContent('[data-backup-due]'), /never been backed up from this tablet/);
  await page.getByRole('button', { name: 'Back up now' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'backup-password');
  await backUp(page);
  await toList(page);
  await page.waitForSelector('#list-title');
  assert.equal(await page.locator('[data-backup-due]').count(), 0);

  // A backup of 2026-11-01, older than the period, and BK-1 changed since.
  await page.evaluate(() => localStorage.setItem('ctit/backup/last', '2026-11-01T10:00:00.000Z'));
  await page.reload();
  await page.waitForSelector('[data-backup-due]');
  assert.match(await page.textContent('[data-backup-due]'), /changed since the last backup \(2026-11-01\)/);
  await page.click('.lang-switch');
  await page.waitForSelector('[data-backup-due] >> text=自上次备份（2026-11-01）以来记录已有更改');
  await page.click('.lang-switch');

  await toSettings(page);
  await page.fill('#backup-reminder-days', '0');
  await page.dispatchEvent('#backup-reminder-days', 'change');
  await toList(page);
  await page.waitForSelector('[data-backup-due]', { state: 'detached' });
  await page.reload();
  await page.waitForSelector('#list-title');
  await page.waitForTimeout(500);
  assert.equal(await page.locator('[data-backup-due]').count(), 0);
  await toSettings(page);
  assert.equal(await page.inputValue('#backup-reminder-days'), '0');
  await context.close();
});

test('persistent storage is asked for when the records list shows, and shown; the list warns at 80 % full', async () => {
  const { context, page } = await openApp(browser, server.url + '#coordinator', {
    beforeLoad: (p) => p.addInitScript(() => {
      window.__persistAsked = 0;
      const storage = navigator.storage;
      storage.persisted = async () => false;
      storage.persist = async () => { window.__persistAsked++; return true; };
    }),
  });
  await page.waitForFunction(() => window.__persistAsked === 1);
  await toSettings(page);
  await page.waitForSelector('[data-storage-use]');
  assert.match(await page.textContent('[data-storage-use]'), /Storage: about \d+ thousand characters/);
  assert.equal(await page.locator('[data-storage-nearly-full]').count(), 0);
  // 4.2 million characters of records: past 80 % of the ~5 million.
  await page.evaluate((entries) => {
    for (let i = 0; i < 42; i++) {
      const [k, v] = entries;
      localStorage.setItem(`${k}${i}`, v.replace('"inputs":{', `"inputs":{"pad":"${'p'.repeat(100000)}",`).replace('"id":"bk0000"', `"id":"bk0000${i}"`));
    }
  }, entry(0));
  await page.reload();
  await toList(page);
  await page.waitForSelector('[data-storage-nearly-full]');
  assert.match(await page.textContent('[data-storage-nearly-full]'), /8\d % full/);
  await context.close();
});

test('import refuses a file over 1 MB and a label over 64 characters, and says so', async () => {
  const { context, page } = await openApp(browser, server.url + '#coordinator');
  const record = (extra) => JSON.stringify({ format: 'ctit-screening/1', screening_date: '2026-11-25', answers: {}, ...extra });
  await page.getByLabel('Import').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(record({ pad: 'x'.repeat(1100000) })) });
  await page.waitForSelector('text=a record file has at most 1024 KB');
  await page.getByLabel('Import').setInputFiles({ name: 'long.json', mimeType: 'application/json', buffer: Buffer.from(record({ label: 'L'.repeat(65) })) });
  await page.waitForSelector('text=Its label has 65 characters; at most 64 are kept.');
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('ctit/record/')).length), 0);
  await context.close();
});
