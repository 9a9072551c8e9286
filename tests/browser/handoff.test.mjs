//! The patient → study team handoff in the browser: the patient's code on
//! all three results in both languages, its printed page, scanning it with
//! a (fake) camera and from a photo into a new record whose answers are
//! marked as the patient's, the refused codes, and the site's own words
//! (site.json present, absent, broken, changed, offline). Headless Chromium
//! on Linux has no BarcodeDetector, so every read here is the app's Rust
//! decoder.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import QRCode from 'qrcode';
import { serveDist, launch, openApp, settled, assertSilent, controlled } from './harness.mjs';
import { suitable, answerAll, openPatient } from './patient-steps.mjs';
import { writeCodeVideo } from './camera.mjs';

let server, browser;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ctit-handoff-'));
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => {
  await browser?.close(); await server?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
  assertSilent();
});

/** The code a patient with `answers` shows: { text, png, modules }. */
async function patientCode(answers, locale = 'en-US') {
  const { context, page } = await openPatient(browser, server, locale);
  await answerAll(page, answers);
  await page.click('[data-show-code]');
  const svg = page.locator('svg.qr');
  await svg.waitFor();
  const text = await svg.getAttribute('data-code');
  const png = await svg.screenshot();
  const modules = await svg.evaluate((el) => ({ side: el.viewBox.baseVal.width, path: el.querySelector('path').getAttribute('d') }));
  await context.close();
  return { text, png, modules };
}

/** A QR code's picture (PNG) made by another encoder (npm `qrcode`). */
const pictureOf = (text) => QRCode.toBuffer(text, { errorCorrectionLevel: 'M', margin: 4, scale: 6 });

/** A fake camera's video of a code drawn as the app's SVG path (`M x y h n …`, 4-module quiet zone). */
function videoOf({ side, path: d }, file) {
  const dark = new Set();
  for (const run of d.matchAll(/M(\d+) (\d+)h(\d+)/g)) {
    const [mx, my, n] = run.slice(1).map(Number);
    for (let i = 0; i < n; i++) dark.add(`${mx - 4 + i},${my - 4}`);
  }
  writeCodeVideo(file, side - 8, (x, y) => dark.has(`${x},${y}`));
}

async function recordKeys(page) {
  return page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('ctit/record/')));
}

/** The coordinator's scan screen in a fresh context of `on`. */
async function scanScreen(on = browser, locale = 'en-US', beforeLoad = undefined) {
  const { context, page } = await openApp(on, server.url + '#coordinator', { context: { locale }, beforeLoad });
  await page.click('[data-scan]');
  await page.waitForSelector('#scan-title');
  return { context, page };
}

for (const [locale, warning, show] of [
  ['en-US', /Anyone who scans this code, with any phone app \(WeChat's scanner too\), can read every answer in it/, 'Show my answers to the study team'],
  ['zh-CN', /任何人用任何手机应用（包括微信“扫一扫”）扫描此二维码，都能读到其中的全部回答/, '把我的回答出示给研究团队'],
]) {
  test(`${locale}: every patient result offers the code, with the plain warning beside it`, async () => {
    for (const [answers, result] of [
      [{ ...suitable, diabetes: 'yes' }, 'not_right'],
      [{ ...suitable, diabetes: undefined }, 'not_finished'],
      [suitable, 'may_take_part'],
    ]) {
      const { context, page } = await openPatient(browser, server, locale);
      await answerAll(page, answers);
      assert.equal(await page.getAttribute('[data-patient-result]', 'data-patient-result'), result);
      await page.getByRole('button', { name: show }).click();
      const text = await page.getAttribute('svg.qr', 'data-code');
      assert.match(text, /^NCT07063225:1:[0-9A-Z $%*+\-./:]+$/, 'trial, version, then Base45 only');
      assert.ok(Number(await page.getAttribute('svg.qr', 'data-version')) <= 25);
      assert.match(await page.textContent('[data-code-warning]'), warning);
      await context.close();
    }
  });
}

test('the printed page is one page: the code, the answers in the patient\'s language, no buttons or header', async () => {
  const { context, page } = await openPatient(browser, server, 'zh-CN');
  await answerAll(page, suitable);
  await page.click('[data-show-code]');
  await page.waitForSelector('svg.qr');
  await page.emulateMedia({ media: 'print' });
  for (const hidden of ['.app-head', '.p-nav', '[data-show-code]', '.handoff-sheet button']) {
    assert.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} is not printed`);
  }
  assert.ok(await page.locator('svg.qr').isVisible());
  const answers = await page.textContent('.handoff-sheet .answers');
  assert.match(answers, /您的出生日期/, 'questions in Chinese');
  assert.match(answers, /1961-04-02/);
  assert.match(answers, /否/, 'yes/no answers as the patient saw them');
  const pdf = await page.pdf({ format: 'A4' });
  assert.equal((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length, 1, 'one page');
  await context.close();
});

test('a code scanned with the camera creates a new record with the patient\'s answers, each marked until confirmed or changed', async () => {
  const code = await patientCode(suitable);
  const video = path.join(tmp, 'code.y4m');
  videoOf(code.modules, video);
  const camera = await launch(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`]);
  try {
    // Every camera track the page gets, to see that each is stopped.
    const { context, page } = await scanScreen(camera, 'en-US', (p) => p.addInitScript(() => {
      window.__tracks = [];
      const media = navigator.mediaDevices;
      const get = media.getUserMedia.bind(media);
      media.getUserMedia = async (c) => { const s = await get(c); window.__tracks.push(...s.getTracks()); return s; };
    }));
    assert.equal(await page.locator('video').isVisible(), false, 'no camera before the tap');
    await page.click('[data-scan-camera]');
    await page.waitForSelector('[data-reported-banner]', { timeout: 20000 });
    // The code was read: the camera is off (no track live).
    assert.ok(await page.evaluate(() => window.__tracks.length) > 0);
    assert.equal(await page.evaluate(() => window.__tracks.filter((t) => t.readyState === 'live').length), 0, 'camera stopped once the code was read');
    assert.equal(await page.inputValue('#f-birth_date'), '1961-04-02');
    assert.equal(await page.inputValue('#f-platelet_count'), '21');
    const marked = await page.$$eval('[data-reported]', (els) => els.map((e) => e.dataset.reported));
    assert.equal(marked.length, Object.keys(suitable).length, 'every answer is marked');
    // The verdict is the engine's: coordinator-only answers are still missing.
    assert.equal(await page.getAttribute('.record [data-outcome]', 'data-outcome'), 'incomplete');
    // Confirming clears one mark; changing an answer clears its mark too.
    await page.locator('[data-reported="sex"]').getByRole('button', { name: 'Confirm: Sex' }).click();
    await page.fill('#f-rhtpo_days', '22');
    await settled(page);
    const left = await page.$$eval('[data-reported][data-pending="true"]', (els) => els.map((e) => e.dataset.reported));
    assert.ok(!left.includes('sex') && !left.includes('rhtpo_days'));
    assert.equal(left.length, marked.length - 2);
    // The marks are stored with the record.
    await page.reload();
    await page.locator('tr[data-record] button.link').first().click();
    await page.waitForSelector('[data-reported-banner]');
    assert.equal(await page.locator('[data-reported]').count(), marked.length - 2);
    // The camera was stopped when the record opened.
    assert.equal(await page.evaluate(() => document.querySelectorAll('video').length), 0);
    await context.close();
  } finally {
    await camera.close();
  }
});

test('a code read from a photo creates a new record; scanning it again makes a second one, never overwriting', async () => {
  const code = await patientCode({ ...suitable, diabetes: 'yes' });
  const { context, page } = await scanScreen();
  for (const n of [1, 2]) {
    await page.setInputFiles('[data-scan-photo]', { name: 'code.png', mimeType: 'image/png', buffer: code.png });
    await page.waitForSelector('[data-reported-banner]');
    assert.equal(await page.locator('[data-reported="diabetes"]').count(), 1);
    assert.equal((await recordKeys(page)).length, n);
    await page.getByRole('button', { name: '← All screenings' }).click();
    await page.click('[data-scan]');
  }
  await context.close();
});

test('without a camera the scan screen says so and points to a photo; nothing is created', async () => {
  // (This browser has no camera device and no fake one.)
  const { context, page } = await scanScreen();
  await page.click('[data-scan-camera]');
  await page.waitForFunction(() => /The camera could not be used/.test(document.querySelector('[data-scan-status]')?.textContent ?? ''));
  assert.match(await page.textContent('[data-scan-status]'), /From a photo/);
  assert.equal(await page.locator('video').isVisible(), false);
  assert.ok(await page.locator('[data-scan-camera]').isVisible(), 'the camera can be tried again');
  assert.deepEqual(await recordKeys(page), []);
  await context.close();
});

test('where the browser has BarcodeDetector, its reading is used (the Rust decoder is not asked)', async () => {
  const { text } = await patientCode(suitable);
  const { context, page } = await openApp(browser, server.url + '#coordinator', {
    beforeLoad: (p) => p.addInitScript((code) => {
      window.__ctitMarks = true; // the app's performance marks: the Rust decoder's would show
      // A stand-in for the detector of Chrome on Android, macOS or ChromeOS.
      globalThis.BarcodeDetector = class {
        constructor(options) { window.__formats = options.formats; }
        async detect() { window.__detected = (window.__detected ?? 0) + 1; return [{ rawValue: code, format: 'qr_code' }]; }
      };
    }, text),
  });
  await page.click('[data-scan]');
  // Any picture: the stand-in "finds" the patient's code in it.
  await page.setInputFiles('[data-scan-photo]', { name: 'p.png', mimeType: 'image/png', buffer: await page.screenshot({ clip: { x: 0, y: 0, width: 40, height: 40 } }) });
  await page.waitForSelector('[data-reported-banner]');
  assert.deepEqual(await page.evaluate(() => window.__formats), ['qr_code']);
  assert.equal(await page.evaluate(() => window.__detected), 1);
  assert.equal(await page.evaluate(() => performance.getEntriesByName('ctit-scan-decode', 'measure').length), 0, 'the Rust decoder did not run');
  assert.equal(await page.inputValue('#f-birth_date'), '1961-04-02');
  await context.close();
});

test('codes of another trial, another version, damaged or not ours are refused, naming why, and create nothing', async () => {
  const { text } = await patientCode(suitable);
  const body = text.slice('NCT07063225:1:'.length);
  const damaged = `NCT07063225:1:${body.slice(0, 10)}${body[10] === 'A' ? 'B' : 'A'}${body.slice(11)}`;
  const { context, page } = await scanScreen();
  for (const [code, message] of [
    [`NCT01234567:1:${body}`, /another trial \(NCT01234567\)/],
    [`NCT07063225:2:${body}`, /another version of the app \(format 2\)/],
    [damaged, /damaged or incomplete/],
    ['https://example.org/', /not a self-check code of this app/],
  ]) {
    await page.setInputFiles('[data-scan-photo]', { name: 'code.png', mimeType: 'image/png', buffer: await pictureOf(code) });
    await page.waitForFunction((re) => new RegExp(re).test(document.querySelector('[data-scan-status]')?.textContent ?? ''), message.source);
    assert.match(await page.textContent('[data-scan-status]'), /Nothing was created/);
    assert.deepEqual(await recordKeys(page), []);
  }
  await page.setInputFiles('[data-scan-photo]', { name: 'blank.png', mimeType: 'image/png', buffer: await page.screenshot({ clip: { x: 0, y: 0, width: 50, height: 50 } }) });
  await page.waitForFunction(() => /No code was found/.test(document.querySelector('[data-scan-status]')?.textContent ?? ''));
  await context.close();
});

test('zh-CN: a refused code is explained in Chinese', async () => {
  const { context, page } = await scanScreen(browser, 'zh-CN');
  await page.setInputFiles('[data-scan-photo]', { name: 'c.png', mimeType: 'image/png', buffer: await pictureOf('NCT01234567:1:AB') });
  await page.waitForFunction(() => /另一项试验/.test(document.querySelector('[data-scan-status]')?.textContent ?? ''));
  await context.close();
});

const SITE = {
  team: { en: 'Clinical Trial Unit, IHBD Hospital', zh: '血液病医院临床试验中心' },
  phone: '+86 22 2390 9000', email: 'trials@example.org',
  hours: { en: 'Mon–Fri 8:00–17:00', zh: '周一至周五 8:00–17:00' },
};

/** The patient result with `site.json` as given (`undefined`: absent); { page, context, warnings }. */
async function resultWithSite(site, locale = 'en-US') {
  if (site === undefined) server.files.delete('/site.json');
  else server.files.set('/site.json', typeof site === 'string' ? site : JSON.stringify(site));
  const { context, page } = await openPatient(browser, server, locale);
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await answerAll(page, suitable);
  return { context, page, warnings };
}

test('site.json present: the result and the printed page name the team and how to reach it, in the patient\'s language', async () => {
  const { context, page } = await resultWithSite(SITE, 'zh-CN');
  await page.waitForSelector('[data-site-next]');
  assert.match(await page.textContent('[data-site-next]'), /血液病医院临床试验中心/);
  assert.match(await page.textContent('[data-site-contact]'), /\+86 22 2390 9000.*trials@example\.org.*周一至周五/s);
  await page.click('[data-show-code]');
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.locator('.handoff-sheet [data-site-contact]').isVisible(), 'on the printed page');
  await context.close();
  server.files.delete('/site.json');
});

test('site.json absent or broken: the generic text stays and the console names the problem', async () => {
  for (const [site, named] of [
    [undefined, /site\.json: not found \(HTTP 404\)/],
    ['{"team": "CTU", "telephone": "1"}', /unknown member "telephone"/],
    ['not json', /site\.json is not JSON/],
  ]) {
    const { context, page, warnings } = await resultWithSite(site);
    await page.waitForFunction(() => /contact the study team at the Institute/.test(document.body.textContent));
    assert.equal(await page.locator('[data-site-next]').count(), 0);
    await settled(page);
    // (site.json is fetched after the result is drawn: on a busy machine its
    // warning can come a moment later.)
    for (let i = 0; i < 50 && !warnings.some((w) => named.test(w)); i++) await page.waitForTimeout(100);
    assert.ok(warnings.some((w) => named.test(w)), `${named}: ${warnings.join(' | ')}`);
    await context.close();
  }
});

test('site.json is picked up when changed, and its last copy serves offline', async () => {
  server.files.set('/site.json', JSON.stringify(SITE));
  const { context, page } = await openPatient(browser, server);
  await controlled(page);
  const teamShown = async () => {
    await page.reload();
    await page.waitForSelector('#p-step-title');
    await answerAll(page, suitable);
    await page.waitForSelector('[data-site-next]');
    return page.textContent('[data-site-next]');
  };
  assert.match(await teamShown(), /Clinical Trial Unit, IHBD Hospital/);
  server.files.set('/site.json', JSON.stringify({ ...SITE, team: 'Haematology Trials Office' }));
  assert.match(await teamShown(), /Haematology Trials Office/, 'the changed file, at the next load');
  await context.setOffline(true);
  assert.match(await teamShown(), /Haematology Trials Office/, 'offline: the last copy');
  await context.close();
  server.files.delete('/site.json');
});
