//! The release build opens in Chromium, shows the trial and a verdict from
//! the engine, and asks nothing of any other origin; its first screen comes
//! from index.html alone, whatever charset the server names; a damaged
//! page, or a warm start's damaged module (fetched once), says the app
//! could not start; it works from a sub-folder.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveDist, launch, openApp, foreignRequests, assertSilent, root, controlled } from './harness.mjs';

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

test('the first screen needs only the page itself: with every other file failing, the list shows its verdicts', async () => {
  const at = '2026-11-20T08:00:00Z';
  const stored = { schema: 2, protocol: 'test', rev: 1, draft: { id: 'one', label: 'ONE-1', created: at, updated: at, screening_date: '2026-11-20', inputs: { ecog: '1' } } };
  const { context, page } = await openApp(browser, server.url + '#coordinator', {
    context: { serviceWorkers: 'block' },
    beforeLoad: async (p) => {
      await p.addInitScript((e) => localStorage.setItem('ctit/record/one', JSON.stringify(e)), stored);
      await p.route((url) => url.pathname !== '/', (route) => route.abort());
    },
  });
  await page.waitForSelector('tr[data-record] [data-outcome-badge="incomplete"]');
  // Only the screens fetched after the first paint (and the icon) failed.
  assert.deepEqual(page.seen.errors.filter((e) => !/Failed to (load resource|fetch)/.test(e)), []);
  await context.close();
});

test('a server that names another charset for the page still starts the app (the page carries a byte order mark)', async () => {
  const { context, page } = await openApp(browser, server.url + '#coordinator', {
    context: { serviceWorkers: 'block' },
    beforeLoad: (p) => p.route((url) => url.pathname === '/', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-type': 'text/html; charset=iso-8859-1' } });
    }),
  });
  await page.getByRole('button', { name: 'New screening' }).click();
  await page.waitForSelector('[data-outcome]');
  assert.deepEqual(page.seen.errors, []);
  await context.close();
});

test('a page whose code arrived damaged says, in both languages, that the app could not start', async () => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.route((url) => url.pathname === '/', async (route) => {
    const response = await route.fetch();
    const html = await response.text();
    const start = html.indexOf('id="app-wasm">') + 'id="app-wasm">'.length;
    await route.fulfill({ response, body: html.slice(0, start) + html.slice(start + 1000) });
  });
  await page.goto(server.url);
  await page.getByRole('alert').filter({ hasText: /could not start.*无法/ }).waitFor();
  await context.close();
});

test('a warm start whose kept code does not compile says the app could not start, having fetched that code once', async () => {
  const { context, page } = await openApp(browser, server.url + '#coordinator');
  await controlled(page);
  // The service worker's copy of the main module, damaged (a cache
  // written in half): the same bytes would come back however often asked.
  const main = fs.readdirSync(root).find((f) => /^app-[0-9a-f]+\.wasm$/.test(f));
  await page.evaluate(async (file) => {
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        if (request.url.endsWith(`/${file}`)) await cache.put(request, new Response(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 255]), { headers: { 'content-type': 'application/wasm' } }));
      }
    }
  }, main);
  await page.reload();
  await page.getByRole('alert').filter({ hasText: /could not start.*无法/ }).waitFor();
  const fetched = await page.evaluate((file) => performance.getEntriesByType('resource').filter((e) => e.name.endsWith(`/${file}`)).length, main);
  assert.equal(fetched, 1, 'the module that did not compile is not fetched and compiled again');
  await context.close();
});

test('served from a sub-folder, the app and the screens it loads later come from that folder', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctit-sub-'));
  fs.cpSync(root, path.join(dir, 'screening', 'app'), { recursive: true });
  const site = await serveDist(dir);
  try {
    const { context, page } = await openApp(browser, site.url + 'screening/app/index.html#coordinator');
    await page.getByRole('button', { name: 'New screening' }).click();
    await page.waitForSelector('[data-outcome]');
    const files = page.seen.requests.filter((u) => /\.wasm$/.test(u));
    assert.ok(files.length > 0);
    assert.deepEqual(files.filter((u) => !u.startsWith(site.url + 'screening/app/')), []);
    assert.deepEqual(page.seen.errors, []);
    await context.close();
  } finally {
    await site.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
