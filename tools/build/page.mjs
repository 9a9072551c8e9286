//! The site's index.html, written from the repository's own index.html
//! (never from Trunk's): the whole first screen in one file (the pack's
//! early fetch, the style sheet, the start and the main wasm module as
//! text) under a Content-Security-Policy that names each inline piece by
//! its hash and allows no other inline code.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { fail } from './step.mjs';
import { splitExports } from './split.mjs';

/** What Trunk may be asked to do in index.html: build the app, copy files. */
const TRUNK_RELS = ['rust', 'copy-file'];

/**
 * The repository's index.html read as the page's template: { html (without
 * comments and Trunk's `<link data-trunk …>` lines), bin (the rust link's
 * data-bin), copied (the file names Trunk's copy-file lines put into the
 * site) }. Stops at anything the page could not keep: another kind of
 * Trunk link (its output would never reach the page), or inline code.
 */
export function readTemplate(source) {
  const fix = 'index.html is the page\'s template: Trunk builds the app (rel="rust") and copies files (rel="copy-file"); style sheets and scripts go in src/ui/features.json, inline code is added only by the build (tools/build/page.mjs).';
  let html = source.replace(/<!--[\s\S]*?-->\n?/g, '');
  const links = [...html.matchAll(/^[ \t]*<link data-trunk\b([^>]*)>[ \t]*\n/gm)];
  const attr = (attrs, name) => attrs.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];
  for (const [, attrs] of links) {
    const rel = attr(attrs, 'rel');
    if (!TRUNK_RELS.includes(rel)) fail(`index.html asks Trunk for rel="${rel}"; the page is written from index.html, so that output would not reach it`, fix);
  }
  for (const [line] of links) html = html.replace(line, '');
  if (/data-trunk/.test(html)) fail('index.html has a data-trunk element that is not a whole `<link data-trunk …>` line', fix);
  if (/<script|<style|\son[a-z]+=/i.test(html)) fail('index.html has an inline script, style or event handler', fix);
  for (const mark of ['<meta charset="utf-8">', '</head>']) {
    if (html.split(mark).length !== 2) fail(`index.html must have exactly one ${mark}`, fix);
  }
  const rust = links.filter(([, attrs]) => attr(attrs, 'rel') === 'rust');
  const bin = rust.length === 1 && attr(rust[0][1], 'data-bin');
  if (!bin) fail('index.html must have one `<link data-trunk rel="rust" data-bin="…">`', fix);
  const copied = links.filter(([, attrs]) => attr(attrs, 'rel') === 'copy-file').map(([, attrs]) => path.posix.basename(attr(attrs, 'href')));
  return { html, bin, copied };
}

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
export function wasmAsText(bytes) {
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

/**
 * The start as one script: web/boot.js bundled with wasm-bindgen's glue
 * (`glue`, its text, unchanged), the split loader (web/split-loader.js),
 * web/pack.js, web/journal.js (with web/journal-read.js and web/journal-life.js) and
 * web/wasm-file.js. The glue imports the modules' loaders
 * from "./__wasm_split.js": that module is written here from the split's
 * table (`exports`: [[export name, module name]]), one line each.
 * `define` fills in the scripts' build-time values.
 */
export async function bundleStart(root, { glue, exports, define }) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ctit-start-'));
  try {
    fs.writeFileSync(path.join(tmp, 'glue.js'), glue);
    fs.writeFileSync(path.join(tmp, '__wasm_split.js'), splitExports(exports));
    for (const f of ['boot.js', 'split-loader.js', 'pack.js', 'journal.js', 'journal-read.js', 'journal-life.js', 'wasm-file.js']) fs.copyFileSync(path.join(root, 'web', f), path.join(tmp, f));
    const bundle = await esbuild.build({
      entryPoints: [path.join(tmp, 'boot.js')], bundle: true, format: 'esm', write: false, logLevel: 'error',
      define: Object.fromEntries(Object.entries(define).map(([k, v]) => [k, JSON.stringify(v)])),
      external: ['./sw-register-*'],
    });
    return bundle.outputFiles[0].text;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** A CSP source for an inline piece: its SHA-256. */
const hash = (text) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * The page: the template (readTemplate) with the Content-Security-Policy
 * and the pack's early fetch (`packStart`, or null) right after the
 * charset, and the style sheet, the start and the main wasm module's text
 * (`wasmText`) before `</head>`; a byte order mark first, so browsers
 * decode it as UTF-8 whatever charset a server's Content-Type names.
 * With `wasmFile`, the warm page the service worker answers navigations
 * with: the same page and policy, the module named by its file instead of
 * carried, and `wasmStart` (web/warm-start.js) first after the policy,
 * which fetches and compiles that file, and reads the typing journal,
 * before the rest of the page is parsed (web/boot.js takes its results).
 */
export function writePage(template, { packStart, css, boot, wasmText, wasmFile = null, wasmStart = null }) {
  if ((wasmFile === null) !== (wasmStart === null)) fail('the warm page needs both the module\'s file and its early start (web/warm-start.js), the first page neither', 'pass wasmFile and wasmStart together (tools/post-build.mjs).');
  if (/<\/(?:script|style)/i.test((packStart ?? '') + (wasmStart ?? '') + boot + css)) fail('the start or the style sheet would end its own element', 'find the "</script" or "</style" in web/*.js or the style sheets and write it another way.');
  const CSP = [
    "default-src 'none'",
    `script-src 'self' 'wasm-unsafe-eval' ${[wasmStart, packStart].filter((s) => s !== null).map((s) => `${hash(s)} `).join('')}${hash(boot)}`,
    `style-src 'self' ${hash(css)}`,
    "img-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  // (The replacements are functions: the code and the wasm's text hold "$" patterns.)
  const html = template
    .replace('<meta charset="utf-8">', () => `<meta charset="utf-8">\n  <meta http-equiv="Content-Security-Policy" content="${CSP}">${[wasmStart, packStart].filter((s) => s !== null).map((s) => `\n  <script>${s}</script>`).join('')}`)
    .replace('</head>', () => (wasmFile === null
      ? `<style>${css}</style>\n<script type="module" async>${boot}</script>\n<script type="application/wasm" id="app-wasm">${wasmText}</script>\n</head>`
      // The warm page: the block names the module's own file instead, and
      // comes before the start, so the start finds it at once.
      : `<style>${css}</style>\n<script type="application/wasm" id="app-wasm" data-file="./${wasmFile}"></script>\n<script type="module" async>${boot}</script>\n</head>`));
  return `\uFEFF${html}`;
}
