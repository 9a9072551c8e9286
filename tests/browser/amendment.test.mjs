//! The amendment view, against a build that judges new records by the
//! worked amendment (criteria pack version 2, built with CTIT_CRITERIA_V2=1
//! into dist-amended/ by `./dev.sh test`): records stored under version 1
//! keep their verdicts (nothing is re-judged silently); the list filters
//! those version 2 judges otherwise; a record shows its verdict under both
//! versions and which criteria change, in both languages, with its own
//! version's titles; a new record is judged by version 2; the screening log
//! says which version judged each row.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDist, launch, openApp, settled, assertSilent } from './harness.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const amended = path.resolve(process.env.CTIT_DIST_AMENDED ?? path.join(repo, 'dist-amended'));
const case01 = JSON.parse(fs.readFileSync(path.join(repo, 'tests/cases/01-eligible-full-record.json'), 'utf8')).record;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ctit-amendment-'));

let server, browser;
before(async () => {
  assert.ok(
    fs.existsSync(path.join(amended, 'index.html')),
    `${amended} is missing: build it with CTIT_CRITERIA_V2=1 trunk build --release --dist dist-amended (./dev.sh test does)`,
  );
  server = await serveDist(amended);
  browser = await launch();
});
after(async () => {
  await browser?.close(); await server?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
  assertSilent();
});

/** The form's inputs for record answers, as the app stores a draft. */
function inputs(answers) {
  const out = {};
  for (const [id, v] of Object.entries(answers)) {
    if (typeof v === 'boolean') out[id] = v ? 'yes' : 'no';
    else if (v && typeof v === 'object' && 'unit' in v) { out[id] = String(v.value); out[`${id}.unit`] = v.unit; }
    else if (v && typeof v === 'object' && 'uln' in v) { out[id] = String(v.value); out[`${id}.uln`] = String(v.uln); }
    else out[id] = String(v);
  }
  return out;
}

/** A record stored before the amendment: no criteria version (version 1). */
function storedV1(id, label, changes) {
  const draft = {
    id, label, created: '2026-11-20T08:00:00Z', updated: '2026-11-20T08:00:00Z',
    screening_date: case01.screening_date, inputs: inputs({ ...case01.answers, ...changes }),
    history: '2026-11-20T08:00:00.000Z|AB|created\n',
  };
  return [`ctit/record/${id}`, JSON.stringify({ schema: 2, protocol: 'ClinicalTrials.gov listing of 2025-08-22', rev: 1, draft })];
}

const plant = (entries) => (p) => p.addInitScript((list) => {
  if (sessionStorage.getItem('planted')) return;
  sessionStorage.setItem('planted', '1');
  for (const [k, v] of list) localStorage.setItem(k, v);
}, entries);

const rowBadge = (page, label) => page.locator('tr[data-record]', { hasText: label }).locator('.badge').getAttribute('class');

test('records judged by version 1 keep their verdicts, the list finds those version 2 judges otherwise, and a record shows both', async () => {
  const entries = [
    storedV1('amend0001', 'AMEND-27', { platelet_count: { value: 27, unit: '10^9/L' }, last_chemo_date: '2026-10-14' }),
    storedV1('amend0002', 'SAME-21', {}),
  ];
  const { context, page } = await openApp(browser, server.url + '#coordinator', { beforeLoad: plant(entries), context: { acceptDownloads: true } });
  await page.waitForSelector('text=AMEND-27');
  // Nothing re-judged silently: both were eligible under version 1, and are shown so.
  assert.match(await rowBadge(page, 'AMEND-27'), /\beligible\b/);
  assert.match(await rowBadge(page, 'SAME-21'), /\beligible\b/);

  // The amendment's filter keeps only the record version 2 judges otherwise.
  await page.locator('[data-amended-filter]').check();
  await page.waitForFunction(() => document.querySelectorAll('tr[data-record]').length === 1);
  assert.deepEqual(await page.locator('tr[data-record] button.link').allTextContents(), ['AMEND-27']);
  await page.locator('[data-amended-filter]').uncheck();
  await page.waitForFunction(() => document.querySelectorAll('tr[data-record]').length === 2);

  // The record: its own verdict (version 1), and the amendment's view.
  await page.locator('tr[data-record]', { hasText: 'AMEND-27' }).locator('button.link').click();
  await page.waitForSelector('.record .banner[data-outcome]');
  assert.equal(await page.getAttribute('.banner', 'data-outcome'), 'eligible');
  const panel = page.locator('section.amendment');
  assert.equal(await panel.getAttribute('data-criteria-version'), '1');
  assert.equal(await panel.getAttribute('data-current-version'), '2');
  assert.equal(await panel.locator('[data-outcome-after]').getAttribute('data-outcome-after'), 'not_eligible');
  assert.deepEqual(await panel.locator('[data-changed-criterion]').evaluateAll((els) => els.map((e) => e.dataset.changedCriterion)), ['I3', 'I4']);
  assert.match(await panel.textContent(), /judged by criteria version 1 of 2025-08-22/);
  assert.match(await panel.locator('[data-changed-criterion="I4"]').textContent(), /I4 — Platelets below 25×10\^9\/L at enrolment: pass → fail/);
  assert.match(await panel.textContent(), /Nothing is re-judged on its own/);
  // Its criteria are its own version's: titles and published text.
  assert.equal(await page.textContent('#c-I4 .title'), 'Platelets below 30×10^9/L at enrolment');
  assert.match(await page.textContent('#c-I4 blockquote'), /< 30×10\^9\/L/);
  // In Chinese, statuses read the right way round.
  await page.getByRole('button', { name: '中文' }).click();
  await page.waitForSelector('section.amendment h3:has-text("入选/排除标准已修订")');
  assert.match(await panel.locator('[data-changed-criterion="I4"]').textContent(), /通过 → 未通过/);
  await page.getByRole('button', { name: 'English' }).click();
  await page.waitForSelector('section.amendment h3:has-text("The criteria were amended")');

  // The unchanged record shows the panel too, saying nothing changes for it.
  await page.getByRole('button', { name: '← All screenings' }).click();
  await page.locator('tr[data-record]', { hasText: 'SAME-21' }).locator('button.link').click();
  await page.waitForSelector('.record .banner[data-outcome]');
  assert.equal(await page.locator('section.amendment [data-outcome-after]').getAttribute('data-outcome-after'), 'eligible');
  assert.match(await page.locator('section.amendment').textContent(), /No criterion changes for this record/);

  // A new record (an imported file) is judged by version 2.
  const file = path.join(tmp, 'platelets-27.json');
  fs.writeFileSync(file, JSON.stringify({ ...case01, answers: { ...case01.answers, platelet_count: { value: 27, unit: '10^9/L' } } }));
  await page.getByRole('button', { name: '← All screenings' }).click();
  await page.getByLabel('Import').setInputFiles(file);
  await page.waitForSelector('.record .banner[data-outcome]');
  await page.fill('#f-label', 'NEW-V2');
  await settled(page);
  assert.equal(await page.getAttribute('.banner', 'data-outcome'), 'not_eligible');
  assert.equal(await page.locator('section.amendment').count(), 0);
  assert.equal(await page.textContent('#c-I4 .title'), 'Platelets below 25×10^9/L at enrolment');

  // The screening log says which version judged each row.
  await page.getByRole('button', { name: '← All screenings' }).click();
  const [log] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export screening log (CSV)' }).click()]);
  const csv = fs.readFileSync(await log.path(), 'utf8');
  assert.match(csv, /AMEND-27,2026-11-25,eligible,,,[^,]*,ClinicalTrials\.gov listing of 2025-08-22,/);
  assert.match(csv, /NEW-V2,2026-11-25,not_eligible,I4,,,"NCT07063225 criteria v2 of 2026-12-01 \(worked amendment, not adopted\)",/);
  assert.deepEqual(page.seen.errors, []);
  await context.close();
});

test("the app agrees with the worked amendment's hand-worked table: each case imported is judged by version 2 as the table says", async () => {
  const table = JSON.parse(fs.readFileSync(path.join(repo, 'tests/packs/nct07063225-v2-cases.json'), 'utf8'));
  const { context, page } = await openApp(browser, server.url + '#coordinator');
  for (const [i, c] of table.cases.entries()) {
    const answers = { ...case01.answers };
    for (const [k, v] of Object.entries(c.answers)) {
      if (v === null) delete answers[k];
      else answers[k] = v;
    }
    const file = path.join(tmp, `case-${i}.json`);
    fs.writeFileSync(file, JSON.stringify({ ...case01, screening_date: table.screening_date, answers }));
    if (i > 0) await page.getByRole('button', { name: '← All screenings' }).click();
    await page.getByLabel('Import').setInputFiles(file);
    await page.waitForSelector('.record .banner[data-outcome]');
    await settled(page);
    const banner = page.locator('.banner');
    const want = c.v2;
    assert.equal(await banner.getAttribute('data-outcome'), want.outcome, `${c.name}: outcome`);
    const earliest = await banner.getAttribute('data-earliest-eligible');
    assert.equal(earliest ?? null, want.earliest_eligible, `${c.name}: earliest eligible`);
    for (const id of ['I3', 'I4']) {
      assert.equal(await page.getAttribute(`#c-${id}`, 'data-status'), want[id], `${c.name}: ${id}`);
    }
  }
  assert.deepEqual(page.seen.errors, []);
  await context.close();
});
