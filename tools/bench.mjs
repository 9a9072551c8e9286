//! Benchmark: what users feel, measured in headless Chromium against the
// release build served on 127.0.0.1 with its pre-compressed files (run
// through `./dev.sh bench`, which builds first). Prints figures; it is not a
// pass/fail test (the size guard is tools/size-check.mjs).
//
//   critical path   HTML + JS + wasm + CSS, raw / gzip / brotli
//   cold verdict    first verdict painted (Element Timing), cache disabled,
//                   Slow 4G (562.5 ms, 180,000 B/s down) and 4x CPU, >= 10 runs
//   warm verdict    same, served by the service worker, 4x CPU, >= 10 runs
//   keystroke       typing into a number field at 4x CPU, one key per 80 ms:
//                   Event Timing duration (input to next paint), the app's own
//                   handler time (performance marks) and the verdict's redraw
//                   (traced: the app's task, and to the next frame's end)
//   draft save      check + serialize + write, p95 at 4x CPU (marks); the
//                   record carries a 66-entry history, as README's storage
//                   figure (src/history.rs)
//   list            1,000 and 5,000 records (short histories), warm, 4x CPU:
//                   the list drawn (first verdict), and from a search, an
//                   outcome filter and a status filter to the next paint
//   memory          V8 heap after a full GC + wasm memory, after load, on a
//                   page driven through the DevTools protocol alone (no
//                   Playwright scripts in its heap), and as measured before
//   floor           what the browser alone takes for the same screen or
//                   change: a static copy of it (HTML + the app's CSS, no
//                   script) loaded cold and warm as above (the first screen,
//                   and the 1,000-record list), typed into (the record
//                   screen's QTc field), its heap (with the main module's
//                   declared memory), the search's change made by one line
//                   of script; and the Slow 4G arithmetic for the bytes of
//                   the critical path and of the patient link
//   passcode lock   at 1x and 4x CPU, 1,000 records stored: one passcode
//                   attempt (Argon2id in its worker, a wrong passcode),
//                   setting a passcode (derivation + sealing every record),
//                   unlocking, and JS heap + wasm memory after unlocking
//   backup          200, 1,000 and 5,000 records at 4x CPU: the file's size, backing up,
//                   restoring after a wipe
//   handoff         the patient link (#patient) cold, Slow 4G + 4x CPU: the
//                   patient check's heading painted, next to the records
//                   list's first verdict; what the patient check, the code
//                   fetched after every first paint (with the code sheet)
//                   and the scan screen fetch (files, brotli), and the
//                   patient check's pack for a first visit; reading a camera
//                   frame with the Rust decoder at 4x CPU (a fake camera
//                   showing a code: ms per frame), and a photo
//   engines         the first verdict in Chromium, WebKit (WebKitGTK) and
//                   Firefox side by side, unthrottled, the same way in each
//                   (no engine but Chromium has Element Timing): ms from
//                   navigation start to the frame the list's first verdict
//                   is in, on a first visit and on later visits (service
//                   worker), one browser session per engine (WebDriver for
//                   WebKit and Firefox: tests/engines/webdriver.mjs)
//   engine          natively: cargo run --release --example bench_engine
//
// At the end, issue 31's figures as one table: each with the previous
// build's and its floor, its goal and whether it is met.
//
// BENCH_BEFORE=DIR (another build's dist/: every figure of that table
// measured for it too, beside these, same run), BENCH_RUNS (default 10), BENCH_PARTS (cold,warm,floor,input,list,lock,backup,handoff,engines,engine),
// BENCH_KEY_MS (default 80) and BENCH_DEBUG=1 (every event, the static
// copy's HTML) adjust a run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serveDist, launch, answerInitials } from '../tests/browser/harness.mjs';
import { criticalPath } from './critical-path.mjs';
import { brotli, moduleSizes } from './sizes.mjs';
import { writeCodeVideo } from '../tests/browser/camera.mjs';
import { readFeatures } from './build/features.mjs';
import { LOADER, readLoader, splitDir, vendoredRuntime } from './build/split.mjs';

const brotliSize = (file) => brotli(fs.readFileSync(file));

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// CTIT_DIST benches another build (e.g. the one before a change), as the browser tests do.
const dist = process.env.CTIT_DIST ? path.resolve(process.env.CTIT_DIST) : path.join(root, 'dist');
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
// BENCH_PARTS=cold,warm,floor,input,engine runs only those parts (sizes always print).
const PARTS = new Set((process.env.BENCH_PARTS ?? 'cold,warm,floor,input,list,lock,backup,handoff,engines,engine').split(','));

// DevTools' Slow 4G preset: latency in ms, throughput in bytes per second.
const SLOW_4G = { latency: 562.5, downloadThroughput: 180000, uploadThroughput: 84375 };

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => `${n.toFixed(1)} ms`;
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))];
};
const summary = (xs) => `median ${ms(quantile(xs, 0.5))}, min ${ms(Math.min(...xs))}, max ${ms(Math.max(...xs))} (n=${xs.length})`;

// --- Critical path sizes -------------------------------------------------
const size = criticalPath(dist);
console.log(`critical path (${size.files.join(', ')}):`);
console.log(`  raw ${kb(size.raw)}, gzip ${kb(size.gzip)}, brotli ${kb(size.brotli)}   (budget: brotli <= 124 KB)`);

// --- Browser measurements ------------------------------------------------
const server = await serveDist();
const browser = await launch();
// BENCH_BEFORE=DIR: the previous build, measured in the same run beside
// this one (every figure of issue 31's table at the end).
const before = process.env.BENCH_BEFORE ? await serveDist(path.resolve(process.env.BENCH_BEFORE)) : null;
/** The builds measured: this one, and the previous one when BENCH_BEFORE names it. */
const builds = [{ key: 'this', name: 'this build', site: server }, ...(before ? [{ key: 'before', name: `the previous build (${process.env.BENCH_BEFORE})`, site: before }] : [])];
/**
 * Issue 31's figures by name, gathered as the parts run: `this`, `before`
 * (the previous build, same run) and `floor` (what the browser alone takes
 * for the same screen or change), printed as one table at the end.
 */
const goals = new Map();
const record = (name, which, value) => goals.set(name, { ...goals.get(name), [which]: value });
const median = (xs) => quantile(xs, 0.5);
const seed = {
  schema: 2, protocol: 'bench', rev: 1,
  draft: { id: 'bench', label: 'BENCH-1', created: '2026-11-25T08:00:00Z', updated: '2026-11-25T08:00:00Z', screening_date: '2026-11-25', inputs: { ecog: '1', rhtpo_days: '21' }, history: benchHistory(66) },
};

/** A history of `n` lines as the app stores them (src/history.rs): created, then edits 20 s apart. */
function benchHistory(n) {
  const fields = ['birth_date', 'sex', 'ecog', 'rhtpo_days', 'platelet_count', 'alt', 'ast', 'creatinine', 'qtc_ms', 'hiv'];
  const lines = ['2026-11-25T08:00:00.000Z|BE|created'];
  for (let i = 1; i < n; i++) {
    const at = new Date(Date.parse('2026-11-25T08:00:00Z') + i * 20000).toISOString();
    lines.push(`${at}|BE|edited|${fields[i % fields.length]}||||${i % 7 ? '' : 'x'}|${100 + i}`);
  }
  return lines.join('\n') + '\n';
}

/**
 * A page driven through the DevTools protocol alone, for the memory
 * figures: Playwright's own scripts (injected into a page on its first
 * `evaluate`, `fill` or locator: two copies of a 330 KB source and their
 * compiled code, about 1.4 MB of the same V8 heap) are not in it, so the
 * heap is the app's. Steps are page expressions.
 */
async function protocolPage(context, page) {
  const cdp = await context.newCDPSession(page);
  const js = async (expression) => (await cdp.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true })).result.value;
  const until = (condition) => js(`new Promise((ok) => { const t = () => (${condition}) ? ok(true) : setTimeout(t, 50); t(); })`);
  return {
    cdp, js, until,
    goto: (url) => cdp.send('Page.navigate', { url }),
    click: (text) => js(`[...document.querySelectorAll('button')].find((b) => b.textContent.trim() === ${JSON.stringify(text)}).click()`),
    fill: (selector, value) => js(`(() => { const e = document.querySelector(${JSON.stringify(selector)}); e.value = ${JSON.stringify(value)}; e.dispatchEvent(new Event('input', { bubbles: true })); })()`),
    /** V8's used heap after full garbage collections (exact) plus the wasm linear memory, which never shrinks. */
    async memory() {
      await new Promise((settled) => setTimeout(settled, 1000));
      await cdp.send('HeapProfiler.enable');
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      return { heap: usedSize, wasm: await js('window.__wasm?.memory?.buffer?.byteLength ?? 0') };
    },
  };
}

const memoryLine = (mem) => `JS heap ${kb(mem.heap)}, wasm memory ${kb(mem.wasm)}, total ${((mem.heap + mem.wasm) / 1048576).toFixed(2)} MB`;

/**
 * The first verdict's paint time (Element Timing, from navigation start)
 * of a page made by `newPage`, read without running any script in the page
 * while it loads: an observer the benchmark adds before the page's own
 * scripts (`newPage`) says it on the console, and the benchmark listens. (Until
 * 2026-12-07 it was read by `page.evaluate` once `goto` returned: that
 * injected Playwright's script into the page at its load event, ~5 ms at
 * 4x CPU, which on the app's pages ran before the first frame, and on the
 * static copy's after it.)
 */
const verdicts = new WeakMap();
function firstVerdict(page) {
  const verdict = verdicts.get(page);
  if (!verdict) throw new Error('firstVerdict: a page made by newPage, loaded once');
  return verdict;
}
const VERDICT_MESSAGE = 'ctit-bench-verdict ';

/**
 * How long a new tab waits before it loads anything: the tab before it
 * has just closed, and on this 2-core machine its teardown (and the new
 * tab's own start) ran beside the load it measured. A coordinator opens
 * the app on a tablet that is otherwise idle. (Until 2026-12-07 there was
 * no pause: the same build's warm start read ~560 ms then and ~370 ms with
 * it, alternating tab by tab; the floor is loaded the same way.)
 */
const IDLE_BEFORE_LOAD_MS = 500;

async function newPage(context, { cold, rate = 4 }) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  if (cold) {
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...SLOW_4G });
  }
  // (The first load's verdict: a page measured is loaded once.)
  verdicts.set(page, new Promise((resolve, reject) => {
    const heard = (message) => {
      if (!message.text().startsWith(VERDICT_MESSAGE)) return;
      page.off('console', heard);
      resolve(Number(message.text().slice(VERDICT_MESSAGE.length)));
    };
    page.on('console', heard);
    page.once('crash', () => reject(new Error('the page crashed before its first verdict')));
    page.once('close', () => reject(new Error('the page closed before its first verdict')));
  }));
  verdicts.get(page).catch(() => {}); // (read by firstVerdict, if at all)
  await page.addInitScript(([entry, said]) => {
    window.__ctitMarks = true; // the app's own performance marks (off in everyday use)
    if (!localStorage.getItem('ctit/record/bench')) localStorage.setItem('ctit/record/bench', JSON.stringify(entry));
    addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; });
    // The first verdict's paint, said once (firstVerdict).
    new PerformanceObserver((list, observer) => {
      const e = list.getEntries().find((x) => x.identifier === 'verdict');
      if (!e) return;
      observer.disconnect();
      console.debug(said + (e.renderTime || e.loadTime));
    }).observe({ type: 'element', buffered: true });
  }, [seed, VERDICT_MESSAGE]);
  await new Promise((idle) => setTimeout(idle, IDLE_BEFORE_LOAD_MS));
  return page;
}

/** First verdict of `RUNS` cold loads of `url`: a fresh context each, no service worker. */
async function coldLoads(url) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await newPage(context, { cold: true });
    await page.goto(url);
    times.push(await firstVerdict(page));
    await context.close();
  }
  return times;
}

/**
 * First verdict of `RUNS` warm loads of `url`: new tabs of a context that
 * has loaded it before (and registered the service worker `register`, for
 * a page that registers none itself).
 */
async function warmLoads(url, { serviceWorker, register = null }) {
  const context = await browser.newContext();
  const first = await newPage(context, { cold: false });
  await first.goto(url);
  if (register) await first.evaluate((sw) => navigator.serviceWorker.register(sw), register);
  if (serviceWorker) {
    await first.evaluate(() => navigator.serviceWorker.ready);
    await first.reload();
    await first.evaluate(() => navigator.serviceWorker.ready);
  }
  await first.close();
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await newPage(context, { cold: false });
    await page.goto(url);
    times.push(await firstVerdict(page));
    await page.close();
  }
  await context.close();
  return times;
}

if (PARTS.has('cold')) {
  for (const { key, name, site } of builds) {
    const times = await coldLoads(site.url + '#coordinator');
    record('cold', key, median(times));
    console.log(`first verdict painted, cold, Slow 4G + 4x CPU, ${name}: ${summary(times)}`);
  }
}
if (PARTS.has('warm')) {
  for (const { key, name, site } of builds) {
    const times = await warmLoads(site.url + '#coordinator', { serviceWorker: true });
    record('warm', key, median(times));
    console.log(`first verdict painted, warm (service worker), 4x CPU, ${name}: ${summary(times)}`);
  }
}

// --- Floor: the browser's own share of those two figures -----------------
// The first screen as the app paints it, saved as a static page (the same
// elements, the same style sheet, no script) and loaded the same ways: what
// no change to the app's code can go below. The cold arithmetic adds what
// the critical path's bytes cost on the throttled link.

/**
 * A static copy of the screen `open(page)` brings up in the app (it
 * resolves to the page's HTML at the moment that counts): the same
 * elements and the build's style sheets, no script, served with a minimal
 * service worker of its own (`floor-sw.js`, answering from Cache Storage as
 * the app's does; registered by the benchmark, since the copy runs no
 * script). `prepare(context)` plants what the screen shows first.
 */
async function staticCopy(open, prepare = async () => {}) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await prepare(context);
  const page = await newPage(context, { cold: false });
  const html = (await open(page))
    .replace(/<script\b[\s\S]*?<\/script>/g, '')
    .replace(/<link rel="(?:modulepreload|preload)"[^>]*>/g, '');
  await context.close();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctit-floor-'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html>\n' + html);
  if (process.env.BENCH_DEBUG) console.log(html);
  for (const f of fs.readdirSync(dist).filter((f) => /\.(css|svg)(\.br|\.gz)?$/.test(f))) fs.copyFileSync(path.join(dist, f), path.join(dir, f));
  fs.writeFileSync(path.join(dir, 'floor-sw.js'), [
    "const FILES = ['./', ...(" + JSON.stringify(fs.readdirSync(dir).filter((f) => /\.(css|svg)$/.test(f)).map((f) => `./${f}`)) + ")];",
    "self.addEventListener('install', (e) => e.waitUntil(caches.open('floor').then((c) => c.addAll(FILES)).then(() => self.skipWaiting())));",
    "self.addEventListener('activate', (e) => e.waitUntil(self.clients.claim()));",
    "self.addEventListener('fetch', (e) => e.respondWith(caches.open('floor').then((c) => c.match(e.request.mode === 'navigate' ? './' : e.request, { ignoreSearch: true })).then((hit) => hit || fetch(e.request))));",
  ].join('\n'));
  const copy = await serveDist(dir);
  return {
    url: copy.url,
    /** First verdict of warm loads of the copy, served by its minimal service worker. */
    warm: () => warmLoads(copy.url, { serviceWorker: true, register: './floor-sw.js' }),
    async close() {
      await copy.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The page's HTML the moment the records list's first verdict is painted. */
async function listAtFirstVerdict(page) {
  // Taken in the animation-frame callback of the first frame with a
  // verdict, before that frame's paint: the page as that frame shows it.
  // (An Element Timing observer is told only after the paint, when the
  // app may already have drawn more: the list's other rows.)
  await page.addInitScript(() => {
    const look = () => {
      if (document.querySelector('[elementtiming="verdict"]')) window.__firstScreen = document.documentElement.outerHTML;
      else requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  await page.goto(server.url + '#coordinator');
  await page.waitForFunction(() => window.__firstScreen);
  return page.evaluate(() => window.__firstScreen);
}

if (PARTS.has('floor')) {
  const copy = await staticCopy(listAtFirstVerdict);
  const cold = await coldLoads(copy.url);
  const warm = await warmLoads(copy.url, { serviceWorker: false });
  const swWarm = await copy.warm();
  await copy.close();
  console.log(`floor, the same first screen as a static page (HTML + CSS, no script):`);
  console.log(`  cold, Slow 4G + 4x CPU: ${summary(cold)}`);
  console.log(`  warm (HTTP cache), 4x CPU: ${summary(warm)}`);
  console.log(`  warm (a minimal service worker, Cache Storage), 4x CPU: ${summary(swWarm)}`);
  // One round trip for the page, one more if it names files of its own
  // (fetched in parallel), then every byte of the critical path through the
  // throttled link, before any code runs.
  const rounds = size.files.length > 1 ? 2 : 1;
  const trips = rounds * SLOW_4G.latency;
  const transfer = (size.brotli / SLOW_4G.downloadThroughput) * 1000;
  console.log(`  cold, Slow 4G arithmetic: ${rounds} round trip${rounds > 1 ? 's' : ''} (${ms(trips)}) + ${kb(size.brotli)} at ${SLOW_4G.downloadThroughput} B/s (${ms(transfer)}) = ${ms(trips + transfer)} before any code runs`);
  record('cold', 'floor', `${ms(median(cold))} static page; ${ms(trips + transfer)} the bytes alone`);
  record('warm', 'floor', median(swWarm));
}

/** The memory page (see protocolPage) with BENCH-1 open and the screener's initials given. */
async function openRecordForMemory(p, site) {
  await p.goto(site.url + '#coordinator');
  await p.until(`[...document.querySelectorAll('button')].some((b) => b.textContent.trim() === 'BENCH-1')`);
  await p.click('BENCH-1');
  await p.until(`document.querySelector('.record [data-outcome]') && document.querySelector('#initials')`);
  await p.fill('#initials', 'BE');
  await p.js(`document.querySelector('[data-initials-form] button[type=submit]').click()`);
  await p.until(`!document.querySelector('[data-initials-form]')`);
}

/** Opens BENCH-1 in `page` (Playwright) and gives the screener's initials, asked before the first change of a session. */
async function openBenchRecord(page, site) {
  await page.goto(site.url + '#coordinator');
  await page.getByRole('button', { name: 'BENCH-1' }).click();
  await page.waitForSelector('.record [data-outcome]');
  await page.fill('#initials', 'BE');
  await page.locator('[data-initials-form] button[type=submit]').click();
  await page.waitForSelector('[data-initials-form]', { state: 'detached' });
}

/**
 * Typing into the QTc field at a brisk pace (one key every BENCH_KEY_MS,
 * 80 ms: 12.5 keys a second; keys sent back to back, faster than any person
 * types, would each wait for the previous key's frame and measure the
 * queue, not the app): 240 keystrokes. Returns Event Timing's duration per
 * interaction (input to next paint) for those of 16 ms or more, which is all
 * the API reports; the rest painted within a frame.
 */
/**
 * Types `rounds` rounds into the QTc field, one key every BENCH_KEY_MS:
 * a three-digit value from `first` on (first, first + 1, …), then three
 * backspaces; waits half a second for the last redraw. Returns the keys.
 */
async function typeRounds(page, rounds, first) {
  await page.click('#f-qtc_ms');
  const pace = Number(process.env.BENCH_KEY_MS ?? 80);
  let keys = 0;
  for (let i = 0; i < rounds; i++) {
    const text = String(first + i);
    await page.keyboard.type(text, { delay: pace });
    for (let k = 0; k < 3; k++) { await page.keyboard.press('Backspace'); await page.waitForTimeout(pace); }
    keys += text.length + 3;
  }
  await page.waitForTimeout(500);
  return keys;
}

async function typeQtc(page) {
  await page.evaluate(() => {
    // One figure per interaction (a keystroke fires keydown, input, keyup):
    // the longest of its events, as Chrome's INP does.
    window.__events = new Map();
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (!e.interactionId) continue;
        window.__events.set(e.interactionId, Math.max(window.__events.get(e.interactionId) ?? 0, e.duration));
        (window.__raw ??= []).push([e.name, e.duration, Math.round(e.processingStart - e.startTime), Math.round(e.processingEnd - e.processingStart)].join(':'));
      }
    }).observe({ type: 'event', durationThreshold: 16, buffered: false });
    performance.clearMeasures();
  });
  const keys = await typeRounds(page, 40, 400);
  const events = await page.evaluate(() => [...window.__events.values()]);
  if (process.env.BENCH_DEBUG) console.log(events.join(' '), '\n', (await page.evaluate(() => window.__raw ?? [])).slice(0, 60).join(' '));
  return { events, keys };
}

/**
 * The verdict's redraw after a keystroke, from a trace of typing into the
 * QTc field as `typeQtc` does (20 rounds, 120 keystrokes). For each redraw
 * (its `ctit-verdict` mark, set where the judging starts, after the
 * keystroke's own frame):
 * - `work`: the app's own work, from the mark to the end of the browser task
 *   it runs in (the judging, every effect it wakes and their changes to the
 *   page run in that task, effects as its microtasks);
 * - `screen`: the verdict on screen, to the end of the main thread's
 *   commit of the first frame after that task (its style, layout and
 *   paint; the compositor then shows it), for the redraws that changed the
 *   page (a paint within 50 ms and before the next keystroke; the others
 *   drew nothing new).
 * The marks' own measure (`ctit-verdict`) ends in a task queued after the
 * redraw: when the browser renders a frame first, which it does when the
 * redraw ends past the frame's deadline, that frame's style, layout and
 * paint were counted as the app's work.
 */
async function redrawFigures(page) {
  await browser.startTracing(page, { categories: ['devtools.timeline', 'blink.user_timing', 'disabled-by-default-devtools.timeline'] });
  await typeRounds(page, 20, 440);
  const { traceEvents } = JSON.parse((await browser.stopTracing()).toString());
  // (A mark is an instant event: 'I', or 'R' in some Chromium versions; the measures are 'b'/'e' pairs.)
  const marks = traceEvents.filter((e) => e.name === 'ctit-verdict' && (e.ph === 'I' || e.ph === 'R'));
  if (marks.length === 0) throw new Error('redrawFigures: no ctit-verdict marks in the trace (blink.user_timing)');
  const onMain = (e) => e.pid === marks[0]?.pid && e.tid === marks[0]?.tid && e.ph === 'X';
  const tasks = traceEvents.filter((e) => e.name === 'RunTask' && onMain(e));
  const paints = traceEvents.filter((e) => e.name === 'Paint' && onMain(e)).sort((a, b) => a.ts - b.ts);
  const commits = traceEvents.filter((e) => e.name === 'Commit' && onMain(e)).sort((a, b) => a.ts - b.ts);
  // A keystroke between a redraw and the next paint: that frame is the key's.
  const keys = traceEvents.filter((e) => e.name === 'EventDispatch' && onMain(e) && ['keydown', 'input'].includes(e.args?.data?.type));
  const work = [], screen = [];
  for (const mark of marks) {
    const task = tasks.filter((t) => t.ts <= mark.ts && mark.ts <= t.ts + t.dur).sort((a, b) => b.dur - a.dur)[0];
    if (!task) continue;
    const end = task.ts + task.dur;
    work.push((end - mark.ts) / 1000);
    const paint = paints.find((e) => e.ts >= end);
    if (!paint || paint.ts - end > 50000 || keys.some((k) => k.ts >= end && k.ts <= paint.ts)) continue;
    const commit = commits.find((e) => e.ts >= paint.ts + paint.dur);
    if (commit) screen.push((commit.ts + commit.dur - mark.ts) / 1000);
  }
  if (work.length < marks.length * 0.9) throw new Error(`redrawFigures: only ${work.length} of ${marks.length} redraws found in a task of the trace`);
  return { work, screen, redraws: marks.length };
}

/**
 * The memory figures (a record open; what 20 reopenings leave) and typing
 * (keystroke to next paint, the app's handler, the verdict's redraw, the
 * draft save) of the build served at `site`.
 */
async function inputFigures({ key, name, site }) {
  console.log(`${name}:`);
  // Memory after load: the record open, initials given (a page of its own,
  // driven without Playwright's scripts; see protocolPage).
  {
    const context = await browser.newContext();
    const p = await protocolPage(context, await newPage(context, { cold: false }));
    await openRecordForMemory(p, site);
    const opened = await p.memory();
    record('memory', key, opened.heap + opened.wasm);
    console.log(`  memory after load (a record open, initials given): ${memoryLine(opened)}   (budget: <= 4 MB)`);
    // Reopening the same record 20 times (back to the list, open it again):
    // what stays behind each time.
    const reopen = async () => {
      await p.click('← All screenings');
      await p.until(`[...document.querySelectorAll('button')].some((b) => b.textContent.trim() === 'BENCH-1')`);
      await p.click('BENCH-1');
      await p.until(`document.querySelector('.record [data-outcome]')`);
    };
    await reopen();
    const first = await p.memory();
    for (let i = 0; i < 19; i++) await reopen();
    const last = await p.memory();
    const per = (last.heap + last.wasm - first.heap - first.wasm) / 19;
    record('growth', key, per);
    console.log(`  after 20 reopenings of the same record: ${memoryLine(last)}; growth per reopening ${kb(per)} (JS heap ${kb((last.heap - first.heap) / 19)}, wasm ${kb((last.wasm - first.wasm) / 19)})`);
    await context.close();
  }
  const context = await browser.newContext();
  const page = await newPage(context, { cold: false });
  await openBenchRecord(page, site);
  // The same measured as rounds before this one did, on the Playwright-driven
  // page: its injected scripts included (for comparison with old figures).
  {
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const wasm = await page.evaluate(() => window.__wasm?.memory?.buffer?.byteLength ?? 0);
    console.log(`  the same with Playwright's injected scripts in the heap (as measured before 2026-12-02): ${memoryLine({ heap: usedSize, wasm })}`);
  }
  const { events } = await typeQtc(page);
  const marks = await page.evaluate(() => ({
    edit: performance.getEntriesByName('ctit-edit', 'measure').map((m) => m.duration),
    save: performance.getEntriesByName('ctit-save', 'measure').map((m) => m.duration),
    verdict: performance.getEntriesByName('ctit-verdict', 'measure').map((m) => m.duration),
  }));
  const traced = await redrawFigures(page);
  const n = marks.edit.length;
  if (process.env.BENCH_DEBUG) console.log('saves (ms, sorted):', [...marks.save].sort((a, b) => a - b).map((x) => x.toFixed(1)).join(' '));
  // Event Timing only reports events of 16 ms or more; the rest painted within a frame.
  const padded = [...events, ...Array(Math.max(0, n - events.length)).fill(16)];
  record('keystroke', key, quantile(padded, 0.95));
  record('redraw', key, quantile(traced.work, 0.95));
  record('redraw screen', key, quantile(traced.screen, 0.95));
  console.log(`  keystroke to next paint, 4x CPU (Event Timing, ${n} keystrokes, ${events.length} at >= 16 ms): p50 ${ms(quantile(padded, 0.5))}, p95 ${ms(quantile(padded, 0.95))}   (budget: p95 <= 32 ms)`);
  console.log(`  app handler per keystroke (marks): p50 ${ms(quantile(marks.edit, 0.5))}, p95 ${ms(quantile(marks.edit, 0.95))}`);
  console.log(`  verdict redrawn after the keystroke's paint, the app's own work (traced: the task the judging runs in, ${traced.work.length} of ${traced.redraws} redraws): p50 ${ms(quantile(traced.work, 0.5))}, p95 ${ms(quantile(traced.work, 0.95))}`);
  console.log(`  verdict on screen, from the judging's start to the next frame's commit (traced, ${traced.screen.length} redraws that changed the page): p50 ${ms(quantile(traced.screen, 0.5))}, p95 ${ms(quantile(traced.screen, 0.95))}`);
  console.log(`  the marks' measure of the redraw (to a task queued after it; counts the frame when one is rendered first), ${marks.verdict.length} updates: p50 ${ms(quantile(marks.verdict, 0.5))}, p95 ${ms(quantile(marks.verdict, 0.95))}`);
  console.log(`  draft save (serialize + write), 4x CPU: p50 ${ms(quantile(marks.save, 0.5))}, p95 ${ms(quantile(marks.save, 0.95))}   (budget: p95 <= 2 ms)`);
  await context.close();
}

/**
 * The wasm memory a module declares before it runs (its stack and static
 * data: the memory section's, or an imported memory's, initial pages), read
 * from the file; null if it has none.
 */
function declaredMemory(bytes) {
  let at = 8;
  const leb = () => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const b = bytes[at++];
      value += (b & 0x7f) * 2 ** shift;
      if (!(b & 0x80)) return value;
    }
  };
  const name = () => { const n = leb(); at += n; };
  const limits = () => { const flags = leb(); const min = leb(); if (flags & 1) leb(); return min * 65536; };
  while (at < bytes.length) {
    const id = bytes[at++];
    const end = leb() + at;
    if (id === 5 && leb() > 0) return limits();
    if (id === 2) {
      for (let n = leb(); n > 0; n--) {
        name(); name();
        const kind = bytes[at++];
        if (kind === 0) leb();
        else if (kind === 1) { at++; limits(); }
        else if (kind === 2) return limits();
        else if (kind === 3) at += 2;
        else leb();
      }
    }
    at = end;
  }
  return null;
}

if (PARTS.has('input')) {
  for (const build of builds) await inputFigures(build);
  // The floor: the record screen as the app draws it, saved as a static
  // page (no script). Typing into its QTc field is the browser's own share
  // of a keystroke (its input, layout and paint); its heap after a full
  // garbage collection, with the main module's declared memory (stack and
  // static data), what the app holds before it allocates anything.
  const copy = await staticCopy(async (page) => {
    await openBenchRecord(page, server);
    await page.waitForTimeout(1000);
    return page.evaluate(() => document.documentElement.outerHTML);
  });
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const p = await protocolPage(context, await newPage(context, { cold: false }));
  await p.goto(copy.url);
  await p.until(`document.querySelector('#f-qtc_ms')`);
  const staticHeap = (await p.memory()).heap;
  const main = fs.readdirSync(dist).find((f) => /^app-[0-9a-f]+\.wasm$/.test(f));
  const declared = main ? declaredMemory(fs.readFileSync(path.join(dist, main))) : null;
  const page = await newPage(context, { cold: false });
  await page.goto(copy.url);
  const { events, keys } = await typeQtc(page);
  const padded = [...events, ...Array(Math.max(0, keys - events.length)).fill(16)];
  await context.close();
  await copy.close();
  console.log(`floor, the record screen as a static page (no script): keystroke to next paint p50 ${ms(quantile(padded, 0.5))}, p95 ${ms(quantile(padded, 0.95))} (${keys} keystrokes, ${events.length} at >= 16 ms); JS heap ${kb(staticHeap)}; the main module's declared wasm memory (stack + static data) ${declared === null ? 'not found' : kb(declared)}`);
  record('keystroke', 'floor', quantile(padded, 0.95));
  record('memory', 'floor', staticHeap + (declared ?? 0));
}

/**
 * Plants `count` records in the context's storage (each with a short
 * history of `historyLines` lines: 5,000 with more would not fit
 * localStorage's quota), through a page of `site`.
 */
async function plantList(context, site, count, historyLines) {
  const seedPage = await context.newPage();
  await seedPage.goto(site.url + '#home');
  await seedPage.evaluate(([history, n]) => {
    for (let i = 0; i < n; i++) {
      const id = `list${String(i).padStart(4, '0')}`;
      const draft = {
        id, label: `S-${String(i).padStart(4, '0')}`, created: '2026-11-01T08:00:00.000Z',
        updated: new Date(Date.parse('2026-11-01T08:00:00Z') + i * 60000).toISOString(), screening_date: '2026-11-01',
        inputs: { ecog: String(i % 3), rhtpo_days: '21', age_years: String(18 + (i % 60)), platelet_count: '20' }, history,
      };
      if (i % 3 === 0) draft.status = 'completed';
      localStorage.setItem(`ctit/record/${id}`, JSON.stringify({ schema: 2, protocol: 'bench', rev: 1, draft }));
    }
    localStorage.setItem('ctit/settings/lock_declined', '1');
  }, [benchHistory(historyLines), count]);
  await seedPage.close();
}

/**
 * In the page: from setting `selector` to `value` to the next paint. The
 * app's pages follow the change through its event; on a static copy of the
 * list (`rows`) the same change to the table is done by a few lines of
 * script: the labels of the first rows set to `rows` (the records the
 * search finds), the other rows removed.
 */
const timedChange = (page, selector, value, { rows = null } = {}) => page.evaluate(([sel, v, found]) => new Promise((resolve) => {
  const el = document.querySelector(sel);
  const t0 = performance.now();
  el.value = v;
  if (found) {
    document.querySelectorAll('table.records tbody tr').forEach((row, i) => {
      if (i < found.length) row.querySelector('td button').textContent = found[i];
      else row.remove();
    });
  } else el.dispatchEvent(new Event(el.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
  requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0)));
}), [selector, value, rows]);

/** The search the list's figures time: ten records (S-0120 to S-0129), none of them among the 50 rows first shown, so the rows are drawn again. */
const SEARCH = 'S-012';
const FOUND = Array.from({ length: 10 }, (_, i) => `S-${String(129 - i).padStart(4, '0')}`);

/** Resolves once the page has fetched everything and been idle for a second (two frames, then 1 s), as a list is when a coordinator starts typing. */
async function settle(page) {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => new Promise((settled) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(settled, 1000)))));
}

/**
 * The records list with `count` records at 4x CPU, of the build at `site`:
 * drawn (first verdict, warm), and from a search, an outcome filter and a
 * status filter to the next paint.
 */
async function listFigures({ key, name, site }, count, historyLines) {
  const context = await browser.newContext();
  await plantList(context, site, count, historyLines);
  const draws = [];
  const filters = { search: [], settled: [], outcome: [], outcomeSettled: [], status: [] };
  for (let run = 0; run < Math.min(RUNS, 7); run++) {
    const page = await newPage(context, { cold: false });
    await page.goto(site.url + '#coordinator');
    draws.push(await firstVerdict(page));
    // The first search the moment the search box shows: its change's frame
    // also lays out and paints the list's tools, just arrived (and may meet
    // the record form's module, prefetched after the list's paint).
    await page.waitForSelector('[data-list-filter]');
    filters.search.push(await timedChange(page, '#list-search', 'S-09'));
    await timedChange(page, '#list-search', '');
    filters.outcome.push(await timedChange(page, '#list-outcome', 'not_eligible'));
    filters.status.push(await timedChange(page, '#list-status', 'complete'));
    await page.close();
    // The first search once the list has settled, as a coordinator types
    // a moment after the list shows: one that finds other records than
    // the rows shown (SEARCH), so the rows are drawn again.
    const later = await newPage(context, { cold: false });
    await later.goto(site.url + '#coordinator');
    await later.waitForSelector('[data-list-filter]');
    await settle(later);
    filters.settled.push(await timedChange(later, '#list-search', SEARCH));
    // The first filter by outcome a moment later (the search cleared, the
    // list idle for a second again), as a coordinator chooses one.
    await timedChange(later, '#list-search', '');
    await settle(later);
    filters.outcomeSettled.push(await timedChange(later, '#list-outcome', 'not_eligible'));
    await later.close();
  }
  const n = count.toLocaleString('en');
  record(`list ${count}`, key, median(draws));
  record(`search ${count}`, key, median(filters.settled));
  record(`search at once ${count}`, key, median(filters.search));
  record(`outcome ${count}`, key, median(filters.outcome));
  record(`outcome settled ${count}`, key, median(filters.outcomeSettled));
  console.log(`records list of ${n} records (${historyLines}-line histories), 4x CPU, ${name}: drawn (first verdict, warm) ${summary(draws)}`);
  console.log(`  search by label to next paint, the list settled, "${SEARCH}" (ten records, none of them on the first page): ${summary(filters.settled)}`);
  console.log(`  search by label to next paint, the moment the search box shows, "S-09" (a hundred records, not the newest: every row shown moves up one): ${summary(filters.search)}`);
  console.log(`  filter by outcome to next paint, the first, right after that search (it judges every record not judged yet): ${summary(filters.outcome)}`);
  console.log(`  then by status to next paint: ${summary(filters.status)}`);
  console.log(`  filter by outcome to next paint, the first once the list has settled (after the settled search, cleared, and a second idle): ${summary(filters.outcomeSettled)}`);
  await context.close();
}

if (PARTS.has('list')) {
  for (const build of builds) {
    await listFigures(build, 1000, 10);
    await listFigures(build, 5000, 2);
  }
  // The floor: the 1,000-record list as the app paints it, saved as a
  // static page, loaded warm from its minimal service worker; and the
  // search's change to the table done to that page by a few lines of
  // script (timedChange), from the change to the next paint: the browser's
  // layout and paint of the same change.
  const copy = await staticCopy(listAtFirstVerdict, (context) => plantList(context, server, 1000, 10));
  const drawn = await copy.warm();
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const searches = [];
  for (let run = 0; run < Math.min(RUNS, 7); run++) {
    const page = await newPage(context, { cold: false });
    await page.goto(copy.url);
    await page.waitForSelector('table.records');
    // (The static copy's search box, when the copy was taken before the
    // list's tools arrived; two frames let its own layout settle first.)
    await page.evaluate(() => new Promise((settled) => {
      if (!document.querySelector('#list-search')) document.querySelector('.list-tools').prepend(Object.assign(document.createElement('input'), { id: 'list-search' }));
      requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(settled)));
    }));
    await settle(page);
    searches.push(await timedChange(page, '#list-search', SEARCH, { rows: FOUND }));
    await page.close();
  }
  await context.close();
  await copy.close();
  console.log(`floor, the 1,000-record list as a static page: drawn, warm (a minimal service worker) ${summary(drawn)}; the search's change to the next paint ${summary(searches)}`);
  record('list 1000', 'floor', median(drawn));
  record('search 1000', 'floor', median(searches));
}

if (PARTS.has('lock')) {
  const PASS = 'bench passcode 2468';
  const setPasscode = async (page) => {
    await page.fill('#new-passcode', PASS);
    await page.fill('#new-passcode-again', PASS);
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Set passcode' }).click();
    await page.waitForSelector('text=records are now stored encrypted', { timeout: 120000 });
    return Date.now() - t0;
  };
  const unlock = async (page, passcode) => {
    await page.fill('#unlock-passcode', passcode);
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Unlock' }).click();
    // "Checking…" shows while the passcode is tried.
    await page.waitForSelector('.lock [role=status]', { state: 'attached' });
    await page.waitForSelector('.lock [role=status]', { state: 'detached', timeout: 120000 });
    return Date.now() - t0;
  };
  // Memory after unlocking, as "memory after load" (one record, 4x CPU):
  // a tab started on a device with a passcode, unlocked, the record opened.
  // The key derivation's 64 MiB belong to its worker, ended after it.
  {
    const context = await browser.newContext();
    const first = await newPage(context, { cold: false });
    await first.goto(server.url + '#coordinator');
    await first.waitForSelector('[data-lock-offer]');
    await setPasscode(first);
    await first.close();
    // (A page driven without Playwright's scripts, as memory after load.)
    const p = await protocolPage(context, await newPage(context, { cold: false }));
    await p.goto(server.url + '#coordinator');
    await p.until(`document.querySelector('#unlock-passcode')`);
    await p.fill('#unlock-passcode', PASS);
    await p.click('Unlock');
    await p.until(`[...document.querySelectorAll('button')].some((b) => b.textContent.trim() === 'BENCH-1')`);
    await p.click('BENCH-1');
    await p.until(`document.querySelector('.record [data-outcome]')`);
    // (Settled first, in memory(): the ended worker's messages and the
    // fetches of the lazily loaded modules are let go of.)
    console.log(`memory after unlocking and opening the record: ${memoryLine(await p.memory())}   (budget: <= 4 MB)`);
    await context.close();
  }
  // The derivation itself at 1x and 4x CPU: DevTools' CPU throttling slows
  // the page, not workers, so the worker's module (the very file the worker
  // runs) is also timed on the page, throttled.
  {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url + '#coordinator');
    const cdp = await context.newCDPSession(page);
    const times = {};
    for (const rate of [1, 4]) {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      times[rate] = await page.evaluate(async () => {
        const bytes = await (await fetch('./kdf-v1.wasm')).arrayBuffer();
        const { instance } = await WebAssembly.instantiate(bytes, {});
        const k = instance.exports;
        const at = (n) => k.kdf_alloc(n);
        const pass = at(19), salt = at(16), out = at(32);
        const t0 = performance.now();
        k.kdf_derive(pass, 19, salt, 16, 65536, 3, 1, out);
        return performance.now() - t0;
      });
    }
    console.log(`key derivation alone (Argon2id 64 MiB x 3, the worker's module timed on the page): 1x CPU ${ms(times[1])}, 4x CPU ${ms(times[4])}`);
    await context.close();
  }
  // Times with 1,000 records stored. (DevTools' CPU throttling slows the
  // page, not the key derivation's worker: the attempt is the worker's
  // real time on this machine at both rates.)
  for (const rate of [1, 4]) {
    const context = await browser.newContext();
    const page = await newPage(context, { cold: false, rate });
    await page.goto(server.url + '#coordinator');
    await page.waitForSelector('#list-title');
    // 1,000 records in the clear, of the size a complete screening has.
    await page.evaluate((entry) => {
      for (let i = 0; i < 1000; i++) {
        const id = `seal${String(i).padStart(4, '0')}`;
        const e = { ...entry, draft: { ...entry.draft, id, label: `S-${i}`, inputs: { ...entry.draft.inputs, birth_date: '1961-04-02', platelet_count: '21', alt: '35', 'alt.uln': '40', qtc_ms: '430', notes_free_text_padding: 'x'.repeat(400) } } };
        localStorage.setItem(`ctit/record/${id}`, JSON.stringify(e));
      }
    }, seed);
    await page.reload();
    await page.waitForSelector('[data-lock-offer]');
    const set = await setPasscode(page);
    await page.getByRole('button', { name: 'Lock now' }).click();
    const attempts = [await unlock(page, 'wrong passcode one'), await unlock(page, 'wrong passcode two')];
    const opened = await unlock(page, PASS);
    const marks = await page.evaluate(() => ({
      kdf: performance.getEntriesByName('ctit-kdf', 'measure').map((m) => m.duration),
      seal: performance.getEntriesByName('ctit-seal', 'measure').map((m) => m.duration),
    }));
    console.log(`passcode lock, ${rate}x CPU (page), 1,000 records: one passcode attempt ${ms(quantile(attempts, 0.5))} (of which the worker's derivation, marks: ${marks.kdf.map(ms).join(', ')}); setting the passcode ${ms(set)}, of which writing the vault and sealing the 1,000 records ${ms(marks.seal[0] ?? NaN)} (marks); unlocking (derivation + opening every record + the list) ${ms(opened)}`);
    await context.close();
  }
}

/** Backing up and restoring `count` records at 4x CPU, in the build at `site`. */
async function backupFigures({ key, name, site }, count) {
  // Back up and restore at 4x CPU (the key derivation runs in its worker,
  // which DevTools does not throttle). Past 200 records each has a
  // 2-line history: 5,000 with 66 lines would not fit localStorage.
  const context = await browser.newContext({ acceptDownloads: true });
  // (A restore asks who restores: the screener's initials, answered at once.)
  await answerInitials(context, 'BE');
  const page = await newPage(context, { cold: false });
  await page.addInitScript(([entry, n, short]) => {
    if (sessionStorage.getItem('bench-planted')) return;
    sessionStorage.setItem('bench-planted', '1');
    localStorage.setItem('ctit/settings/lock_declined', '1');
    for (let i = 0; i < n; i++) {
      const id = `bk${String(i).padStart(4, '0')}`;
      const draft = { ...entry.draft, id, label: `BK-${i}`, history: n > 200 ? short : entry.draft.history, inputs: { ...entry.draft.inputs, birth_date: '1961-04-02', platelet_count: '21', alt: '35', 'alt.uln': '40', qtc_ms: '430' } };
      localStorage.setItem(`ctit/record/${id}`, JSON.stringify({ ...entry, draft }));
    }
  }, [seed, count, benchHistory(2)]);
  await page.goto(site.url + '#settings');
  await page.waitForSelector('[data-backup]');
  await page.fill('#backup-password', 'bench backup 2468');
  await page.fill('#backup-password-again', 'bench backup 2468');
  let t0 = Date.now();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-backup]').getByRole('button', { name: 'Back up all records' }).click()]);
  const backup = Date.now() - t0;
  const text = fs.readFileSync(await download.path(), 'utf8');
  await page.getByRole('button', { name: 'Wipe this device' }).click();
  await page.getByRole('button', { name: 'Yes, wipe everything' }).click();
  await page.setInputFiles('#restore-file', { name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.fill('#restore-password', 'bench backup 2468');
  t0 = Date.now();
  await page.getByRole('button', { name: 'Restore', exact: true }).click();
  await page.waitForSelector('[data-result=restore]', { timeout: 600000 });
  const restore = Date.now() - t0;
  const restored = await page.textContent('[data-result=restore]');
  // (The page also holds the benchmark's own record, BENCH-1.)
  if (Number(/(\d+) added/.exec(restored)?.[1] ?? 0) < count) throw new Error(`restoring ${count} records did not restore them all: ${restored}`);
  record(`backup ${count}`, key, backup);
  console.log(`backup of ${count.toLocaleString('en')} records, 4x CPU (page), ${name}: file ${kb(Buffer.byteLength(text))}; backing up ${ms(backup)}; restoring after a wipe ${ms(restore)} (each includes one key derivation in the worker)`);
  await context.close();
}

if (PARTS.has('backup')) {
  await backupFigures(builds[0], 200);
  for (const build of builds) {
    await backupFigures(build, 1000);
    await backupFigures(build, 5000);
  }
}

if (PARTS.has('handoff')) {
  // What opening each lazily loaded module's screens fetches (the features
  // table's modules): its module and the shared chunks the splitter says it
  // uses (read from the build's split loader), brotli, and its style sheets
  // and scripts.
  const targetDir = process.env.CARGO_TARGET_DIR ?? path.join(root, 'target');
  const split = readLoader(fs.readFileSync(path.join(splitDir(targetDir, 'release'), LOADER), 'utf8'), vendoredRuntime(root));
  const sizes = moduleSizes(dist);
  for (const m of readFeatures(root).modules) {
    const module = split.modules.find((s) => s.name === m.name);
    const files = [module.file, ...module.chunks.map((i) => split.chunks[i].file)].map((f) => f.replace(/\.wasm$/, ''));
    const total = files.reduce((n, f) => n + (sizes[f] ?? 0), 0);
    const extra = [...m.styles, ...m.scripts].map((f) => path.basename(f));
    console.log(`module ${m.name} (${m.what}; fetched ${m.fetched}): ${files.length} wasm files, ${kb(total)} brotli (split_${m.name} ${kb(sizes[`split_${m.name}`])})${extra.map((f) => `, + ${f} ${kb(brotliSize(path.join(dist, f)))}`).join('')}`);
  }

  const pack = fs.readdirSync(dist).find((f) => /^pack_patient-[0-9a-f]+\.bin$/.test(f));
  console.log(`a first visit to #patient fetches the patient check's files as one pack: ${kb(brotliSize(path.join(dist, pack)))} brotli`);

  // The patient link, cold: when the patient check's heading is first in a
  // painted frame.
  for (const { key, name, site } of builds) {
    const heading = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ serviceWorkers: 'block' });
      const page = await newPage(context, { cold: true });
      await page.addInitScript(() => {
        const look = () => {
          if (document.getElementById('p-step-title')) requestAnimationFrame(() => { window.__headingAt = performance.now(); });
          else requestAnimationFrame(look);
        };
        requestAnimationFrame(look);
      });
      await page.goto(site.url + '#patient');
      await page.waitForFunction(() => window.__headingAt, null, { timeout: 60000 });
      heading.push(await page.evaluate(() => window.__headingAt));
      await context.close();
    }
    record('patient', key, median(heading));
    console.log(`patient link (#patient) cold, Slow 4G + 4x CPU, the check's heading painted, ${name}: ${summary(heading)}   (budget: median <= 1800 ms)`);
  }
  // Its floor: the page's round trip, then the page, the pack and the
  // patient check's style sheets through the throttled link, one after the
  // other (they share it), before any code runs.
  {
    const patient = readFeatures(root).modules.find((m) => m.pack);
    const sheets = patient.styles.map((f) => path.join(dist, path.basename(f))).filter((f) => fs.existsSync(f));
    const bytes = size.brotli + brotliSize(path.join(dist, pack)) + sheets.reduce((n, f) => n + brotliSize(f), 0);
    const floor = SLOW_4G.latency + (bytes / SLOW_4G.downloadThroughput) * 1000;
    console.log(`  floor, Slow 4G arithmetic: 1 round trip (${ms(SLOW_4G.latency)}) + ${kb(bytes)} (the page, the pack, ${sheets.map((f) => path.basename(f)).join(', ')}) at ${SLOW_4G.downloadThroughput} B/s = ${ms(floor)} before any code runs`);
    record('patient', 'floor', floor);
  }

  // Reading frames: a fake camera shows a code of another trial, so the
  // scan screen reads frame after frame (each refused) for 4 s at 4x CPU.
  const { default: QRCode } = await import('qrcode');
  const grid = QRCode.create(`NCT01234567:1:${'ABCDEFGH12345678'.repeat(8)}`, { errorCorrectionLevel: 'M' }).modules;
  const video = path.join(os.tmpdir(), `ctit-bench-${process.pid}.y4m`);
  writeCodeVideo(video, grid.size, (x, y) => grid.get(y, x));
  const camera = await launch(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`]);
  const context = await camera.newContext();
  const page = await newPage(context, { cold: false });
  await page.addInitScript(() => localStorage.setItem('ctit/settings/lock_declined', '1'));
  await page.goto(server.url + '#coordinator');
  await page.click('[data-scan]');
  await page.click('[data-scan-camera]');
  await page.waitForSelector('[data-scan-status].error, [data-scan-status][role=alert]', { timeout: 20000 });
  await page.waitForTimeout(4000);
  const frames = await page.evaluate(() => performance.getEntriesByName('ctit-scan-decode', 'measure').map((m) => m.duration));
  console.log(`reading a 640x480 camera frame with the Rust decoder (QR version ${Math.round((grid.size - 17) / 4)}), 4x CPU: p50 ${ms(quantile(frames, 0.5))}, p95 ${ms(quantile(frames, 0.95))} (n=${frames.length})`);
  // A photo: the decoder on a 1,464 px picture, scaled to 1,024 px first.
  await page.evaluate(() => performance.clearMeasures());
  const photo = await QRCode.toBuffer(`NCT01234567:1:${'ABCDEFGH12345678'.repeat(8)}`, { errorCorrectionLevel: 'M', scale: 24 });
  await page.setInputFiles('[data-scan-photo]', { name: 'photo.png', mimeType: 'image/png', buffer: photo });
  await page.waitForFunction(() => performance.getEntriesByName('ctit-scan-decode', 'measure').length > 0);
  const still = await page.evaluate(() => performance.getEntriesByName('ctit-scan-decode', 'measure').map((m) => m.duration));
  console.log(`reading a photo (PNG, scaled to 1,024 px), 4x CPU: ${ms(still[still.length - 1])}`);
  await context.close();
  await camera.close();
  fs.rmSync(video, { force: true });
}

// --- Every engine, unthrottled, side by side ----------------------------
if (PARTS.has('engines')) {
  const { startSession } = await import('../tests/engines/webdriver.mjs');
  /** In the page: ms from navigation start to the frame the list's first verdict is in. */
  const verdictFrame = () => new Promise((ok) => {
    const look = () => (document.querySelector('[elementtiming="verdict"]') ? ok(performance.now()) : requestAnimationFrame(look));
    look();
  });
  /** `RUNS` + 1 loads through `visit(url)`: the first visit, then later ones (the service worker answers). */
  const loads = async (visit, ready) => {
    const first = await visit();
    await ready();
    const later = [];
    for (let i = 0; i < RUNS; i++) later.push(await visit());
    return `first visit ${ms(first)}, later visits ${summary(later)}`;
  };
  const seedAndGo = async (goto, run) => {
    await goto(server.url + 'not-the-app');
    await run((entry) => {
      localStorage.setItem('ctit/settings/lock_declined', '1');
      localStorage.setItem('ctit/record/bench', JSON.stringify(entry));
    }, seed);
    await goto(server.url + '#coordinator');
    return run(verdictFrame);
  };
  console.log('first verdict, unthrottled, per engine (ms from navigation start to the frame it is in):');
  {
    const context = await browser.newContext();
    const page = await context.newPage();
    const visit = () => seedAndGo((u) => page.goto(u), (fn, arg) => page.evaluate(fn, arg));
    console.log(`  Chromium: ${await loads(visit, () => page.evaluate(() => navigator.serviceWorker.ready))}`);
    await context.close();
  }
  for (const engine of ['webkit', 'firefox']) {
    let s;
    try {
      s = await startSession(engine);
      const visit = () => seedAndGo((u) => s.goto(u), (fn, arg) => s.run(fn, arg));
      const name = engine === 'webkit' ? 'WebKit' : 'Firefox';
      console.log(`  ${name}: ${await loads(visit, () => s.run(() => navigator.serviceWorker.ready.then(() => true)))}`);
    } catch (e) {
      console.log(`  ${engine}: not measured (${e.message.split('\n')[0]}; ./dev.sh test installs its driver)`);
    } finally {
      await s?.close();
    }
  }
}

await browser.close();
await server.close();
await before?.close();

// --- Issue 31's figures in one table -------------------------------------
// Each with the previous build's (BENCH_BEFORE, same run) and its floor:
// what the browser alone takes for the same screen or change (or, for the
// links, what the bytes cost on it). A goal below its floor cannot be met;
// the floor is then the result.
if (goals.size > 0) {
  const mb = (n) => `${(n / 1048576).toFixed(2)} MB`;
  const times = (x) => `${x.toFixed(2)}x`;
  /** [name in goals, what, unit, goal (a number, or from the floor and the figures), goal's words]. */
  const rows = [
    ['warm', 'first verdict, warm (service worker), median', ms, (g) => g.floor * 1.5, '<= 1.5 x the floor (a minimal service worker)'],
    ['cold', 'first verdict, cold, Slow 4G, median', ms, () => 1500, '<= 1,500 ms'],
    ['patient', 'patient link #patient, cold, Slow 4G, heading painted, median', ms, () => 1700, '<= 1,700 ms'],
    ['keystroke', 'keystroke to next paint, p95 (66-entry history)', ms, () => 24, '<= 24 ms'],
    ['redraw', 'verdict redrawn after a keystroke (the app\'s task, traced), p95', ms, () => 16, '<= 16 ms'],
    ['redraw screen', 'verdict on screen after a keystroke (that task, then the next frame\'s style, layout, paint and commit), p95', ms, () => NaN, 'none (shown beside the redraw)'],
    ['memory', 'memory (page alone), a record open', mb, () => 2.5 * 1048576, '<= 2.50 MB'],
    ['growth', 'growth per reopening of the same record', kb, () => 20 * 1024, '<= 20 KB'],
    ['list 1000', '1,000-record list drawn, warm, median', ms, () => 300, '<= 300 ms'],
    ['search 1000', `search to list painted, 1,000 records ("${SEARCH}", the list settled), median`, ms, () => 50, '<= 50 ms'],
    ['search at once 1000', 'search to list painted, 1,000 records ("S-09"), the moment the search box shows, median', ms, () => 50, '<= 50 ms'],
    ['list 5000', '5,000 records: list drawn', ms, (g, all) => 3 * all.get('list 1000')?.this, '<= 3 x its 1,000 figure'],
    ['search 5000', '5,000 records: search', ms, (g, all) => 3 * all.get('search 1000')?.this, '<= 3 x its 1,000 figure'],
    ['outcome 5000', '5,000 records: the first outcome filter, right after the first search', ms, (g, all) => 3 * all.get('outcome 1000')?.this, '<= 3 x its 1,000 figure'],
    ['outcome settled 5000', '5,000 records: the first outcome filter, the list settled', ms, (g, all) => 3 * all.get('outcome settled 1000')?.this, '<= 3 x its 1,000 figure'],
    ['backup 5000', '5,000 records: backup', ms, (g, all) => 3 * all.get('backup 1000')?.this, '<= 3 x its 1,000 figure'],
  ];
  const floors = { redraw: 'none: the app\'s own work (traced)', 'redraw screen': 'the keystroke\'s own frame (see keystroke)', growth: '0: nothing should stay' };
  console.log('\nissue 31, 4x CPU (figure | previous build | this build | floor | goal | result):');
  for (const [name, what, unit, goalOf, goalWords] of rows) {
    const g = goals.get(name);
    if (g?.this === undefined) continue;
    const show = (v) => (v === undefined ? '-' : typeof v === 'number' ? unit(v) : v);
    const goal = goalOf(g, goals);
    const floorNumber = typeof g.floor === 'number' ? g.floor : undefined;
    const result = !Number.isFinite(goal) ? 'no goal measured'
      : g.this <= goal ? 'met'
      : floorNumber !== undefined && floorNumber > goal ? `not met; the goal is below the floor (${times(g.this / floorNumber)} the floor)`
      : `not met (${floorNumber !== undefined ? `${times(g.this / floorNumber)} the floor` : `${times(g.this / goal)} the goal`})`;
    console.log(`  ${what} | ${show(g.before)} | ${show(g.this)} | ${show(g.floor ?? floors[name])} | ${goalWords}${Number.isFinite(goal) && name !== 'cold' ? ` (${unit(goal)})` : ''} | ${result}`);
  }
}

if (PARTS.has('engine')) console.log(execFileSync('cargo', ['run', '--quiet', '--release', '--example', 'bench_engine'], { cwd: root, encoding: 'utf8' }).trim());
console.log(`machine: ${os.cpus()[0]?.model ?? 'unknown'}, ${os.cpus().length} cores`);
