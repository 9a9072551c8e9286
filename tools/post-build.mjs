//! Trunk post-build hook: makes the built site strict, one request deep and
// offline-ready. The whole build, in the order it runs (`trunk build
// --release` through ./dev.sh, which puts tools/bin first on PATH):
//   a. cargo builds the app's wasm (Trunk);
//   b. tools/bin/wasm-bindgen, standing in for wasm-bindgen, splits off the
//      lazily loaded modules (wasm-split-cli), then runs the real
//      wasm-bindgen on the main module (Trunk calls it; see that script);
//   c. wasm-opt -Oz on the main module (Trunk), and this hook:
//   0. optimises each split module with wasm-opt and copies it under a
//      content-hashed name (so no server cache can pair an old piece with a
//      new app); 0a. writes the patient check's files as one pack for a
//      first visit to #patient (web/pack.js) and routes the loader's
//      fetches through it; 0b. builds the key derivation's module (crate
//      ctit-kdf) and copies its worker (web/kdf-worker.js), under
//      versioned names;
//   1. puts everything the first screen needs into index.html: the pack's
//      early fetch (web/pack-start.js), the style sheet, the start
//      (web/boot.js bundled with wasm-bindgen's glue, the split loader,
//      web/pack.js and the typing journal, minified) and the main wasm
//      module as text; the Content-Security-Policy names the three inline
//      pieces by hash and allows no other inline code; the service
//      worker's registration (web/sw-register.js) becomes a hashed file
//      the start fetches once the page is parsed;
//   2. writes sw.js: web/sw.js with the list of every built file (Trunk's
//      hashed names; not the pack) and a version derived from their
//      contents;
//   3. writes pre-compressed copies (.br, .gz) for servers that send them.
// The size guard (tools/size-check.mjs) then runs in ./dev.sh test.
// A debug build (`./dev.sh serve`, for editing) runs the same steps, split
// and Content-Security-Policy included, but leaves out the slow ones that
// change no behaviour: wasm-opt on the split modules, minifying the start,
// and the compressed copies.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import * as esbuild from 'esbuild';
import { minify } from 'terser';
import { minify as minifyCss } from 'csso';
import { moduleFiles } from './split-loader.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) { console.error('post-build: TRUNK_STAGING_DIR is not set (run through trunk)'); process.exit(1); }
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const sha = (data) => crypto.createHash('sha256').update(data).digest('hex');
// The start (boot, wasm-bindgen's glue, the split loader, bundled) is
// minified: a third of its brotli size, and less for the browser to parse
// before the wasm can start. Names of exports and string keys (the wasm's
// import object) are kept, as terser never renames them.
const minified = async (code) => (await minify(code, {
  module: true, compress: { passes: 2 }, mangle: true, format: { comments: false },
})).code;

/**
 * The wasm module as the text of an HTML data block (decoded by
 * web/boot.js): each byte is the character whose code is that byte, except
 * NUL (the parser replaces it), CR (the parser turns it into LF) and "<"
 * (could end the element), which trade places with the three printable
 * characters the module uses least; those are written as U+0100, U+0101
 * and U+0102. The bytes' patterns survive, so brotli compresses the text
 * almost as well as the file (base64 would add 35 KB).
 * Returns the text and the [byte, character] swaps.
 */
function wasmAsText(bytes) {
  const count = new Array(256).fill(0);
  for (const b of bytes) count[b]++;
  const unsafe = [0x00, 0x0d, 0x3c];
  const printable = Array.from({ length: 0x7f - 0x20 }, (_, i) => 0x20 + i).filter((c) => !unsafe.includes(c));
  const rare = printable.sort((x, y) => count[x] - count[y] || x - y).slice(0, unsafe.length);
  const code = Array.from({ length: 256 }, (_, b) => b);
  unsafe.forEach((b, i) => { code[b] = rare[i]; code[rare[i]] = 0x100 + i; });
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode(...Array.from(bytes.subarray(i, i + 8192), (b) => code[b]));
  return { text, swaps: unsafe.map((b, i) => [b, rare[i]]) };
}

const htmlPath = path.join(dir, 'index.html');
let html = fs.readFileSync(htmlPath, 'utf8');

// --- 0. The split screens ---------------------------------------------------
const hashed = (name, data) => name.replace(/(\.[a-z]+)$/, `-${sha(data).slice(0, 8)}$1`);
const mainJs = fs.readdirSync(dir).find((f) => /^ctit-app-[0-9a-f]+\.js$/.test(f));
const mainWasm = mainJs && mainJs.replace(/\.js$/, '_bg.wasm');
const profile = process.env.TRUNK_PROFILE ?? 'release';
const quick = profile === 'debug';
const split = path.join(process.env.CARGO_TARGET_DIR ?? path.join(root, 'target'), 'wasm-bindgen', profile, 'split');
const loaderPath = path.join(split, '__wasm_split.js');
const glue = mainJs && fs.readFileSync(path.join(dir, mainJs), 'utf8');
if (!glue || !glue.includes('from "./__wasm_split.js"') || !fs.existsSync(loaderPath) || !fs.existsSync(path.join(dir, mainWasm))) {
  console.error('post-build: the split screens are missing: build with ./dev.sh (it puts tools/bin/wasm-bindgen first on PATH)');
  process.exit(1);
}
let loader = fs.readFileSync(loaderPath, 'utf8');
// Every module load gets `prefetch()`: start fetching the module and its
// shared chunks now, instantiate on the first real load. web/boot.js calls
// it for a link straight to the patient check (#patient), so those files
// travel while the main module compiles instead of after the app has
// started. (Text surgery on wasm-split-cli's loader: each piece must match
// exactly once, or the build stops here.)
for (const [from, to] of [
  ['    return async (callbackIndex, callbackData) => {', '    return Object.assign(async (callbackIndex, callbackData) => {'],
  ['    }\n}\nfunction makeLoad(fetcher, deps) {\n', '    }, { prefetch: callee.prefetch });\n}\nfunction makeLoad(fetcher, deps) {\n    let fetched;\n'],
  ['        const instantiate = fetcher();\n', '        const instantiate = fetched ?? fetcher();\n        fetched = undefined;\n'],
  ['    let loadingModule = undefined;\n    return () => {', '    let loadingModule = undefined;\n    return Object.assign(() => {'],
  ['        return loadingModule;\n    }\n}', '        return loadingModule;\n    }, { prefetch() { fetched ??= fetcher(); deps.forEach((d) => d.prefetch()); } });\n}'],
]) {
  if (loader.split(from).length !== 2) { console.error(`post-build: the split loader has changed; cannot add prefetch at: ${from.trim()}`); process.exit(1); }
  loader = loader.replace(from, to);
}
{
  // The same wasm-opt settings Trunk uses for the main module (index.html).
  const source = fs.readFileSync(path.join(root, 'index.html'), 'utf8');
  const level = source.match(/data-wasm-opt="([^"]+)"/)?.[1] ?? 'z';
  const params = (source.match(/data-wasm-opt-params="([^"]+)"/)?.[1] ?? '').split(/\s+/).filter(Boolean);
  const pieces = fs.readdirSync(split).filter((f) => f.endsWith('.wasm') && !f.startsWith('opt-') && f !== `${mainJs.replace(/-[0-9a-f]+\.js$/, '')}.wasm`);
  for (const f of pieces) {
    if (!loader.includes(`"./${f}"`)) { console.error(`post-build: ${f} is not named in the split loader`); process.exit(1); }
    const tmp = path.join(split, `opt-${f}`);
    // (wasm-opt warns about a name subsection it does not know; the names
    // are dropped anyway, so only its errors are shown.)
    if (quick) fs.copyFileSync(path.join(split, f), tmp);
    else execFileSync('wasm-opt', [`-O${level}`, ...params, path.join(split, f), '-o', tmp], { stdio: ['ignore', 'inherit', 'pipe'] });
    const data = fs.readFileSync(tmp);
    const name = hashed(f, data);
    fs.writeFileSync(path.join(dir, name), data);
    loader = loader.replaceAll(`"./${f}"`, `"./${name}"`);
  }
  console.log(`post-build: ${pieces.length} split modules`);
}
// 0a. The patient check's files as one pack (web/pack.js reads it): a first
// visit to a #patient link fetches it in one request instead of eight. The
// loader fetches every split file through pack.js's `piece`, which answers
// from the pack while one is in use and from the server otherwise.
let patientPack;
{
  const names = moduleFiles(loader, 'patient');
  if (names.length < 2) { console.error('post-build: the split loader does not name the patient check\'s files'); process.exit(1); }
  const parts = names.map((n) => fs.readFileSync(path.join(dir, n)));
  const header = Buffer.from(`${JSON.stringify(names.map((n, i) => [n, parts[i].length]))}\n`);
  const pack = Buffer.concat([header, ...parts]);
  patientPack = hashed('pack_patient.bin', pack);
  fs.writeFileSync(path.join(dir, patientPack), pack);
  const calls = loader.split('fetch(new URL(').length - 1;
  const loads = loader.split('makeLoad(() => {').length - 1;
  if (calls !== loads) { console.error(`post-build: the split loader fetches ${calls} files in ${loads} loads`); process.exit(1); }
  loader = `import { piece } from "./pack.js";\n${loader.replaceAll('fetch(new URL(', 'piece(new URL(')}`;
  console.log(`post-build: ${patientPack} (${names.length} files)`);
}

// --- 0b. The passcode's key derivation ----------------------------------------
// Its own small wasm module (crate ctit-kdf, built for speed, not size) and
// the Web Worker that runs it (web/kdf-worker.js), fetched only to set or
// enter a passcode. Fixed names with the interface's version (src/ui/kdf.rs
// names the worker): Argon2id gives the same key whichever build computes
// it, so a cached worker or module of another build is still right; the
// version changes only if the messages or exports do.
{
  execFileSync('cargo', ['build', '--release', '--quiet', '--target', 'wasm32-unknown-unknown', '-p', 'ctit-kdf', '--features', 'worker'], { cwd: root, stdio: 'inherit' });
  const built = path.join(process.env.CARGO_TARGET_DIR ?? path.join(root, 'target'), 'wasm32-unknown-unknown', 'release', 'ctit_kdf.wasm');
  execFileSync('wasm-opt', ['-O3', '--strip-debug', '--strip-producers', built, '-o', path.join(dir, 'kdf-v1.wasm')], { stdio: ['ignore', 'inherit', 'pipe'] });
  fs.writeFileSync(path.join(dir, 'kdf-worker-v1.js'), await minified(fs.readFileSync(path.join(root, 'web/kdf-worker.js'), 'utf8')));
  console.log(`post-build: key derivation kdf-v1.wasm (${(fs.statSync(path.join(dir, 'kdf-v1.wasm')).size / 1024).toFixed(1)} KB), kdf-worker-v1.js`);
}

// --- 1. One file for the first screen ---------------------------------------
// On a slow link each request costs a round trip (562 ms on Slow 4G) before
// its first byte: index.html, then the scripts, wasm and style sheet it
// names, is two. So the page carries them itself: the style sheet in a
// <style>, the start (web/boot.js bundled with wasm-bindgen's glue and the
// split loader) in one module script, and the main wasm module in a data
// block (wasmAsText above). The script's and style sheet's hashes go into
// the Content-Security-Policy, which still allows no other inline code.
const wasm = fs.readFileSync(path.join(dir, mainWasm));
// (CTIT_KEEP_MAIN=FILE keeps a copy of the main module, for size work.)
if (process.env.CTIT_KEEP_MAIN) fs.writeFileSync(process.env.CTIT_KEEP_MAIN, wasm);
const { text: wasmText, swaps } = wasmAsText(wasm);
// The service worker's registration and update offer: a file of its own,
// fetched by the start once the page is parsed (it need not be in the page;
// if it cannot be fetched, the app runs without offline use, as it does
// where service workers are not allowed).
let swRegister;
{
  const code = fs.readFileSync(path.join(root, 'web/sw-register.js'), 'utf8');
  const out = quick ? code : await minified(code);
  swRegister = hashed('sw-register.js', out);
  fs.writeFileSync(path.join(dir, swRegister), out);
}
let boot;
{
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ctit-boot-'));
  fs.writeFileSync(path.join(tmp, 'glue.js'), glue.replaceAll('from "./__wasm_split.js"', 'from "./split.js"'));
  const splitJs = loader.replace(/from "\.\/ctit-app\.js"/, 'from "./glue.js"');
  if (!splitJs.includes('from "./glue.js"')) { console.error('post-build: the split loader does not import the app module'); process.exit(1); }
  fs.writeFileSync(path.join(tmp, 'split.js'), splitJs);
  fs.copyFileSync(path.join(root, 'web/boot.js'), path.join(tmp, 'boot.js'));
  fs.copyFileSync(path.join(root, 'web/journal.js'), path.join(tmp, 'journal.js'));
  fs.copyFileSync(path.join(root, 'web/pack.js'), path.join(tmp, 'pack.js'));
  const bundle = await esbuild.build({
    entryPoints: [path.join(tmp, 'boot.js')], bundle: true, format: 'esm', write: false, logLevel: 'error',
    define: { WASM_SWAPS: JSON.stringify(swaps), WASM_LENGTH: String(wasm.length), SW_REGISTER: JSON.stringify(`./${swRegister}`) },
    external: ['./sw-register-*'],
  });
  fs.rmSync(tmp, { recursive: true, force: true });
  boot = quick ? bundle.outputFiles[0].text : await minified(bundle.outputFiles[0].text);
}
// The pack's early fetch (web/pack-start.js): a classic inline script of
// its own, first in the page after the Content-Security-Policy.
const packStart = (await minify(fs.readFileSync(path.join(root, 'web/pack-start.js'), 'utf8').replaceAll('PATIENT_PACK', JSON.stringify(`./${patientPack}`)), {
  compress: true, mangle: true, format: { comments: false },
})).code;
const link = html.match(/<link rel="stylesheet" href="\.\/(app-[0-9a-f]+\.css)"[^>]*>/);
if (!link) { console.error('post-build: the style sheet link was not found in index.html'); process.exit(1); }
// Minified without reordering any rule (csso's restructuring is off).
const css = minifyCss(fs.readFileSync(path.join(dir, link[1]), 'utf8'), { restructure: false }).css;
const trunkLoader = html.match(/<script type="module">[\s\S]*?<\/script>/);
if (!trunkLoader) { console.error('post-build: Trunk loader script not found in index.html'); process.exit(1); }
if (/<\/(?:script|style)/i.test(packStart + boot + css)) { console.error('post-build: the start or the style sheet would end its own element'); process.exit(1); }
html = html.replace(link[0], '').replace(trunkLoader[0], '').replace(/<link rel="(?:modulepreload|preload)"[^>]*>/g, '');
// Apart from what this step puts in, the page has no inline code at all.
if (/<script|<style|\son[a-z]+=/i.test(html)) {
  console.error('post-build: an inline script, style or event handler is left in index.html');
  process.exit(1);
}
const hash = (text) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const CSP = [
  "default-src 'none'",
  `script-src 'self' 'wasm-unsafe-eval' ${hash(packStart)} ${hash(boot)}`,
  `style-src 'self' ${hash(css)}`,
  "img-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
// (The replacements are functions: the code and the wasm's text hold "$" patterns.)
html = html
  .replace('<meta charset="utf-8">', () => `<meta charset="utf-8">\n  <meta http-equiv="Content-Security-Policy" content="${CSP}">\n  <script>${packStart}</script>\n  <link rel="manifest" href="./manifest.webmanifest">`)
  .replace('</head>', () => `<style>${css}</style>\n<script type="module" async>${boot}</script>\n<script type="application/wasm" id="app-wasm">${wasmText}</script>\n</head>`);
for (const f of [mainJs, mainWasm, link[1]]) fs.rmSync(path.join(dir, f));
// A byte order mark: browsers decode the page as UTF-8 whatever charset a
// server's Content-Type names, so the wasm's characters arrive intact.
html = `\uFEFF${html}`;
fs.writeFileSync(htmlPath, html);

const files = fs.readdirSync(dir).filter((f) => f !== 'sw.js' && !f.startsWith('.') && fs.statSync(path.join(dir, f)).isFile()).sort();
// The pack is only for a first visit (no service worker yet): the service
// worker keeps the files it holds, so it need not keep the pack as well.
const cached = files.filter((f) => f !== patientPack);
const version = sha(files.map((f) => f + sha(fs.readFileSync(path.join(dir, f)))).join('\n')).slice(0, 16);
// Not './' as well: navigations are answered with index.html (below), and
// the page is the biggest file, so it is downloaded once, not twice.
const list = cached.map((f) => `./${f}`);
// The service worker is web/sw.js with this build's version and files.
const swSource = fs.readFileSync(path.join(root, 'web/sw.js'), 'utf8');
const marks = { VERSION: JSON.stringify(version), FILES: JSON.stringify(list, null, 2) };
let sw = swSource;
for (const [name, value] of Object.entries(marks)) {
  const mark = new RegExp(`/\\* build: ${name} \\*/ [^;]+;`);
  if (!mark.test(sw)) { console.error(`post-build: web/sw.js has no "/* build: ${name} */" value to fill in`); process.exit(1); }
  sw = sw.replace(mark, () => `${value};`);
}
fs.writeFileSync(path.join(dir, 'sw.js'), sw);
console.log(`post-build: index.html ${(Buffer.byteLength(html) / 1024).toFixed(0)} KB, CSP, sw.js with ${list.length} files (cache ctit-${version})`);

// 3. Pre-compressed copies (file.br, file.gz) of every text and wasm file,
//    for servers that can send them as they are (nginx brotli_static /
//    gzip_static, Caddy `precompressed`, Apache with a rewrite rule): the
//    wasm goes over the wire at about a third of its size, without the
//    server compressing on every request. Servers that cannot still serve
//    the plain files. Written last, so the service worker's list (which
//    names the plain files) never includes them.
const compressible = /\.(?:html|js|mjs|css|wasm|bin|svg|json|webmanifest)$/;
let plain = 0, brotli = 0;
// sw.js is left plain: it is tiny, and browsers compare it byte for byte to
// find a new version, so there must never be a stale compressed copy of it.
for (const f of quick ? [] : fs.readdirSync(dir).filter((f) => compressible.test(f) && f !== 'sw.js')) {
  const data = fs.readFileSync(path.join(dir, f));
  const br = zlib.brotliCompressSync(data, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length },
  });
  const gz = zlib.gzipSync(data, { level: 9 });
  if (br.length < data.length) fs.writeFileSync(path.join(dir, `${f}.br`), br);
  if (gz.length < data.length) fs.writeFileSync(path.join(dir, `${f}.gz`), gz);
  plain += data.length;
  brotli += Math.min(br.length, data.length);
}
console.log(`post-build: pre-compressed ${(plain / 1024).toFixed(1)} KB to ${(brotli / 1024).toFixed(1)} KB (brotli)`);
