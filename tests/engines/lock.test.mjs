// WebKit and Firefox: a passcode set through the offer above the list (the
// key derived in its worker), a record typed under it stored sealed, "Lock
// now" hiding every record, a wrong passcode refused, the right one
// unlocking. One session per engine.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist } from '../browser/harness.mjs';
import { ENGINES, startSession } from './webdriver.mjs';
import { openApp, newRecord } from './flows.mjs';

const PASS = 'tablet-2468';
const LABEL = 'LOCKED-7';

for (const engine of ENGINES) {
  describe(engine, () => {
    let server, s;
    before(async () => { server = await serveDist(); s = await startSession(engine); });
    after(async () => { await s?.close(); await server?.close(); });

    test('a passcode set from the offer seals what is typed after it', async () => {
      await openApp(s, server.url, '#coordinator', { lockOffer: true });
      await s.waitForSelector('[data-lock-offer]');
      await s.type('#new-passcode', PASS);
      await s.type('#new-passcode-again', PASS);
      await s.clickButton('Set passcode');
      await s.waitForText('main#main', /records are now stored encrypted/, 90000);
      await newRecord(s);
      await s.type('#f-label', LABEL);
      await s.settled();
      await s.waitFor('the record stored', () => Object.keys(localStorage).some((k) => k.startsWith('ctit/record/')));
      assert.doesNotMatch(await s.run(() => JSON.stringify(Object.entries(localStorage))), new RegExp(LABEL));
    });

    test('"Lock now" hides every record; a wrong passcode is refused, the right one unlocks', async () => {
      await s.clickButton('← All screenings');
      await s.waitForText('#list-title', /./);
      assert.match(await s.text('main#main'), new RegExp(LABEL));
      await s.clickButton('Lock now');
      await s.waitForSelector('[data-locked]');
      assert.doesNotMatch(await s.run(() => document.body.textContent), new RegExp(LABEL));
      await s.type('#unlock-passcode', 'wrong-one-1');
      await s.clickButton('Unlock');
      await s.waitForText('main#main', /Wrong passcode\./, 90000);
      await s.type('#unlock-passcode', PASS);
      await s.clickButton('Unlock');
      await s.waitFor('the list unlocked', () => !document.querySelector('[data-locked]') && !!document.querySelector('#list-title'), [], 90000);
      assert.match(await s.text('main#main'), new RegExp(LABEL));
    });

    test('a reload starts locked and unlocks with the passcode', async () => {
      await s.reload();
      await s.waitForSelector('[data-locked]');
      await s.type('#unlock-passcode', PASS);
      await s.clickButton('Unlock');
      await s.waitFor('the list unlocked', () => !document.querySelector('[data-locked]') && !!document.querySelector('#list-title'), [], 90000);
      assert.match(await s.text('main#main'), new RegExp(LABEL));
    });
  });
}
