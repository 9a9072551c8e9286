//! The release build opens in Chromium, shows the trial and a verdict from
//! the engine, and asks nothing of any other origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openApp, foreignRequests, assertSilent } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); assertSilent(); });

test('release build shows the trial id and a verdict from the engine', async () => {
  const { context, page } = await openApp(browser, server.url + '#coordinator');
  await page.getByRole('button', { name: 'New screening' }).click();
  await page.waitForSelector('[data-outcome]');
  assert.match(await page.textContent('body'), /NCT07063225/);
  const outcome = await page.getAttribute('[data-outcome]', 'data-outcome');
  assert.ok(['eligible', 'not_eligible', 'incomplete'].includes(outcome), outcome);
  assert.deepEqual(foreignRequests(page, server.url), []);
  assert.deepEqual(page.seen.errors, []);
  await context.close();
});
