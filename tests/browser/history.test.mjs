//! A record's history through the form, in a real headless Chromium, in
//! both languages: the screener's initials asked once per session before
//! the first change, typing coalesced into one entry, "Mark screening
//! complete", amending with a reason, the History panel and the printed
//! history, the list's status, search and filters, and the history carried
//! by duplicate, export and import.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveDist, launch, openApp, settled, assertSilent, saysInEachLanguage } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); assertSilent(); });

const stored = (page) => page.evaluate(() => Object.entries(localStorage)
  .filter(([k]) => k.startsWith('ctit/record/'))
  .map(([, v]) => JSON.parse(v).draft));

async function giveInitials(page, initials) {
  await page.fill('#initials', initials);
  await page.locator('[data-initials-form] button[type=submit]').click();
}

/** The History panel's entries, newest first, as text. */
async function historyShown(page) {
  const panel = page.locator('details.history');
  if (!await panel.evaluate((d) => d.open)) await panel.locator('summary').click();
  await page.waitForSelector('.history-list li');
  return page.$$eval('.history-list li', (els) => els.map((e) => e.textContent.replace(/\s+/g, ' ').trim()));
}

test('initials are asked before the first record and the first change of a session, and only then', async () => {
  const { context, page } = await openApp(browser, server.url + '#coordinator', { initials: false });
  await page.getByRole('button', { name: 'New screening' }).click();
  // Nothing is stored until the initials are given.
  await page.waitForSelector('[data-initials-form]');
  assert.equal((await stored(page)).length, 0);
  await giveInitials(page, 'Lee Min');
  await page.waitForSelector('text=2 to 4 letters');
  assert.equal((await stored(page)).length, 0);
  await giveInitials(page, 'lm');
  await page.waitForSelector('.record [data-outcome]');
  assert.match(await page.textContent('[data-initials]'), /Screener: LM/);
  await page.fill('#f-label', 'S-100');
  await settled(page);
  // The same session: a second record asks nothing.
  await page.getByRole('button', { name: '← All screenings' }).click();
  await page.getByRole('button', { name: 'New screening' }).click();
  await page.waitForSelector('.record [data-outcome]');
  assert.equal(await page.locator('[data-initials-form]').count(), 0);
  // A new session (a reload): the record can be read, not changed, until
  // the initials are given again; the last ones are offered as one tap
  // ("Continue as LM"), never taken without it, beside "Someone else".
  await page.reload();
  await page.locator('tr[data-record]', { hasText: 'S-100' }).getByRole('button').first().click();
  await page.waitForSelector('[data-initials-form]');
  assert.equal(await page.isDisabled('#f-label'), true);
  assert.equal(await page.isDisabled('#f-rhtpo_days'), true);
  assert.equal(await page.textContent('[data-continue-as]'), 'Continue as LM');
  await page.getByRole('button', { name: 'Someone else' }).click();
  assert.equal(await page.inputValue('#initials'), '');
  await giveInitials(page, 'JW');
  assert.equal(await page.isDisabled('#f-rhtpo_days'), false);
  await page.fill('#f-rhtpo_days', '14');
  await settled(page);
  const [d] = (await stored(page)).filter((r) => r.label === 'S-100');
  // (Stored one line per entry: at|by|kind|…, src/history.rs.)
  const byWho = d.history.trim().split('\n').map((l) => l.split('|')).map(([, by, kind]) => `${kind}:${by}`);
  assert.deepEqual(byWho, ['created:LM', 'edited:LM', 'edited:JW']);
  // "Change initials" asks again before the next change.
  await page.getByRole('button', { name: 'Change initials' }).click();
  await page.waitForSelector('[data-initials-form]');
  assert.equal(await page.isDisabled('#f-rhtpo_days'), true);
  await context.close();
});

test('typing, completing and amending are kept as the history says, in English', async () => {
  const { context, page } = await openApp(browser, server.url + '#coordinator', { initials: 'AB' });
  await page.getByRole('button', { name: 'New screening' }).click();
  await page.waitForSelector('.record [data-outcome]');
  await page.fill('#f-label', 'S-200');
  // Typed key by key: one entry, from empty to the last text.
  await page.locator('#f-rhtpo_days').pressSequentially('21', { delay: 30 });
  await page.selectOption('#f-ecog', '1');
  await page.check('#f-diabetes-1');
  await settled(page);
  let shown = await historyShown(page);
  assert.equal(shown.length, 5, shown.join('\n'));
  assert.match(shown[0], /AB .*Diabetes.*: \(empty\) → No/);
  assert.match(shown[2], /AB .*: \(empty\) → 21$/);
  assert.match(shown[4], /AB Record created/);
  // Complete: who, when and the verdict at that moment; the form is then closed.
  await page.getByRole('button', { name: 'Mark screening complete' }).click();
  await page.click('[data-complete-confirm]');
  await page.waitForSelector('[data-record-status=completed]');
  assert.match(await page.textContent('.status-bar'), /Screening complete — marked by AB on .* \(.+\)/);
  assert.equal(await page.isDisabled('#f-ecog'), true);
  // Amend: a reason first (none, then Other without words, are refused).
  await page.getByRole('button', { name: 'Amend…' }).click();
  await page.getByRole('button', { name: 'Change the record' }).click();
  await page.waitForSelector('text=choose why the record is being changed');
  await saysInEachLanguage(page, 'Reason: choose why the record is being changed.', '原因：请选择修改记录的原因。', '[data-reason-form]');
  await page.check('#reason-other');
  await page.getByRole('button', { name: 'Change the record' }).click();
  await page.waitForSelector('text=say in your words why');
  await page.check('#reason-new_result');
  await page.fill('#reason-text', 'ECOG repeated at visit 2');
  await page.getByRole('button', { name: 'Change the record' }).click();
  await page.selectOption('#f-ecog', '2');
  await settled(page);
  await page.waitForSelector('[data-record-status=amended]');
  await page.waitForSelector('text=Amended after completion');
  shown = await historyShown(page);
  assert.match(shown[0], /AB .*: 1 → 2 Reason: New result — ECOG repeated at visit 2/);
  assert.match(shown[1], /AB Marked screening complete: /);
  await page.getByRole('button', { name: 'Done amending' }).click();
  assert.equal(await page.isDisabled('#f-ecog'), true);
  // Printed with the summary when asked.
  await page.getByLabel('Print the history with the summary').check();
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.print-history tbody tr').count(), 7);
  await page.emulateMedia({ media: 'screen' });
  // The exports carry it.
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
  const file = JSON.parse(fs.readFileSync(await json.path(), 'utf8'));
  await saysInEachLanguage(page, /^Exported ctit-.*\.json\.$/, /^已导出 ctit-.*\.json。$/);
  assert.equal(file.status, 'amended');
  assert.equal(file.history.length, 7);
  assert.deepEqual(file.history.at(-1).reason, 'new_result');
  const [fhir] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export FHIR' }).click()]);
  const qr = JSON.parse(fs.readFileSync(await fhir.path(), 'utf8'));
  assert.equal(qr.status, 'amended');
  assert.equal(qr.author.display, 'AB');
  assert.equal(qr.authored, file.history.at(-1).at);
  // The list says where it stands.
  await page.getByRole('button', { name: '← All screenings' }).click();
  assert.equal(await page.textContent('tr[data-record] [data-status]'), 'Amended after completion');
  // Imported elsewhere: the same history, then the import; still amended.
  const imported = path.join(os.tmpdir(), 'S-200.json');
  fs.writeFileSync(imported, JSON.stringify(file));
  await page.getByLabel('Import').setInputFiles(imported);
  await page.waitForSelector('.record [data-outcome]');
  shown = await historyShown(page);
  assert.equal(shown.length, 8);
  assert.match(shown[0], /AB Imported from the file S-200\.json/);
  assert.match(await page.textContent('.status-bar'), /Amended after completion/);
  // A file with an entry this version cannot read (a newer version's): it
  // is left out, and the import's own entry says so.
  const newer = path.join(os.tmpdir(), 'S-201.json');
  fs.writeFileSync(newer, JSON.stringify({ ...file, history: [...file.history, { at: '2026-12-02T08:00:00.000Z', by: 'AB', kind: 'signed' }] }));
  await page.getByRole('button', { name: '← All screenings' }).click();
  await page.getByLabel('Import').setInputFiles(newer);
  await page.waitForSelector('.record [data-outcome]');
  shown = await historyShown(page);
  assert.equal(shown.length, 8);
  assert.match(shown[0], /AB Imported from the file S-201\.json; 1 entry of its history could not be read by this version and was left out/);
  // A duplicate starts its own history, in progress.
  await page.getByRole('button', { name: '← All screenings' }).click();
  await page.locator('tr[data-record]', { hasText: 'S-200' }).first().getByRole('button', { name: 'Duplicate' }).click();
  await page.waitForSelector('.record [data-outcome]');
  shown = await historyShown(page);
  assert.deepEqual(shown.map((s) => s.replace(/^\S+ \S+ /, '')), ['AB Duplicated from S-200']);
  await page.waitForSelector('[data-record-status=in-progress]');
  await context.close();
});

test('the history, status and reasons read in Chinese', async () => {
  const { context, page } = await openApp(browser, server.url + '#coordinator', { initials: 'WF' });
  await page.getByRole('button', { name: '中文' }).click();
  await page.getByRole('button', { name: '新建筛选' }).click();
  await page.waitForSelector('.record [data-outcome]');
  await page.selectOption('#f-ecog', '1');
  await settled(page);
  await page.getByRole('button', { name: '标记筛选完成' }).click();
  await page.click('[data-complete-confirm]');
  await page.waitForSelector('text=筛选已完成——由 WF 于');
  await page.getByRole('button', { name: '修改…' }).click();
  await page.check('#reason-clarified_with_patient');
  await page.getByRole('button', { name: '修改记录' }).click();
  await page.selectOption('#f-ecog', '0');
  await settled(page);
  await page.waitForSelector('text=完成后已修改');
  const shown = await historyShown(page);
  assert.match(await page.textContent('details.history summary'), /稽查轨迹（4）/);
  assert.match(shown[0], /WF .*: 1 → 0 原因：已与患者核实/);
  assert.match(shown[1], /WF 标记筛选完成：/);
  assert.match(shown[3], /WF 创建记录/);
  await page.getByRole('button', { name: '完成修改' }).click();
  await page.getByRole('button', { name: '← 全部筛选记录' }).click();
  assert.equal(await page.textContent('tr[data-record] [data-status]'), '完成后已修改');
  await context.close();
});

test('the list finds a record among many by label, outcome and status', async () => {
  const { context, page } = await openApp(browser, server.url + '#coordinator');
  // 120 records, seeded as the app stores them: every fourth complete.
  await page.evaluate(() => {
    for (let i = 0; i < 120; i++) {
      const id = `seed${String(i).padStart(3, '0')}`;
      const draft = {
        id, label: `S-${String(i).padStart(3, '0')}`, created: '2026-11-01T08:00:00.000Z',
        updated: `2026-11-01T08:${String(i % 60).padStart(2, '0')}:00.000Z`, screening_date: '2026-11-01',
        inputs: i % 2 ? { age_years: '17' } : {},
      };
      if (i % 4 === 0) draft.status = 'completed';
      localStorage.setItem(`ctit/record/${id}`, JSON.stringify({ schema: 2, protocol: 'x', rev: 1, draft }));
    }
  });
  await page.reload();
  await page.waitForSelector('[data-list-filter]');
  await page.fill('#list-search', 's-11');
  await page.waitForSelector('text="10 of 120 records match."');
  assert.equal(await page.locator('tr[data-record]').count(), 10);
  await page.fill('#list-search', '');
  await page.selectOption('#list-status', 'complete');
  await page.waitForSelector('text="30 of 120 records match."');
  await page.selectOption('#list-outcome', 'not_eligible');
  // Complete ones are the even ones, whose age is not given: none fails.
  await page.waitForSelector('text="No record has the outcome and status chosen."');
  assert.equal(await page.locator('tr[data-record]').count(), 0);
  await page.selectOption('#list-status', 'in-progress');
  await page.waitForSelector('text="60 of 120 records match."');
  // The first 50 drawn, the rest on request, as without a filter (the
  // rows moved: the first 20 in the change's frame, the others once it is
  // painted, src/ui/list/mod.rs).
  await page.waitForFunction(() => document.querySelectorAll('tr[data-record]').length >= 50);
  assert.equal(await page.locator('tr[data-record]').count(), 50);
  const statuses = await page.$$eval('tr[data-record] [data-status]', (els) => [...new Set(els.map((e) => e.dataset.status))]);
  assert.deepEqual(statuses, ['in-progress']);
  // Kept while the app is open: back from a record, the same list.
  await page.locator('tr[data-record]').first().getByRole('button').first().click();
  await page.getByRole('button', { name: '← All screenings' }).click();
  await page.waitForSelector('text="60 of 120 records match."');
  assert.equal(await page.inputValue('#list-outcome'), 'not_eligible');
  assert.equal(await page.inputValue('#list-status'), 'in-progress');
  // The search box too, as it was typed.
  await page.selectOption('#list-outcome', '');
  await page.selectOption('#list-status', '');
  await page.fill('#list-search', 's-11');
  await page.waitForSelector('text="10 of 120 records match."');
  await page.locator('tr[data-record]').first().getByRole('button').first().click();
  await page.getByRole('button', { name: '← All screenings' }).click();
  await page.waitForSelector('text="10 of 120 records match."');
  assert.equal(await page.inputValue('#list-search'), 's-11');
  assert.equal(await page.inputValue('#list-outcome'), '');
  assert.equal(await page.locator('tr[data-record]').count(), 10);
  await context.close();
});

test('outcomes judged ahead follow a record saved since: the outcome filter finds it by its new outcome', async () => {
  const { context, page } = await openApp(browser, server.url + '#coordinator');
  // 150 records without answers (incomplete): more than two of the steps
  // the list's tools judge ahead in.
  const entry = (i, inputs, updated) => ({
    schema: 2, protocol: 'x', rev: updated ? 2 : 1,
    draft: {
      id: `ahead${String(i).padStart(3, '0')}`, label: `A-${String(i).padStart(3, '0')}`, created: '2026-11-01T08:00:00.000Z',
      updated: updated ?? `2026-11-01T08:${String(i % 60).padStart(2, '0')}:00.000Z`, screening_date: '2026-11-01', inputs,
    },
  });
  await page.evaluate((entries) => entries.forEach((e) => localStorage.setItem(`ctit/record/${e.draft.id}`, JSON.stringify(e))),
    Array.from({ length: 150 }, (_, i) => entry(i, {})));
  await page.reload();
  await page.waitForSelector('[data-list-filter]');
  // Every record's outcome is kept by now, judged ahead (a step of 64
  // records per task) or, had that not run yet, by this filter.
  await page.selectOption('#list-outcome', 'incomplete');
  await page.waitForSelector('text="150 of 150 records match."');
  await page.selectOption('#list-outcome', '');
  // Another tab saves one of them, now failing a criterion (age 17).
  const other = await context.newPage();
  await other.goto(server.url + '#home');
  await other.evaluate((e) => localStorage.setItem(`ctit/record/${e.draft.id}`, JSON.stringify(e)),
    entry(7, { age_years: '17' }, '2026-11-02T09:00:00.000Z'));
  await other.close();
  await page.selectOption('#list-outcome', 'not_eligible');
  await page.waitForSelector('text="1 of 150 records match."');
  assert.deepEqual(await page.$$eval('tr[data-record]', (rows) => rows.map((r) => r.dataset.record)), ['ahead007']);
  await page.selectOption('#list-outcome', 'incomplete');
  await page.waitForSelector('text="149 of 150 records match."');
  await context.close();
});
