//! The site's index.html is written from the repository's index.html, never
//! from Trunk's (tools/build/page.mjs): the built page is the template plus
//! the build's own pieces, and a template the page could not keep (another
//! kind of Trunk link, inline code) stops the build, saying why.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readTemplate } from '../../tools/build/page.mjs';
import { root as dist } from '../browser/harness.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const source = fs.readFileSync(path.join(repo, 'index.html'), 'utf8');

test('the built page is index.html without its comments and Trunk lines, plus the policy, the pack\'s fetch, style, start and wasm', () => {
  const { html } = readTemplate(source);
  const built = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  assert.ok(built.startsWith('\uFEFF'), 'a byte order mark first');
  const own = built.slice(1)
    .replace(/\n  <meta http-equiv="Content-Security-Policy" content="[^"]*">/, '')
    .replace(/\n  <script>[^<]*<\/script>/, '')
    .replace(/<style>[^<]*<\/style>\n<script type="module" async>[\s\S]*?<\/script>\n<script type="application\/wasm" id="app-wasm">[\s\S]*?<\/script>\n<\/head>/, '</head>');
  assert.equal(own, html);
  assert.doesNotMatch(built.slice(0, 4000), /unsplit|modulepreload|data-trunk/, 'nothing of Trunk\'s own page');
});

test('the repository\'s index.html asks Trunk for the app and copied files only', () => {
  const { bin, copied, html } = readTemplate(source);
  assert.equal(bin, 'ctit-app');
  assert.deepEqual(copied, ['icon.svg', 'icon-192.png', 'icon-512.png', 'manifest.webmanifest']);
  assert.doesNotMatch(html, /<!--|data-trunk/);
});

test('a template the page could not keep stops the build, saying why', () => {
  const stops = (text, message) => assert.throws(() => readTemplate(text), (e) => {
    assert.match(e.message, message);
    assert.match(e.fix, /template/);
    return true;
  });
  const withLine = (line) => source.replace('</head>', `  ${line}\n</head>`);
  stops(withLine('<link data-trunk rel="css" href="style/app.css">'), /rel="css"; the page is written from index.html/);
  stops(withLine('<script>alert(1)</script>'), /inline script, style or event handler/);
  stops(source.replace('<body>', '<body onload="go()">'), /inline script, style or event handler/);
  stops(source.replace(/<link data-trunk rel="rust"[^>]*>\n/, ''), /one `<link data-trunk rel="rust" data-bin/);
});

test('the warm page is the same page and policy naming the main module\'s file, fetched by its first script, whose bytes are the ones the first page carries', () => {
  const page = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const warm = fs.readFileSync(path.join(dist, 'warm.html'), 'utf8');
  const policy = (html) => html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)[1];
  // Its first script fetches and compiles the module and reads the typing
  // journal (web/warm-start.js): the policy names it too, and nothing else is new.
  const early = warm.match(/<meta http-equiv="Content-Security-Policy" content="[^"]*">\n  <script>([^<]*)<\/script>/)?.[1] ?? '';
  const file = warm.match(/<script type="application\/wasm" id="app-wasm" data-file="\.\/(app-[0-9a-f]{8}\.wasm)"><\/script>\n<script type="module" async>/)?.[1];
  assert.ok(file, 'the block names the module\'s file, before the start');
  assert.ok(early.includes(`"./${file}"`), 'the first script fetches that file');
  assert.match(early, /self\.ctitModule=/);
  assert.match(early, /self\.ctitJournalRead=/);
  assert.doesNotMatch(early, /visibilitychange|durability/, 'the journal\'s reading only, not its writing');
  // The first page's own early script, the patient pack's fetch (web/pack-start.js),
  // is for a first visit only: the warm page, the service worker's answer, leaves it out.
  const packStart = page.match(/<meta http-equiv="Content-Security-Policy" content="[^"]*">\n  <script>([^<]*)<\/script>/)?.[1];
  assert.match(packStart ?? '', /ctitPack=/, 'the first page fetches the patient pack early');
  assert.doesNotMatch(warm, /ctitPack=/, 'the warm page does not');
  const hash = (script) => `'sha256-${crypto.createHash('sha256').update(script, 'utf8').digest('base64')}'`;
  assert.equal(policy(warm), policy(page).replace(hash(packStart), hash(early)), 'the same Content-Security-Policy, with the early script\'s hash for the pack fetch\'s (the start is the same script)');
  const start = (html) => html.match(/<script type="module" async>([\s\S]*?)<\/script>/)[1];
  assert.equal(start(warm), start(page));
  assert.ok(Buffer.byteLength(warm) < Buffer.byteLength(page) / 4, 'a fraction of the first page');
  const bytes = fs.readFileSync(path.join(dist, file));
  assert.equal(bytes.readUInt32LE(0), 0x6d736100, 'a wasm module');
  // The first page's text of the module, decoded as web/boot.js does.
  const text = page.match(/<script type="application\/wasm" id="app-wasm">([\s\S]*?)<\/script>/)[1];
  assert.equal(text.length, bytes.length, 'the same length as the text the first page carries');
});
