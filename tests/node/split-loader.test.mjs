//! The split loader is vendored, not patched: wasm-split-cli, as installed,
//! still writes the loader runtime vendored in vendor/wasm-split-cli-*/ in
//! the shape tools/build/split.mjs reads (each difference named); and our
//! loader (web/split-loader.js, built from that table) does what the
//! tool's own loader does, step for step, plus a prefetch. Needs cargo's
//! release output of the app (./dev.sh test builds it first).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { readFeatures } from '../../tools/build/features.mjs';
import { LOADER, VENDOR, WASM_SPLIT_VERSION, checkModules, loaderDefines, readLoader, splitExports, vendoredRuntime } from '../../tools/build/split.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const runtime = vendoredRuntime(root);
let tmp, generated, split;

before(() => {
  // wasm-split-cli as installed, on the app as cargo built it (a fraction of a second).
  const target = JSON.parse(execFileSync('cargo', ['metadata', '--format-version', '1', '--no-deps'], { cwd: root, encoding: 'utf8' })).target_directory;
  const input = path.join(target, 'wasm32-unknown-unknown', 'release', 'ctit-app.wasm');
  assert.ok(fs.existsSync(input), `${input} is missing: build the app first (./dev.sh build)`);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ctit-split-'));
  execFileSync('wasm-split-cli', [input, path.join(tmp, 'tool'), '--target', 'web', '--out-name', 'ctit-app']);
  generated = fs.readFileSync(path.join(tmp, 'tool', LOADER), 'utf8');
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('wasm-split-cli is the version whose loader runtime is vendored', () => {
  const installed = execFileSync('cargo', ['install', '--list'], { encoding: 'utf8' }).match(/^wasm_split_cli_support v(\S+):/m)?.[1];
  assert.equal(installed, WASM_SPLIT_VERSION, `wasm-split-cli ${installed} is installed, ${VENDOR} is ${WASM_SPLIT_VERSION}: see ${VENDOR}/README.md`);
});

test('wasm-split-cli\'s loader still has the vendored runtime and the shape the build reads, with the table\'s modules', () => {
  split = readLoader(generated, runtime);
  checkModules(split, readFeatures(root));
  assert.ok(generated.includes(runtime.runtime), 'the runtime is in the loader verbatim');
  assert.equal(split.canary, null, 'a release build has no canary');
  assert.ok(split.chunks.length > 0 && split.shares.includes('__indirect_function_table'));
});

test('a loader whose runtime or shape changed stops the build, naming the first line that differs', () => {
  const stops = (text, message) => assert.throws(() => readLoader(text, runtime), (e) => {
    assert.match(e.message, message);
    assert.match(e.fix, /vendor\/wasm-split-cli-.*README/);
    return true;
  });
  stops(generated.replace('            success = true;', '            success = !0;'), /runtime is no longer the one vendored .*line 6: expected "            success = true;", found "            success = !0;"/);
  stops(generated.replace('const src = fetch(', 'const src = fetchWasm('), /no longer has the shape of version .*: a shared chunk expected at line \d+, found "\/\* /);
  stops(generated.replace('import { initSync }', 'import { initSync as init }'), /the import of initSync expected at line 1/);
  stops(`${generated}export const extra = 1;\n`, /a module's loader .* expected at line \d+, found "export const extra = 1;"/);
});

/**
 * A loader module, imported fresh, with fetch and WebAssembly replaced by
 * fakes that write what happens to `trace`: ["fetch", file],
 * ["instantiate", file], ["callback", index, data, ok]. A file in `failing`
 * fails its first fetch.
 */
async function harness(kind, failing = new Set()) {
  const trace = [];
  const dir = fs.mkdtempSync(path.join(tmp, `${kind}-`));
  // The main module's glue, as far as the loaders use it.
  const glue = `export function initSync() { return {
    ${split.shares.map((s) => `${s}: ${s === '__indirect_function_table' ? '{ get: (i) => (data, ok) => globalThis.__trace.push(["callback", i, data, ok]) }' : '{}'}`).join(',\n    ')} }; }\n`;
  let entry;
  if (kind === 'tool') {
    fs.writeFileSync(path.join(dir, 'ctit-app.js'), glue);
    fs.writeFileSync(path.join(dir, LOADER), generated);
    entry = path.join(dir, LOADER);
  } else {
    fs.writeFileSync(path.join(dir, 'glue.js'), glue);
    for (const f of ['split-loader.js', 'pack.js']) fs.copyFileSync(path.join(root, 'web', f), path.join(dir, f));
    fs.writeFileSync(path.join(dir, 'exports.js'), `${splitExports(split.modules.map((m) => [m.export, m.name]))}export { prefetch } from "./split-loader.js";\n`);
    const out = await esbuild.build({
      entryPoints: [path.join(dir, 'exports.js')], bundle: true, format: 'esm', write: false, logLevel: 'error',
      define: Object.fromEntries(Object.entries(loaderDefines(split)).map(([k, v]) => [k, JSON.stringify(v)])),
    });
    entry = path.join(dir, 'bundle.mjs');
    fs.writeFileSync(entry, out.outputFiles[0].text);
  }
  const failed = new Set();
  globalThis.__trace = trace;
  globalThis.fetch = async (url) => {
    const file = path.basename(new URL(url).pathname);
    trace.push(['fetch', file]);
    await new Promise((r) => setTimeout(r, 1));
    if (failing.has(file) && !failed.has(file)) {
      failed.add(file);
      throw new TypeError(`Failed to fetch ${file}`);
    }
    return { file };
  };
  globalThis.WebAssembly = { ...WebAssembly, instantiateStreaming: async (src, imports) => {
    const { file } = await src;
    assert.ok(imports.__wasm_split.__indirect_function_table, 'instantiated with the shared imports');
    trace.push(['instantiate', file]);
    return { instance: { exports: {} } };
  } };
  return { loader: await import(pathToFileURL(entry).href), trace };
}

const realFetch = globalThis.fetch;
const realWasm = globalThis.WebAssembly;
const restore = () => { globalThis.fetch = realFetch; globalThis.WebAssembly = realWasm; };

/** What loading every module twice (in the table's order) does, with `failing` files failing once. */
async function loadAll(kind, failing) {
  const { loader, trace } = await harness(kind, failing);
  try {
    const quiet = console.error;
    console.error = () => {};
    for (const m of split.modules) await loader[m.export](7, m.name);
    for (const m of split.modules) await loader[m.export](8, m.name);
    console.error = quiet;
    return trace;
  } finally {
    restore();
  }
}

test('our loader fetches and instantiates what the tool\'s own loader does, in the same order, once each', async () => {
  assert.ok(split, 'the loader was read');
  const tool = await loadAll('tool');
  const ours = await loadAll('ours');
  assert.deepEqual(ours, tool);
  const fetched = tool.filter(([what]) => what === 'fetch').map(([, f]) => f);
  assert.equal(new Set(fetched).size, fetched.length, 'each file is fetched once');
  assert.deepEqual(tool.filter(([what]) => what === 'callback').map(([, , data, ok]) => `${data}:${ok}`),
    [...split.modules, ...split.modules].map((m) => `${m.name}:true`));
});

test('after a failed fetch both loaders report the failure and try again on the next load, alike', async () => {
  const patient = split.modules.find((m) => m.name === 'patient') ?? split.modules[0];
  const failing = new Set([split.chunks[patient.chunks[0]].file, patient.file]);
  const tool = await loadAll('tool', failing);
  const ours = await loadAll('ours', failing);
  assert.deepEqual(ours, tool);
  assert.ok(tool.some(([what, , data, ok]) => what === 'callback' && data === patient.name && ok === false), 'the failure is reported');
});

test('prefetch fetches a module and its chunks without instantiating them; its load then instantiates each once, fetching nothing again', async () => {
  const { loader, trace } = await harness('ours');
  try {
    const patient = split.modules.find((m) => m.name === 'patient') ?? split.modules[0];
    const files = [patient.file, ...patient.chunks.map((i) => split.chunks[i].file)];
    loader.prefetch(patient.name);
    await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(trace.map(([what]) => what), files.map(() => 'fetch'));
    assert.deepEqual(trace.map(([, f]) => f).sort(), [...files].sort());
    trace.length = 0;
    await loader[patient.export](3, 'x');
    assert.deepEqual(trace.filter(([what]) => what === 'fetch'), []);
    assert.deepEqual(trace.filter(([what]) => what === 'instantiate').map(([, f]) => f).sort(), [...files].sort());
    assert.deepEqual(trace.at(-1), ['callback', 3, 'x', true]);
  } finally {
    restore();
  }
});
