// Benchmark: what users feel, measured in headless Chromium against the
// release build served on 127.0.0.1 (run through `./dev.sh bench`, which
// builds first). Prints figures; it is not a pass/fail test.
//
//   critical path   HTML + JS + wasm + CSS, raw / gzip / brotli
//   cold verdict    first verdict painted (Element Timing), cache disabled,
//                   Slow 4G (562.5 ms, 180,000 B/s down) and 4x CPU, >= 10 runs
//   warm verdict    same, served by the service worker, 4x CPU, >= 10 runs
//   keystroke       typing into a number field at 4x CPU: Event Timing
//                   duration (input to next paint) and the app's own handler
//                   time (performance marks), p50 / p95
//   draft save      serialize + write, p95 at 4x CPU (performance marks)
//   memory          JS heap + wasm memory after load
//   engine          natively: cargo run --release --example bench_engine
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serveDist, launch } from '../tests/browser/harness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const RUNS = Number(process.env.BENCH_RUNS ?? 10);

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => `${n.toFixed(1)} ms`;
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))];
};
const summary = (xs) => `median ${ms(quantile(xs, 0.5))}, min ${ms(Math.min(...xs))}, max ${ms(Math.max(...xs))} (n=${xs.length})`;

// --- Critical path sizes -------------------------------------------------
const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
const critical = ['index.html', ...[...html.matchAll(/(?:src|href)="\.\/([^"]+\.(?:js|wasm|css))"/g)].map((m) => m[1])];
const unique = [...new Set(critical)];
let raw = 0, gz = 0, br = 0;
for (const f of unique) {
  const data = fs.readFileSync(path.join(dist, f));
  raw += data.length;
  gz += zlib.gzipSync(data, { level: 9 }).length;
  br += zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}
console.log(`critical path (${unique.join(', ')}):`);
console.log(`  raw ${kb(raw)}, gzip ${kb(gz)}, brotli ${kb(br)}   (budget: brotli <= 120 KB)`);

// --- Browser measurements ------------------------------------------------
const server = await serveDist();
const browser = await launch();
const seed = {
  schema: 2, protocol: 'bench', rev: 1,
  draft: { id: 'bench', label: 'BENCH-1', created: '2026-11-25T08:00:00Z', updated: '2026-11-25T08:00:00Z', screening_date: '2026-11-25', inputs: { ecog: '1', rhtpo_days: '21' } },
};

async function firstVerdict(page) {
  return page.evaluate(() => new Promise((resolve) => {
    const seen = performance.getEntriesByType('element').find((e) => e.identifier === 'verdict');
    if (seen) { resolve(seen.renderTime || seen.loadTime); return; }
    new PerformanceObserver((list) => {
      const e = list.getEntries().find((x) => x.identifier === 'verdict');
      if (e) resolve(e.renderTime || e.loadTime);
    }).observe({ type: 'element', buffered: true });
  }));
}

async function newPage(context, { cold }) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  if (cold) {
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: 562.5, downloadThroughput: 180000, uploadThroughput: 84375,
    });
  }
  await page.addInitScript((entry) => {
    if (!localStorage.getItem('ctit/record/bench')) localStorage.setItem('ctit/record/bench', JSON.stringify(entry));
    addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; });
  }, seed);
  return page;
}

const cold = [];
for (let i = 0; i < RUNS; i++) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await newPage(context, { cold: true });
  await page.goto(server.url + '#coordinator');
  cold.push(await firstVerdict(page));
  await context.close();
}
console.log(`first verdict painted, cold, Slow 4G + 4x CPU: ${summary(cold)}   (budget: median <= 1800 ms)`);

const warm = [];
{
  const context = await browser.newContext();
  const first = await newPage(context, { cold: false });
  await first.goto(server.url + '#coordinator');
  await first.evaluate(() => navigator.serviceWorker.ready);
  await first.reload();
  await first.evaluate(() => navigator.serviceWorker.ready);
  await first.close();
  for (let i = 0; i < RUNS; i++) {
    const page = await newPage(context, { cold: false });
    await page.goto(server.url + '#coordinator');
    warm.push(await firstVerdict(page));
    await page.close();
  }
  await context.close();
}
console.log(`first verdict painted, warm (service worker), 4x CPU: ${summary(warm)}   (budget: median <= 300 ms)`);

{
  const context = await browser.newContext();
  const page = await newPage(context, { cold: false });
  await page.goto(server.url + '#coordinator');
  await page.getByRole('button', { name: 'BENCH-1' }).click();
  await page.waitForSelector('.record [data-outcome]');
  await page.evaluate(() => {
    // One figure per interaction (a keystroke fires keydown, input, keyup):
    // the longest of its events, as Chrome's INP does.
    window.__events = new Map();
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (!e.interactionId) continue;
        window.__events.set(e.interactionId, Math.max(window.__events.get(e.interactionId) ?? 0, e.duration));
      }
    }).observe({ type: 'event', durationThreshold: 16, buffered: false });
    performance.clearMeasures();
  });
  await page.click('#f-qtc_ms');
  for (let i = 0; i < 40; i++) {
    await page.keyboard.type(String(400 + i));
    for (let k = 0; k < 3; k++) await page.keyboard.press('Backspace');
  }
  await page.waitForTimeout(500);
  const events = await page.evaluate(() => [...window.__events.values()]);
  const marks = await page.evaluate(() => ({
    edit: performance.getEntriesByName('ctit-edit', 'measure').map((m) => m.duration),
    save: performance.getEntriesByName('ctit-save', 'measure').map((m) => m.duration),
  }));
  const n = marks.edit.length;
  // Event Timing only reports events of 16 ms or more; the rest painted within a frame.
  const padded = [...events, ...Array(Math.max(0, n - events.length)).fill(16)];
  console.log(`keystroke to next paint, 4x CPU (Event Timing, ${n} keystrokes, ${events.length} at >= 16 ms): p50 ${ms(quantile(padded, 0.5))}, p95 ${ms(quantile(padded, 0.95))}   (budget: p95 <= 32 ms)`);
  console.log(`app handler per keystroke (marks): p50 ${ms(quantile(marks.edit, 0.5))}, p95 ${ms(quantile(marks.edit, 0.95))}`);
  console.log(`draft save (serialize + write), 4x CPU: p50 ${ms(quantile(marks.save, 0.5))}, p95 ${ms(quantile(marks.save, 0.95))}   (budget: p95 <= 2 ms)`);
  const mem = await page.evaluate(() => ({ heap: performance.memory?.usedJSHeapSize ?? 0, wasm: window.__wasm?.memory?.buffer?.byteLength ?? 0 }));
  console.log(`memory after load: JS heap ${kb(mem.heap)}, wasm memory ${kb(mem.wasm)}, total ${(((mem.heap + mem.wasm) / 1048576)).toFixed(2)} MB   (budget: <= 4 MB)`);
  await context.close();
}

await browser.close();
await server.close();

console.log(execFileSync('cargo', ['run', '--quiet', '--release', '--example', 'bench_engine'], { cwd: root, encoding: 'utf8' }).trim());
console.log(`machine: ${(await import('node:os')).cpus()[0]?.model ?? 'unknown'}, ${(await import('node:os')).cpus().length} cores`);
