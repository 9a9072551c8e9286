//! Accessibility: axe-core (WCAG 2.1 A and AA rules) reports no violation on
//! any screen of either mode in either language (a long records list drawn
//! in part too), and the layout holds at 320 px wide.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { serveDist, launch, openApp, assertSilent } from './harness.mjs';

const require = createRequire(import.meta.url);
// axe is evaluated through the DevTools protocol, which the page's strict
// Content-Security-Policy does not apply to (a <script> tag would be blocked).
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const casesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../cases');

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); assertSilent(); });

async function audit(page, screen) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    resultTypes: ['violations'],
  }));
  const found = result.violations.map((v) => `${screen}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target}`);
  return found;
}

for (const locale of ['en-US', 'zh-CN']) {
  test(`${locale}: no axe violations on any coordinator screen`, async () => {
    const { context, page } = await openApp(browser, server.url, { context: { locale }, ready: '#home-title' });
    const found = [];
    found.push(...await audit(page, 'home'));
    await page.click('.mode:not(.primary)');
    await page.waitForSelector('#list-title');
    found.push(...await audit(page, 'empty list'));
    for (const file of ['07-chemo-exactly-one-month-ago.json', '14-patient-self-check-answers-only.json', '01-eligible-full-record.json']) {
      await page.locator('.list-head input[type=file]').setInputFiles(path.join(casesDir, file));
      await page.waitForSelector('.record [data-outcome]');
      await page.locator('details').first().evaluate((d) => { d.open = true; });
      found.push(...await audit(page, `record ${file}`));
      await page.click('.record-bar .back');
    }
    found.push(...await audit(page, 'list with records'));
    await page.click('[data-scan]');
    await page.waitForSelector('#scan-title');
    found.push(...await audit(page, 'scan screen'));
    assert.deepEqual(found, []);
    await context.close();
  });

  test(`${locale}: no axe violations on any patient screen`, async () => {
    const { context, page } = await openApp(browser, server.url + '#patient', { context: { locale }, ready: '#p-step-title' });
    const found = [...await audit(page, 'intro')];
    await page.click('.p-nav .primary');
    for (let step = 1; step <= 8; step++) {
      if (await page.locator('[data-patient-result]').count()) break;
      found.push(...await audit(page, `step ${step}`));
      await page.click('.p-nav .primary');
    }
    found.push(...await audit(page, 'result: not finished'));
    // A failing answer, then the result again.
    await page.click('.p-nav button:not(.danger)');
    await page.check('input[name="p-sex"][value="female"]');
    await page.fill('#p-birth_date', '2015-01-01');
    for (let i = 0; i < 8 && !(await page.locator('[data-patient-result]').count()); i++) await page.click('.p-nav .primary');
    found.push(...await audit(page, 'result: not right'));
    await page.click('[data-show-code]');
    await page.waitForSelector('svg.qr');
    found.push(...await audit(page, 'the code to show the study team'));
    assert.deepEqual(found, []);
    await context.close();
  });
}

test('a long records list, drawn in part, has no axe violations in either language', async () => {
  const at = (i) => new Date(Date.UTC(2026, 10, 1) + i * 60000).toISOString();
  const entries = Array.from({ length: 60 }, (_, i) => ({ schema: 2, protocol: 'p', rev: 1, draft: { id: `r${i}`, label: `L-${i}`, created: at(i), updated: at(i), screening_date: '2026-11-25', inputs: {} } }));
  const found = [];
  for (const locale of ['en-US', 'zh-CN']) {
    const { context, page } = await openApp(browser, server.url + '#coordinator', {
      context: { locale },
      beforeLoad: (p) => p.addInitScript((items) => {
        if (localStorage.getItem('ctit/record/r0')) return;
        for (const e of items) localStorage.setItem(`ctit/record/${e.draft.id}`, JSON.stringify(e));
      }, entries),
    });
    await page.waitForSelector('.list-more');
    found.push(...await audit(page, `${locale} long list`));
    await context.close();
  }
  assert.deepEqual(found, []);
});

test('readable at 320 px wide: nothing scrolls sideways', async () => {
  const { context, page } = await openApp(browser, server.url + '#coordinator', { context: { viewport: { width: 320, height: 640 } } });
  await page.locator('.list-head input[type=file]').setInputFiles(path.join(casesDir, '13-one-positive-serology-decides.json'));
  await page.waitForSelector('.record [data-outcome]');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `record screen overflows by ${overflow}px`);
  await page.goto(server.url + '#patient');
  await page.waitForSelector('#p-step-title');
  await page.click('.p-nav .primary');
  const overflow2 = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow2 <= 0, `patient step overflows by ${overflow2}px`);
  await context.close();
});

// Issue 29, items 7, 9 and 10: what a coordinator meets on a ward tablet
// (a date as understood, another record with the same label, the warning
// before the idle lock, the lock screen, the last initials offered after
// "Lock now") has no axe violations, at both tablet sizes, in both languages.
for (const viewport of [{ width: 1024, height: 768 }, { width: 768, height: 1024 }]) {
  test(`the ward tablet's new parts have no axe violations in either language (${viewport.width}×${viewport.height})`, async () => {
    const PASS = 'ward-tablet-1357';
    const { context, page } = await openApp(browser, server.url + '#coordinator', {
      lockOffer: true, initials: false, context: { viewport, locale: 'en-US' }, beforeLoad: async (p) => p.clock.install(),
    });
    await page.fill('#new-passcode', PASS);
    await page.fill('#new-passcode-again', PASS);
    await page.getByRole('button', { name: 'Set passcode' }).first().click();
    await page.waitForSelector('text=records are now stored encrypted');
    await page.getByRole('button', { name: 'New screening' }).click();
    await page.fill('#initials', 'LM');
    await page.locator('[data-initials-form] button[type=submit]').click();
    await page.waitForSelector('.record [data-outcome]');
    await page.fill('#f-label', 'S-001');
    await page.getByRole('button', { name: '← All screenings' }).first().click();
    await page.getByRole('button', { name: 'New screening' }).click();
    await page.waitForSelector('.record [data-outcome]');
    await page.fill('#f-label', 's001');
    await page.fill('#f-birth_date', '19580315');
    await page.waitForSelector('[data-same-label]');
    await page.waitForSelector('[data-as-read="birth_date"]:not(:empty)');
    const found = [];
    for (const lang of ['en', 'zh-CN']) {
      if (lang === 'zh-CN') {
        await page.click('.lang-switch');
        await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
      }
      found.push(...await audit(page, `${lang} record: same label, date as understood`));
      await page.clock.fastForward('04:31');
      await page.waitForSelector('[data-locking-soon]');
      found.push(...await audit(page, `${lang} warning before the idle lock`));
      await page.clock.fastForward('00:40');
      await page.waitForSelector('[data-locked]');
      found.push(...await audit(page, `${lang} lock screen`));
      await page.fill('#unlock-passcode', PASS);
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-initials]');
    }
    // "Lock now" on the list, then a record: the last initials offered.
    await page.getByRole('button', { name: '← 全部筛选记录' }).first().click();
    await page.waitForSelector('#list-title');
    await page.locator('.list-head button', { hasText: '立即锁定' }).click();
    await page.waitForSelector('[data-locked]');
    await page.fill('#unlock-passcode', PASS);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#list-title');
    await page.locator('tr[data-record]').first().getByRole('button').first().click();
    await page.waitForSelector('[data-continue-as]');
    found.push(...await audit(page, 'zh-CN initials offered after "Lock now"'));
    await page.click('.lang-switch');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    found.push(...await audit(page, 'en initials offered after "Lock now"'));
    await context.close();
    assert.deepEqual(found, []);
  });
}
