//! The idle lock as a coordinator at a ward tablet meets it (issue 29,
//! item 10), in a real headless Chromium at the tablets' two sizes with a
//! controlled clock: a warning 30 s before the lock in every tab, in a
//! polite live region, whose "Stay unlocked" (or any tap) counts as
//! activity for all of them, in both languages; the passcode field focused
//! when the lock screen shows; unlocking returns to the record they had
//! open (not the list), with the same initials (an idle lock is a pause:
//! they are not asked again) and the focus back in the field they were in.
//! A lock made on purpose ("Lock now") ends the session: the last initials
//! are offered as one tap ("Continue as LM", or "Someone else").
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openApp, settled, assertSilent } from './harness.mjs';
import { TABLETS, PASS, setPasscode } from './coordinator-steps.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); assertSilent(); });

async function giveInitials(page, initials) {
  await page.waitForSelector('[data-initials-form]');
  if (await page.locator('[data-continue-as]').isVisible()) {
    await page.getByRole('button', { name: 'Someone else' }).click();
  }
  await page.fill('#initials', initials);
  await page.locator('[data-initials-form] button[type=submit]').click();
}

/** A passcode set, a record opened and typed in as `LM`, the clock controlled. */
async function atWork(viewport) {
  const { context, page } = await openApp(browser, server.url + '#coordinator', {
    lockOffer: true, initials: false, context: { viewport }, beforeLoad: async (p) => p.clock.install(),
  });
  await setPasscode(page);
  await page.getByRole('button', { name: 'New screening' }).click();
  await giveInitials(page, 'LM');
  await page.waitForSelector('.record [data-outcome]');
  await page.fill('#f-label', 'WARD-7');
  // The field they are in when the tablet is put down, far down the form.
  await page.fill('#f-qtc_ms', '43');
  await settled(page);
  return { context, page };
}

const focusedId = (page) => page.evaluate(() => document.activeElement?.id ?? '');

for (const viewport of TABLETS) {
  const size = `${viewport.width}×${viewport.height}`;

  test(`a warning comes 30 s before the idle lock, and "Stay unlocked" keeps every tab awake (${size})`, async () => {
    const { context, page: a } = await atWork(viewport);
    // (The clock is the context's: every tab follows it.)
    const b = await context.newPage();
    await b.goto(server.url + '#coordinator');
    // Handed the key by the unlocked tab.
    await b.waitForSelector('#list-title');
    await a.clock.fastForward('04:00');
    assert.equal(await a.locator('[data-locking-soon]').count(), 0, 'no warning 1 minute before');
    await a.clock.fastForward('00:31');
    for (const page of [a, b]) {
      const warning = page.locator('[data-locking-soon]');
      await warning.waitFor();
      // Said politely, from a live region that was there before it.
      const live = page.locator('[data-idle-live]');
      assert.equal(await live.getAttribute('role'), 'status');
      assert.equal(await live.getAttribute('aria-live'), 'polite');
      assert.equal(await live.locator('[data-locking-soon]').count(), 1);
      assert.match(await warning.textContent(), /^This app locks in (30|29) seconds unless it is used: tap anywhere, or “Stay unlocked”\./);
      assert.ok(await warning.isVisible());
    }
    // The warning is in view wherever the record is scrolled.
    await a.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const box = await a.locator('[data-locking-soon]').boundingBox();
    assert.ok(box.y >= 0 && box.y + box.height <= viewport.height, JSON.stringify(box));
    await a.getByRole('button', { name: 'Stay unlocked' }).click();
    await a.waitForSelector('[data-locking-soon]', { state: 'detached' });
    // The other tab hears of it and its warning goes too.
    await b.waitForSelector('[data-locking-soon]', { state: 'detached', timeout: 5000 });
    await a.clock.fastForward('00:40');
    assert.equal(await a.locator('[data-locked]').count(), 0, 'still unlocked after the idle time had run');
    assert.equal(await b.locator('[data-locked]').count(), 0);
    await context.close();
  });

  test(`after the idle lock the passcode field is focused, and unlocking returns to the record, the same initials and the field they were in (${size})`, async () => {
    const { context, page } = await atWork(viewport);
    await page.focus('#f-qtc_ms');
    await page.clock.fastForward('05:10');
    await page.waitForSelector('[data-locked]');
    await page.waitForFunction(() => document.activeElement?.id === 'unlock-passcode');
    await page.keyboard.type(PASS);
    await page.keyboard.press('Enter');
    // The record they had open, not the list.
    await page.waitForSelector('#f-label');
    assert.equal(await page.inputValue('#f-label'), 'WARD-7');
    assert.equal(await page.locator('#list-title').count(), 0);
    // Their session goes on: the initials are not asked again.
    await page.waitForSelector('[data-initials]');
    assert.match(await page.textContent('[data-initials]'), /Screener: LM/);
    assert.equal(await page.locator('[data-initials-form]').count(), 0);
    // Back in the field they were in, in view, and it takes typing.
    await page.waitForFunction(() => document.activeElement?.id === 'f-qtc_ms');
    assert.equal(await page.isDisabled('#f-qtc_ms'), false);
    const box = await page.locator('#f-qtc_ms').boundingBox();
    assert.ok(box.y >= 0 && box.y + box.height <= viewport.height, JSON.stringify(box));
    await page.keyboard.press('End');
    await page.keyboard.type('0');
    await settled(page);
    assert.equal(await page.inputValue('#f-qtc_ms'), '430');
    await context.close();
  });
}

for (const viewport of TABLETS) {
  const size = `${viewport.width}×${viewport.height}`;

  test(`"Lock now" in another tab ends the session: back on the record, the last initials are offered as one tap, and "Someone else" asks for others (${size})`, async () => {
    const { context, page } = await atWork(viewport);
    await page.focus('#f-qtc_ms');
    const other = await context.newPage();
    await other.goto(server.url + '#coordinator');
    await other.waitForSelector('#list-title');
    await other.getByRole('button', { name: 'Lock now' }).click();
    await page.waitForSelector('[data-locked]');
    await page.waitForFunction(() => document.activeElement?.id === 'unlock-passcode');
    await page.keyboard.type(PASS);
    await page.keyboard.press('Enter');
    // The record they had open; the initials are asked (the tablet may have
    // been handed on), the last ones offered and focused, never taken
    // without the tap.
    const offer = page.locator('[data-continue-as]');
    await offer.waitFor();
    assert.equal(await page.inputValue('#f-label'), 'WARD-7');
    assert.equal(await offer.textContent(), 'Continue as LM');
    await page.waitForFunction(() => document.activeElement?.hasAttribute('data-continue-as'));
    assert.equal(await page.locator('[data-initials]').count(), 0);
    assert.equal(await page.isDisabled('#f-qtc_ms'), true);
    await page.getByRole('button', { name: 'Someone else' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'initials');
    assert.equal(await page.inputValue('#initials'), '', 'not filled in with the last ones');
    await page.keyboard.type('jw');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-initials]');
    assert.match(await page.textContent('[data-initials]'), /Screener: JW/);
    // Then back in the field they were in.
    await page.waitForFunction(() => document.activeElement?.id === 'f-qtc_ms');
    assert.equal(await page.isDisabled('#f-rhtpo_days'), false);
    await context.close();
  });

  test(`the warning and the unlock in Chinese; a new record never stored is there again after unlocking, still not stored (${size})`, async () => {
    const { context, page } = await openApp(browser, server.url + '#coordinator', {
      lockOffer: true, initials: false, context: { viewport }, beforeLoad: async (p) => p.clock.install(),
    });
    await setPasscode(page);
    await page.click('.lang-switch');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    await page.getByRole('button', { name: '新建筛选' }).click();
    await page.waitForSelector('[data-initials-form]');
    await page.fill('#initials', 'LM');
    await page.locator('[data-initials-form] button[type=submit]').click();
    await page.waitForSelector('.record [data-outcome]');
    const records = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('ctit/record/')).length);
    assert.equal(await records(), 0);
    await page.clock.fastForward('04:31');
    const warning = page.locator('[data-locking-soon]');
    await warning.waitFor();
    assert.match(await warning.textContent(), /^本应用将在 (30|29) 秒后锁定，除非继续使用：轻触任意位置，或点击“保持解锁”。/);
    assert.ok(await page.getByRole('button', { name: '保持解锁' }).isVisible());
    await page.clock.fastForward('00:40');
    await page.waitForSelector('[data-locked]');
    await page.waitForFunction(() => document.activeElement?.id === 'unlock-passcode');
    await page.keyboard.type(PASS);
    await page.keyboard.press('Enter');
    // The same new record, still only on screen, and the same screener.
    await page.waitForSelector('[data-initials]');
    assert.match(await page.textContent('[data-initials]'), /筛选人：LM/);
    assert.equal(await page.locator('[data-initials-form]').count(), 0);
    assert.equal(await page.locator('#f-label').count(), 1);
    assert.equal(await records(), 0);
    await page.fill('#f-label', 'WARD-8');
    await settled(page);
    assert.equal(await records(), 1);
    await context.close();
  });
}
