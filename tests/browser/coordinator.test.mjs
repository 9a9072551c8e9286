//! Coordinator screening in a real headless Chromium against the release
//! build: shared cases imported, drafts that survive reloads (half-typed
//! input included), corrupted and blocked storage, two tabs, keyboard-only
//! screening, export, duplicating, and no request to any other origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDist, launch, openApp, settled, foreignRequests, assertSilent, saysInEachLanguage } from './harness.mjs';

const casesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../cases');
const caseFiles = fs.readdirSync(casesDir).filter((f) => f.endsWith('.json')).sort();

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); assertSilent(); });

async function importFile(page, file) {
  await page.getByLabel('Import').setInputFiles(file);
  await page.waitForSelector('.record [data-outcome]');
}

/** Whether the page's root forbids the offer of a new version now (`data-no-offer`: the style hides it). */
function offerHidden(page) {
  return page.evaluate(() => document.documentElement.hasAttribute('data-no-offer'));
}

async function statuses(page) {
  return page.$$eval('[data-criterion]', (els) => Object.fromEntries(els.map((e) => [e.dataset.criterion, e.dataset.status])));
}

test('importing each shared case shows its expected outcome and every status', async () => {
  const { context, page } = await openApp(browser, server.url + '#coordinator');
  for (const file of caseFiles) {
    const expected = JSON.parse(fs.readFileSync(path.join(casesDir, file), 'utf8')).expected;
    await importFile(page, path.join(casesDir, file));
    const outcome = await page.getAttribute('.banner', 'data-outcome');
    assert.equal(outcome, expected.outcome, file);
    assert.deepEqual(await statuses(page), expected.criteria, file);
    await page.getByRole('button', { name: '← All screenings' }).click();
  }
  // Every import is a record in the list, newest first.
  assert.equal(await page.locator('tr[data-record]').count(), caseFiles.length);
  assert.deepEqual(foreignRequests(page, server.url), []);
  assert.deepEqual(page.seen.errors, []);
  await context.close();
});

test('typed answers, including an invalid half-typed date, survive a reload exactly', async () => {
  const { context, page } = await openApp(browser, server.url + '#coordinator');
  await page.getByRole('button', { name: 'New screening' }).click();
  await page.fill('#f-label', 'SCR-0042');
  await page.fill('#f-birth_date', '1961-04');            // half-typed: invalid for now
  await page.check('#f-sex');                              // Female
  await page.fill('#f-rhtpo_days', '21');
  await page.fill('#f-platelet_count', '25000');
  await page.selectOption('#f-platelet_count-unit', '/uL');
  await page.fill('#f-alt', '35');
  await page.fill('#f-alt-uln', '40');
  await page.check('#f-diabetes-1');                       // No
  await page.selectOption('#f-ecog', '1');
  await page.fill('#f-qtc_ms', '46');                      // half-typed number
  await settled(page);
  // The invalid date is named at its field and its criterion is unknown.
  assert.match(await page.textContent('[data-field="birth_date"]'), /Date of birth: not a real date/);
  assert.equal(await page.getAttribute('[data-criterion="I1"]', 'data-status'), 'unknown');

  await page.reload();
  await page.waitForSelector('main#main h2');
  await page.getByRole('button', { name: 'SCR-0042' }).click();
  await page.waitForSelector('.record [data-outcome]');
  assert.equal(await page.inputValue('#f-label'), 'SCR-0042');
  assert.equal(await page.inputValue('#f-birth_date'), '1961-04');
  assert.equal(await page.isChecked('#f-sex'), true);
  assert.equal(await page.inputValue('#f-rhtpo_days'), '21');
  assert.equal(await page.inputValue('#f-platelet_count'), '25000');
  assert.equal(await page.inputValue('#f-platelet_count-unit'), '/uL');
  assert.equal(await page.inputValue('#f-alt'), '35');
  assert.equal(await page.inputValue('#f-alt-uln'), '40');
  assert.equal(await page.isChecked('#f-diabetes-1'), true);
  assert.equal(await page.inputValue('#f-ecog'), '1');
  assert.equal(await page.inputValue('#f-qtc_ms'), '46');
  assert.match(await page.textContent('[data-field="qtc_ms"]'), /QTc: must be from 250 to 800/);
  assert.equal(await page.getAttribute('[data-criterion="I4"]', 'data-status'), 'pass');
  await context.close();
});

test('changing the language on an open record redraws its form and criteria in the other language and keeps every answer, half-typed ones included', async () => {
  const { context, page } = await openApp(browser, server.url + '#coordinator');
  await page.getByRole('button', { name: 'New screening' }).click();
  await page.fill('#f-label', 'LANG-1');
  await page.fill('#f-birth_date', '1961-04');            // half-typed: invalid for now
  await page.check('#f-sex');                              // Female
  await page.check('#f-diabetes-1');                       // No
  await page.selectOption('#f-ecog', '1');
  await page.fill('#f-alt', '35');
  await page.fill('#f-alt-uln', '40');
  await page.fill('#f-qtc_ms', '46');                      // half-typed number
  await settled(page);
  const answers = async () => ({
    label: await page.inputValue('#f-label'),
    birth: await page.inputValue('#f-birth_date'),
    female: await page.isChecked('#f-sex'),
    diabetesNo: await page.isChecked('#f-diabetes-1'),
    ecog: await page.inputValue('#f-ecog'),
    alt: [await page.inputValue('#f-alt'), await page.inputValue('#f-alt-uln')],
    qtc: await page.inputValue('#f-qtc_ms'),
    i1: await page.getAttribute('[data-criterion="I1"]', 'data-status'),
  });
  const before = await answers();

  await page.click('.lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  assert.equal((await page.textContent('[data-field="had_radiotherapy"] legend')).trim(), '曾接受放疗');
  assert.equal((await page.textContent('[data-field="had_radiotherapy"] label.choice span')).trim(), '是');
  const qtcError = await page.textContent('[data-field="qtc_ms"] .field-error');
  assert.match(qtcError, /^QTc：|^QTc: /);
  assert.match(qtcError, /[\u4e00-\u9fff]/);
  assert.match(await page.textContent('[data-criterion="I1"] .title'), /[\u4e00-\u9fff]/);
  assert.deepEqual(await answers(), before);
  // The redrawn form still edits the record.
  await page.fill('#f-rhtpo_days', '21');
  await settled(page);
  assert.equal(await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('ctit/record/'));
    return JSON.parse(localStorage.getItem(key)).draft.inputs.rhtpo_days;
  }), '21');

  await page.click('.lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.match(await page.textContent('[data-field="birth_date"]'), /Date of birth: not a real date/);
  assert.equal((await page.textContent('[data-field="had_radiotherapy"] label.choice span')).trim(), 'Yes');
  assert.deepEqual(await answers(), before);
  assert.equal(await page.inputValue('#f-rhtpo_days'), '21');
  await context.close();
});

test('fields that do not apply are not asked', async () => {
  const { context, page } = await openApp(browser, server.url + '#coordinator');
  await page.getByRole('button', { name: 'New screening' }).click();
  await page.waitForSelector('.record [data-outcome]');
  assert.equal(await page.locator('#f-last_radiotherapy_date').count(), 0);
  assert.equal(await page.locator('#f-last_mi_date').count(), 0);
  assert.equal(await page.locator('#f-age_years').count(), 1);
  await page.check('#f-had_radiotherapy');                 // Yes
  await page.check('#f-had_mi');
  await page.check('#f-sex-1');                            // Male
  await page.fill('#f-birth_date', '1970-01-01');
  await settled(page);
  assert.equal(await page.locator('#f-last_radiotherapy_date').count(), 1);
  assert.equal(await page.locator('#f-last_mi_date').count(), 1);
  assert.equal(await page.locator('#f-pregnant_or_suspected').count(), 0);
  assert.equal(await page.locator('#f-age_years').count(), 0);
  assert.equal(await page.getAttribute('[data-criterion="E13"]', 'data-status'), 'pass');
  await context.close();
});

test('a corrupted stored entry is reported, kept byte for byte, and the other records open', async () => {
  const planted = '{"schema":1,"rev":3,"draft":{"id":"bad", "label": truncated…';
  const { context, page } = await openApp(browser, server.url + '#coordinator', {
    beforeLoad: async (p) => {
      await p.addInitScript((text) => {
        if (!sessionStorage.getItem('planted')) {
          localStorage.setItem('ctit/record/bad', text);
          localStorage.setItem('ctit/record/good', JSON.stringify({ schema: 1, rev: 1, draft: {
            id: 'good', label: 'GOOD-1', created: '2026-11-01T00:00:00Z', updated: '2026-11-01T00:00:00Z',
            screening_date: '2026-11-25', inputs: { ecog: '1' } } }));
          sessionStorage.setItem('planted', '1');
        }
      }, planted);
    },
  });
  await page.waitForSelector('[data-broken-entries]');
  assert.match(await page.textContent('[data-broken-entries]'), /ctit\/record\/bad/);
  assert.equal(await page.evaluate(() => localStorage.getItem('ctit/record/bad')), planted);
  await page.getByRole('button', { name: 'GOOD-1' }).click();
  await page.waitForSelector('.record [data-outcome]');
  assert.equal(await page.inputValue('#f-ecog'), '1');
  await page.selectOption('#f-ecog', '2');
  assert.equal(await page.evaluate(() => localStorage.getItem('ctit/record/bad')), planted);
  await context.close();
});

test('blocked storage: the app still works in memory and says so', async () => {
  const { context, page } = await openApp(browser, server.url + '#coordinator', {
    beforeLoad: async (p) => {
      await p.addInitScript(() => {
        Object.defineProperty(window, 'localStorage', {
          get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
        });
      });
    },
  });
  await page.waitForSelector('[data-storage-warning]');
  assert.match(await page.textContent('[data-storage-warning]'), /this tab only/);
  assert.equal(await offerHidden(page), true, 'no reload offered: what is typed is in this tab only');
  await page.getByRole('button', { name: 'New screening' }).click();
  await page.fill('#f-label', 'MEM-1');
  await page.selectOption('#f-ecog', '3');
  await settled(page);
  assert.equal(await page.getAttribute('[data-criterion="I8"]', 'data-status'), 'fail');
  assert.equal(await page.getAttribute('.banner', 'data-outcome'), 'not_eligible');
  await page.getByRole('button', { name: '← All screenings' }).click();
  assert.equal(await page.locator('tr[data-record]').count(), 1);
  assert.deepEqual(page.seen.errors, []);
  await context.close();
});

test('two tabs on one record never silently overwrite each other, and each says what the other did in the language shown', async () => {
  const { context, page: a } = await openApp(browser, server.url + '#coordinator');
  await a.getByRole('button', { name: 'New screening' }).click();
  await a.fill('#f-label', 'TWO-TABS');
  const b = await context.newPage();
  await b.goto(server.url + '#coordinator');
  await b.getByRole('button', { name: 'TWO-TABS' }).click();
  await b.waitForSelector('.record [data-outcome]');
  // B's change reaches A (A had nothing unsaved), then A's change builds on it.
  await b.fill('#f-rhtpo_days', '21');
  await a.waitForFunction(() => document.querySelector('#f-rhtpo_days')?.value === '21');
  assert.match(await a.textContent('[data-stored-notice]'), /Updated with changes saved in another tab at/);
  assert.equal(await a.locator('[data-stored-notice] .alert.info').count(), 1);
  // A choice made in B is checked in A too (A draws its choices again).
  await b.check('#f-diabetes-1');                          // No
  await a.waitForFunction(() => document.querySelector('#f-diabetes-1')?.checked === true);
  await a.fill('#f-qtc_ms', '430');
  await b.waitForFunction(() => document.querySelector('#f-qtc_ms')?.value === '430');
  const stored = await a.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('ctit/record/'));
    return JSON.parse(localStorage.getItem(key)).draft.inputs;
  });
  assert.equal(stored.rhtpo_days, '21');
  assert.equal(stored.qtc_ms, '430');
  // B deletes it: A says so, a warning, in the language shown.
  await b.evaluate(() => localStorage.removeItem(Object.keys(localStorage).find((k) => k.startsWith('ctit/record/'))));
  await a.waitForSelector('[data-stored-notice] .alert.warning >> text=This record was deleted in another tab');
  await saysInEachLanguage(a, /^This record was deleted in another tab/, /^此记录已在另一个标签页中删除/, '[data-stored-notice]');
  await context.close();
});

test('a stale tab is stopped from overwriting a newer save and offered a choice, and no reload until it chooses', async () => {
  const { context, page } = await openApp(browser, server.url + '#coordinator');
  await page.getByRole('button', { name: 'New screening' }).click();
  await page.fill('#f-label', 'STALE');
  assert.equal(await offerHidden(page), false, 'everything typed is stored: a reload loses nothing');
  // Another writer saves a newer revision without a storage event reaching this tab.
  await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('ctit/record/'));
    const entry = JSON.parse(localStorage.getItem(key));
    entry.rev += 5;
    entry.draft.inputs.ecog = '4';
    localStorage.setItem(key, JSON.stringify(entry));
  });
  await page.fill('#f-rhtpo_days', '30');
  await page.waitForSelector('text=Saving here is paused');
  const inputs = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('ctit/record/'));
    return JSON.parse(localStorage.getItem(key)).draft.inputs;
  });
  assert.equal(inputs.ecog, '4');
  assert.equal(inputs.rhtpo_days, undefined);
  assert.equal(await offerHidden(page), true, "this tab's version is held here only: a reload would lose it");
  await page.fill('#f-qtc_ms', '430');
  assert.equal(await offerHidden(page), true, 'typing on while paused');
  await page.getByRole('button', { name: "Keep this tab's version" }).click();
  const after = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('ctit/record/'));
    return JSON.parse(localStorage.getItem(key)).draft.inputs;
  });
  assert.equal(after.rhtpo_days, '30');
  assert.equal(after.qtc_ms, '430');
  assert.equal(await offerHidden(page), false, 'stored: a reload loses nothing again');
  await context.close();
});

test('a record whose stored copy cannot be read keeps the typing in this tab, says so in the language shown, and no reload is offered over it', async () => {
  const { context, page } = await openApp(browser, server.url + '#coordinator');
  await page.getByRole('button', { name: 'New screening' }).click();
  await page.fill('#f-label', 'TORN');
  // The live region is on the page before it speaks, so a screen reader hears it.
  assert.equal(await page.locator('[role=status][data-stored-notice]').textContent(), '');
  await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('ctit/record/'));
    localStorage.setItem(key, '{"schema": 2, "draft": ');
  });
  await page.fill('#f-rhtpo_days', '30');
  await page.waitForSelector('[data-stored-notice] >> text=your changes are kept in this tab only');
  assert.equal(await offerHidden(page), true);
  // Said once: the next keystroke meets it again, and puts nothing new in the live region.
  const said = await page.$('[data-stored-notice] p');
  await page.fill('#f-rhtpo_days', '31');
  await page.waitForTimeout(300);
  assert.equal(await said.evaluate((p) => p.isConnected), true, 'the notice was put in the live region again');
  await saysInEachLanguage(page, /your changes are kept in this tab only/, /您的修改只保留在当前标签页中/, '[data-stored-notice]');
  // Leaving the record leaves nothing of it to lose (and nothing to offer a reload over).
  await page.getByRole('button', { name: '← All screenings' }).first().click();
  await page.waitForFunction(() => !document.documentElement.hasAttribute('data-no-offer'));
  await context.close();
});

test('export writes the record format, without fields that do not apply', async () => {
  const { context, page } = await openApp(browser, server.url + '#coordinator', { context: { acceptDownloads: true } });
  await importFile(page, path.join(casesDir, '02-male-pregnancy-fields-ignored.json'));
  await page.check('#f-had_radiotherapy-1');   // No
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
  const exported = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  assert.equal(exported.format, 'ctit-screening/1');
  assert.equal(exported.screening_date, '2026-11-25');
  assert.equal(exported.answers.sex, 'male');
  assert.equal(exported.answers.pregnant_or_suspected, undefined);
  assert.equal(exported.answers.total_bilirubin.value, 15.2);
  await context.close();
});

/** Presses Tab until `match(activeElement)` holds; fails after `limit` presses. */
async function tabTo(page, match, arg, limit = 80) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(match, arg)) return;
  }
  throw new Error(`could not reach ${JSON.stringify(arg)} by Tab`);
}

test('a whole screening can be done by keyboard only', async () => {
  const { context, page } = await openApp(browser, server.url + '#coordinator');
  const answers = JSON.parse(fs.readFileSync(path.join(casesDir, '01-eligible-full-record.json'), 'utf8')).record.answers;
  await tabTo(page, () => document.activeElement?.textContent === 'New screening');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.record [data-outcome]');
  // Fields in form order, as the DOM lays them out.
  const order = await page.$$eval('[data-field]', (els) => els.map((e) => e.dataset.field));
  for (const id of order) {
    const value = answers[id];
    if (value === undefined || value === null) continue;
    if (typeof value === 'boolean' || ['hiv', 'hbv', 'hcv', 'hdv', 'syphilis', 'ebv_dna', 'cmv_dna', 'sex'].includes(id)) {
      // Radio group: one Tab stop on the checked choice ("Not known"); arrows pick.
      await tabTo(page, (name) => document.activeElement?.name === name, id);
      const target = value === true || value === 'positive' || value === 'female' ? 0 : 1;
      for (let i = 0; i < 2 - target; i++) await page.keyboard.press('ArrowLeft');
    } else if (typeof value === 'object') {
      await tabTo(page, (el) => document.activeElement?.id === el, `f-${id}`);
      await page.keyboard.type(String(value.value));
      await page.keyboard.press('Tab');
      if ('uln' in value) await page.keyboard.type(String(value.uln));
    } else {
      await tabTo(page, (el) => document.activeElement?.id === el, `f-${id}`);
      await page.keyboard.type(String(value));
    }
  }
  await settled(page);
  const outcome = await page.getAttribute('.banner', 'data-outcome');
  if (outcome !== 'eligible') {
    console.log(await statuses(page));
  }
  assert.equal(outcome, 'eligible');
  assert.deepEqual(foreignRequests(page, server.url), []);
  await context.close();
});

test('the banner gives the earliest eligible date and what would change the verdict', async () => {
  const { context, page } = await openApp(browser, server.url + '#coordinator');
  await importFile(page, path.join(casesDir, '07-chemo-exactly-one-month-ago.json'));
  assert.equal(await page.getAttribute('.banner', 'data-earliest-eligible'), '2026-11-26');
  const banner = await page.textContent('.banner');
  assert.match(banner, /If nothing else changes, eligible from 2026-11-26/);
  assert.match(banner, /I3 — .*time: passes from 2026-11-26/);
  await page.check('#f-diabetes');            // Yes: a fact time does not change
  await settled(page);
  assert.equal(await page.getAttribute('.banner', 'data-earliest-eligible'), null);
  assert.match(await page.textContent('.banner'), /E10 — .*not a matter of time/);
  await page.getByRole('button', { name: '← All screenings' }).click();

  await importFile(page, path.join(casesDir, '14-patient-self-check-answers-only.json'));
  const groups = await page.$$eval('[data-needed-for]', (els) => els.map((e) => e.dataset.neededFor));
  assert.equal(groups.length, 16);
  assert.ok(groups.includes('E3'));
  // A needed field is a link to the field itself (the long list starts folded).
  await page.click('.banner details summary');
  await page.locator('[data-needed-for="I10"] ul button').first().click();
  assert.equal(await page.evaluate(() => document.activeElement?.name), 'consent_signed');
  await context.close();
});

test('screening log and FHIR exports: the log is CSV with a BOM, a FHIR export imports back with the same verdicts', async () => {
  const { context, page } = await openApp(browser, server.url + '#coordinator', { context: { acceptDownloads: true } });
  await importFile(page, path.join(casesDir, '12-rhtpo-13-days.json'));
  await page.fill('#f-label', 'SCR-七');
  const before = await statuses(page);
  const [fhir] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export FHIR' }).click()]);
  const qrPath = await fhir.path();
  const qr = JSON.parse(fs.readFileSync(qrPath, 'utf8'));
  assert.equal(qr.resourceType, 'QuestionnaireResponse');
  await page.getByRole('button', { name: '← All screenings' }).click();
  const [log] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export screening log (CSV)' }).click()]);
  const csv = fs.readFileSync(await log.path(), 'utf8');
  await saysInEachLanguage(page, /^Exported ctit-screening-log-.*\.csv: \d+ rows/, /^已导出 ctit-screening-log-.*\.csv：共 \d+ 行/, '[data-export-result]');
  assert.ok(csv.startsWith('\ufeff'));
  assert.match(csv, /SCR-七,2026-11-25,not_eligible,I2,,,/);
  assert.doesNotMatch(csv, /1961-04-02/);
  // Import the FHIR file back: a new record with the same label and verdicts.
  const copy = path.join(path.dirname(qrPath), 'back.fhir.json');
  fs.copyFileSync(qrPath, copy);
  await importFile(page, copy);
  assert.equal(await page.inputValue('#f-label'), 'SCR-七');
  assert.deepEqual(await statuses(page), before);
  // The FHIR Questionnaire from the list's tools.
  await page.getByRole('button', { name: '← All screenings' }).click();
  const [questionnaire] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'FHIR Questionnaire' }).click()]);
  assert.equal(JSON.parse(fs.readFileSync(await questionnaire.path(), 'utf8')).resourceType, 'Questionnaire');
  await context.close();
});

test('duplicating a record opens the copy with the same answers and its own label', async () => {
  const { context, page } = await openApp(browser, server.url + '#coordinator');
  await importFile(page, path.join(casesDir, '12-rhtpo-13-days.json'));
  await page.fill('#f-label', 'SCR-9');
  await settled(page);
  const before = await statuses(page);
  await page.getByRole('button', { name: '← All screenings' }).click();
  await page.locator('tr[data-record]').getByRole('button', { name: 'Duplicate' }).click();
  await page.waitForSelector('.record [data-outcome]');
  assert.equal(await page.inputValue('#f-label'), 'SCR-9 (copy)');
  assert.deepEqual(await statuses(page), before);
  await page.getByRole('button', { name: '← All screenings' }).click();
  assert.deepEqual((await page.locator('tr[data-record] button.link').allTextContents()).sort(), ['SCR-9', 'SCR-9 (copy)']);
  assert.deepEqual(page.seen.errors, []);
  await context.close();
});

test('full storage: a clear banner, and the work stays in this tab', async () => {
  const { context, page } = await openApp(browser, server.url + '#coordinator', {
    beforeLoad: async (p) => {
      await p.addInitScript(() => {
        const real = Storage.prototype.setItem;
        Storage.prototype.setItem = function (key, value) {
          if (String(key).startsWith('ctit/record/')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          return real.call(this, key, value);
        };
      });
    },
  });
  await page.getByRole('button', { name: 'New screening' }).click();
  // A new record is stored with its first change (issue 29, item 9): that
  // is when storage says it is full.
  await page.waitForSelector('.record [data-outcome]');
  await page.fill('#f-label', 'FULL-1');
  await page.waitForSelector('[data-storage-warning]');
  assert.match(await page.textContent('[data-storage-warning]'), /storage is full/i);
  await page.selectOption('#f-ecog', '4');
  await settled(page);
  assert.equal(await page.getAttribute('[data-criterion="I8"]', 'data-status'), 'fail');
  assert.equal(await page.inputValue('#f-label'), 'FULL-1');
  // Never stored, it stays in the list (in memory) and opens again as typed.
  await page.getByRole('button', { name: '← All screenings' }).first().click();
  await page.locator('tr[data-record]', { hasText: 'FULL-1' }).getByRole('button').first().click();
  await page.waitForFunction(() => document.querySelector('#f-label')?.value === 'FULL-1');
  assert.equal(await page.inputValue('#f-ecog'), '4');
  assert.deepEqual(page.seen.errors, []);
  await context.close();
});
