//! Touch targets, in a real headless Chromium: every control a finger uses
//! is at least 44 × 44 px on the coordinator's screens at both tablet
//! orientations (1024 × 768 and 768 × 1024) and on the patient's phone
//! (360 × 740), in both languages: the start page, the records list (its
//! search box, exports, a row's delete question), the settings (the backup
//! reminder's field, restore's file), a record (its links, the patient's
//! reported answers and their "Confirm", the History panel), the scan
//! screen, and every step of the patient check with its
//! result and code sheet. Each small one is named.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDist, launch, openApp, settled, assertSilent, toSettings, toList } from './harness.mjs';
import { suitable, answerAll, openPatient } from './patient-steps.mjs';

const casesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../cases');

let server, browser, code;
before(async () => {
  server = await serveDist();
  browser = await launch();
  // A patient's code, as a photo the scan screen reads.
  const { context, page } = await openPatient(browser, server);
  await answerAll(page, suitable);
  await page.click('[data-show-code]');
  code = await page.locator('svg.qr').screenshot();
  await context.close();
});
after(async () => { await browser?.close(); await server?.close(); assertSilent(); });

/**
 * Every visible control smaller than 44 × 44 px, named: buttons, links,
 * inputs, selects and summaries; a checkbox, radio or file input inside a
 * label counts with the label's box (the label is what a finger taps).
 */
async function smallTargets(page, where) {
  const small = await page.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll('button, a[href], input, select, summary, textarea')) {
      if (el.type === 'hidden' || !el.checkVisibility({ checkVisibilityCSS: true })) continue;
      const target = (el.tagName === 'INPUT' && el.closest('label')) || el;
      const box = target.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || target.closest('.visually-hidden')) continue;
      if (box.width < 43.5 || box.height < 43.5) {
        const name = (el.getAttribute('aria-label') || target.textContent || el.type || '').replace(/\s+/g, ' ').trim().slice(0, 40);
        const what = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className ? `.${String(el.className).replace(/ /g, '.')}` : ''}`;
        out.push(`${what} “${name}” ${Math.round(box.width)}×${Math.round(box.height)}`);
      }
    }
    return out;
  });
  return [...new Set(small)].map((s) => `${where}: ${s}`);
}

const importCase = async (page, file) => {
  await page.locator('.list-head input[type=file]').setInputFiles(path.join(casesDir, file));
  await page.waitForSelector('.record [data-outcome]');
  await settled(page);
};

for (const [locale, width, height] of [['en-US', 1024, 768], ['zh-CN', 1024, 768], ['en-US', 768, 1024], ['zh-CN', 768, 1024]]) {
  test(`${locale} at ${width} × ${height}: every control on the coordinator's screens is at least 44 × 44 px`, async () => {
    const { context, page } = await openApp(browser, server.url, { context: { locale, viewport: { width, height } }, ready: '#home-title' });
    const found = await smallTargets(page, 'start page');
    await page.locator('.mode').nth(1).click();
    await page.waitForSelector('#list-title');
    // A record: its form, the verdict's links, the History panel open.
    await importCase(page, '13-one-positive-serology-decides.json');
    await page.locator('details.history summary').click();
    found.push(...await smallTargets(page, 'record'));
    // The list with its tools, and a row's delete question.
    await page.locator('.record .back').first().click();
    await importCase(page, '01-eligible-full-record.json');
    await page.locator('.record .back').first().click();
    await page.waitForSelector('#list-search');
    found.push(...await smallTargets(page, 'list'));
    await page.locator('tr[data-record] .danger').first().click();
    await page.waitForSelector('[data-delete-form]');
    found.push(...await smallTargets(page, 'list, deleting'));
    // The settings, with the passcode's forms open.
    await toSettings(page);
    for (const summary of await page.locator('[data-settings] summary').all()) await summary.click();
    found.push(...await smallTargets(page, 'settings'));
    await page.locator('[data-settings] .back').click();
    // The scan screen, then the record it makes: the patient's answers, each with "Confirm".
    await page.click('[data-scan]');
    await page.waitForSelector('#scan-title');
    found.push(...await smallTargets(page, 'scan'));
    await page.setInputFiles('[data-scan-photo]', { name: 'code.png', mimeType: 'image/png', buffer: code });
    await page.waitForSelector('[data-reported]');
    found.push(...await smallTargets(page, 'scanned record'));
    assert.deepEqual(found, []);
    await context.close();
  });
}

for (const locale of ['en-US', 'zh-CN']) {
  test(`${locale} at 360 × 740: every control of the patient check, its result and code sheet is at least 44 × 44 px`, async () => {
    const { context, page } = await openPatient(browser, server, locale, { context: { locale, viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true } });
    const found = await smallTargets(page, 'start');
    let step = 0;
    await answerAll(page, suitable, async (p) => { found.push(...await smallTargets(p, `step ${++step}`)); });
    found.push(...await smallTargets(page, 'result'));
    await page.click('[data-show-code]');
    await page.waitForSelector('svg.qr');
    found.push(...await smallTargets(page, 'code sheet'));
    assert.ok(step >= 3, 'every step was looked at');
    assert.deepEqual(found, []);
    await context.close();
  });
}
