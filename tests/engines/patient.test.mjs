// WebKit and Firefox: the patient check to its result and its code in
// English and Chinese, then the study team reading that code from a photo
// (no BarcodeDetector in these engines: the app's Rust reader), and the
// camera's promised fallback where there is no camera. One session per engine.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import QRCode from 'qrcode';
import { serveDist } from '../browser/harness.mjs';
import { ENGINES, startSession } from './webdriver.mjs';
import { openApp, answerAll, suitable, records, initialsThen } from './flows.mjs';

for (const engine of ENGINES) {
  describe(engine, () => {
    let server, s;
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `ctit-${engine}-patient-`));
    const codes = {};
    before(async () => { server = await serveDist(); s = await startSession(engine); });
    after(async () => { await s?.close(); await server?.close(); fs.rmSync(tmp, { recursive: true, force: true }); });

    for (const [lang, words] of [
      ['en', { may: /You may be able to take part/, team: /blood tests for HIV/, warning: /Anyone who scans this code/ }],
      ['zh', { may: /您也许可以参加/, team: /乙肝/, warning: /任何人用任何手机应用/ }],
    ]) {
      test(`${lang}: the patient check reaches its result and shows its code`, async () => {
        await openApp(s, server.url, '#patient', { lockOffer: true, ready: '#p-step-title' });
        const now = await s.run(() => document.documentElement.lang);
        if (!now.startsWith(lang)) {
          await s.click('.lang-switch');
          await s.waitFor(`the page in ${lang}`, (l) => document.documentElement.lang.startsWith(l), [lang]);
        }
        await answerAll(s, suitable);
        assert.equal(await s.run(() => document.querySelector('[data-patient-result]').dataset.patientResult), 'may_take_part');
        const text = await s.text('[data-patient-result]');
        assert.match(text, words.may);
        assert.match(text, words.team);
        await s.click('[data-show-code]');
        await s.waitForSelector('svg.qr');
        const code = await s.run(() => document.querySelector('svg.qr').getAttribute('data-code'));
        assert.match(code, /^NCT07063225:1:[0-9A-Z $%*+\-./:]+$/);
        assert.match(await s.text('[data-code-warning]'), words.warning);
        codes[lang] = code;
        // Nothing the patient answered is stored unless asked for.
        assert.deepEqual(await s.run(() => Object.keys(localStorage).filter((k) => !['ctit/settings/lang', 'ctit/journal/seq'].includes(k))), [], 'only the language (and the journal counter of that write)');
      });
    }

    test('the same answers give the same code in either language', () => {
      assert.equal(codes.zh, codes.en);
    });

    test('the code read from a photo opens a new record with the patient\'s answers marked (the Rust reader)', async () => {
      await openApp(s, server.url);
      await s.run(() => { localStorage.setItem('ctit/settings/lang', 'en'); });
      await s.reload();
      await s.waitForSelector('[data-scan]');
      // These engines have no BarcodeDetector: the app reads the code itself.
      assert.equal(await s.run(() => typeof BarcodeDetector), 'undefined');
      await s.click('[data-scan]');
      await s.waitForSelector('#scan-title');
      const photo = path.join(tmp, 'code.png');
      fs.writeFileSync(photo, await QRCode.toBuffer(codes.en, { errorCorrectionLevel: 'M', margin: 4, scale: 6 }));
      await s.upload('[data-scan-photo]', photo);
      await initialsThen(s, '[data-reported-banner]');
      assert.equal(await s.value('#f-birth_date'), '1961-04-02');
      assert.equal(await s.value('#f-platelet_count'), '21');
      const marked = await s.run(() => document.querySelectorAll('[data-reported]').length);
      assert.equal(marked, Object.keys(suitable).length, 'every answer is marked');
      assert.equal(Object.keys(await records(s)).length, 1);
    });

    test('without a camera, the scan screen says so and points to a photo; nothing is created', async () => {
      await s.clickButton('← All screenings');
      await s.waitForSelector('#list-title');
      const before = Object.keys(await records(s)).length;
      await s.click('[data-scan]');
      await s.waitForSelector('#scan-title');
      await s.click('[data-scan-camera]');
      const status = await s.waitForText('[data-scan-status]', /The camera could not be used/);
      assert.match(status, /From a photo/);
      assert.equal(await s.run(() => [...document.querySelectorAll('video')].some((v) => v.getClientRects().length > 0)), false);
      assert.ok(await s.run(() => document.querySelector('[data-scan-camera]')?.getClientRects().length > 0), 'the camera can be tried again');
      assert.equal(Object.keys(await records(s)).length, before);
    });
  });
}
