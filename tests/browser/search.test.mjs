//! The records list's search in a real headless Chromium, in both
//! languages: a label is found ignoring case, spaces and punctuation
//! ("S002" and "s 002" find "S-002", Chinese labels too: the matching is
//! `crate::app::search`'s, tested natively); when records exist and none
//! matches, the list says so, naming what was typed, never "no screenings
//! yet"; the search box is a finger's size.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openApp, settled, assertSilent } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); assertSilent(); });

const LABELS = ['S-001', 'S-002', 'S-010', '张三-001', '李四（002）'];

/**
 * The coordinator's list in `locale` with a record for each of `LABELS`,
 * stored as the app stores them (`context`: more of the browser
 * context's options; `beforeLoad(page)`: run before the app first loads; `toolsShown`: wait
 * for the search box to show, else only for it to be on the page).
 */
async function listOf(locale, { context: options = {}, beforeLoad, toolsShown = true } = {}) {
  const { context, page } = await openApp(browser, server.url + '#coordinator', { context: { locale, ...options }, beforeLoad });
  await page.evaluate((labels) => {
    labels.forEach((label, i) => {
      const id = `search${i}`;
      // (Saved minutes ago: no reminder of old records or of a backup due
      // comes above the list.)
      const updated = new Date(Date.now() - (labels.length - i) * 60000).toISOString();
      const draft = { id, label, created: updated, updated, screening_date: updated.slice(0, 10), inputs: {} };
      localStorage.setItem(`ctit/record/${id}`, JSON.stringify({ schema: 2, protocol: 'x', rev: 1, draft }));
    });
  }, LABELS);
  await page.reload();
  await page.waitForSelector('#list-search', { state: toolsShown ? 'visible' : 'attached' });
  return { context, page };
}

/** The labels the list shows after typing `text` in the search box. */
async function found(page, text) {
  await page.fill('#list-search', text);
  await settled(page);
  return page.$$eval('tr[data-record] td:first-child', (tds) => tds.map((td) => td.textContent.trim()).sort());
}

for (const [locale, noMatch, noRecords] of [
  ['en-US', 'No record matches “S-9”.', /No screenings yet/],
  ['zh-CN', '没有与“S-9”匹配的记录。', /还没有筛选记录/],
]) {
  test(`${locale}: the search finds a label ignoring case, spaces and punctuation, Chinese labels too`, async () => {
    const { context, page } = await listOf(locale);
    for (const typed of ['S002', 's002', 's 002', 'S-002', ' s.002 ']) {
      assert.deepEqual(await found(page, typed), ['S-002'], `“${typed}”`);
    }
    assert.deepEqual(await found(page, 's0'), ['S-001', 'S-002', 'S-010']);
    assert.deepEqual(await found(page, '张三001'), ['张三-001']);
    assert.deepEqual(await found(page, '张三 001'), ['张三-001']);
    assert.deepEqual(await found(page, '李四002'), ['李四（002）']);
    assert.deepEqual(await found(page, '002'), ['S-002', '李四（002）']);
    assert.deepEqual(await found(page, ''), [...LABELS].sort());
    await context.close();
  });

  test(`${locale}: when records exist and none matches, the list says no record matches what was typed`, async () => {
    const { context, page } = await listOf(locale);
    assert.deepEqual(await found(page, 'S-9'), []);
    const said = page.locator('[data-list-filter] [role=status]');
    assert.equal((await said.textContent()).trim(), noMatch);
    assert.doesNotMatch(await page.textContent('main'), noRecords);
    // Found again once the search changes.
    assert.deepEqual(await found(page, 'S-0'), ['S-001', 'S-002', 'S-010']);
    await context.close();
  });
}

for (const width of [1280, 390]) {
  test(`${width} px wide: the first letter typed moves no row of the list, and the count is said in a live region already on the page`, async () => {
    // (No service worker: its answers would pass the blocked sheet by.)
    const options = { context: { viewport: { width, height: 900 }, serviceWorkers: 'block' } };
    const top = (page) => page.$eval('table.records', (t) => t.getBoundingClientRect().top);
    // The room the list keeps for its tools before they arrive (their
    // style sheet, record.css, never comes: app.css keeps them hidden).
    const waiting = await listOf('en-US', { ...options, toolsShown: false, beforeLoad: (page) => page.route(/\/record\.css$/, (r) => r.abort()) });
    await settled(waiting.page);
    const kept = await top(waiting.page);
    await waiting.context.close();
    const { context, page } = await listOf('en-US', options);
    await page.waitForFunction(() => getComputedStyle(document.querySelector('[data-list-filter]')).display !== 'none');
    await settled(page);
    assert.equal(await top(page), kept, 'the tools arrived in the room kept for them');
    const said = page.locator('[data-list-filter] [role=status]');
    assert.equal(await said.count(), 1, 'the live region is there before any search');
    assert.equal((await said.textContent()).trim(), '');
    assert.deepEqual(await found(page, 'S'), ['S-001', 'S-002', 'S-010']);
    assert.equal((await said.textContent()).trim(), '3 of 5 records match.');
    assert.equal(await top(page), kept, 'the rows did not move');
    assert.deepEqual(await found(page, ''), [...LABELS].sort());
    assert.equal(await top(page), kept);
    await context.close();
  });
}

test('the search box is at least 44 px tall, and "No screenings yet" stays for a list with no record', async () => {
  const { context, page } = await openApp(browser, server.url + '#coordinator');
  await page.waitForSelector('#list-search');
  const box = await page.locator('#list-search').boundingBox();
  assert.ok(box.height >= 44, `the search box is ${box.height} px tall`);
  await page.fill('#list-search', 'S-1');
  assert.match(await page.textContent('main'), /No screenings yet/);
  await context.close();
});
