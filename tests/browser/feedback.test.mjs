//! Every action says what it did, next to the control that did it, in a
//! real headless Chromium and in both languages: the list's exports (the
//! screening log, the FHIR Questionnaire) name the file written; a backup
//! says how many records it wrote right under the backup form, a restore
//! how many it added, found unchanged and kept as both right under the
//! restore form; the patient's "Print" says the print window was opened.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDist, launch, openApp, settled, assertSilent, toSettings } from './harness.mjs';
import { suitable, answerAll, openPatient } from './patient-steps.mjs';

const casesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../cases');
const PASSWORD = 'carry this file safely';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); assertSilent(); });

/** Whether `first` comes before `second` in the page. */
const before_ = (page, first, second) => page.evaluate(([a, b]) => {
  const [x, y] = [document.querySelector(a), document.querySelector(b)];
  return Boolean(x && y && (x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING));
}, [first, second]);

async function withRecords(locale, n) {
  const { context, page } = await openApp(browser, server.url + '#coordinator', { context: { locale } });
  for (let i = 0; i < n; i++) {
    await page.locator('.list-head input[type=file]').setInputFiles(path.join(casesDir, '01-eligible-full-record.json'));
    await page.waitForSelector('.record [data-outcome]');
    await settled(page);
    await page.locator('.record .back').first().click();
    await page.waitForSelector('#list-title');
  }
  await page.waitForSelector('#list-search');
  return { context, page };
}

for (const [locale, log, questionnaire] of [
  ['en-US', /^Exported ctit-screening-log-\d{4}-\d\d-\d\d\.csv: 2 rows, deleted records included\.$/, /^Exported ctit-screening-questionnaire\.fhir\.json\.$/],
  ['zh-CN', /^已导出 ctit-screening-log-\d{4}-\d\d-\d\d\.csv：共 2 行（含已删除的记录）。$/, /^已导出 ctit-screening-questionnaire\.fhir\.json。$/],
]) {
  test(`${locale}: each of the list's exports says which file it wrote, right under its buttons`, async () => {
    const { context, page } = await withRecords(locale, 2);
    const buttons = page.locator('.list-exports button');
    const said = page.locator('.list-exports [role=status]');
    await Promise.all([page.waitForEvent('download'), buttons.nth(0).click()]);
    assert.match((await said.textContent()).trim(), log);
    await Promise.all([page.waitForEvent('download'), buttons.nth(1).click()]);
    assert.match((await said.textContent()).trim(), questionnaire);
    assert.ok(await before_(page, '.list-exports button:last-of-type', '.list-exports [role=status]'), 'under the buttons');
    await context.close();
  });
}

for (const [locale, backupButton, restoreButton, written, restored] of [
  ['en-US', 'Back up all records', 'Restore', /^Backup file written: 2 records\./, /^Restored: 0 added, 2 already here unchanged, 0 kept as both/],
  ['zh-CN', '备份所有记录', '恢复', /^备份文件已生成：共 2 条记录。/, /^已恢复：新增 0 条，2 条已存在且相同，0 条两份都保留/],
]) {
  test(`${locale}: a backup says what it wrote under the backup form, a restore what it added under the restore form`, async () => {
    const { context, page } = await withRecords(locale, 2);
    await toSettings(page);
    await page.fill('#backup-password', PASSWORD);
    await page.fill('#backup-password-again', PASSWORD);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-backup]').getByRole('button', { name: backupButton }).click(),
    ]);
    const file = fs.readFileSync(await download.path(), 'utf8');
    await page.waitForSelector('[data-result=backup]');
    assert.match((await page.textContent('[data-result=backup]')).trim(), written);
    assert.equal(await page.getAttribute('[data-result=backup]', 'role'), 'status');
    // Between the backup form and the restore form's heading: next to what it reports.
    assert.ok(await before_(page, '#backup-password', '[data-result=backup]'));
    assert.ok(await before_(page, '[data-result=backup]', '#backup-reminder-days'));
    assert.ok(await before_(page, '[data-result=backup]', '#restore-file'));
    await page.setInputFiles('#restore-file', { name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await page.fill('#restore-password', PASSWORD);
    await page.getByRole('button', { name: restoreButton, exact: true }).click();
    await page.waitForSelector('[data-result=restore]');
    assert.match((await page.textContent('[data-result=restore]')).trim(), restored);
    assert.equal(await page.getAttribute('[data-result=restore]', 'role'), 'status');
    assert.ok(await before_(page, '#restore-password', '[data-result=restore]'), 'under the restore form');
    assert.equal(await page.locator('[data-result=backup]').count(), 0, 'one action, one line');
    await context.close();
  });
}

for (const [locale, opened] of [
  ['en-US', 'The print window was opened: choose a printer, or “Save as PDF”.'],
  ['zh-CN', '已打开打印窗口：请选择打印机，或选择“保存为 PDF”。'],
]) {
  test(`${locale}: the patient's "Print" says the print window was opened, under the button`, async () => {
    const { context, page } = await openPatient(browser, server, locale);
    await answerAll(page, suitable);
    await page.click('[data-show-code]');
    await page.waitForSelector('svg.qr');
    await page.locator('.handoff-sheet button.no-print').click();
    await page.waitForSelector('[data-print-result]');
    assert.equal((await page.textContent('[data-print-result]')).trim(), opened);
    assert.equal(await page.getAttribute('[data-print-result]', 'role'), 'status');
    assert.ok(await before_(page, '.handoff-sheet button.no-print', '[data-print-result]'));
    await context.close();
  });
}
