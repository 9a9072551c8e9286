//! What is printed, in a real headless Chromium: every printable screen
//! (the record's summary, with and without its history, and the patient's
//! code sheet) prints its own content after every other screen of the page
//! has been shown (each screen's style sheet stays loaded once fetched, so
//! one screen's print rules must never reach another); the summary of a
//! full record is one A4 page in both languages, and a longer one keeps its
//! signature with the table's last row (the PDF's text read page by page);
//! and the layout a coordinator prints and reads from: in Chinese a lab's
//! ULN input stays beside its label, and on a portrait tablet no date in
//! the list breaks across lines.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDist, launch, openApp, settled, assertSilent, toSettings, toList } from './harness.mjs';
import { suitable, answerAll } from './patient-steps.mjs';
import { pdfPages } from './pdf-text.mjs';
import { execFileSync } from 'node:child_process';

const casesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../cases');
const FULL = '01-eligible-full-record.json';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); assertSilent(); });

/** The text a printed page shows (print media), then back to the screen. */
async function printed(page) {
  await page.emulateMedia({ media: 'print' });
  const text = await page.evaluate(() => document.body.innerText.replace(/\s+/g, ' ').trim());
  await page.emulateMedia({ media: null });
  return text;
}

/** Imports a shared case (the record opens). */
async function importCase(page, file = FULL, label = undefined) {
  const text = fs.readFileSync(path.join(casesDir, file), 'utf8');
  const record = label === undefined ? text : JSON.stringify({ ...JSON.parse(text).record, label });
  await page.locator('.list-head input[type=file]').setInputFiles({ name: file, mimeType: 'application/json', buffer: Buffer.from(record) });
  await page.waitForSelector('.record [data-outcome]');
  await settled(page);
}

/** Follows a link to one of the app's modes (as a bookmark or the browser's back button would). */
async function toMode(page, hash, ready) {
  await page.evaluate((h) => { location.hash = h; }, hash);
  await page.waitForSelector(ready);
}

/** The coordinator's other screens, each shown once: the list, the settings, the scan screen. */
async function visitCoordinatorScreens(page) {
  await toList(page);
  await toSettings(page);
  await toList(page);
  await page.click('[data-scan]');
  await page.waitForSelector('#scan-title');
  await page.click('.scan .back');
  await page.waitForSelector('#list-title');
}

/** The patient's code sheet, from the patient check's result. */
async function showPatientSheet(page) {
  await toMode(page, '#patient', '#p-step-title');
  await answerAll(page, suitable);
  await page.click('[data-show-code]');
  await page.waitForSelector('svg.qr');
}

const SUMMARY = /Screening summary — NCT07063225/;
const SHEET = /My self-check answers for the study team/;

test('the record prints its summary, and its history when asked, after the scan screen, the settings, the list and the patient\'s code sheet were shown', async () => {
  const { context, page } = await openApp(browser, server.url + '#coordinator');
  await importCase(page, FULL, 'S-PRINT');
  await visitCoordinatorScreens(page);
  await showPatientSheet(page);
  await toMode(page, '#coordinator', '#list-title');
  await page.locator('tr[data-record]', { hasText: 'S-PRINT' }).getByRole('button').first().click();
  await page.waitForSelector('.record [data-outcome]');
  const summary = await printed(page);
  assert.ok(summary.length > 500, `the summary is printed (${summary.length} characters): ${summary}`);
  assert.match(summary, SUMMARY);
  assert.match(summary, /S-PRINT/);
  assert.match(summary, /I1 .*E15 /, 'every criterion');
  assert.match(summary, /Signature: _+/);
  assert.doesNotMatch(summary, SHEET, 'nothing of the patient\'s sheet');
  assert.doesNotMatch(summary, /Export JSON|Scan a patient's code/, 'no screen controls');
  await page.getByLabel('Print the history with the summary').check();
  const withHistory = await printed(page);
  assert.match(withHistory, SUMMARY);
  assert.match(withHistory, /History \(\d+\) When Who What/, 'the history\'s table');
  assert.match(withHistory, /Record imported|imported/i);
  await context.close();
});

test('the patient\'s code sheet prints alone, on one page, after the record, its printed summary, the list, the settings and the scan screen were shown', async () => {
  const { context, page } = await openApp(browser, server.url + '#coordinator');
  await importCase(page, FULL, 'S-SHEET');
  await page.getByLabel('Print the history with the summary').check();
  assert.match(await printed(page), SUMMARY);
  await visitCoordinatorScreens(page);
  await showPatientSheet(page);
  const sheet = await printed(page);
  assert.match(sheet, SHEET);
  assert.match(sheet, /1961-04-02/, 'the answers');
  assert.doesNotMatch(sheet, /Screening summary|S-SHEET|Print \/ save as PDF|Show my answers/, 'only the sheet');
  const pages = pdfPages(await page.pdf({ format: 'A4' }));
  assert.equal(pages.length, 1, `one page: ${pages.join('\n---\n')}`);
  await context.close();
});

/**
 * The font families ./dev.sh installs (ensure_fonts): the Latin ones the
 * tests assume, a Noto CJK family and Droid Sans Fallback, as on many
 * Android-derived systems. Each is forced on the whole page in turn.
 */
const FONTS = ['DejaVu Sans', 'Liberation Sans', 'Noto Sans CJK SC', 'Droid Sans Fallback'];

test('the patient\'s code sheet is one A4 page in both languages with each installed font', async () => {
  const installed = execFileSync('fc-list', [':', 'family'], { encoding: 'utf8' });
  for (const font of FONTS) assert.ok(installed.includes(font), `${font} is installed (./dev.sh test installs it)`);
  // The longest sheet: every answer, and the follow-up questions' dates.
  const answers = { ...suitable, had_mi: 'yes', last_mi_date: '2019-03-04', had_radiotherapy: 'yes', last_radiotherapy_date: '2024-01-15' };
  for (const locale of ['en-US', 'zh-CN']) {
    const { context, page } = await openApp(browser, server.url + '#patient', { context: { locale }, ready: '#p-step-title', lockOffer: true });
    await answerAll(page, answers);
    await page.click('[data-show-code]');
    await page.waitForSelector('svg.qr');
    for (const font of FONTS) {
      // (A constructed sheet: the page's Content-Security-Policy allows no <style> of a test's.)
      await page.evaluate((f) => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(`*, *::before, *::after { font-family: "${f}" !important; }`);
        document.adoptedStyleSheets = [sheet];
      }, font);
      const pages = pdfPages(await page.pdf({ format: 'A4' }));
      assert.equal(pages.length, 1, `${locale}, ${font}: one page, not ${pages.length}`);
    }
    await context.close();
  }
});

for (const [locale, signature] of [['en-US', /Signature: _{20}/], ['zh-CN', /_{20}/]]) {
  test(`${locale}: the printed summary of a full record is one A4 page, its signature under the table's last row, with each installed font`, async () => {
    const { context, page } = await openApp(browser, server.url + '#coordinator', { context: { locale } });
    await importCase(page);
    for (const font of [null, ...FONTS]) {
      if (font) {
        await page.evaluate((f) => {
          const sheet = new CSSStyleSheet();
          sheet.replaceSync(`*, *::before, *::after { font-family: "${f}" !important; }`);
          document.adoptedStyleSheets = [sheet];
        }, font);
      }
      const pages = pdfPages(await page.pdf({ format: 'A4' }));
      const which = font ?? 'the default fonts';
      assert.equal(pages.length, 1, `${which}: one page, not ${pages.length}: ${pages.map((p, i) => `\n[page ${i + 1}] ${p.slice(0, 120)}…`).join('')}`);
      // (The PDF's text of a CJK font is in its own glyph ids, which
      // tests/browser/pdf-text.mjs does not map back: one page says it.)
      if (!font || !/CJK|Droid/.test(font)) {
        assert.match(pages[0], /E15 .*_{20}/s, `${which}: the last criterion, then the signature: ${pages[0].slice(-400)}`);
        assert.match(pages[0], signature);
      }
    }
    await context.close();
  });
}

test('a summary longer than its page keeps the signature with the table\'s last row, with or without the history', async () => {
  const { context, page } = await openApp(browser, server.url + '#coordinator');
  await importCase(page);
  const signed = (pages) => pages.find((p) => /Signature: _+/.test(p)) ?? '';
  // A4 with the history after the summary; A5 and A6 make the summary itself span pages.
  for (const format of ['A5', 'A6']) {
    const pages = pdfPages(await page.pdf({ format }));
    assert.ok(pages.length > 1, `${format}: more than a page`);
    assert.match(signed(pages), /E15 .*Signature/s, `${format}: the signature's page holds the last criterion: ${signed(pages)}`);
    assert.equal(pages.at(-1), signed(pages), `${format}: the signature is on the last page`);
  }
  await page.getByLabel('Print the history with the summary').check();
  const pages = pdfPages(await page.pdf({ format: 'A4' }));
  assert.match(signed(pages), /E15 .*Signature/s, `with the history: the signature's page holds the last criterion: ${pages.join('\n---\n')}`);
  await context.close();
});

test('zh-CN: a lab\'s ULN input stays beside its label at every width from a portrait to a landscape tablet', async () => {
  const { context, page } = await openApp(browser, server.url + '#coordinator', { context: { locale: 'zh-CN', viewport: { width: 1024, height: 768 } } });
  await importCase(page);
  const wrapped = [];
  for (let width = 1024; width >= 600; width -= 8) {
    await page.setViewportSize({ width, height: width === 768 ? 1024 : 768 });
    for (const field of ['alt', 'ast']) {
      for (const input of [`f-${field}`, `f-${field}-uln`]) {
        const { box, label } = await page.evaluate((id) => ({
          box: document.getElementById(id).getBoundingClientRect().toJSON(),
          label: document.querySelector(`label[for="${id}"]`).getBoundingClientRect().toJSON(),
        }), input);
        const middle = box.top + box.height / 2;
        const beside = middle > label.top && middle < label.bottom && box.left >= label.right;
        if (!beside) wrapped.push(`${width} px: #${input} is not beside its label`);
      }
    }
  }
  assert.deepEqual(wrapped, []);
  await context.close();
});

for (const locale of ['en-US', 'zh-CN']) {
  test(`${locale}: on a portrait tablet every date in the records list is on one line`, async () => {
    const { context, page } = await openApp(browser, server.url + '#coordinator', { context: { locale, viewport: { width: 768, height: 1024 } } });
    for (let i = 0; i < 3; i++) {
      await importCase(page, FULL, `Ward 3, bed ${i + 12}: candidate ${i} with a long label`);
      await page.locator('.record .back').first().click();
      await page.waitForSelector('#list-title');
    }
    // The screening date and the time last saved.
    const cells = await page.$$eval('tr[data-record] td:nth-child(2), tr[data-record] td:nth-child(5)', (tds) => tds.map((td) => {
      const range = document.createRange();
      range.selectNodeContents(td);
      return { text: td.textContent, lines: new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size };
    }));
    assert.equal(cells.length, 6);
    for (const { text, lines } of cells) assert.equal(lines, 1, `“${text}” on ${lines} lines`);
    await context.close();
  });
}
