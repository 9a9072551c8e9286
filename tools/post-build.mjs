// Trunk post-build hook: makes the built site strict and offline-ready.
// 0. Brings in the lazily loaded screens split off by tools/bin/wasm-bindgen:
//    optimises each split module with wasm-opt and copies the modules and
//    their loader under content-hashed names (so no server cache can pair
//    an old piece with a new app), preloading the loader from index.html.
// 1. Moves Trunk's inline loader script into a hashed file (so the
//    Content-Security-Policy needs no 'unsafe-inline'), with the service
//    worker registration appended.
// 2. Adds the Content-Security-Policy meta tag and the manifest link.
// 3. Writes sw.js with the list of every built file (Trunk's hashed names)
//    and a cache name derived from their contents: no hand-kept list.
// 4. Writes pre-compressed copies (.br, .gz) for servers that send them.
// The scripts on the first path (boot, glue, split loader) and the style
// sheet are minified.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { minify } from 'terser';
import { minify as minifyCss } from 'csso';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) { console.error('post-build: TRUNK_STAGING_DIR is not set (run through trunk)'); process.exit(1); }
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const sha = (data) => crypto.createHash('sha256').update(data).digest('hex');
// The scripts on the first path (boot, wasm-bindgen's glue, the split
// loader) are minified: a third of their brotli size, and less for the
// browser to parse before the wasm can start. Names of exports and string
// keys (the wasm's import object) are kept, as terser never renames them.
const minified = async (code) => (await minify(code, {
  module: true, compress: { passes: 2 }, mangle: true, format: { comments: false },
})).code;

export const CSP = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const htmlPath = path.join(dir, 'index.html');
let html = fs.readFileSync(htmlPath, 'utf8');

// --- 0. The split screens ---------------------------------------------------
const sri = (data) => `sha384-${crypto.createHash('sha384').update(data).digest('base64')}`;
const hashed = (name, data) => name.replace(/(\.[a-z]+)$/, `-${sha(data).slice(0, 16)}$1`);
{
  const mainJs = fs.readdirSync(dir).find((f) => /^ctit-app-[0-9a-f]+\.js$/.test(f));
  const split = path.join(process.env.CARGO_TARGET_DIR ?? path.join(root, 'target'), 'wasm-bindgen', process.env.TRUNK_PROFILE ?? 'release', 'split');
  const loaderPath = path.join(split, '__wasm_split.js');
  let main = mainJs && fs.readFileSync(path.join(dir, mainJs), 'utf8');
  if (!main || !main.includes('from "./__wasm_split.js"') || !fs.existsSync(loaderPath)) {
    console.error('post-build: the split screens are missing: build with ./dev.sh (it puts tools/bin/wasm-bindgen first on PATH)');
    process.exit(1);
  }
  // The same wasm-opt settings Trunk uses for the main module (index.html).
  const source = fs.readFileSync(path.join(root, 'index.html'), 'utf8');
  const level = source.match(/data-wasm-opt="([^"]+)"/)?.[1] ?? 'z';
  const params = (source.match(/data-wasm-opt-params="([^"]+)"/)?.[1] ?? '').split(/\s+/).filter(Boolean);
  let loader = fs.readFileSync(loaderPath, 'utf8');
  const pieces = fs.readdirSync(split).filter((f) => f.endsWith('.wasm') && f !== `${mainJs.replace(/-[0-9a-f]+\.js$/, '')}.wasm`);
  for (const f of pieces) {
    if (!loader.includes(`"./${f}"`)) { console.error(`post-build: ${f} is not named in the split loader`); process.exit(1); }
    const tmp = path.join(split, `opt-${f}`);
    // (wasm-opt warns about a name subsection it does not know; the names
    // are dropped anyway, so only its errors are shown.)
    execFileSync('wasm-opt', [`-O${level}`, ...params, path.join(split, f), '-o', tmp], { stdio: ['ignore', 'inherit', 'pipe'] });
    const data = fs.readFileSync(tmp);
    const name = hashed(f, data);
    fs.writeFileSync(path.join(dir, name), data);
    loader = loader.replaceAll(`"./${f}"`, `"./${name}"`);
  }
  loader = loader.replace(/from "\.\/ctit-app\.js"/, `from "./${mainJs}"`);
  if (!loader.includes(`from "./${mainJs}"`)) { console.error('post-build: the split loader does not import the app module'); process.exit(1); }
  loader = await minified(loader);
  const loaderName = hashed('split.js', loader);
  fs.writeFileSync(path.join(dir, loaderName), loader);
  // Only the module imports change: the import object's keys must stay the
  // module name the wasm itself imports from.
  main = await minified(main.replaceAll('from "./__wasm_split.js"', `from "./${loaderName}"`));
  fs.writeFileSync(path.join(dir, mainJs), main);
  // The app module changed: its preload's integrity follows; the loader is
  // preloaded too (the app module imports it, so it is on the first path).
  html = html.replace(new RegExp(`(<link rel="modulepreload" href="\\./${mainJs.replace('.', '\\.')}"[^>]*integrity=")[^"]+(")`), `$1${sri(main)}$2`);
  if (!html.includes(sri(main))) { console.error('post-build: the app module preload was not found in index.html'); process.exit(1); }
  html = html.replace('</head>', `<link rel="modulepreload" href="./${loaderName}" crossorigin="anonymous" integrity="${sri(loader)}"></head>`);
  console.log(`post-build: ${pieces.length} split modules and ${loaderName}`);
}
// The style sheet, minified without reordering any rule (csso's
// restructuring is off): a sixth of its brotli size. Trunk's name for it
// already follows its source, so only its integrity changes.
{
  const link = html.match(/<link rel="stylesheet" href="\.\/(app-[0-9a-f]+\.css)" integrity="([^"]+)"/);
  if (!link) { console.error('post-build: the style sheet link was not found in index.html'); process.exit(1); }
  const cssPath = path.join(dir, link[1]);
  const css = minifyCss(fs.readFileSync(cssPath, 'utf8'), { restructure: false }).css;
  fs.writeFileSync(cssPath, css);
  html = html.replace(link[2], sri(css));
}
const inline = html.match(/<script type="module">([\s\S]*?)<\/script>/);
if (!inline) { console.error('post-build: Trunk loader script not found in index.html'); process.exit(1); }
const register = fs.readFileSync(path.join(root, 'web/sw-register.js'), 'utf8');
const boot = await minified(`${inline[1].trim()}\n\n${register}`);
const bootName = `boot-${sha(boot).slice(0, 16)}.js`;
fs.writeFileSync(path.join(dir, bootName), boot);
html = html.replace(inline[0], `<script type="module" src="./${bootName}"></script>`);
html = html.replace('<meta charset="utf-8">',
  `<meta charset="utf-8">\n  <meta http-equiv="Content-Security-Policy" content="${CSP}">\n  <link rel="manifest" href="./manifest.webmanifest">`);
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html) || /\son[a-z]+=/.test(html) || /<style/.test(html)) {
  console.error('post-build: inline script, style or event handler left in index.html');
  process.exit(1);
}
fs.writeFileSync(htmlPath, html);

const files = fs.readdirSync(dir).filter((f) => f !== 'sw.js' && !f.startsWith('.') && fs.statSync(path.join(dir, f)).isFile()).sort();
const version = sha(files.map((f) => f + sha(fs.readFileSync(path.join(dir, f)))).join('\n')).slice(0, 16);
const list = ['./', ...files.map((f) => `./${f}`)];
const sw = `// Generated at build time by tools/post-build.mjs: do not edit.
// Caches this build's files; serves them offline; old caches are removed on activation.
const CACHE = 'ctit-${version}';
const FILES = ${JSON.stringify(list, null, 2)};

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: 'reload' })))));
});

// A new version waits until the page asks for it (the user clicked "Reload").
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('ctit-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(caches.match('./index.html').then((page) => page || fetch(request)));
    return;
  }
  event.respondWith(caches.match(request, { ignoreSearch: true }).then((hit) => hit || fetch(request)));
});
`;
fs.writeFileSync(path.join(dir, 'sw.js'), sw);
console.log(`post-build: ${bootName}, CSP, sw.js with ${list.length} files (cache ctit-${version})`);

// 4. Pre-compressed copies (file.br, file.gz) of every text and wasm file,
//    for servers that can send them as they are (nginx brotli_static /
//    gzip_static, Caddy `precompressed`, Apache with a rewrite rule): the
//    wasm goes over the wire at about a third of its size, without the
//    server compressing on every request. Servers that cannot still serve
//    the plain files. Written last, so the service worker's list (which
//    names the plain files) never includes them.
const compressible = /\.(?:html|js|mjs|css|wasm|svg|json|webmanifest)$/;
let plain = 0, brotli = 0;
// sw.js is left plain: it is tiny, and browsers compare it byte for byte to
// find a new version, so there must never be a stale compressed copy of it.
for (const f of fs.readdirSync(dir).filter((f) => compressible.test(f) && f !== 'sw.js')) {
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
