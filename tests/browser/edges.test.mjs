//! Trust at the edges (issue 26), as someone misusing a shared tablet
//! would find them: a patient's tab never reaches the records or keeps the
//! team's tab awake; the camera stops on every path; a restore on a fresh
//! tablet waits for the passcode offer; the first record's history says
//! "created"; a key handed over is checked; a deletion asks who and why and
//! leaves a tombstone the log carries; an imported history is shown "as
//! stated in the file"; a crafted backup cannot choose its own key
//! derivation, and a derivation that runs too long is stopped; two tabs
//! setting a passcode at once lose nothing; changing the passcode re-keys;
//! idle ends the screener's session without a passcode too; export files
//! are named by record id, never by label.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveDist, launch, openApp, assertSilent, toSettings, toList, saysInEachLanguage } from './harness.mjs';
import { PASS, NEW_PASS, setPasscode, unlock, newRecord } from './coordinator-steps.mjs';
import { writeCodeVideo } from './camera.mjs';

let server, browser;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ctit-edges-'));
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => {
  await browser?.close(); await server?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
  assertSilent();
});

const stored = (page) => page.evaluate(() => Object.fromEntries(Object.entries(localStorage).filter(([k]) => k.startsWith('ctit/record/'))));

/** Stores these entries before the app first starts in a tab (not on reloads). */
const plant = (list) => (p) => p.addInitScript((entries) => {
  if (sessionStorage.getItem('planted')) return;
  sessionStorage.setItem('planted', '1');
  for (const [k, v] of entries) localStorage.setItem(k, v);
}, list);

function entry(i) {
  const id = `edge${String(i).padStart(4, '0')}`;
  const draft = {
    id, label: `EDGE-${i}`, created: '2026-11-20T08:00:00Z', updated: '2026-11-20T08:00:00Z',
    screening_date: '2026-11-20', inputs: { ecog: '1' }, history: '2026-11-20T08:00:00.000Z|AB|created\n',
  };
  return [`ctit/record/${id}`, JSON.stringify({ schema: 2, protocol: 'ClinicalTrials.gov listing of 2025-08-22', rev: 1, draft })];
}

test("a patient's tab, opened while the team's tab is unlocked, is handed no key: the records ask for the passcode, and the patient's typing keeps the team's tab from nothing", async () => {
  const { context, page: team } = await openApp(browser, server.url + '#coordinator', {
    lockOffer: true, beforeLoad: (p) => p.clock.install(),
  });
  await setPasscode(team);
  await newRecord(team, 'TEAM-ONLY-7731');
  await toList(team);
  await team.waitForSelector('text=TEAM-ONLY-7731');
  const patient = await context.newPage();
  await patient.clock.install();
  await patient.goto(server.url + '#patient');
  await patient.waitForSelector('#p-step-title');
  // (Its watch starts after the first paint and would ask then.)
  await patient.waitForTimeout(1500);
  // Idle: the team's tab waits 4 minutes, the patient types, 1.5 more.
  await team.clock.fastForward('04:00');
  await patient.click('.p-nav .primary');
  await patient.fill('#p-birth_date', '1961-04-02');
  await patient.keyboard.press('Tab');
  await patient.waitForTimeout(500);
  await team.clock.fastForward('01:30');
  await team.waitForSelector('[data-locked]', { timeout: 5000 });
  // Unlock the team again, then the patient's tab goes to the records.
  await unlock(team);
  await team.waitForSelector('text=TEAM-ONLY-7731');
  await patient.click('button.home-link');
  await patient.getByRole('button', { name: /Study team/ }).click();
  await patient.waitForSelector('[data-locked]');
  await patient.waitForTimeout(1500);
  assert.equal(await patient.locator('[data-locked]').count(), 1, 'still locked: no key was handed to it');
  assert.doesNotMatch(await patient.textContent('main'), /TEAM-ONLY-7731/);
  await context.close();
});

test('a key that is not the vault\'s own is never taken from the channel, in any form', async () => {
  const { context, page: a } = await openApp(browser, server.url + '#coordinator', { lockOffer: true });
  await setPasscode(a);
  await newRecord(a, 'KEYED-1');
  await toList(a);
  await a.getByRole('button', { name: 'Lock now' }).click();
  await a.waitForSelector('[data-locked]');
  const b = await context.newPage();
  await b.goto(server.url + '#coordinator');
  await b.waitForSelector('[data-locked]');
  await b.waitForTimeout(1000);
  // Any same-origin script posts a made-up key: in the earlier letter form,
  // and answering the tab's own request in the current form.
  await b.evaluate(() => new Promise((resolve) => {
    const channel = new BroadcastChannel('ctit-lock');
    const bogus = Array.from({ length: 32 }, (_, i) => (i * 37 + 11) % 256);
    channel.postMessage('K' + String.fromCharCode(...bogus));
    channel.onmessage = ({ data }) => {
      try {
        const m = JSON.parse(data);
        if (m.kind === 'key_wanted') {
          channel.postMessage(JSON.stringify({ kind: 'key', to: m.from, key: bogus.map((x) => x.toString(16).padStart(2, '0')).join('') }));
          setTimeout(resolve, 500);
        }
      } catch { /* not ours */ }
    };
    channel.postMessage(JSON.stringify({ kind: 'unlocked' }));
    setTimeout(resolve, 1500);
  }));
  await b.waitForTimeout(500);
  assert.equal(await b.locator('[data-locked]').count(), 1, 'a made-up key unlocked the tab');
  await context.close();
});

test('the camera stops the moment scanning ends: on Stop and on leaving the screen (a code read: handoff.test.mjs)', async () => {
  const blank = path.join(tmp, 'blank.y4m');
  writeCodeVideo(blank, 0, () => false);
  const camera = await launch(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${blank}`]);
  try {
    const { context, page } = await openApp(camera, server.url + '#coordinator', {
      beforeLoad: (p) => p.addInitScript(() => {
        window.__tracks = [];
        const media = navigator.mediaDevices;
        const get = media.getUserMedia.bind(media);
        media.getUserMedia = async (c) => { const s = await get(c); window.__tracks.push(...s.getTracks()); return s; };
      }),
    });
    const live = () => page.evaluate(() => window.__tracks.filter((t) => t.readyState === 'live').length);
    const started = () => page.waitForFunction(() => window.__tracks.some((t) => t.readyState === 'live'));
    await page.click('[data-scan]');
    await page.click('[data-scan-camera]');
    await started();
    await page.getByRole('button', { name: 'Stop' }).click();
    assert.equal(await live(), 0, 'after Stop');
    await page.click('[data-scan-camera]');
    await started();
    await page.getByRole('button', { name: /All screenings|Back/ }).first().click();
    await page.waitForSelector('#list-title');
    assert.equal(await live(), 0, 'after leaving the screen');
    await context.close();
  } finally {
    await camera.close();
  }
});

test('a restore on a fresh tablet waits for the passcode offer, then writes every record sealed', async () => {
  // A backup made on another tablet.
  const old = await openApp(browser, server.url + '#coordinator', { beforeLoad: plant([entry(1), entry(2)]) });
  await toSettings(old.page);
  await old.page.fill('#backup-password', 'carry this file');
  await old.page.fill('#backup-password-again', 'carry this file');
  const [download] = await Promise.all([
    old.page.waitForEvent('download'),
    old.page.locator('[data-backup]').getByRole('button', { name: 'Back up all records' }).click(),
  ]);
  const backup = fs.readFileSync(await download.path(), 'utf8');
  await old.context.close();
  // The new tablet: the passcode offer is open.
  const { context, page } = await openApp(browser, server.url + '#coordinator', { lockOffer: true });
  await page.waitForSelector('[data-lock-offer]');
  await toSettings(page);
  await page.setInputFiles('#restore-file', { name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
  await page.fill('#restore-password', 'carry this file');
  await page.getByRole('button', { name: 'Restore', exact: true }).click();
  // The restore waits: the passcode offer is asked first, right there.
  await page.waitForSelector('[data-settings] >> text=Before the first record');
  await page.waitForTimeout(2500);
  assert.deepEqual(await stored(page), {}, 'nothing written before the offer is answered');
  await page.fill('#new-passcode', PASS);
  await page.fill('#new-passcode-again', PASS);
  await page.getByRole('button', { name: 'Set passcode' }).first().click();
  await page.waitForSelector('[data-result=restore]');
  assert.match(await page.textContent('[data-result=restore]'), /2 added/);
  await toList(page);
  await page.waitForSelector('text=EDGE-2');
  const sealed = await stored(page);
  assert.equal(Object.keys(sealed).length, 2);
  for (const value of Object.values(sealed)) assert.doesNotMatch(value, /EDGE-/, 'sealed');
  await context.close();
});

for (const answer of ['Set passcode', 'Not now']) {
  test(`the first record on a fresh tablet, made through the passcode offer ("${answer}"), says "created" in its history and its file`, async () => {
    const { context, page } = await openApp(browser, server.url + '#coordinator', { lockOffer: true });
    await page.waitForSelector('[data-lock-offer]');
    await page.getByRole('button', { name: 'New screening' }).click();
    if (answer === 'Set passcode') {
      await page.fill('#new-passcode', PASS);
      await page.fill('#new-passcode-again', PASS);
    }
    await page.getByRole('button', { name: answer }).first().click();
    await page.waitForSelector('.record [data-outcome]');
    await page.locator('details.history summary').click();
    await page.waitForSelector('[data-history-entry]');
    const kinds = await page.$$eval('[data-history-entry]', (els) => els.map((e) => e.dataset.historyEntry));
    assert.deepEqual(kinds, ['created']);
    assert.doesNotMatch(await page.textContent('.history-list'), /Duplicated/);
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
    const json = JSON.parse(fs.readFileSync(await file.path(), 'utf8'));
    assert.deepEqual(json.history.map((e) => e.kind), ['created']);
    await context.close();
  });
}

test('a deletion asks why, keeps who, when and why as a tombstone, and the screening log still lists the record', async () => {
  const { context, page } = await openApp(browser, server.url + '#coordinator');
  await newRecord(page, 'DEL-ME-41');
  await toList(page);
  const row = page.locator('tr[data-record]', { hasText: 'DEL-ME-41' });
  await row.getByRole('button', { name: 'Delete' }).click();
  await page.waitForSelector('[data-delete-form]');
  await page.getByRole('button', { name: 'Delete the record' }).click();
  await page.waitForSelector('text=choose why the record is deleted');
  await saysInEachLanguage(page, 'Reason: choose why the record is deleted.', '原因：请选择删除该记录的原因。', '[data-delete-form]');
  assert.equal(await page.locator('tr[data-record]', { hasText: 'DEL-ME-41' }).count(), 1, 'not deleted without a reason');
  await page.getByLabel('Duplicate of another record').check();
  await page.getByRole('button', { name: 'Delete the record' }).click();
  await page.waitForFunction(() => !document.querySelector('[data-delete-form]'));
  assert.equal(await page.locator('tr[data-record]', { hasText: 'DEL-ME-41' }).count(), 0);
  const [log] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export screening log (CSV)' }).click()]);
  const csv = fs.readFileSync(await log.path(), 'utf8');
  const line = csv.split('\r\n').find((l) => l.startsWith('DEL-ME-41,'));
  assert.ok(line, csv);
  assert.match(line, /,\d{4}-\d\d-\d\dT[\d:.]+Z,TS,duplicate$/);
  await context.close();
});

test('an imported history is shown "as stated in the file"; a file whose history has an entry without initials is refused, naming it', async () => {
  const { context, page } = await openApp(browser, server.url + '#coordinator');
  const file = (history) => Buffer.from(JSON.stringify({
    format: 'ctit-screening/1', screening_date: '2026-11-25', label: 'FROM-FILE', answers: { ecog: 1 }, history,
  }));
  await page.setInputFiles('input[type=file][accept*="fhir"]', { name: 'unsigned.json', mimeType: 'application/json', buffer: file([
    { at: '2026-11-25T08:00:00.000Z', by: 'AB', kind: 'created' },
    { at: '2026-11-25T08:05:00.000Z', by: '', kind: 'edited', field: 'ecog', before: '', after: '1' },
  ]) });
  await page.waitForSelector('text=was not imported');
  assert.match(await page.textContent('[role=alert]'), /entry 2 \(edited/);
  assert.deepEqual(await stored(page), {});
  await page.setInputFiles('input[type=file][accept*="fhir"]', { name: 'signed.json', mimeType: 'application/json', buffer: file([
    { at: '2026-11-25T08:00:00.000Z', by: 'AB', kind: 'created' },
    { at: '2026-11-25T08:05:00.000Z', by: 'AB', kind: 'edited', field: 'ecog', before: '', after: '1' },
  ]) });
  await page.waitForSelector('.record [data-outcome]');
  await page.locator('details.history summary').click();
  await page.waitForSelector('[data-history-entry]');
  const stated = await page.$$eval('[data-history-entry]', (els) => els.map((e) => [e.dataset.historyEntry, !!e.querySelector('[data-as-stated]')]));
  assert.deepEqual(stated, [['imported', false], ['edited', true], ['created', true]]);
  await context.close();
});

test('a file that is not imported says why in the language shown, and follows a switch: not JSON, and a FHIR resource that is no screening\'s answers', async () => {
  const { context, page } = await openApp(browser, server.url + '#coordinator');
  const input = 'input[type=file][accept*="fhir"]';
  await page.setInputFiles(input, { name: 'patient.json', mimeType: 'application/fhir+json', buffer: Buffer.from(JSON.stringify({ resourceType: 'Patient' })) });
  await page.waitForSelector('[data-list-problem] >> text=patient.json was not imported');
  await saysInEachLanguage(page, 'It is a FHIR file, but not a QuestionnaireResponse: only a screening\'s answers can be imported.',
    '该文件是 FHIR 资源，但不是 QuestionnaireResponse（问卷应答）：只能导入筛选问卷的应答。', '[data-list-problem]');
  await saysInEachLanguage(page, 'patient.json was not imported; nothing was changed:', 'patient.json 未导入，未做任何更改：', '[data-list-problem]');
  // Chosen in Chinese, then read in English.
  await page.click('.lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  await page.setInputFiles(input, { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('not json at all') });
  await page.waitForSelector('[data-list-problem] >> text=notes.json 未导入');
  assert.doesNotMatch(await page.textContent('[data-list-problem]'), /patient\.json/, 'the earlier file\'s problem is gone');
  await page.click('.lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.waitForSelector('[data-list-problem] >> text=notes.json was not imported');
  assert.doesNotMatch(await page.textContent('[data-list-problem]'), /[\u4e00-\u9fff]/, 'nothing left in Chinese');
  assert.deepEqual(await stored(page), {});
  await context.close();
});

test('a backup file that asks for its own key derivation cost is refused before any derivation', async () => {
  const { context, page } = await openApp(browser, server.url + '#coordinator');
  await toSettings(page);
  const crafted = JSON.stringify({ format: 'ctit-backup', version: 1, kdf: { m_kib: 4194304, t: 3, p: 1 }, salt: 'AAAAAAAAAAAAAAAAAAAAAA==', n: 'AAAAAAAAAAAAAAAA', c: 'AAAA' });
  await page.setInputFiles('#restore-file', { name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(crafted) });
  await page.fill('#restore-password', 'whatever it is');
  await page.getByRole('button', { name: 'Restore', exact: true }).click();
  await page.waitForSelector('[data-result=restore]');
  assert.match(await page.textContent('[data-result=restore]'), /never uses/);
  assert.ok(!page.seen.requests.some((u) => u.includes('kdf-')), 'no derivation was started');
  await context.close();
});

test('a key derivation that runs past its time limit is stopped and says so', async () => {
  const slow = await serveDist();
  slow.files.set('/kdf-worker-v1.js', 'self.onmessage = () => {};');
  try {
    const { context, page } = await openApp(browser, slow.url + '#coordinator', {
      lockOffer: true, beforeLoad: (p) => p.clock.install(),
    });
    await page.fill('#new-passcode', PASS);
    await page.fill('#new-passcode-again', PASS);
    await page.getByRole('button', { name: 'Set passcode' }).first().click();
    await page.waitForTimeout(500);
    await page.clock.fastForward('00:31');
    await page.waitForSelector('text=longer than 30 seconds');
    assert.equal(await page.evaluate(() => localStorage.getItem('ctit/vault')), null);
    await context.close();
  } finally {
    await slow.close();
  }
});

test('two tabs setting a passcode at the same moment: one vault, the other tab told, and every record still opens', async () => {
  const { context, page: a } = await openApp(browser, server.url + '#coordinator', {
    lockOffer: true, beforeLoad: plant([entry(1), entry(2), entry(3)]),
  });
  const b = await context.newPage();
  await b.goto(server.url + '#coordinator');
  for (const [page, pass] of [[a, PASS], [b, NEW_PASS]]) {
    await page.waitForSelector('[data-lock-offer]');
    await page.fill('#new-passcode', pass);
    await page.fill('#new-passcode-again', pass);
  }
  // Both submitted at once (a click waits for the other tab's storage to
  // settle; a coordinator's two hands do not).
  await Promise.all([a, b].map((p) => p.evaluate(() => document.querySelector('#new-passcode').form.requestSubmit())));
  const outcome = (p) => p.waitForFunction(() => {
    const t = document.body.textContent;
    return /records are now stored encrypted/.test(t) ? 'set' : /at the same moment/.test(t) ? 'other' : null;
  }, null, { timeout: 20000 }).then((h) => h.jsonValue());
  const results = await Promise.all([outcome(a), outcome(b)]);
  assert.deepEqual([...results].sort(), ['other', 'set']);
  const winner = results[0] === 'set' ? PASS : NEW_PASS;
  // A fresh tab, unlocked with the winner's passcode, reads every record.
  const c = await context.newPage();
  await a.close(); await b.close();
  await c.goto(server.url + '#coordinator');
  await c.waitForSelector('[data-locked]');
  await unlock(c, winner);
  await c.waitForSelector('text=EDGE-3');
  assert.equal(await c.locator('tr[data-record]').count(), 3);
  assert.equal(await c.locator('[data-broken-entries]').count(), 0);
  await context.close();
});

test('changing the passcode re-keys: an old copy of the vault with the old passcode opens nothing, and the other tab carries on', async () => {
  const { context, page: a } = await openApp(browser, server.url + '#coordinator', { lockOffer: true });
  await setPasscode(a);
  await newRecord(a, 'REKEY-ME-5');
  await toList(a);
  const b = await context.newPage();
  await b.goto(server.url + '#coordinator');
  await b.waitForSelector('text=REKEY-ME-5');
  const oldVault = await a.evaluate(() => localStorage.getItem('ctit/vault'));
  await toSettings(a);
  await a.locator('summary', { hasText: 'Change passcode' }).click();
  await a.fill('#current-passcode', PASS);
  await a.fill('#changed-passcode', NEW_PASS);
  await a.fill('#changed-passcode-again', NEW_PASS);
  await a.getByRole('button', { name: 'Change passcode' }).last().click();
  await a.waitForSelector('text=Passcode changed');
  // The other tab is handed the new key and writes under it.
  await b.waitForTimeout(1000);
  await b.waitForSelector('text=REKEY-ME-5');
  await newRecord(b, 'AFTER-CHANGE-6');
  await toList(b);
  await toList(a);
  await a.waitForSelector('text=AFTER-CHANGE-6');
  assert.equal(await a.locator('[data-broken-entries]').count(), 0);
  const now = await stored(a);
  await context.close();
  // Someone with a copy of the old profile: the old vault and the old passcode.
  const copy = await openApp(browser, server.url + '#coordinator', {
    lockOffer: true, beforeLoad: plant([['ctit/vault', oldVault], ...Object.entries(now)]),
  });
  await copy.page.waitForSelector('[data-locked]');
  await unlock(copy.page, PASS);
  await copy.page.waitForSelector('[data-broken-entries]');
  assert.doesNotMatch(await copy.page.textContent('main'), /REKEY-ME-5|AFTER-CHANGE-6/);
  await copy.context.close();
});

test('without a passcode, going idle ends the screener\'s session: the initials are asked again', async () => {
  const { context, page } = await openApp(browser, server.url + '#coordinator', {
    initials: false, beforeLoad: (p) => p.clock.install(),
  });
  await page.getByRole('button', { name: 'New screening' }).click();
  await page.fill('#initials', 'LM');
  await page.getByRole('button', { name: 'Use these initials' }).click();
  await page.waitForSelector('.record [data-outcome]');
  await page.waitForSelector('[data-initials]');
  await page.clock.fastForward('05:10');
  await page.waitForSelector('[data-initials-form]');
  assert.equal(await page.locator('[data-initials]').count(), 0);
  await context.close();
});

test('an exported record file is named by record id and date, never by its label', async () => {
  const { context, page } = await openApp(browser, server.url + '#coordinator');
  await newRecord(page, 'Zhang San S-0042');
  for (const button of ['Export JSON', 'Export FHIR']) {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
    const name = file.suggestedFilename();
    assert.doesNotMatch(name, /Zhang|0042/, name);
    assert.match(name, /^ctit-record-[0-9a-f]{24}-\d{4}-\d\d-\d\d\.(fhir\.)?json$/, name);
  }
  await context.close();
});
