// WebKit and Firefox: a coordinator's record with its verdicts following the
// typing, kept across a reload; what the settings say about the browser
// keeping the site's storage (storage.persist() missing in WebKitGTK);
// an offline reload served by the service worker; backup, wipe and
// restore. One session per engine, its steps in order.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveDist } from '../browser/harness.mjs';
import { ENGINES, startSession } from './webdriver.mjs';
import { openApp, newRecord, statuses, records, initialsThen } from './flows.mjs';

const LABEL = 'SCR-0042';
const PASSWORD = 'carry this file';

for (const engine of ENGINES) {
  describe(engine, () => {
    let server, s;
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `ctit-${engine}-coord-`));
    before(async () => { server = await serveDist(); s = await startSession(engine); });
    after(async () => { await s?.close(); await server?.close(); fs.rmSync(tmp, { recursive: true, force: true }); });

    test('a new record\'s verdicts follow the typing, half-typed input included', async () => {
      await openApp(s, server.url);
      await newRecord(s);
      await s.type('#f-label', LABEL);
      await s.type('#f-birth_date', '1961-04');         // half-typed: invalid for now
      await s.settled();
      await s.waitForText('[data-field="birth_date"]', /Date of birth: not a real date/);
      assert.equal((await statuses(s)).I1, 'unknown');
      await s.type('#f-birth_date', '-02', { clear: false });
      await s.waitFor('I1 to pass once the date is whole', () => document.querySelector('[data-criterion="I1"]')?.dataset.status === 'pass');
      await s.click('#f-sex');                            // Female
      await s.type('#f-rhtpo_days', '21');
      await s.click('#f-diabetes');                       // Yes: fails E-criterion on diabetes
      await s.waitFor('the outcome to be "not eligible"', () => document.querySelector('.record [data-outcome]')?.dataset.outcome === 'not_eligible');
      await s.click('#f-diabetes-1');                     // No
      await s.waitFor('the outcome to leave "not eligible"', () => document.querySelector('.record [data-outcome]')?.dataset.outcome !== 'not_eligible');
      await s.type('#f-qtc_ms', '46');                    // half-typed number
      await s.settled();
      await s.waitForText('[data-field="qtc_ms"]', /QTc: must be from 250 to 800/);
    });

    test('a reload keeps the record exactly as typed', async () => {
      await s.reload();
      await s.waitForSelector('#list-title');
      await s.clickButton(LABEL);
      await s.waitForSelector('.record [data-outcome]');
      assert.equal(await s.value('#f-label'), LABEL);
      assert.equal(await s.value('#f-birth_date'), '1961-04-02');
      assert.equal(await s.run(() => document.querySelector('#f-sex').checked), true);
      assert.equal(await s.value('#f-rhtpo_days'), '21');
      assert.equal(await s.run(() => document.querySelector('#f-diabetes-1').checked), true);
      assert.equal(await s.value('#f-qtc_ms'), '46');
      assert.equal((await statuses(s)).I1, 'pass');
    });

    test('the settings say whether the browser keeps the site\'s storage, with the advice for Safari', async () => {
      await s.clickButton('← All screenings');
      await s.click('[data-open-settings]');
      await s.waitForSelector('[data-settings] [data-storage-use]');
      const api = await s.run(() => typeof navigator.storage?.persisted === 'function');
      // WebKitGTK has no persisted()/persist(): the app says it cannot tell;
      // Firefox answers (and headless, has not granted it).
      const line = await s.waitForText('[data-storage-use]', api ? /browser (has agreed to keep|may clear)/ : /does not say whether it keeps/);
      assert.match(line, /KB|%/);
      assert.match(await s.text('[data-settings]'), /add the app to the home screen so Safari keeps its storage/);
      await s.click('.lang-switch');
      await s.waitForText('[data-storage-use]', api ? /浏览器(已同意保留|可能清除)/ : /未说明是否保留/);
      assert.match(await s.text('[data-settings]'), /添加到主屏幕，以便 Safari 保留其存储/);
      await s.click('.lang-switch');
      await s.waitFor('English again', () => document.documentElement.lang.startsWith('en'));
    });

    test('with the server gone, a reload is served by the service worker and the record opens', async () => {
      await s.waitFor('the service worker to control the page', () => !!navigator.serviceWorker?.controller);
      const port = new URL(server.url).port;
      await server.close();
      await s.reload();
      // (The reload was of the settings screen.)
      await s.waitForSelector('[data-settings] [data-backup]');
      // The service worker's warm page, whose first script fetched and
      // compiled the module (web/warm-start.js) in this engine too.
      assert.deepEqual(await s.run(async () => [
        document.querySelector('#app-wasm')?.dataset.file?.slice(0, 6) ?? null,
        // (Not instanceof: Firefox runs this in a compartment of its own.)
        Object.prototype.toString.call(await self.ctitModule),
      ]), ['./app-', '[object WebAssembly.Module]']);
      await s.goto(`http://127.0.0.1:${port}/#coordinator`);
      await s.waitForSelector('#list-title');
      await s.clickButton(LABEL);
      await s.waitForSelector('.record [data-outcome]');
      assert.equal(await s.value('#f-birth_date'), '1961-04-02');
      server = await serveDist(undefined, { port: Number(port) });
    });

    test('backup, wipe and restore give the record back as it was', async () => {
      const before = await records(s);
      assert.equal(Object.keys(before).length, 1);
      await s.clickButton('← All screenings');
      await s.click('[data-open-settings]');
      await s.waitForSelector('[data-settings] [data-backup]');
      // The file the app offers (a blob behind a download link) is read in
      // the page: downloads are the browser's, not the app's, business.
      await s.run(() => {
        window.__blobs = [];
        const make = URL.createObjectURL;
        URL.createObjectURL = (b) => { window.__blobs.push(b); return make.call(URL, b); };
      });
      await s.type('#backup-password', PASSWORD);
      await s.type('#backup-password-again', PASSWORD);
      await s.clickButton('Back up all records', '[data-backup]');
      await s.waitForText('[data-settings]', /Backup file written: 1 records?/);
      const text = await s.run(() => window.__blobs.at(-1).text());
      assert.match(text, /^\{"format":"ctit-backup","version":1,/);
      assert.doesNotMatch(text, /SCR-0042|"draft"/);
      const file = path.join(tmp, 'backup.json');
      fs.writeFileSync(file, text);

      await s.clickButton('Wipe this device');
      await s.clickButton('Yes, wipe everything');
      await s.waitFor('every record gone', () => !Object.keys(localStorage).some((k) => k.startsWith('ctit/record/')));
      await s.waitForSelector('main#main h2');
      if (!await s.run(() => !!document.querySelector('[data-settings]'))) {
        await s.goto(server.url + '#settings');
      }
      await s.waitForSelector('[data-settings] #restore-file', { visible: false });
      await s.upload('#restore-file', file);
      await s.type('#restore-password', PASSWORD);
      await s.clickButton('Restore');
      await initialsThen(s, '[data-result=restore]');
      const result = await s.waitForText('[data-result=restore]', /added/);
      assert.match(result, /1 added, 0 already here/);
      const after = await records(s);
      assert.deepEqual(Object.keys(after), Object.keys(before));
      for (const [key, value] of Object.entries(after)) {
        const { draft: { history, ...rest }, ...entry } = JSON.parse(value);
        const { draft: { history: was, ...restWas }, ...entryWas } = JSON.parse(before[key]);
        assert.deepEqual({ ...entry, draft: rest }, { ...entryWas, draft: restWas });
        assert.ok(history.startsWith(was) && /\|restored\n$/.test(history), 'one "restored" entry more');
      }
    });
  });
}
