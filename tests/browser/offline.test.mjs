//! Offline and silent: after one visit the app starts and every draft opens
//! with the network off; a whole screening after load makes no request; no
//! request ever goes to another origin and the Content-Security-Policy is
//! never violated; a new version is offered, never swapped in, in one tab
//! or two; two installs on one origin keep their own caches.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDist, launch, openApp, foreignRequests, cspViolations, assertSilent, root, controlled, eventually, putNewVersion, versionCaches, saysInEachLanguage } from './harness.mjs';

const casesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../cases');
let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); assertSilent(); });

/** `page` asks its service worker to look for a new version now. */
async function askForUpdate(page) {
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
}

/**
 * A copy of the build served on its own, given to `use` as `{ site, deployNext,
 * deployNewVersion, putBack }`: ways to put another build in its place,
 * each of which `page` then asks for; closed and removed whatever happens.
 */
async function withOwnSite(use) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctit-site-'));
  fs.cpSync(root, dir, { recursive: true });
  const site = await serveDist(dir);
  const first = fs.readFileSync(path.join(dir, 'sw.js'));
  // A "new build" of the same version: only its service worker changes.
  const deployNext = async (page) => {
    fs.appendFileSync(path.join(dir, 'sw.js'), '\n// next build\n');
    await askForUpdate(page);
  };
  // Another version in place of this one (harness: putNewVersion).
  const deployNewVersion = async (page, gone) => {
    putNewVersion(dir, { gone });
    await askForUpdate(page);
  };
  // The first build put back (a rollback).
  const putBack = async (page) => {
    fs.writeFileSync(path.join(dir, 'sw.js'), first);
    await askForUpdate(page);
  };
  try {
    await use({ site, deployNext, deployNewVersion, putBack });
  } finally {
    await site.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Clicks the offer's "Reload now" in `page` and waits until the new version's records list shows. */
async function takeOffer(page) {
  await Promise.all([page.waitForEvent('load'), page.click('#update-banner button')]);
  await page.waitForSelector('#list-title');
}

/** Another page of the app starts in `context` and closes (its start asks the service worker to tidy). */
async function anotherPageStarts(context, url) {
  const other = await context.newPage();
  await other.goto(url);
  await other.waitForSelector('#list-title');
  // (Tidying takes a few milliseconds; a second is ample.)
  await other.waitForTimeout(1000);
  await other.close();
}

/** The version `page` offers, taken; then `page` starts again with no network. */
async function takeOfferThenStartOffline(context, page) {
  await takeOffer(page);
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('#list-title');
}

test('after one online visit the app starts offline from the warm page, fetching its module once, and every draft opens', async () => {
  const { context, page } = await openApp(browser, server.url + '#coordinator');
  // The first visit: the page carries the module.
  assert.equal(await page.locator('#app-wasm[data-file]').count(), 0);
  await controlled(page);
  for (const f of ['01-eligible-full-record.json', '07-chemo-exactly-one-month-ago.json']) {
    await page.getByLabel('Import').setInputFiles(path.join(casesDir, f));
    await page.waitForSelector('.record [data-outcome]');
    await page.getByRole('button', { name: '← All screenings' }).click();
  }
  await context.setOffline(true);
  const streamed = [];
  page.on('request', (r) => streamed.push(r.url()));
  await page.reload();
  await page.waitForSelector('#list-title');
  // The service worker answered with the warm page, which names the
  // module's own file: fetched (from the cache) and streamed.
  const file = await page.getAttribute('#app-wasm', 'data-file');
  assert.match(file ?? '', /^\.\/app-[0-9a-f]{8}\.wasm$/);
  // Once: the warm page's first script started it (web/warm-start.js), and
  // the start took that stream rather than asking again.
  assert.equal(streamed.filter((u) => u.endsWith(file.slice(2))).length, 1, `the module's file was asked for once: ${streamed.join(', ')}`);
  const labels = await page.$$eval('tr[data-record] button.link', (els) => els.map((e) => e.textContent));
  assert.deepEqual(labels.sort(), ['01-eligible-full-record', '07-chemo-exactly-one-month-ago']);
  for (const label of labels) {
    await page.getByRole('button', { name: label }).click();
    await page.waitForSelector('.record [data-outcome]');
    await page.getByRole('button', { name: '← All screenings' }).click();
  }
  // A fresh tab, offline, starts too: the patient check's files come from
  // the service worker's cache one by one (the pack is for first visits).
  const fresh = await context.newPage();
  const asked = [];
  fresh.on('request', (r) => asked.push(r.url()));
  await fresh.goto(server.url + '#patient');
  await fresh.waitForSelector('#p-step-title');
  assert.deepEqual(asked.filter((u) => /pack_patient/.test(u)), []);
  assert.ok(asked.some((u) => /split_patient-[0-9a-f]+\.wasm$/.test(u)));
  assert.deepEqual(await cspViolations(page), []);
  await context.close();
});

test('a whole screening after load makes no request, and nothing goes elsewhere', async () => {
  const { context, page } = await openApp(browser, server.url + '#coordinator');
  await controlled(page);
  // "After load": once the list's own fetches after its first paint (its
  // tools, the record form's prefetch and style sheet) are done, however
  // slow the machine.
  await page.waitForFunction(() => document.getElementById('style-record')?.sheet);
  await page.waitForLoadState('networkidle');
  const before = page.seen.requests.length;
  await page.getByRole('button', { name: 'New screening' }).click();
  await page.fill('#f-label', 'NET-0');
  await page.fill('#f-birth_date', '1961-04-02');
  await page.check('#f-sex');
  await page.fill('#f-platelet_count', '21');
  await page.fill('#f-alt', '35');
  await page.fill('#f-alt-uln', '40');
  await page.selectOption('#f-ecog', '1');
  await page.check('#f-diabetes-1');
  await page.getByRole('button', { name: 'Print summary' }).first().isVisible();
  await page.click('.lang-switch');
  await page.click('.lang-switch');
  await page.getByRole('button', { name: '← All screenings' }).click();
  await page.getByRole('button', { name: 'NET-0' }).click();
  await page.waitForSelector('.record [data-outcome]');
  const during = page.seen.requests.slice(before).filter((u) => !u.endsWith('/sw.js'));
  assert.deepEqual(during, []);
  assert.deepEqual(foreignRequests(page, server.url), []);
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(page.seen.errors, []);
  await context.close();
});

test('the built page carries a strict Content-Security-Policy that names its only inline scripts and style by hash', async () => {
  const { context, page } = await openApp(browser, server.url, { ready: '#home-title' });
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/]+={0,2}' 'sha256-[A-Za-z0-9+/]+={0,2}'(;|$)/);
  assert.match(csp, /style-src 'self' 'sha256-[A-Za-z0-9+/]+={0,2}'(;|$)/);
  assert.match(csp, /connect-src 'self'/);
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/);
  // The pack's early fetch (a classic script), the style sheet and the
  // start (a module script) are inline; the wasm's data block is gone once
  // decoded; nothing else is inline.
  const inline = await page.$$eval('script:not([src]), style', (els) => els.map((e) => [e.tagName, e.type, e.textContent]));
  assert.deepEqual(inline.map(([tag, type]) => `${tag} ${type}`), ['SCRIPT ', 'STYLE ', 'SCRIPT module']);
  for (const [, , text] of inline) {
    assert.ok(csp.includes(`'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`));
  }
  // Text inputs keep answers out of autofill and spell-check.
  await page.click('.mode:not(.primary)');
  await page.getByRole('button', { name: 'New screening' }).click();
  const loose = await page.$$eval('input[type=text]', (els) => els.filter((e) => e.autocomplete !== 'off' || e.spellcheck).map((e) => e.id));
  assert.deepEqual(loose, []);
  await context.close();
});

test('a new version is offered, not swapped in: the page reloads only when the user asks', async () => {
  await withOwnSite(async ({ site, deployNext }) => {
    const { context, page } = await openApp(browser, site.url + '#coordinator');
    // A failure must still close the browser and the server, or the test process never ends.
    try {
      await controlled(page);
      assert.equal(await page.locator('#update-banner').count(), 0, 'a first visit is offered no update');
      await page.getByRole('button', { name: 'New screening' }).click();
      await page.fill('#f-label', 'UPDATE-1');
      // (What the offer holds the moment it is added to the page.)
      await page.evaluate(() => new MutationObserver((changes, observer) => {
        const added = changes.flatMap((c) => [...c.addedNodes]).find((n) => n.id === 'update-banner');
        if (!added) return;
        window.offerAddedWith = [added.querySelector('span').textContent, added.querySelector('button').textContent];
        observer.disconnect();
      }).observe(document.body, { childList: true }));
      // Deploy a "new build": the service worker changes.
      await deployNext(page);
      await page.waitForSelector('#update-banner');
      // A live region added with its words already in it is not announced
      // by every screen reader: the offer's words come once it is there
      // (its button is named at once).
      assert.deepEqual(await page.evaluate(() => window.offerAddedWith), ['', 'Reload now'], 'the offer came with its words in it');
      await page.waitForSelector('#update-banner:has-text("An update of this app is ready.")');
      // The app sets the page's language again on every screen: the same
      // language does not write the offer's words again (they could be
      // announced again).
      assert.equal(await page.evaluate(() => new Promise((done) => {
        let rewritten = 0;
        const watch = new MutationObserver((changes) => { rewritten += changes.length; });
        watch.observe(document.getElementById('update-banner'), { childList: true, subtree: true, characterData: true });
        document.documentElement.setAttribute('lang', document.documentElement.lang);
        setTimeout(() => { watch.disconnect(); done(rewritten); }, 50);
      })), 0, 'the offer was written again for the same language');
      // Still the same page, nothing reloaded under the user.
      assert.equal(await page.inputValue('#f-label'), 'UPDATE-1');
      // The offer follows the language shown, switched after it came.
      await saysInEachLanguage(page, 'An update of this app is ready.', '本应用有可用的更新。', '#update-banner');
      await saysInEachLanguage(page, 'Reload now', '立即重新加载', '#update-banner');
      // The banner stays at the bottom of the screen, within it, on a tablet
      // and on a phone; scrolled to the end, nothing of the page (the
      // record's last buttons) is left under it.
      for (const size of [{ width: 1280, height: 720 }, { width: 360, height: 640 }]) {
        await page.setViewportSize(size);
        const at = await page.evaluate(() => {
          const banner = () => document.getElementById('update-banner').getBoundingClientRect();
          window.scrollTo(0, 0);
          const top = banner();
          window.scrollTo(0, document.documentElement.scrollHeight);
          const end = banner();
          return { top: [top.left, top.right, top.bottom], under: document.querySelector('main').getBoundingClientRect().bottom - end.top, width: innerWidth, height: innerHeight };
        });
        const [left, right, bottom] = at.top;
        assert.ok(left >= 0 && right <= at.width && bottom <= at.height, `${size.width} px: in view at the top of the page (${at.top})`);
        assert.ok(at.under <= 0, `${size.width} px: the page's end is ${at.under} px under the banner`);
      }
      // Another screen is drawn above it: it stays the page's last element.
      await page.getByRole('button', { name: '← All screenings' }).click();
      await page.waitForSelector('#list-title');
      assert.equal(await page.evaluate(() => document.body.lastElementChild.id), 'update-banner');
      await takeOffer(page);
      assert.equal(await page.getByRole('button', { name: 'UPDATE-1' }).count(), 1);
    } finally {
      await context.close();
    }
  });
});

test("a patient's screens never show the offer (a reload would lose their answers); the study team's do", async () => {
  await withOwnSite(async ({ site, deployNext }) => {
    const { context, page } = await openApp(browser, site.url + '#patient', { ready: '#p-step-title' });
    try {
      await controlled(page);
      await deployNext(page);
      await eventually(() => page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => !!r.waiting)), { what: 'the new version waiting' });
      await page.waitForSelector('#update-banner', { state: 'attached' });
      assert.equal(await page.isVisible('#update-banner'), false, 'shown to the patient');
      // The start page, where a tablet is handed over, neither.
      await page.evaluate(() => { location.hash = ''; });
      await page.waitForSelector('#home-title');
      assert.equal(await page.isVisible('#update-banner'), false, 'shown on the start page');
      await page.evaluate(() => { location.hash = '#coordinator'; });
      await page.waitForSelector('#update-banner', { state: 'visible' });
      await page.evaluate(() => { location.hash = '#patient'; });
      await page.waitForSelector('#p-step-title');
      assert.equal(await page.isVisible('#update-banner'), false, 'shown to the patient after the team');
    } finally {
      await context.close();
    }
  });
});

test("a patient's page started while a new version waits never shows the offer, not even before the app has started", async () => {
  await withOwnSite(async ({ site, deployNext }) => {
    const { context, page } = await openApp(browser, site.url + '#coordinator');
    try {
      await controlled(page);
      await deployNext(page);
      await page.waitForSelector('#update-banner');
      // The offer is added as soon as the page finds the version waiting:
      // how it looked then. (The registration starts once the page is parsed
      // and its own file fetched; the app marks the page's root as it
      // mounts, which has come first here even at 6× CPU.)
      const patient = await context.newPage();
      await patient.addInitScript(() => {
        window.__offerShown = [];
        new MutationObserver(() => {
          const b = document.getElementById('update-banner');
          if (b && !window.__offerSeen) {
            window.__offerSeen = true;
            window.__offerShown.push(getComputedStyle(b).display !== 'none');
          }
        }).observe(document, { childList: true, subtree: true });
      });
      await patient.goto(site.url + '#patient');
      await patient.waitForSelector('#p-step-title');
      await patient.waitForSelector('#update-banner', { state: 'attached' });
      assert.deepEqual(await patient.evaluate(() => window.__offerShown), [false], 'the offer showed as it was added');
      assert.equal(await patient.isVisible('#update-banner'), false);
    } finally {
      await context.close();
    }
  });
});

test('with two tabs open, "Reload now" in one leaves the other its offer, and there it reloads into the new version', async () => {
  await withOwnSite(async ({ site, deployNext }) => {
    const { context, page: first } = await openApp(browser, site.url + '#coordinator');
    try {
      await controlled(first);
      const second = await context.newPage();
      await second.goto(site.url + '#coordinator');
      await second.waitForSelector('#list-title');
      await controlled(second);
      await deployNext(first);
      await first.waitForSelector('#update-banner');
      await second.waitForSelector('#update-banner');
      await takeOffer(first);
      // The second tab was not reloaded under its user: it still offers the
      // new version, which no longer waits (the first tab took it), and its
      // button reloads into it.
      await eventually(() => second.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => !r.waiting && !!r.active)), { what: 'the new version active' });
      await second.waitForSelector('#update-banner:has-text("An update of this app is ready")');
      await takeOffer(second);
      assert.equal(await second.locator('#update-banner').count(), 0, 'the new version offers nothing');
      assert.equal(await second.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => !!r.waiting)), false);
    } finally {
      await context.close();
    }
  });
});

test('a tab left on the old version, once another tab has taken the new one, still opens a screen it had not opened, offline; the old files go when it does', async () => {
  await withOwnSite(async ({ site, deployNewVersion }) => {
    const { context, page: left } = await openApp(browser, site.url + '#coordinator');
    try {
      await controlled(left);
      // This install's caches of a version of the app.
      const versions = () => left.evaluate(versionCaches, site.url);
      assert.equal((await versions()).length, 1);
      const other = await context.newPage();
      await other.goto(site.url + '#coordinator');
      await other.waitForSelector('#list-title');
      // The new build has no patient check under the old one's file names.
      await deployNewVersion(other, /^split_patient-[0-9a-f]+\.wasm$/);
      await other.waitForSelector('#update-banner');
      await takeOffer(other);
      await eventually(() => left.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => !r.waiting && !!r.active)), { what: 'the new version active' });
      // The tab left behind runs the old code: the patient check it now
      // opens, offline, needs the old build's files.
      await context.setOffline(true);
      await left.evaluate(() => { location.hash = '#patient'; });
      await left.waitForSelector('#p-step-title, [data-unavailable]');
      assert.equal(await left.locator('[data-unavailable]').count(), 0, 'the patient check could not be loaded');
      assert.equal(await left.locator('#p-step-title').count(), 1);
      assert.equal((await versions()).length, 2, 'the old version\'s files are kept while a tab runs it');
      // Once no tab runs the old version, its files are removed.
      await left.evaluate(() => { location.hash = '#coordinator'; });
      await left.waitForSelector('#list-title');
      await left.reload();
      await left.waitForSelector('#list-title');
      await eventually(async () => (await versions()).length === 1, { what: 'only the new version kept', timeout: 30_000 });
    } finally {
      await context.close();
    }
  });
});

test('a page started while a new version waits leaves that version whole: taken, it starts offline', async () => {
  await withOwnSite(async ({ site, deployNewVersion }) => {
    const { context, page } = await openApp(browser, site.url + '#coordinator');
    try {
      await controlled(page);
      await deployNewVersion(page);
      await page.waitForSelector('#update-banner');
      // Another tab starts meanwhile (its start asks the old version's worker to tidy).
      await anotherPageStarts(context, site.url + '#coordinator');
      await takeOfferThenStartOffline(context, page);
    } finally {
      await context.close();
    }
  });
});

test('a build put back (a rollback) while a tab of it was kept for: its cache, filled again and waiting, stays whole and starts offline once taken', async () => {
  await withOwnSite(async ({ site, deployNewVersion, putBack }) => {
    const { context, page: left } = await openApp(browser, site.url + '#coordinator');
    try {
      await controlled(left);
      const page = await context.newPage();
      await page.goto(site.url + '#coordinator');
      await page.waitForSelector('#list-title');
      // A new version, taken here while the first tab still runs the first build.
      await deployNewVersion(page);
      await page.waitForSelector('#update-banner');
      await takeOffer(page);
      // The first build put back: it fills its old cache again, which the
      // new version keeps for the first tab, and waits.
      await putBack(page);
      await page.waitForSelector('#update-banner');
      // The first tab goes, and another page starts (it asks to tidy).
      await left.close();
      await anotherPageStarts(context, site.url + '#coordinator');
      await takeOfferThenStartOffline(context, page);
    } finally {
      await context.close();
    }
  });
});

test('a screen whose code cannot be fetched says so, keeps the app working, and loads on "Try again"', async () => {
  // No service worker, and the record form's module cannot be fetched: as on
  // a first visit that lost the network before the app was kept offline.
  let blocked = true;
  const at = '2026-11-20T08:00:00Z';
  const stored = { schema: 2, protocol: 'test', rev: 1, draft: { id: 'kept', label: 'KEPT-1', created: at, updated: at, screening_date: '2026-11-20', inputs: { ecog: '1' } } };
  const { context, page } = await openApp(browser, server.url + '#coordinator', {
    context: { serviceWorkers: 'block' },
    beforeLoad: async (p) => {
      await p.addInitScript((e) => { if (!localStorage.getItem('ctit/record/kept')) localStorage.setItem('ctit/record/kept', JSON.stringify(e)); }, stored);
      await p.route(/split_record-[0-9a-f]+\.wasm$/, (route) => (blocked ? route.abort() : route.continue()));
    },
  });
  // A new record needs the form's code to be saved and shown: the list
  // says it could not be loaded, and nothing half-made is stored.
  await page.getByRole('button', { name: 'New screening' }).click();
  await page.getByRole('alert').filter({ hasText: /could not be loaded/ }).waitFor();
  assert.equal(await page.locator('tr[data-record]').count(), 1);
  // Opening the stored record: the screen says so and offers Try again.
  await page.locator('tr[data-record] button.link').click();
  const alert = page.locator('[data-unavailable]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /could not be loaded.*Nothing you entered is lost/);
  // The rest of the app still works: the header's title leads to the list.
  await page.getByRole('button', { name: /NCT07063225/ }).click();
  await page.waitForSelector('#list-title');
  await page.locator('tr[data-record] button.link').click();
  await alert.waitFor();
  blocked = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.waitForSelector('.record [data-outcome]');
  assert.equal(await alert.count(), 0);
  assert.equal(await page.inputValue('#f-label'), 'KEPT-1');
  // The only errors are the blocked fetch itself (the split loader logs it).
  assert.deepEqual(page.seen.errors.filter((e) => !/Failed to fetch|Failed to load resource|net::ERR_FAILED/.test(e)), []);
  await context.close();
});

test('a new record asked for before the passcode offer was answered, whose code cannot be fetched: once answered, the list says so', async () => {
  const { context, page } = await openApp(browser, server.url + '#coordinator', {
    lockOffer: true,
    context: { serviceWorkers: 'block' },
    beforeLoad: (p) => p.route(/split_record-[0-9a-f]+\.wasm$/, (route) => route.abort()),
  });
  await page.getByRole('button', { name: 'New screening' }).click();
  await page.locator('[data-lock-offer]').getByRole('button', { name: 'Not now' }).click();
  await page.getByRole('alert').filter({ hasText: /could not be loaded/ }).waitFor();
  assert.equal(await page.locator('tr[data-record]').count(), 0);
  await saysInEachLanguage(page, /^This screen could not be loaded/, /^此页面未能加载/, '[data-list-problem]');
  await context.close();
});

test('two installs on one origin keep their own caches: a new version of one leaves the other working offline', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctit-two-'));
  fs.cpSync(root, path.join(dir, 'a'), { recursive: true });
  fs.cpSync(root, path.join(dir, 'b'), { recursive: true });
  // b is another build (its service worker names another version).
  putNewVersion(path.join(dir, 'b'), { version: '0000000000000000' });
  const site = await serveDist(dir);
  try {
    const { context, page } = await openApp(browser, site.url + 'a/#coordinator');
    await controlled(page);
    const b = await context.newPage();
    await b.goto(site.url + 'b/#coordinator');
    await b.waitForSelector('#list-title');
    await controlled(b);
    await b.close();
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('#list-title');
    const names = await page.evaluate(() => caches.keys());
    assert.equal(names.filter((n) => n.endsWith('/a/')).length, 1, names.join(' '));
    assert.equal(names.filter((n) => n.endsWith('/b/')).length, 1, names.join(' '));
    await context.close();
  } finally {
    await site.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("a tab of another install on the origin does not keep this install's old version: it goes once this install's own tab reloads", async () => {
  let context, page;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctit-two-'));
  fs.cpSync(root, path.join(dir, 'a'), { recursive: true });
  fs.cpSync(root, path.join(dir, 'b'), { recursive: true });
  const site = await serveDist(dir);
  try {
    ({ context, page } = await openApp(browser, site.url + 'a/#coordinator'));
    await controlled(page);
    // b's tab stays open throughout.
    const b = await context.newPage();
    await b.goto(site.url + 'b/#coordinator');
    await b.waitForSelector('#list-title');
    await controlled(b);
    putNewVersion(path.join(dir, 'a'));
    await askForUpdate(page);
    await page.waitForSelector('#update-banner');
    await takeOffer(page);
    const versionsOfA = () => page.evaluate(versionCaches, `${site.url}a/`);
    await eventually(async () => (await versionsOfA()).length === 1, { what: "only a's new version kept", timeout: 30_000 });
    assert.match((await versionsOfA())[0], /^ctit-0000000000000001@/);
  } finally {
    await context?.close();
    await site.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
