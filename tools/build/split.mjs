//! wasm-split-cli's output read as data: the loader it generates
//! (`__wasm_split.js`) is parsed into a table of modules and shared chunks
//! for our own loader (web/split-loader.js), and its runtime is compared
//! with the copy vendored in vendor/wasm-split-cli-<version>/. Anything
//! but the exact shape this version writes stops the build, naming the
//! first line that differs (tests/node/split-loader.test.mjs runs the same
//! check on the tool as installed).
import fs from 'node:fs';
import path from 'node:path';
import { fail } from './step.mjs';

/**
 * The wasm-split-cli version whose loader runtime is vendored: the one
 * folder vendor/wasm-split-cli-<version>/ (dev.sh installs that version).
 */
export const WASM_SPLIT_VERSION = (() => {
  const vendor = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../vendor');
  const found = fs.readdirSync(vendor).filter((f) => f.startsWith('wasm-split-cli-'));
  if (found.length !== 1) throw new Error(`vendor/ must hold one wasm-split-cli-<version> folder, not ${found.length}`);
  return found[0].slice('wasm-split-cli-'.length);
})();

/** The vendored runtime's folder, from the repository's root. */
export const VENDOR = `vendor/wasm-split-cli-${WASM_SPLIT_VERSION}`;

/** Where the build splits the cargo output (and runs wasm-bindgen on the main module: `bindgen/`). */
export const splitDir = (targetDir, profile) => path.join(targetDir, 'wasm-split', profile);

/** The file wasm-split-cli writes its loader to. */
export const LOADER = '__wasm_split.js';

const UPGRADE = `compare the generated loader with ${VENDOR}/ (its README says how to carry a new version into web/split-loader.js and tools/build/split.mjs), or install wasm-split-cli ${WASM_SPLIT_VERSION}: \`cargo install wasm_split_cli_support --version ${WASM_SPLIT_VERSION} --features build-binary\``;

/** The pristine runtime texts: { runtime, debug } (the latter is added in debug builds). */
export function vendoredRuntime(root) {
  const read = (f) => fs.readFileSync(path.join(root, VENDOR, f), 'utf8');
  return { runtime: read('loader-runtime.js'), debug: read('loader-runtime.debug.js') };
}

// The generated loader's parts, as wasm-split-cli 0.2.4 writes them
// (its src/js.rs), in order. Each is matched where the previous one ended.
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const HEAD = /import \{ initSync \} from "(\.\/[\w.-]+\.js)";\n\n/y;
const SHARED = new RegExp([
  'let sharedImports = undefined;',
  'function getSharedImports() {',
  '    if (sharedImports === undefined) {',
  '        sharedImports = { __wasm_split: { \u0000 } };',
  '        const { \u0001 } = initSync(undefined, undefined);',
  '        Object.assign(sharedImports.__wasm_split, { \u0002 });',
  '    }',
  '    return sharedImports;',
  '}',
  '',
].map(esc).join('\n')
  .replace('\u0000', '((?:__canary_[0-9a-f]+: ~0xdead,)?)')
  .replace('\u0001', '((?:\\w+, )*)')
  .replace('\u0002', '\\2'), 'y');
const FETCHER = [
  '() => {',
  '    const src = fetch(new URL("./\u0000", import.meta.url));',
  '    src.catch(() => {});',
  '    return async (imports) => \u0001(WebAssembly.instantiateStreaming(src, imports));',
  '}',
  '',
].map(esc).join('\n').replace('\u0000', '([\\w.-]+\\.wasm)').replace('\u0001', '(debugWrap)?');
const EMPTY = esc('() => async (_imp) => ({})');
const CHUNK = new RegExp(`/\\* ([\\w, ]+) \\*/\\nconst (__chunk_\\d+) = makeLoad\\(${FETCHER}, \\[\\]\\);\\n`, 'y');
const MODULE = new RegExp(`export const (__wasm_split_load_(\\w+)) = wrapAsyncCb\\(makeLoad\\((?:${FETCHER}|(${EMPTY})), \\[((?:__chunk_\\d+(?:, )?)*)\\]\\)\\);\\n`, 'y');

/** Where two texts first differ: `line N: expected "…", found "…"`. */
export function firstDifference(expected, found) {
  const a = expected.split('\n');
  const b = found.split('\n');
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return `line ${i + 1}: expected ${JSON.stringify(a[i])}, found ${b[i] === undefined ? 'the end' : JSON.stringify(b[i])}`;
  }
  return b.length > a.length ? `line ${a.length + 1}: expected the end, found ${JSON.stringify(b[a.length])}` : 'none';
}

/**
 * The table in wasm-split-cli's generated loader `text`: { main (the
 * module it imports `initSync` from), canary (null in a release build),
 * shares (what the main module's exports give every split module),
 * chunks: [{ id, file, modules }], modules: [{ name, export, file (null
 * for an empty one), chunks (indices into chunks) }] }. Throws (a
 * BuildError naming the first line that differs) unless the text has
 * exactly the shape, and the runtime, that `runtime` (vendoredRuntime) holds.
 */
export function readLoader(text, runtime) {
  let at = 0;
  const lineAt = () => JSON.stringify(text.slice(at).split('\n')[0]);
  const take = (re, what) => {
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m) fail(`wasm-split-cli's loader (${LOADER}) no longer has the shape of version ${WASM_SPLIT_VERSION}: ${what} expected at line ${text.slice(0, at).split('\n').length}, found ${lineAt()}`, UPGRADE);
    at = re.lastIndex;
    return m;
  };
  const [, main] = take(HEAD, 'the import of initSync');
  const [, canaryProp, shares] = take(SHARED, 'getSharedImports');
  const canary = canaryProp ? canaryProp.split(':')[0] : null;
  const expected = runtime.runtime + (canary ? runtime.debug : '');
  const found = text.slice(at, at + expected.length);
  if (found !== expected) {
    const start = text.slice(0, at).split('\n').length;
    fail(`wasm-split-cli's loader runtime is no longer the one vendored in ${VENDOR} (from line ${start} of ${LOADER}; first difference at runtime ${firstDifference(expected, found)})`, UPGRADE);
  }
  at += expected.length;

  const chunks = [];
  const modules = [];
  const wrapped = (wrap) => {
    if (Boolean(wrap) !== Boolean(canary)) fail(`wasm-split-cli's loader wraps instantiation ${wrap ? 'with' : 'without'} debugWrap in a ${canary ? 'debug' : 'release'} build`, UPGRADE);
  };
  while (at < text.length && text.startsWith('/* ', at)) {
    const [, users, id, file, wrap] = take(CHUNK, 'a shared chunk');
    wrapped(wrap);
    chunks.push({ id, file, modules: users.split(', ') });
  }
  while (at < text.length) {
    const [, exported, name, file, wrap, empty, deps] = take(MODULE, 'a module\'s loader (export const __wasm_split_load_…)');
    if (!empty) wrapped(wrap);
    const indices = deps ? deps.split(', ').map((id) => {
      const i = chunks.findIndex((c) => c.id === id);
      if (i < 0) fail(`wasm-split-cli's loader names ${id} for ${name} before defining it`, UPGRADE);
      return i;
    }) : [];
    modules.push({ name, export: exported, file: empty ? null : file, chunks: indices });
  }
  // Each chunk's comment names the modules that load it: the same as the lists above.
  for (const [i, c] of chunks.entries()) {
    const users = modules.filter((m) => m.chunks.includes(i)).map((m) => m.name).sort();
    if (users.join() !== [...c.modules].sort().join()) fail(`wasm-split-cli's loader says ${c.id} is for ${c.modules.join(', ')}, but ${users.join(', ') || 'no module'} load it`, UPGRADE);
  }
  return { main, canary, shares: shares.split(', ').filter(Boolean), chunks, modules };
}

/**
 * Checks the split against the features table: wasm-split-cli made a
 * module for each of the table's modules and for nothing else.
 */
export function checkModules(split, features) {
  const made = split.modules.map((m) => m.name).sort();
  const listed = features.modules.map((m) => m.name).sort();
  const extra = made.filter((n) => !listed.includes(n));
  const missing = listed.filter((n) => !made.includes(n));
  if (extra.length || missing.length) {
    fail([
      extra.length ? `wasm-split-cli made ${extra.map((n) => `"${n}"`).join(', ')}, which src/ui/features.json does not list` : '',
      missing.length ? `src/ui/features.json lists ${missing.map((n) => `"${n}"`).join(', ')}, which wasm-split-cli did not make (no #[wasm_split(name, …)] in the code?)` : '',
    ].filter(Boolean).join('; '), 'make src/ui/features.json list exactly the #[wasm_split] names the code uses (`cargo test --test features_table` checks the same).');
  }
  for (const m of split.modules) {
    if (!m.file) fail(`wasm-split-cli made an empty module for "${m.name}"`, `check the #[wasm_split(${m.name}, …)] functions: none of them has code of its own`);
  }
}

/**
 * The table web/split-loader.js is built with (its esbuild defines), from
 * the split's table (readLoader), each file called `name(file)`: its name
 * in the site.
 */
export function loaderDefines(split, name = (file) => file) {
  return {
    SPLIT_CHUNKS: split.chunks.map((c) => name(c.file)),
    SPLIT_MODULES: split.modules.map((m) => [m.name, name(m.file), m.chunks]),
    SPLIT_SHARES: split.shares,
    SPLIT_CANARY: split.canary,
  };
}

/**
 * The module the main module imports its split modules' loaders from
 * ("./__wasm_split.js"): one line per module (`exports`: [[export name,
 * module name]], from the split's table), each web/split-loader.js's load.
 */
export function splitExports(exports) {
  return [
    '// The split modules\' loaders, as the main module imports them (written by tools/build/split.mjs).',
    'import { load } from "./split-loader.js";',
    ...exports.map(([name, module]) => `export const ${name} = load(${JSON.stringify(module)});`),
    '',
  ].join('\n');
}
