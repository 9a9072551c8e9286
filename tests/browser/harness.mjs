//! Browser-test harness: serves dist/ on 127.0.0.1 and launches Debian's
//! Chromium through Playwright. Records every request, so tests can prove
//! that nothing goes to another origin.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

// CTIT_DIST serves another build (e.g. an older one, to see a new test fail there first).
export const root = path.resolve(process.env.CTIT_DIST ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist'));
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.webmanifest': 'application/manifest+json',
  '.png': 'image/png', '.svg': 'image/svg+xml',
};

/**
 * Serves dist/ (or another folder) on a free loopback port (or on `port`,
 * e.g. the same one again after a test stopped the server). Returns { url,
 * close, files }: `files` maps a path (`/site.json`) to text served instead
 * of the folder's (a test may change it between requests, as site IT would
 * change a file on the server).
 */
export async function serveDist(dir = root, { port: wanted = 0 } = {}) {
  const files = new Map();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (files.has(url.pathname)) {
      res.writeHead(200, { 'content-type': types[path.extname(url.pathname)] ?? 'text/plain', 'cache-control': 'no-cache' });
      res.end(files.get(url.pathname));
      return;
    }
    let file = path.join(dir, decodeURIComponent(url.pathname));
    if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    // Like nginx's brotli_static/gzip_static: send the pre-compressed copy
    // the build wrote when the browser accepts it.
    const accepts = String(req.headers['accept-encoding'] ?? '');
    const suffix = { br: '.br', gzip: '.gz' };
    const encoding = Object.keys(suffix).find((e) => accepts.includes(e) && fs.existsSync(file + suffix[e]));
    const body = encoding ? file + suffix[encoding] : file;
    fs.readFile(body, (err, data) => {
      if (err) { res.writeHead(404).end('not found'); return; }
      const headers = { 'content-type': types[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache', vary: 'accept-encoding' };
      if (encoding) headers['content-encoding'] = encoding;
      res.writeHead(200, headers);
      res.end(data);
    });
  });
  await new Promise((resolve, reject) => { server.once('error', reject); server.listen(wanted, '127.0.0.1', resolve); });
  const { port } = server.address();
  // Closing also drops idle keep-alive connections, so it never waits on a browser.
  return { url: `http://127.0.0.1:${port}/`, files, close: () => new Promise((r) => { server.close(r); server.closeAllConnections(); }) };
}

/**
 * Waits until the verdict has caught up with the last edit: the app paints
 * the keystroke first and judges the record in the task after that paint
 * (see `FormDraft` in src/ui/field.rs).
 */
export async function settled(page) {
  await page.evaluate(() => new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(() => setTimeout(resolve, 0), 0));
  }));
}

/** Launches headless Chromium with the flags that work on these machines (and `extraArgs`, e.g. a fake camera). */
export async function launch(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-quic', '--no-first-run', '--disable-sync', ...extraArgs],
  });
}

/**
 * What every page of this test file did that it must never do: requests to
 * another origin, and Content-Security-Policy violations (Chromium reports
 * each on the console as "Refused to …"). Each test file's `after` hook
 * calls `assertSilent()`.
 */
const leaks = [];

/** Fails if any page opened through `openApp` leaked or broke the CSP. */
export function assertSilent() {
  if (leaks.length) throw new Error(`network or CSP leaks:\n${leaks.join('\n')}`);
}

/**
 * Makes the pages of `context` start on a device whose coordinator already
 * answered the passcode offer with "Not now" (once per tab, so a test that
 * wipes the device and reloads sees a new device), as every test that is
 * not about the lock expects: the offer must be answered before the first
 * record is created.
 */
export async function declinePasscodeOffer(context) {
  await context.addInitScript(() => {
    try {
      if (sessionStorage.getItem('ctit-test-tab')) return;
      sessionStorage.setItem('ctit-test-tab', '1');
      if (!localStorage.getItem('ctit/vault')) localStorage.setItem('ctit/settings/lock_declined', '1');
    } catch { /* about:blank and the like have no storage */ }
  });
}

/**
 * Answers the screener's-initials question with `initials` whenever it
 * appears in a page of `context`, as a screener would, so tests about
 * other things need no extra step. (Tests of the question itself open the
 * app with `initials: false`.)
 */
export async function answerInitials(context, initials = 'TS') {
  await context.addInitScript((given) => {
    const answer = () => {
      const form = document.querySelector('[data-initials-form]:not([data-answered])');
      if (!form) return;
      form.setAttribute('data-answered', '');
      const input = form.querySelector('#initials');
      input.value = given;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      form.requestSubmit();
    };
    new MutationObserver(answer).observe(document, { subtree: true, childList: true });
  }, initials);
}

/**
 * Opens the app in a fresh context (with the passcode offer already
 * declined unless `lockOffer: true`). Collects console errors and every
 * request URL in `page.seen` so a test can assert on them.
 */
export async function openApp(browser, base, options = {}) {
  const context = await browser.newContext(options.context ?? {});
  if (!options.lockOffer) await declinePasscodeOffer(context);
  if (options.initials !== false) await answerInitials(context, options.initials);
  const page = await context.newPage();
  page.seen = { requests: [], errors: [] };
  page.on('request', (r) => {
    const url = r.url();
    page.seen.requests.push(url);
    if (!url.startsWith(new URL(base).origin) && !url.startsWith('data:') && !url.startsWith('blob:')) leaks.push(`request to ${url}`);
  });
  page.on('console', (m) => { if (/Content Security Policy|Refused to/.test(m.text())) leaks.push(`CSP: ${m.text()}`); });
  page.on('pageerror', (e) => page.seen.errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') page.seen.errors.push(m.text()); });
  // Every Content-Security-Policy violation is recorded for the tests to check.
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  if (options.beforeLoad) await options.beforeLoad(page);
  await page.goto(base);
  await page.waitForSelector(options.ready ?? 'main#main h2');
  return { context, page };
}

/** Resolves once the service worker keeps the app and controls `page` (later loads are warm starts, and work offline). */
export async function controlled(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    }
  });
}

/**
 * Puts a build of another version in place in the site folder `dir`, as
 * site IT puts one in place of the last: its service worker names
 * `version` (so another cache), and the files `gone` matches, if given
 * (content-hashed names the new build no longer has), are neither in its
 * list nor on the server. Throws if `gone` matches no file.
 */
export function putNewVersion(dir, { gone, version = '0000000000000001' } = {}) {
  const sw = path.join(dir, 'sw.js');
  const code = fs.readFileSync(sw, 'utf8');
  const next = code.replace(/const VERSION = "[0-9a-f]+";/, `const VERSION = "${version}";`);
  if (next === code) throw new Error(`${sw} names no version to change`);
  const named = gone ? [...next.matchAll(/^ {2}"\.\/([^"]+)",?$/gm)].map((m) => m[1]).filter((f) => gone.test(f)) : [];
  if (gone && named.length === 0) throw new Error(`the build names no file matching ${gone}`);
  fs.writeFileSync(sw, next.replace(/^ {2}"\.\/([^"]+)",?\n/gm, (line, f) => (named.includes(f) ? '' : line)).replace(/,(\n\];)/, '$1'));
  for (const f of named) for (const ext of ['', '.br', '.gz']) fs.rmSync(path.join(dir, f + ext), { force: true });
}

/**
 * (Run in the page: `page.evaluate(versionCaches, scope)`.) The names of
 * the caches of a version of the app of the install at `scope` (its URL),
 * as web/sw.js names them: `ctit-<version>@<scope>`.
 */
export function versionCaches(scope) {
  return caches.keys().then((keys) => keys.filter((k) => /^ctit-[0-9a-f]+@/.test(k) && k.endsWith(`@${scope}`)));
}

/**
 * Waits until `holds()` resolves to a truthy value, asking every 100 ms for
 * at most `timeout` ms. For what a page answers asynchronously (its
 * caches, its service worker's registration): Playwright's waitForFunction
 * does not wait for a promise, which is always truthy.
 */
export async function eventually(holds, { timeout = 10_000, what = 'the condition' } = {}) {
  const end = Date.now() + timeout;
  while (!(await holds())) {
    if (Date.now() > end) throw new Error(`${what} did not hold within ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Requests that went anywhere but the app's own origin. */
export function foreignRequests(page, base) {
  const origin = new URL(base).origin;
  return page.seen.requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
}

/** Content-Security-Policy violations the page has seen so far. */
export async function cspViolations(page) {
  return page.evaluate(() => window.__cspViolations ?? []);
}

/**
 * Waits until localStorage holds no key of the app's: after a wipe, the
 * typing journal's counter goes last, once the journal holds nothing that
 * could bring the records back (web/journal.js).
 */
export async function appKeysGone(page) {
  await page.waitForFunction(() => !Object.keys(localStorage).some((k) => k.startsWith('ctit/')));
}

/** Opens the settings screen from the records list (its header's "Settings"). */
export async function toSettings(page) {
  await page.click('[data-open-settings]');
  await page.waitForSelector('[data-settings] [data-backup]');
}

/** Back from a screen of the study team's to the records list. */
export async function toList(page) {
  await page.getByRole('button', { name: '← All screenings' }).first().click();
  await page.waitForSelector('#list-title');
}

/**
 * Checks that what the app has already said (`en`, then `zh`: a regular
 * expression or text each) follows a change of language, as the rest of
 * the screen does, and is not left in the language it was said in; ends in
 * English. `within` narrows where it is looked for.
 */
export async function saysInEachLanguage(page, en, zh, within = 'body') {
  const shows = (what) => page.locator(within).getByText(what).first().waitFor();
  await shows(en);
  await page.click('.lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  await shows(zh);
  assert.equal(await page.locator(within).getByText(en).count(), 0, `${en} is still shown in Chinese`);
  await page.click('.lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await shows(en);
}
