//! Words a Tianjin patient and coordinator read right (issue 28), in the
//! built app and in both languages: a criterion's status cannot be read
//! backwards; a patient who cannot take part is never given a date to
//! "start", and one given a date gets exactly one, to check again; "I
//! don't know" is an answer on every question, is not a blank, and goes to
//! the study team; the published criteria show the app's Chinese rendering,
//! marked as such.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDist, launch, openApp, settled, assertSilent } from './harness.mjs';
import { suitable, answerAll, DONT_KNOW, openPatient as openPatientOn } from './patient-steps.mjs';

const casesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../cases');

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); assertSilent(); });

const daysAgo = (n) => new Date(Date.now() - n * 86400000).toISOString().slice(0, 10);
const dates = (text) => text.match(/\d{4}-\d{2}-\d{2}/g) ?? [];

/** Opens a shared case on the record screen, in `lang`. */
async function openCase(file, lang) {
  const { context, page } = await openApp(browser, server.url + '#coordinator');
  await page.locator('input[type=file]').first().setInputFiles(path.join(casesDir, file));
  await page.waitForSelector('.record [data-outcome]');
  if (lang === 'zh') {
    await page.click('.lang-switch');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  }
  return { context, page };
}

const statusTexts = (page) => page.$$eval('[data-criterion]', (els) =>
  Object.fromEntries(els.map((e) => [e.dataset.criterion, e.querySelector('.status-text').textContent])));

test('zh: a criterion that does not stand in the way reads 通过, on an exclusion too, never 符合', async () => {
  const { context, page } = await openCase('01-eligible-full-record.json', 'zh');
  const shown = await statusTexts(page);
  assert.equal(shown.E6, '通过', 'E6 thrombotic disease absent');
  assert.equal(shown.I1, '通过');
  for (const [id, word] of Object.entries(shown)) assert.doesNotMatch(word, /符合|不详/, id);
  await context.close();

  const failing = await openCase('05-platelets-exactly-30-fails.json', 'zh');
  assert.equal((await statusTexts(failing.page)).I4, '未通过');
  await failing.context.close();
  const empty = await openCase('15-empty-record.json', 'zh');
  assert.equal((await statusTexts(empty.page)).E6, '待确认');
  await empty.context.close();
});

test('en: the statuses stay pass, fail and unknown', async () => {
  const { context, page } = await openCase('05-platelets-exactly-30-fails.json', 'en');
  const shown = await statusTexts(page);
  assert.equal(shown.I4, 'fail');
  assert.equal(shown.E6, 'pass');
  await context.close();
});

test('zh: each criterion shows the app\'s Chinese rendering under the published English, marked as the app\'s; en shows none', async () => {
  const { context, page } = await openCase('01-eligible-full-record.json', 'zh');
  const e6 = page.locator('[data-criterion="E6"]');
  await e6.locator('summary').click();
  assert.match(await e6.locator('blockquote[lang="en"]').textContent(), /thrombotic diseases/);
  assert.match(await e6.locator('blockquote[data-translation]').textContent(), /血栓性疾病/);
  assert.match(await e6.locator('p[data-translation]').textContent(), /本应用的中文译文.*以方案原文为准/);
  await page.click('.lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await page.locator('[data-translation]').count(), 0);
  await context.close();
});

for (const locale of ['en-US', 'zh-CN']) {
  const words = locale === 'en-US'
    ? { start: /\bstart\b/i, again: /If nothing else changes, the study team could check again from about (\d{4}-\d{2}-\d{2})\./, answered: /you answered that you have diabetes/ }
    : { start: /开始/, again: /如其他情况不变，大约从 (\d{4}-\d{2}-\d{2}) 起，研究团队可以再为您核对一次。/, answered: /您回答有糖尿病/ };

  test(`${locale}: a reason time does not resolve (diabetes) with a recent chemotherapy gives no date at all and never "start"`, async () => {
    const { context, page } = await openPatientOn(browser, server, locale);
    const chemo = daysAgo(6);
    await answerAll(page, { ...suitable, diabetes: 'yes', last_chemo_date: chemo });
    assert.equal(await page.getAttribute('[data-patient-result]', 'data-patient-result'), 'not_right');
    const reasons = await page.textContent('.reasons');
    assert.equal(await page.locator('.reasons li').count(), 2);
    assert.match(reasons, words.answered);
    assert.deepEqual(dates(reasons), [chemo], 'only the date the patient gave');
    assert.equal(await page.locator('[data-check-again]').count(), 0);
    assert.doesNotMatch(await page.textContent('[data-patient-result]'), words.start);
    await context.close();
  });

  test(`${locale}: reasons time resolves give one date, to check again`, async () => {
    const { context, page } = await openPatientOn(browser, server, locale);
    const chemo = daysAgo(6);
    await answerAll(page, { ...suitable, last_chemo_date: chemo, had_mi: 'yes', last_mi_date: daysAgo(30) });
    assert.equal(await page.locator('.reasons li').count(), 2);
    assert.equal(await page.locator('[data-check-again]').count(), 1);
    const result = await page.textContent('[data-patient-result]');
    const [, date] = result.match(words.again) ?? [];
    assert.ok(date, result);
    assert.equal(date, await page.getAttribute('[data-check-again]', 'data-check-again'));
    assert.ok(date > daysAgo(-150), 'the later of the two: the heart attack, six months on');
    assert.doesNotMatch(result, words.start);
    await context.close();
  });

  test(`${locale}: "I don't know" is offered on every question, is not a blank, and goes to the study team`, async () => {
    const { context, page } = await openPatientOn(browser, server, locale);
    await page.click('.p-nav .primary');
    const without = [];
    for (let guard = 0; guard < 10 && !(await page.locator('[data-patient-result]').count()); guard++) {
      for (const q of await page.$$eval('[data-question]', (els) => els.filter((e) => !e.querySelector('[data-dont-know]')).map((e) => e.dataset.question))) without.push(q);
      await page.click('.p-nav .primary');
    }
    assert.deepEqual(without, [], 'questions without "I don\'t know"');
    await context.close();

    const second = await openPatientOn(browser, server, locale);
    const { gastric_ulcer, ...rest } = suitable;
    await answerAll(second.page, { ...rest, diabetes: DONT_KNOW, ecog: DONT_KNOW, platelet_count: DONT_KNOW });
    assert.equal(await second.page.getAttribute('[data-patient-result]', 'data-patient-result'), 'not_finished');
    assert.equal(await second.page.locator('.unanswered li').count(), 1, 'only the question left blank');
    // Answering it: nothing is left blank, and the three "I don't know" go to the team.
    await second.page.click('.unanswered button');
    await second.page.check('input[name="p-gastric_ulcer"][value="no"]');
    await settled(second.page);
    while (!(await second.page.locator('[data-patient-result]').count())) await second.page.click('.p-nav .primary');
    assert.equal(await second.page.getAttribute('[data-patient-result]', 'data-patient-result'), 'may_take_part');
    assert.deepEqual(await second.page.$$eval('.not-known li', (els) => els.map((e) => e.dataset.field)), ['platelet_count', 'ecog', 'diabetes']);
    await second.context.close();
  });
}
