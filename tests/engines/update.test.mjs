//! WebKit and Firefox: a new version of the app taken in one window while
//! another still runs the old one (web/sw.js, web/sw-register.js). The
//! window left behind opens, with the server gone, a screen whose files
//! the new build no longer has (the old build's cache answers), and the
//! old cache goes once no window runs the old version; the offer never
//! shows on the patient's screen. One session per engine, on a copy of
//! the build of its own.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveDist, root, putNewVersion, versionCaches } from '../browser/harness.mjs';
import { ENGINES, startSession } from './webdriver.mjs';
import { openApp } from './flows.mjs';


for (const engine of ENGINES) {
  describe(engine, () => {
    let site, s;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `ctit-${engine}-update-`));
    before(async () => {
      fs.cpSync(root, dir, { recursive: true });
      site = await serveDist(dir);
      s = await startSession(engine);
    });
    after(async () => { await s?.close(); await site?.close(); fs.rmSync(dir, { recursive: true, force: true }); });

    test('a window left on the old version, once another has taken the new one, opens the patient check with the server gone; the old files go when it reloads', async () => {
      await openApp(s, site.url, '#coordinator', { ready: '#list-title' });
      await s.waitFor('the service worker to control the page', () => !!navigator.serviceWorker?.controller);
      const left = await s.window();
      await s.newWindow();
      await s.goto(site.url + '#coordinator');
      await s.waitForSelector('#list-title');
      await s.waitFor('the service worker to control the page', () => !!navigator.serviceWorker?.controller);
      // The new build has no patient check under the old one's file names.
      putNewVersion(dir, { gone: /^split_patient-[0-9a-f]+\.wasm$/ });
      await s.run(async () => { await (await navigator.serviceWorker.getRegistration()).update(); });
      await s.waitForSelector('#update-banner');
      await s.run(() => { window.__wdOld = true; });
      await s.click('#update-banner button');
      await s.waitFor('the page reloaded into the new version', () => !window.__wdOld && !!document.querySelector('#list-title'));
      await s.switchTo(left);
      await s.waitFor('the new version active', () => navigator.serviceWorker.getRegistration().then((r) => !r.waiting && !!r.active));
      const port = new URL(site.url).port;
      await site.close();
      site = null;
      await s.run(() => { location.hash = '#patient'; });
      await s.waitForSelector('#p-step-title, [data-unavailable]');
      assert.equal(await s.run(() => !!document.querySelector('[data-unavailable]')), false, 'the patient check could not be loaded');
      // This window is offered the new version too, but never on the patient's screen.
      assert.deepEqual(await s.run(() => { const b = document.getElementById('update-banner'); return [!!b, !!b && b.getClientRects().length > 0]; }), [true, false], 'offered, and not shown to the patient');
      assert.equal((await s.run(versionCaches, `http://127.0.0.1:${port}/`)).length, 2, 'the old version is kept while a window runs it');
      await s.run(() => { location.hash = '#coordinator'; });
      await s.waitForSelector('#list-title');
      await s.reload();
      await s.waitForSelector('#list-title');
      await s.waitFor('only the new version kept', `(scope) => (${versionCaches})(scope).then((names) => names.length === 1)`,
        [`http://127.0.0.1:${port}/`], 30000);
    });
  });
}
