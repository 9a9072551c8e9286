// Firefox: typing survives the browser being killed (SIGKILL of every
// Firefox process, 200 ms after the last keystroke) and restarted on the
// same profile: the typing journal (web/journal.js) in Firefox's IndexedDB.
// (WebKit: MiniBrowser under WebDriver keeps its data in memory only and
// ends the session when a page's process dies, so there is no restart to
// look at; README's Tests section says so.)
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveDist } from '../browser/harness.mjs';
import { ENGINES, startSession, ended } from './webdriver.mjs';
import { openApp, newRecord, initialsThen } from './flows.mjs';

for (const engine of ENGINES.filter((e) => e === 'firefox')) {
  describe(engine, () => {
    let server;
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), `ctit-${engine}-crash-`));
    before(async () => { server = await serveDist(); });
    after(async () => { await server?.close(); fs.rmSync(profile, { recursive: true, force: true }); });

    test('a browser killed 200 ms after the last keystroke shows that keystroke on restart', async () => {
      const text = 'Kept200X';
      const first = await startSession(engine, { profile });
      try {
        await openApp(first, server.url);
        await newRecord(first);
        await first.type('#f-label', text);
        await first.settled();
        assert.ok(await first.run((t) => Object.values(localStorage).some((v) => v.includes(t)), text), 'the page saved it');
        await new Promise((r) => setTimeout(r, 200));
        const pids = first.browserPids();
        assert.ok(pids.length > 0);
        first.killBrowser();
        for (let i = 0; i < 50 && !pids.every(ended); i++) await new Promise((r) => setTimeout(r, 100));
        assert.deepEqual(pids.filter((p) => !ended(p)), [], 'every process of the browser ended');
      } finally {
        await first.close();
      }
      const again = await startSession(engine, { profile });
      try {
        await again.goto(server.url + '#coordinator');
        await again.waitForSelector('#list-title');
        await again.waitForText('main#main', new RegExp(text));
        await again.clickButton(text);
        await initialsThen(again, '#f-label');
        assert.equal(await again.value('#f-label'), text);
      } finally {
        await again.close();
      }
    });
  });
}
