//! The patient self-check in both languages: the three results, switching
//! language mid-form, a remembered language, that nothing is stored
//! unless the patient asks for it (and nothing after "delete my answers"),
//! and that a first visit to a link fetches the check's code as one pack.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serveDist, launch, settled, foreignRequests, assertSilent, root, appKeysGone, saysInEachLanguage } from './harness.mjs';
import { suitable, answerAll, openPatient as openPatientOn } from './patient-steps.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); assertSilent(); });

async function openPatient(locale = 'en-US', extra = {}) {
  return openPatientOn(browser, server, locale, extra);
}

async function storedKeys(page) {
  return page.evaluate(() => Object.keys(localStorage));
}

for (const [locale, words] of [
  ['en-US', { notRight: /may not be right for you/, diabetes: /you answered that you have diabetes/, notFinished: /Not finished yet/, may: /You may be able to take part/, team: /blood tests for HIV/ }],
  ['zh-CN', { notRight: /可能不适合您/, diabetes: /您回答有糖尿病/, notFinished: /尚未完成/, may: /您也许可以参加/, team: /乙肝/ }],
]) {
  test(`${locale}: a failing answer gives "may not be right for you" with the reason in plain words`, async () => {
    const { context, page } = await openPatient(locale);
    await answerAll(page, { ...suitable, diabetes: 'yes' });
    assert.equal(await page.getAttribute('[data-patient-result]', 'data-patient-result'), 'not_right');
    const text = await page.textContent('[data-patient-result]');
    assert.match(text, words.notRight);
    assert.match(text, words.diabetes);
    assert.doesNotMatch(text, /you are eligible|您符合/i);
    await context.close();
  });

  test(`${locale}: unanswered questions give "not finished yet"`, async () => {
    const { context, page } = await openPatient(locale);
    const { diabetes, ecog, ...rest } = suitable;
    await answerAll(page, rest);
    assert.equal(await page.getAttribute('[data-patient-result]', 'data-patient-result'), 'not_finished');
    assert.match(await page.textContent('[data-patient-result]'), words.notFinished);
    assert.equal(await page.locator('.unanswered li').count(), 2);
    await context.close();
  });

  test(`${locale}: all answered and nothing fails gives "may be able to take part" with the team's checks`, async () => {
    const { context, page } = await openPatient(locale);
    await answerAll(page, suitable);
    assert.equal(await page.getAttribute('[data-patient-result]', 'data-patient-result'), 'may_take_part');
    const text = await page.textContent('[data-patient-result]');
    assert.match(text, words.may);
    assert.match(text, words.team);
    assert.ok((await page.locator('.team-checks li').count()) >= 10);
    assert.deepEqual(foreignRequests(page, server.url), []);
    await context.close();
  });
}

test('a recent chemotherapy gives what was answered, and one date to check again', async () => {
  const { context, page } = await openPatient('en-US');
  const recent = new Date(Date.now() - 10 * 86400000).toISOString().slice(0, 10);
  await answerAll(page, { ...suitable, last_chemo_date: recent });
  const text = await page.textContent('[data-patient-result]');
  assert.match(text, new RegExp(`you answered that your last chemotherapy ended on ${recent}; the study needs more than a month since then`));
  assert.match(text, /If nothing else changes, the study team could check again from about \d{4}-\d{2}-\d{2}\./);
  await context.close();
});

test('switching language mid-form keeps every answer, and a reload keeps the language', async () => {
  const { context, page } = await openPatient('en-US');
  await page.click('.p-nav .primary');
  await page.fill('#p-birth_date', '1961-04-02');
  await page.check('input[name="p-sex"][value="male"]');
  await page.click('.lang-switch');
  assert.equal(await page.textContent('#p-step-title'), '关于您');
  assert.equal(await page.inputValue('#p-birth_date'), '1961-04-02');
  assert.equal(await page.isChecked('input[name="p-sex"][value="male"]'), true);
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  await page.reload();
  await page.waitForSelector('#p-step-title');
  assert.match(await page.textContent('#p-step-title'), /这项研究可能适合我吗/);
  await context.close();
});

test('by default nothing the patient answers is stored; kept answers are deleted on request', async () => {
  const { context, page } = await openPatient('en-US');
  await answerAll(page, suitable);
  const keys = await storedKeys(page);
  assert.deepEqual(keys.filter((k) => k !== 'ctit/settings/lang'), []);
  await page.close();
  const again = await context.newPage();
  await again.goto(server.url + '#patient');
  await again.waitForSelector('#p-step-title');
  assert.deepEqual((await storedKeys(again)).filter((k) => k !== 'ctit/settings/lang'), []);

  // Choosing to keep them stores them; "delete my answers" removes everything.
  await again.check('#p-keep');
  await answerAll(again, suitable);
  assert.ok((await storedKeys(again)).includes('ctit/patient'));
  await again.click('.p-nav .danger');
  await settled(again);
  await appKeysGone(again);
  assert.deepEqual(await storedKeys(again), []);
  assert.equal(await again.isChecked('#p-keep'), false);
  await saysInEachLanguage(again, 'Your answers have been deleted from this device.', '您的回答已从本设备上删除。');
  await context.close();
});

test('back and forward keep answers', async () => {
  const { context, page } = await openPatient('en-US');
  await page.click('.p-nav .primary');
  await page.fill('#p-birth_date', '1970-05-06');
  await page.click('.p-nav .primary');          // step 2
  await page.fill('#p-rhtpo_days', '15');
  await page.click('.p-nav button:not(.primary)'); // back to step 1
  assert.equal(await page.inputValue('#p-birth_date'), '1970-05-06');
  // Focus moves to the step's heading in the frame after the step is drawn.
  await page.waitForFunction(() => document.activeElement?.id === 'p-step-title', null, { timeout: 2000 });
  await page.click('.p-nav .primary');
  assert.equal(await page.inputValue('#p-rhtpo_days'), '15');
  await context.close();
});

/** The built pack of the patient check's code: its file name and the names of the files it holds. */
function patientPack() {
  const name = fs.readdirSync(root).find((f) => /^pack_patient-[0-9a-f]+\.bin$/.test(f));
  assert.ok(name, 'the build writes the pack');
  const bytes = fs.readFileSync(path.join(root, name));
  const index = JSON.parse(bytes.subarray(0, bytes.indexOf(10)).toString('utf8'));
  return { name, files: index.map(([file]) => file) };
}

const fileOf = (url) => new URL(url).pathname.split('/').pop();

test('a first visit to a #patient link fetches the check\'s code as one pack, and the whole check works from it', async () => {
  const { name, files } = patientPack();
  assert.ok(files.some((f) => f.startsWith('split_patient-')) && files.length > 1);
  const { context, page } = await openPatient('en-US');
  const fetched = page.seen.requests.map(fileOf);
  assert.equal(fetched.filter((f) => f === name).length, 1);
  assert.deepEqual(fetched.filter((f) => files.includes(f)), [], 'no file the pack holds is fetched on its own');
  await answerAll(page, suitable);
  assert.equal(await page.getAttribute('[data-patient-result]', 'data-patient-result'), 'may_take_part');
  // The code sheet comes with the code fetched after the first paint, file by file.
  await page.click('[data-show-code]');
  await page.waitForSelector('svg.qr');
  assert.deepEqual(page.seen.requests.map(fileOf).filter((f) => files.includes(f)), []);
  // (The plain build has no site.json: its 404 is the only console error.)
  assert.deepEqual(page.seen.errors.filter((e) => !/status of 404/.test(e)), []);
  await context.close();
});

test('when the pack cannot be fetched or is not a pack, the check comes from its separate files', async () => {
  for (const answer of [(route) => route.abort(), (route) => route.fulfill({ status: 404, contentType: 'text/html', body: '<!doctype html><p>Not found</p>' })]) {
    const { context, page } = await openPatient('en-US', {
      beforeLoad: (p) => p.route(/pack_patient-[0-9a-f]+\.bin$/, answer),
    });
    assert.ok(page.seen.requests.some((u) => /split_patient-[0-9a-f]+\.wasm$/.test(u)));
    await answerAll(page, { ...suitable, diabetes: 'yes' });
    assert.equal(await page.getAttribute('[data-patient-result]', 'data-patient-result'), 'not_right');
    await page.click('[data-show-code]');
    await page.waitForSelector('svg.qr');
    await context.close();
  }
});
