//! The record screen held in a coordinator's hands (issue 29, items 2–6),
//! at 1024 × 768 and 768 × 1024, in both languages where words matter:
//! the form comes first with the verdict in one line kept in view; a
//! criterion link moves within the record and never out of it, and the
//! header's title leads to the records list; marking complete shows what
//! is still open and asks once; a scanned record opens with "code read",
//! its label asked, and one review of the patient's answers whose rows
//! never move under a finger; the record bar says when it was saved, jumps
//! to any section, and "Done" ends the form.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDist, launch, openApp, settled, assertSilent } from './harness.mjs';
import { suitable, answerAll, openPatient } from './patient-steps.mjs';
import { TABLETS, setPasscode } from './coordinator-steps.mjs';

const casesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../cases');

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); assertSilent(); });

/** Opens a shared case on the record screen of a tablet of `viewport`. */
async function openCase(file, { viewport = TABLETS[0], locale = 'en-US', ...options } = {}) {
  const { context, page } = await openApp(browser, server.url + '#coordinator', { context: { viewport, locale }, ...options });
  await page.locator('input[type=file]').first().setInputFiles(path.join(casesDir, file));
  await page.waitForSelector('.record .verdict-strip');
  return { context, page };
}

/** Whether the element is wholly within the window. */
const inView = (page, selector) => page.locator(selector).first().evaluate((el) => {
  const r = el.getBoundingClientRect();
  return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;
});

for (const viewport of TABLETS) {
  const at = `${viewport.width}×${viewport.height}`;

  test(`${at}: the first field is on the first screen, and the verdict in one line stays in view to the last field`, async () => {
    const { context, page } = await openCase('14-patient-self-check-answers-only.json', { viewport });
    assert.ok(await inView(page, '#f-label'), 'the label field is on the first screen');
    assert.ok(await inView(page, '#f-birth_date'), 'so is the first field of the chart');
    await page.locator('#f-investigator_excludes').scrollIntoViewIfNeeded();
    assert.ok(await inView(page, '.verdict-strip'), 'the verdict bar at the last field');
    assert.match(await page.textContent('.verdict-strip'), /Incomplete: \d+ criteria unknown/);
    // Changing an answer there changes the bar at once.
    await page.check('#f-investigator_excludes');
    await settled(page);
    assert.match(await page.textContent('.verdict-strip'), /Not eligible: 1 criterion failed/);
    assert.ok(await inView(page, '.verdict-strip'));
    assert.match(await page.textContent('[data-saved-at]'), /^Saved \d\d:\d\d$/);
    await context.close();
  });
}

test('a criterion link moves within the record: focus on the criterion, the address and the screen unchanged', async () => {
  const { context, page } = await openCase('05-platelets-exactly-30-fails.json');
  for (const from of ['.banner [data-to-criterion="I4"]', '.verdict-strip [data-next]']) {
    await page.locator(from).first().click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'c-I4', from);
    assert.equal(await page.evaluate(() => location.hash), '#coordinator');
    assert.equal(await page.locator('.record').count(), 1);
    await page.evaluate(() => window.scrollTo(0, 0));
  }
  // A place within a page typed or followed into the address moves nobody.
  await page.evaluate(() => { location.hash = '#c-I8'; });
  await page.waitForFunction(() => location.hash === '#c-I8');
  await settled(page);
  assert.equal(await page.locator('.record').count(), 1, 'still on the record');
  // The counts lead to the 25 criteria.
  await page.click('[data-to-criteria]');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'criteria-title');
  await context.close();
});

test('with a passcode, the header\'s title leads from a record to the records list, unlocked; from the patient check to the start page', async () => {
  const { context, page } = await openApp(browser, server.url + '#coordinator', { lockOffer: true });
  await setPasscode(page);
  await page.locator('input[type=file]').first().setInputFiles(path.join(casesDir, '01-eligible-full-record.json'));
  await page.waitForSelector('.record .verdict-strip');
  await page.click('.home-link');
  await page.waitForSelector('tr[data-record]');
  assert.equal(await page.locator('#unlock-passcode').count(), 0, 'not locked');
  assert.equal(await page.evaluate(() => location.hash), '#coordinator');
  await page.goto(server.url + '#patient');
  await page.waitForSelector('#p-step-title');
  await page.click('.home-link');
  await page.waitForSelector('.home');
  await context.close();
});

for (const locale of ['en-US', 'zh-CN']) {
  const w = locale === 'en-US'
    ? { mark: 'Mark screening complete', unknown: /criteria are still unknown: I2, I6/, settled: /Every criterion is decided and every answer confirmed/, cancel: 'Cancel' }
    : { mark: '标记筛选完成', unknown: /项标准仍待确认：I2, I6/, settled: /全部标准均已判定，所有回答均已确认/, cancel: '取消' };

  test(`${locale}: marking complete first shows what is still unknown, asks once, and Cancel changes nothing`, async () => {
    const { context, page } = await openCase('14-patient-self-check-answers-only.json', { locale });
    await page.getByRole('button', { name: w.mark }).click();
    const check = page.locator('[data-complete-check]');
    assert.equal(await check.getAttribute('data-complete-check'), 'open');
    assert.match(await check.textContent(), w.unknown);
    assert.equal(await page.getAttribute('[data-record-status]', 'data-record-status'), 'in-progress', 'not complete yet');
    await check.getByRole('button', { name: w.cancel }).click();
    assert.equal(await page.locator('[data-complete-check]').count(), 0);
    assert.equal(await page.getAttribute('[data-record-status]', 'data-record-status'), 'in-progress');
    await page.getByRole('button', { name: w.mark }).click();
    await page.click('[data-complete-confirm]');
    await page.waitForSelector('[data-record-status=completed]');
    await context.close();

    const eligible = await openCase('01-eligible-full-record.json', { locale });
    await eligible.page.getByRole('button', { name: w.mark }).click();
    assert.equal(await eligible.page.getAttribute('[data-complete-check]', 'data-complete-check'), 'settled');
    assert.match(await eligible.page.textContent('[data-complete-check]'), w.settled);
    await eligible.context.close();
  });
}

/** A patient's code as a picture, and the record scanned from it. */
async function scannedRecord(viewport, locale) {
  const patient = await openPatient(browser, server, locale);
  await answerAll(patient.page, suitable);
  await patient.page.click('[data-show-code]');
  const png = await patient.page.locator('svg.qr').screenshot();
  await patient.context.close();
  const { context, page } = await openApp(browser, server.url + '#coordinator', { context: { viewport, locale } });
  await page.click('[data-scan]');
  await page.setInputFiles('[data-scan-photo]', { name: 'code.png', mimeType: 'image/png', buffer: png });
  await page.waitForSelector('.reported-review');
  return { context, page };
}

for (const [viewport, locale] of [[TABLETS[1], 'en-US'], [TABLETS[0], 'zh-CN']]) {
  test(`${viewport.width}×${viewport.height} ${locale}: a scanned record says the code was read, asks the label, and reviews the answers in rows that never move`, async () => {
    const { context, page } = await scannedRecord(viewport, locale);
    const n = Object.keys(suitable).length;
    assert.match(await page.textContent('[data-code-read]'), locale === 'en-US' ? new RegExp(`Code read: ${n} answers`) : new RegExp(`已读取二维码：患者自查的 ${n} 项回答`));
    await page.waitForFunction(() => document.activeElement?.id === 'f-label', null, { timeout: 2000 });
    assert.equal(await page.locator('.review-row').count(), n);
    assert.match(await page.textContent('[data-remaining]'), locale === 'en-US' ? new RegExp(`^${n} of ${n} still to confirm`) : new RegExp(`共 ${n} 项，尚有 ${n} 项待确认`));
    // Every target a finger uses is at least 44 px tall.
    for (const h of await page.$$eval('.review-row button', (els) => els.map((e) => e.getBoundingClientRect().height))) assert.ok(h >= 44, `${h}`);
    // Confirming a row: every row stays where it was, the row says so, the count goes down.
    const rows = () => page.$$eval('.review-row', (els) => els.map((e) => Math.round(e.getBoundingClientRect().top + window.scrollY)));
    const before = await rows();
    await page.locator('.review-row[data-review="sex"] .confirm').click();
    await settled(page);
    assert.deepEqual(await rows(), before, 'no row moved');
    assert.equal(await page.getAttribute('.review-row[data-review="sex"]', 'data-pending'), 'false');
    assert.match(await page.textContent('[data-remaining]'), locale === 'en-US' ? new RegExp(`^${n - 1} of ${n} still`) : new RegExp(`尚有 ${n - 1} 项待确认`));
    // The field's own mark stays in its place too, as confirmed.
    assert.equal(await page.getAttribute('[data-reported="sex"]', 'data-pending'), 'false');
    // "Change" goes to the field.
    await page.locator('.review-row[data-review="ecog"] .change').click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-ecog');
    await context.close();
  });
}

test('the section jump goes to the section, and "Done" at the end of the form returns to the list', async () => {
  const { context, page } = await openCase('01-eligible-full-record.json', { viewport: TABLETS[1] });
  await page.selectOption('#section-jump', 'labs');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 's-labs');
  assert.ok(await inView(page, '#s-labs'), 'not under the bar');
  await page.selectOption('#section-jump', 'criteria');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'criteria-title');
  await page.click('.record-end .done');
  await page.waitForSelector('tr[data-record]');
  await context.close();
});

// The list's search, filters and exports come with the list's tools (a
// module fetched once the list is painted) and are styled by the record
// form's sheet. Their room is kept and they are drawn once both are here,
// so a row tapped as soon as it shows is the row opened: not the search
// box arriving under the finger (seen in WebKit: a tap's mouseup landed
// on the search box, and the record never opened).
for (const [viewport, locale] of [[TABLETS[0], 'en-US'], [TABLETS[1], 'zh-CN'], [{ width: 390, height: 844 }, 'en-US'], [{ width: 390, height: 844 }, 'zh-CN']]) {
  test(`${viewport.width}×${viewport.height} ${locale}: the records list's rows do not move when its search, filters and exports arrive`, async () => {
    // (No service worker, so the tools' module and sheet can be held back here.)
    const { context, page } = await openCase('01-eligible-full-record.json', { viewport, locale, context: { viewport, locale, serviceWorkers: 'block' } });
    await page.getByRole('button', { name: locale === 'en-US' ? '← All screenings' : '← 全部筛选记录' }).first().click();
    await page.waitForSelector('[data-list-filter]');
    const hold = async (pattern) => {
      let release;
      const held = new Promise((r) => { release = r; });
      await page.route(pattern, async (route) => { await held; await route.continue(); });
      return release;
    };
    const releaseTools = await hold(/split_tools-[^/]*\.wasm$/);
    const releaseSheet = await hold(/\/record\.css$/);
    await page.reload();
    await page.waitForSelector('tr[data-record]');
    const top = () => page.evaluate(() => document.querySelector('tr[data-record]').getBoundingClientRect().top);
    const before = await top();
    assert.equal(await page.locator('[data-list-filter]').count(), 0, 'the tools are held back');
    // The tools' code first, the sheet later: nothing is drawn unstyled.
    releaseTools();
    await page.waitForTimeout(300);
    assert.equal(await top(), before);
    releaseSheet();
    await page.waitForSelector('[data-list-filter]');
    await settled(page);
    assert.equal(await top(), before);
    await context.close();
  });
}
