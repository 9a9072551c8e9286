//! Creating records on a ward tablet (issue 29, item 9), in a real
//! headless Chromium at the tablets' two sizes: "New screening" left
//! untouched keeps nothing (no "(no label)" row, nothing stored, no row of
//! the screening log); the first real change stores the record, its
//! history beginning with "created"; a label another record has (case,
//! spaces and punctuation aside) is warned about in both languages, naming
//! that record and its date with a way to open it, and never refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serveDist, launch, openApp, settled, assertSilent } from './harness.mjs';
import { TABLETS } from './coordinator-steps.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); assertSilent(); });

const stored = (page) => page.evaluate(() => Object.entries(localStorage)
  .filter(([k]) => k.startsWith('ctit/record/') || k.startsWith('ctit/deleted/'))
  .map(([k, v]) => [k, JSON.parse(v)]));

async function newScreening(page) {
  await page.getByRole('button', { name: 'New screening' }).click();
  await page.waitForSelector('.record [data-outcome]');
}

async function back(page) {
  await page.getByRole('button', { name: '← All screenings' }).first().click();
  await page.waitForSelector('#list-title');
}

for (const viewport of TABLETS) {
  const size = `${viewport.width}×${viewport.height}`;

  test(`a new screening left untouched keeps nothing: no row, nothing stored, nothing logged (${size})`, async () => {
    const { context, page } = await openApp(browser, server.url + '#coordinator', { context: { viewport } });
    await newScreening(page);
    assert.deepEqual(await stored(page), [], 'not stored on opening');
    // Its history already says how it came to be.
    await back(page);
    await newScreening(page);
    await back(page);
    assert.equal(await page.locator('tr[data-record]').count(), 0);
    assert.deepEqual(await stored(page), []);
    await page.reload();
    await page.waitForSelector('#list-title');
    assert.equal(await page.locator('tr[data-record]').count(), 0);
    // The screening log has its header and nothing else.
    const [log] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export screening log (CSV)' }).click()]);
    const lines = fs.readFileSync(await log.path(), 'utf8').trim().split(/\r\n/);
    assert.equal(lines.length, 1, lines.join('\n'));
    await context.close();
  });

  test(`the first real change stores a new record, its history beginning "created" (${size})`, async () => {
    const { context, page } = await openApp(browser, server.url + '#coordinator', { context: { viewport } });
    await newScreening(page);
    await page.check('#f-diabetes-1'); // No
    await settled(page);
    const [[key, entry]] = await stored(page);
    assert.match(key, /^ctit\/record\//);
    const kinds = entry.draft.history.trim().split('\n').map((l) => l.split('|')[2]);
    assert.deepEqual(kinds, ['created', 'edited']);
    const [created, edited] = entry.draft.history.trim().split('\n').map((l) => l.split('|')[0]);
    assert.ok(created <= edited, `${created} then ${edited}`);
    assert.equal(entry.rev, 1);
    await back(page);
    assert.equal(await page.locator('tr[data-record]').count(), 1);
    await context.close();
  });

  test(`a label another record has is warned about, naming it and its date, and can be opened (${size})`, async () => {
    const { context, page } = await openApp(browser, server.url + '#coordinator', { context: { viewport } });
    await newScreening(page);
    await page.fill('#f-label', 'S-001');
    await page.fill('#f-screening_date', '2026-11-20');
    await settled(page);
    assert.equal(await page.locator('[data-same-label]').count(), 0, 'no other record yet');
    await back(page);
    await newScreening(page);
    await page.fill('#f-label', 's 001');
    await settled(page);
    const warning = page.locator('[data-same-label]');
    await warning.waitFor();
    assert.equal(await warning.getAttribute('role'), 'status');
    assert.match(await warning.textContent(), /Another record has the same label/);
    assert.match(await warning.textContent(), /S-001, screening date 2026-11-20/);
    // Not refused: both are stored.
    assert.equal((await stored(page)).length, 2);
    await page.click('.lang-switch');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    assert.match(await warning.textContent(), /另有记录使用相同编号/);
    assert.match(await warning.textContent(), /S-001，筛选日期 2026-11-20/);
    await page.getByRole('button', { name: '打开 S-001（2026-11-20）' }).click();
    await page.waitForFunction(() => document.querySelector('#f-label')?.value === 'S-001');
    assert.match(await page.textContent('[data-same-label]'), /s 001/);
    await page.click('.lang-switch');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.getByRole('button', { name: /^Open s 001 \(\d{4}-\d\d-\d\d\)$/ }).click();
    await page.waitForFunction(() => document.querySelector('#f-label')?.value === 's 001');
    // A different number is not warned about.
    await page.fill('#f-label', 'S-0010');
    await settled(page);
    assert.equal(await page.locator('[data-same-label]').count(), 0);
    await context.close();
  });
}
