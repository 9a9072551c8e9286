// A small W3C WebDriver client of our own (fetch over the JSON protocol, no
// download of any driver): starts WebKitGTK's WebKitWebDriver (MiniBrowser,
// under Xvfb) or geckodriver (Firefox ESR, headless) on a free port, opens
// one session, and always kills the driver's whole process group.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** The engines these tests drive: `CTIT_ENGINES=webkit` (or `firefox`, or `webkit,firefox`) picks. */
export const ENGINES = (process.env.CTIT_ENGINES ?? 'webkit,firefox').split(',').map((e) => e.trim()).filter(Boolean);

/** Where WebKitGTK's MiniBrowser is (Debian puts it under the library's own folder). */
function miniBrowser() {
  if (process.env.MINIBROWSER) return process.env.MINIBROWSER;
  for (const dir of ['/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/usr/lib']) {
    const p = path.join(dir, 'webkit2gtk-4.1/MiniBrowser');
    if (fs.existsSync(p)) return p;
  }
  throw new Error('MiniBrowser not found: run ./dev.sh test once (it installs webkit2gtk-driver)');
}

/** A port nobody listens on now (the driver is started on it; a clash is retried). */
function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Every driver started by this process, killed on exit whatever happens. */
const running = new Set();
function killGroup(child) {
  try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
  running.delete(child);
}
process.on('exit', () => { for (const c of running) killGroup(c); });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { for (const c of running) killGroup(c); process.exit(130); });

/** The process ids below `pid` (children, grandchildren …), read from /proc. */
export function descendants(pid) {
  const parent = new Map();
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch { /* exited meanwhile */ }
  }
  const out = [];
  const walk = (p) => { for (const [c, pp] of parent) if (pp === p) { out.push(c); walk(c); } };
  walk(pid);
  return out;
}

/** The command name of a process (`/proc/<pid>/comm`), or '' once it is gone. */
function comm(pid) {
  try { return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim(); } catch { return ''; }
}

/** Whether `pid` has ended (gone, or a zombie not reaped yet). */
export function ended(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch { return true; }
}

/** The key of a W3C WebDriver element reference (a DOM node a script returns, at any depth). */
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/** A command the driver refused; `code` is the protocol's error code ("element click intercepted", …). */
class WebDriverError extends Error {
  constructor(message, code) { super(message); this.code = code; }
}

/** One browser session through one driver process. */
export class Session {
  constructor(engine, child, base, id) {
    Object.assign(this, { engine, child, base, id });
  }

  async cmd(method, route, body) {
    const res = await fetch(`${this.base}/session/${this.id}${route}`, {
      method, headers: { 'content-type': 'application/json' }, signal: AbortSignal.timeout(120000),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json();
    if (json.value && json.value.error) {
      throw new WebDriverError(`${this.engine} ${method} ${route}: ${json.value.error}: ${json.value.message}`, json.value.error);
    }
    return json.value;
  }

  goto(url) { return this.cmd('POST', '/url', { url }); }

  /** Opens a new browser window (WebDriver's New Window), switches to it and returns its handle. */
  async newWindow() {
    const { handle } = await this.cmd('POST', '/window/new', { type: 'window' });
    await this.switchTo(handle);
    return handle;
  }

  /** The handle of the window commands now go to. */
  window() { return this.cmd('GET', '/window'); }

  /** Sends the next commands to the window `handle`. */
  switchTo(handle) { return this.cmd('POST', '/window', { handle }); }

  /**
   * Reloads the page as its user would. (Not WebDriver's Refresh: in
   * Firefox that reloads past the service worker, like Shift+reload.)
   */
  async reload() {
    await this.run(() => { window.__wdOld = true; setTimeout(() => location.reload(), 0); });
    await this.waitFor('the reloaded page', () => !window.__wdOld && document.readyState !== 'loading');
  }

  /** Runs `fn` (a function) in the page with `args`; returns its (awaited) value. */
  async run(fn, ...args) {
    return this.cmd('POST', '/execute/async', {
      script: `const done = arguments[arguments.length - 1];
        Promise.resolve().then(() => (${fn}).apply(null, Array.from(arguments).slice(0, -1)))
          .then((v) => done({ ok: v === undefined ? null : v }), (e) => done({ err: String(e && e.stack || e) }));`,
      args,
    }).then((r) => { if (r && 'err' in r) throw new Error(`in the page: ${r.err}`); return r?.ok; });
  }

  /**
   * Polls `fn(...args)` in the page until it returns something truthy (and
   * returns it); a page between loads counts as not yet. Fails after
   * `timeout` ms naming `what`.
   */
  async waitFor(what, fn, args = [], timeout = 30000) {
    const until = Date.now() + timeout;
    let last;
    for (;;) {
      try {
        const v = await this.run(fn, ...args);
        if (v) return v;
      } catch (e) { last = e; }
      if (Date.now() > until) throw new Error(`${this.engine}: timed out waiting for ${what}${last ? ` (last error: ${last.message})` : ''}`);
      await sleep(100);
    }
  }

  /** Waits for `selector` to be in the page (and shown, unless `hidden` is allowed). */
  waitForSelector(selector, { visible = true, timeout } = {}) {
    return this.waitFor(`"${selector}"`, (sel, vis) => {
      const el = document.querySelector(sel);
      return !!el && (!vis || el.getClientRects().length > 0);
    }, [selector, visible], timeout);
  }

  /** The text of the page's element `selector` ('' when there is none). */
  text(selector) {
    return this.run((sel) => document.querySelector(sel)?.textContent ?? '', selector);
  }

  /** Waits until `selector`'s text matches `re`, and returns it. */
  async waitForText(selector, re, timeout) {
    await this.waitFor(`${selector} to read ${re}`, (sel, src, flags) => new RegExp(src, flags).test(document.querySelector(sel)?.textContent ?? ''),
      [selector, re.source, re.flags], timeout);
    return this.text(selector);
  }

  /** Finds a button (or link) whose text is `name`, optionally inside `within`; returns a CSS selector to it. */
  async button(name, within = 'body') {
    const sel = await this.waitFor(`a button "${name}"`, (scope, label) => {
      const all = [...document.querySelectorAll(`${scope} button, ${scope} a, ${scope} [role=button]`)]
        .filter((b) => b.textContent.trim() === label && b.getClientRects().length > 0);
      if (!all.length) return null;
      all[0].setAttribute('data-wd-target', String(window.__wdN = (window.__wdN ?? 0) + 1));
      return `[data-wd-target="${window.__wdN}"]`;
    }, [within, name]);
    return sel;
  }

  /**
   * Waits until `selector` is shown and has kept its box for two animation
   * frames (Playwright's "stable" check before a click), and returns that
   * element's WebDriver reference, so the click or keys go to the very
   * element checked. A new step moves focus to its heading in the frame
   * after it is drawn, which scrolls the page; if that lands between
   * WebDriver's hit test and its click, WebKit clicks whatever is under
   * the point instead, or refuses. (It sees a move already queued when it
   * starts; not one the page makes later, after a part or style sheet
   * arrives: `type` reads its input back for that.)
   */
  async waitForStable(selector) {
    const found = await this.waitFor(`"${selector}" to show and stand still`, (sel) => new Promise((resolve, reject) => {
      const el = document.querySelector(sel);
      if (!el || el.getClientRects().length === 0) { resolve(null); return; }
      const box = () => { const r = el.getBoundingClientRect(); return [r.x, r.y, r.width, r.height].join(); };
      const before = box();
      // (A page that draws no frame, e.g. a hidden tab, says so.)
      const stalled = setTimeout(() => reject(new Error(`no animation frame in 1 s (visibilityState ${document.visibilityState})`)), 1000);
      requestAnimationFrame(() => requestAnimationFrame(() => {
        clearTimeout(stalled);
        resolve(el.isConnected && box() === before ? { el } : null);
      }));
    }), [selector]);
    const id = found.el?.[ELEMENT];
    if (!id) throw new Error(`${this.engine}: "${selector}" came back as ${JSON.stringify(found.el)}, not an element reference`);
    return id;
  }

  /**
   * A real click (WebDriver's Element Click: scrolled into view,
   * hit-tested) on `selector` once it stands still. A click refused before
   * it was sent, because the page moved or redrew the element meanwhile,
   * is tried again (twice at most).
   */
  async click(selector) {
    for (let attempt = 1; ; attempt++) {
      const el = await this.waitForStable(selector);
      try {
        await this.cmd('POST', `/element/${el}/click`, {});
        return;
      } catch (e) {
        if (attempt >= 3 || !['element click intercepted', 'stale element reference'].includes(e.code)) throw e;
      }
    }
  }

  async clickButton(name, within) { await this.click(await this.button(name, within)); }

  /**
   * Clears the input `selector` and types `text` as key presses, once it
   * stands still (a new step's focus, moved to its heading in the frame
   * after it is drawn, would otherwise take the keys typed meanwhile); then
   * reads the input back, so keys that went elsewhere fail here, by name.
   */
  async type(selector, text, { clear = true } = {}) {
    const el = await this.waitForStable(selector);
    // (Emptied as a user's select-all and delete would: WebDriver's Element
    // Clear refuses some inputs in WebKit.)
    if (clear && await this.value(selector)) {
      await this.run((sel) => {
        const input = document.querySelector(sel);
        input.value = '';
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }, selector);
    }
    await this.cmd('POST', `/element/${el}/value`, { text });
    const now = await this.value(selector);
    if (typeof now !== 'string' || !now.endsWith(text)) {
      throw new Error(`${this.engine}: typed ${JSON.stringify(text)} into ${selector}, which now holds ${JSON.stringify(now)}`);
    }
  }

  /** Chooses `file` (an absolute path) in the file input `selector`. */
  async upload(selector, file) {
    await this.waitForSelector(selector, { visible: false });
    const v = await this.cmd('POST', '/element', { using: 'css selector', value: selector });
    await this.cmd('POST', `/element/${Object.values(v)[0]}/value`, { text: file });
  }

  value(selector) { return this.run((sel) => document.querySelector(sel)?.value ?? null, selector); }

  /** Waits for the app's judging to catch up with the last keystroke (see harness.mjs `settled`). */
  settled() {
    return this.run(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => setTimeout(resolve, 0), 0))));
  }

  /** The page printed by the browser (WebDriver's Print Page) as a PDF buffer. */
  async print(options = {}) {
    const b64 = await this.cmd('POST', '/print', { page: { width: 21, height: 29.7 }, background: true, ...options });
    return Buffer.from(b64, 'base64');
  }

  /** The processes of WebKit's pages (WebKitWebProcess): what iOS ends when it reclaims a tab's memory. */
  pagePids() {
    return descendants(this.child.pid).filter((p) => comm(p).startsWith('WebKitWebProc')); // (comm is cut at 15 characters)
  }

  /** The browser's own processes (not the driver, not Xvfb). */
  browserPids() {
    return descendants(this.child.pid).filter((p) => !/^(WebKitWebDriver|geckodriver|Xvfb|xvfb-run|sh|bash)$/.test(comm(p)));
  }

  /** SIGKILLs the browser's processes: no shutdown, no flush (the driver is then closed too). */
  killBrowser() {
    for (const p of this.browserPids()) { try { process.kill(p, 'SIGKILL'); } catch { /* gone */ } }
    killGroup(this.child);
  }

  /** Ends the session and the driver (its process group), whatever state they are in. */
  async close() {
    try {
      await Promise.race([fetch(`${this.base}/session/${this.id}`, { method: 'DELETE' }), sleep(5000)]);
    } catch { /* the driver is gone already */ }
    killGroup(this.child);
  }
}

/**
 * Starts `engine`'s driver and a session in it. `profile`: a folder the
 * browser keeps its data in across sessions (Firefox's profile, WebKit's
 * data folder), else a fresh one it forgets.
 */
export async function startSession(engine, { profile } = {}) {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    let child, caps;
    if (engine === 'webkit') {
      child = spawn('xvfb-run', ['-a', '-s', '-screen 0 1280x1024x24', 'WebKitWebDriver', `--port=${port}`, '--host=127.0.0.1'],
        { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
      // (MiniBrowser under automation keeps its data in memory only: it
      // takes no profile, so a kill can only be of the page's process.)
      if (profile) throw new Error('MiniBrowser under automation keeps no profile');
      caps = { browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: miniBrowser(), args: ['--automation'] } };
    } else if (engine === 'firefox') {
      child = spawn(process.env.GECKODRIVER ?? path.join(os.homedir(), '.cargo/bin/geckodriver'),
        ['--port', String(port), '--host', '127.0.0.1', '--binary', '/usr/bin/firefox-esr'],
        { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
      const args = ['-headless'];
      if (profile) { fs.mkdirSync(profile, { recursive: true }); args.push('-profile', profile); }
      caps = {
        browserName: 'firefox',
        'moz:firefoxOptions': {
          binary: '/usr/bin/firefox-esr', args,
          prefs: {
            // Offline-safe: nothing of Firefox's own goes to the network.
            'app.update.enabled': false, 'browser.shell.checkDefaultBrowser': false,
            'datareporting.policy.dataSubmissionEnabled': false, 'toolkit.telemetry.enabled': false,
            'network.captive-portal-service.enabled': false, 'browser.safebrowsing.malware.enabled': false,
            'browser.safebrowsing.phishing.enabled': false, 'extensions.update.enabled': false,
            'network.connectivity-service.enabled': false, 'browser.region.network.url': '',
            'services.settings.server': 'http://127.0.0.1:9/', 'remote.prefs.recommended': true,
          },
        },
      };
    } else {
      throw new Error(`unknown engine ${engine}`);
    }
    running.add(child);
    child.on('error', () => {}); // (a missing driver shows as its exit below)
    let stderr = '';
    child.stderr.on('data', (d) => { stderr = (stderr + d).slice(-4000); });
    const base = `http://127.0.0.1:${port}`;
    try {
      // The driver answers /status once it listens.
      const until = Date.now() + 30000;
      for (;;) {
        if (child.exitCode !== null) throw new Error(`driver exited: ${stderr}`);
        try { if ((await (await fetch(`${base}/status`, { signal: AbortSignal.timeout(5000) })).json()).value) break; } catch { /* not yet */ }
        if (Date.now() > until) throw new Error(`driver did not start: ${stderr}`);
        await sleep(100);
      }
      const res = await (await fetch(`${base}/session`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, signal: AbortSignal.timeout(60000),
        body: JSON.stringify({ capabilities: { alwaysMatch: { ...caps, pageLoadStrategy: 'normal', timeouts: { script: 60000, pageLoad: 60000 } } } }),
      })).json();
      if (res.value?.error) throw new Error(`new session: ${res.value.error}: ${res.value.message} ${stderr}`);
      return new Session(engine, child, base, res.value.sessionId);
    } catch (e) {
      killGroup(child);
      if (attempt >= 3) throw e;
    }
  }
}


