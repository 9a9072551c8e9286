//! Dates a coordinator types on a ward tablet (issue 29, item 7), in a real
//! headless Chromium at the tablets' two sizes and in both languages: the
//! eight digits a numeric keypad types, the other unambiguous forms
//! (full-width digits and 年月日 from a Chinese input method), each shown
//! as understood beside its field and kept exactly as typed; a date that
//! reads two ways never guessed; exports carry YYYY-MM-DD.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serveDist, launch, openApp, settled, assertSilent } from './harness.mjs';
import { TABLETS, newRecord } from './coordinator-steps.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); assertSilent(); });

async function toChinese(page) {
  await page.click('.lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
}

const stored = (page) => page.evaluate(() => Object.entries(localStorage)
  .filter(([k]) => k.startsWith('ctit/record/'))
  .map(([, v]) => JSON.parse(v).draft));

for (const viewport of TABLETS) {
  const size = `${viewport.width}×${viewport.height}`;

  test(`eight digits typed on a numeric keypad are a date, shown as understood and kept as typed (${size})`, async () => {
    const { context, page } = await openApp(browser, server.url + '#coordinator', { context: { viewport } });
    await newRecord(page, 'S-D1');
    assert.equal(await page.getAttribute('#f-birth_date', 'inputmode'), 'numeric');
    await page.fill('#f-birth_date', '19580315');
    await page.fill('#f-screening_date', '20261125');
    await settled(page);
    assert.equal(await page.textContent('[data-as-read="birth_date"]'), '= 15 March 1958');
    assert.equal(await page.textContent('[data-as-read="screening_date"]'), '= 25 November 2026');
    assert.equal(await page.locator('[data-field="birth_date"] .field-error').count(), 0);
    assert.equal(await page.getAttribute('#f-birth_date', 'aria-invalid'), 'false');
    assert.match(await page.getAttribute('#f-birth_date', 'aria-describedby'), /\br-birth_date\b/);
    // I1 (age) is judged from the date as understood: 68 years on 2026-11-25.
    assert.equal(await page.getAttribute('[data-criterion="I1"]', 'data-status'), 'pass');
    // What was typed is what is kept, across a reload.
    const [d] = await stored(page);
    assert.equal(d.inputs.birth_date, '19580315');
    assert.equal(d.screening_date, '20261125');
    await page.reload();
    await page.locator('tr[data-record]', { hasText: 'S-D1' }).getByRole('button').first().click();
    await page.waitForSelector('.record [data-outcome]');
    assert.equal(await page.inputValue('#f-birth_date'), '19580315');
    assert.equal(await page.textContent('[data-as-read="birth_date"]'), '= 15 March 1958');
    await context.close();
  });

  test(`a date from a Chinese input method is understood, and shown in Chinese (${size})`, async () => {
    const { context, page } = await openApp(browser, server.url + '#coordinator', { context: { viewport } });
    await newRecord(page, 'S-D2');
    await toChinese(page);
    await page.fill('#f-birth_date', '１９５８－０３－１５');
    await page.fill('#f-last_chemo_date', '2026年11月1日');
    await settled(page);
    assert.equal(await page.textContent('[data-as-read="birth_date"]'), '= 1958年3月15日');
    assert.equal(await page.textContent('[data-as-read="last_chemo_date"]'), '= 2026年11月1日');
    assert.equal(await page.locator('[data-field="birth_date"] .field-error').count(), 0);
    assert.equal(await page.inputValue('#f-birth_date'), '１９５８－０３－１５');
    for (const typed of ['1958/3/15', '1958.03.15', '1958 03 15']) {
      await page.fill('#f-birth_date', typed);
      await settled(page);
      assert.equal(await page.textContent('[data-as-read="birth_date"]'), '= 1958年3月15日', typed);
    }
    await context.close();
  });

  test(`a date that reads two ways is never guessed: the field says to type the year first (${size})`, async () => {
    const { context, page } = await openApp(browser, server.url + '#coordinator', { context: { viewport } });
    await newRecord(page, 'S-D3');
    for (const typed of ['15.03.1958', '03/15/1958', '580315']) {
      await page.fill('#f-birth_date', typed);
      await settled(page);
      assert.match(await page.textContent('[data-as-read="birth_date"]'), /type the year first, in four digits/, typed);
      assert.equal(await page.locator('[data-field="birth_date"] .field-error').count(), 1, typed);
      assert.equal(await page.getAttribute('[data-criterion="I1"]', 'data-status'), 'unknown', typed);
    }
    await toChinese(page);
    assert.match(await page.textContent('[data-as-read="birth_date"]'), /请先写四位数年份/);
    // Half-typed: nothing is read back, the engine's problem says what is wrong.
    await page.fill('#f-birth_date', '1958-03');
    await settled(page);
    assert.equal(await page.textContent('[data-as-read="birth_date"]'), '');
    assert.equal(await page.locator('[data-field="birth_date"] .field-error').count(), 1);
    await context.close();
  });
}

test('exports carry the date as understood, YYYY-MM-DD, and the screening log too', async () => {
  const { context, page } = await openApp(browser, server.url + '#coordinator', { context: { viewport: TABLETS[0] } });
  await newRecord(page, 'S-D4');
  await page.fill('#f-birth_date', '19580315');
  await page.fill('#f-screening_date', '2026 11 25');
  await settled(page);
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
  const record = JSON.parse(fs.readFileSync(await json.path(), 'utf8'));
  assert.equal(record.screening_date, '2026-11-25');
  assert.equal(record.answers.birth_date, '1958-03-15');
  assert.match(json.suggestedFilename(), /-2026-11-25\.json$/);
  const [fhir] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export FHIR' }).click()]);
  const text = fs.readFileSync(await fhir.path(), 'utf8');
  assert.match(text, /"valueDate":\s*"1958-03-15"/);
  assert.doesNotMatch(text, /19580315/);
  await page.getByRole('button', { name: '← All screenings' }).click();
  const [log] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export screening log (CSV)' }).click()]);
  assert.match(fs.readFileSync(await log.path(), 'utf8'), /S-D4,2026-11-25,/);
  await context.close();
});
