//! Trunk's post-build hook: every build step Trunk does not do, in one
//! place, in order; each failure names its step and what to do.
//
// `trunk build --release` (or `trunk serve`, or ./dev.sh, which call it)
// first does what Trunk does: cargo builds the app's wasm, and Trunk runs
// wasm-bindgen on it and copies the files index.html's copy-file lines
// name. Trunk has no step between cargo and wasm-bindgen, where the split
// must happen (on the linker's output, which keeps its relocations:
// .cargo/config.toml), so this hook starts again from cargo's output and
// Trunk's own wasm-bindgen output is thrown away (index.html puts it under
// unsplit/ and turns Trunk's wasm-opt off). The steps, in order:
//   1. read the features table (src/ui/features.json: which modules load
//      lazily, their style sheets, scripts and pack) and index.html (the
//      page's template);
//   2. find wasm-split-cli, wasm-bindgen (Cargo.lock's version) and
//      wasm-opt (npm's binaryen);
//   3. split cargo's output with wasm-split-cli at the #[wasm_split]
//      points: the main module, one module per lazily loaded feature,
//      shared chunks, and a generated loader;
//   4. read that loader as data (tools/build/split.mjs): its runtime must
//      be the one vendored in vendor/, its modules the table's;
//   5. run wasm-bindgen on the main module (keeping the exports the split
//      modules link against), then drop what the app links in but never
//      calls (server_fn's stream classes: tools/build/unused.mjs), and
//      give its imports from the glue short names (tools/build/imports.mjs);
//   6. optimise every module with wasm-opt (the settings below) and copy
//      the split ones under content-hashed names (so no server cache can
//      pair an old piece with a new app);
//   7. write the pack: the files of the module the table gives a `pack`
//      (the patient check) as one file, for a first visit to its link;
//   8. build the passcode's key derivation (crate ctit-kdf) and its
//      worker, under versioned names;
//   9. copy the lazily loaded modules' style sheets and scripts;
//  10. write index.html from the repository's index.html (never from
//      Trunk's): the pack's early fetch (web/pack-start.js), the style
//      sheet, the start (web/boot.js bundled with the glue, our split
//      loader web/split-loader.js, web/pack.js and the typing journal,
//      minified) and the main wasm module as text, under a
//      Content-Security-Policy naming each inline piece by hash; the
//      service worker's registration becomes a hashed file; and the warm
//      page (warm.html, the service worker's answer to a navigation) with
//      the main module as a file of its own (app-<hash>.wasm), which its
//      first script fetches and compiles at once, beside reading the
//      typing journal (web/warm-start.js);
//  11. throw Trunk's own wasm-bindgen output away, and stop if the site
//      holds any file this hook does not know (Trunk changed its output);
//  12. write sw.js: web/sw.js with the list of every file and a version
//      derived from their contents;
//  13. write pre-compressed copies (.br, .gz) for servers that send them.
// The size guard (tools/size-check.mjs) then runs in ./dev.sh test.
// A debug build (`trunk serve`, for editing) runs the same steps, split
// and Content-Security-Policy included, but leaves out the slow ones that
// change no behaviour: wasm-opt, minifying the start, the compressed copies.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import * as esbuild from 'esbuild';
import { minify } from 'terser';
import { minify as minifyCss } from 'csso';
import { fail, runSteps } from './build/step.mjs';
import { findTools, run } from './build/tools.mjs';
import { readFeatures, sheetName } from './build/features.mjs';
import { LOADER, WASM_SPLIT_VERSION, checkModules, loaderDefines, readLoader, splitDir, vendoredRuntime } from './build/split.mjs';
import { bundleStart, readTemplate, wasmAsText, writePage } from './build/page.mjs';
import { UNUSED_CLASSES, dropClasses, dropExports, exportOf } from './build/unused.mjs';
import { shortenImports } from './build/imports.mjs';

/**
 * wasm-opt's settings for every module of the app (Trunk's own wasm-opt
 * is off: index.html's data-wasm-opt="0"): smallest code, and the
 * WebAssembly features every browser the app supports has.
 */
const WASM_OPT = ['-Oz', '--converge', '--enable-bulk-memory', '--enable-bulk-memory-opt', '--enable-nontrapping-float-to-int',
  '--enable-sign-ext', '--enable-reference-types', '--enable-multivalue', '--enable-mutable-globals'];
/** Where index.html has Trunk put its own (unsplit) wasm-bindgen output: thrown away in step 11. */
const UNSPLIT = 'unsplit';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('post-build: TRUNK_STAGING_DIR is not set: this is Trunk\'s post-build hook; run `trunk build --release` (or ./dev.sh build)');
  process.exit(1);
}
const profile = process.env.TRUNK_PROFILE ?? 'release';
const quick = profile === 'debug';
const sha = (data) => crypto.createHash('sha256').update(data).digest('hex');
const hashed = (name, data) => name.replace(/(\.[a-z]+)$/, `-${sha(data).slice(0, 8)}$1`);
// The start and the small scripts are minified: a third of the start's
// brotli size, and less for the browser to parse before the wasm can start.
// Names of exports and string keys (the wasm's import object) are kept,
// as terser never renames them.
const minified = async (code, module = true) => (await minify(code, {
  module, compress: module ? { passes: 2 } : true, mangle: true, format: { comments: false },
})).code;

/** Every file this hook writes into the site (step 11 checks there is no other). */
const written = new Set();
function write(name, data) {
  fs.writeFileSync(path.join(dir, name), data);
  written.add(name);
}

// What the steps hand on.
let features, tools, template, targetDir, split, main, loaderTable, packFile;
/** The split files' names in the site (content-hashed), by wasm-split-cli's names. */
const siteName = new Map();
const splitOut = () => splitDir(targetDir, profile);

await runSteps([
  ['read the features table and index.html', () => {
    features = readFeatures(root);
    template = readTemplate(fs.readFileSync(process.env.TRUNK_HTML_FILE ?? path.join(root, 'index.html'), 'utf8'));
  }],

  ['find the tools', () => {
    tools = findTools(root, WASM_SPLIT_VERSION);
    // Where cargo writes (CARGO_TARGET_DIR or .cargo/config.toml may move it), as Trunk asks it.
    try {
      targetDir = JSON.parse(execFileSync(tools.cargo, ['metadata', '--format-version', '1', '--no-deps'], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 })).target_directory;
    } catch (error) {
      fail(`\`cargo metadata\` failed: ${error.message.split('\n')[0]}`, 'see cargo\'s message above (Cargo.toml must parse).');
    }
  }],

  ['split the wasm (wasm-split-cli)', () => {
    const input = path.join(targetDir, 'wasm32-unknown-unknown', profile, `${template.bin}.wasm`);
    if (!fs.existsSync(input)) fail(`cargo's output ${input} is missing`, 'build through Trunk (`trunk build --release`, `trunk serve`, or ./dev.sh build), which runs cargo first; the hook does not run on its own.');
    fs.rmSync(splitOut(), { recursive: true, force: true });
    fs.mkdirSync(splitOut(), { recursive: true });
    run(tools.split, [input, splitOut(), '--target', 'web', '--out-name', template.bin], {
      fix: `see wasm-split-cli's message above. It needs the linker's relocations (--emit-relocs in .cargo/config.toml) and must read the markers of the wasm_split_helpers version in Cargo.lock: ./dev.sh installs wasm-split-cli ${WASM_SPLIT_VERSION}, which does.`,
    });
  }],

  ['read the split loader', () => {
    const text = fs.readFileSync(path.join(splitOut(), LOADER), 'utf8');
    split = readLoader(text, vendoredRuntime(root));
    checkModules(split, features);
    if (split.main !== `./${template.bin}.js`) fail(`wasm-split-cli's loader imports initSync from ${split.main}, not ./${template.bin}.js`, 'check the --out-name given to wasm-split-cli in step 3.');
    const named = [...split.chunks.map((c) => c.file), ...split.modules.map((m) => m.file)];
    const made = fs.readdirSync(splitOut()).filter((f) => f.endsWith('.wasm') && f !== `${template.bin}.wasm`);
    const unnamed = made.filter((f) => !named.includes(f));
    const absent = named.filter((f) => !made.includes(f));
    if (unnamed.length || absent.length) fail(`wasm-split-cli's loader and files disagree: ${[...unnamed.map((f) => `${f} is not in the loader`), ...absent.map((f) => `${f} was not written`)].join(', ')}`, `compare ${splitOut()} with ${LOADER}; a wasm-split-cli other than ${WASM_SPLIT_VERSION}?`);
  }],

  ['run wasm-bindgen on the main module', () => {
    const out = path.join(splitOut(), 'bindgen');
    run(tools.bindgen, ['--target=web', `--out-dir=${out}`, `--out-name=${template.bin}`, '--no-typescript', '--keep-lld-exports', path.join(splitOut(), `${template.bin}.wasm`)], {
      fix: 'see wasm-bindgen\'s message above; its version must be the one Cargo.lock locks (step 2 checked that).',
    });
    const made = fs.readdirSync(out).sort();
    const want = [`${template.bin}.js`, `${template.bin}_bg.wasm`];
    if (made.join() !== want.join()) fail(`wasm-bindgen wrote ${made.join(', ')}; the start bundles only ${want.join(' and ')}`, 'the app\'s Rust code asks wasm-bindgen for more (inline JS snippets?): keep such JS in web/ and call it through src/ui/bridge.rs.');
    // What the app links in but never calls (server_fn's stream classes,
    // tools/build/unused.mjs): out of the glue and the wasm's exports, so
    // wasm-opt removes their code from the first download.
    const wasm = path.join(out, want[1]);
    const { bytes, dropped } = dropExports(fs.readFileSync(wasm), exportOf(UNUSED_CLASSES));
    const glue = fs.readFileSync(path.join(out, want[0]), 'utf8');
    // The imports from the glue under short names, in the module and the
    // glue at once (tools/build/imports.mjs): their generated names are
    // 6 KB of the first download, twice.
    const short = shortenImports(bytes, dropped.length ? dropClasses(glue, UNUSED_CLASSES) : glue, `./${template.bin}_bg.js`);
    fs.writeFileSync(wasm, short.bytes);
    main = { glue: short.glue, wasm };
  }],

  ['optimise the wasm (wasm-opt)', () => {
    const opt = path.join(splitOut(), 'opt');
    fs.mkdirSync(opt, { recursive: true });
    const optimise = (from, to) => {
      // (wasm-opt warns about a name subsection it does not know; the names
      // are dropped anyway, unless CTIT_PROFILE_NAMES=1, so only its errors
      // are shown. That setting keeps the functions' names, for a profile
      // of the release build that names them: the code is the same, the
      // names are a section of their own, and the first download larger.)
      if (quick) fs.copyFileSync(from, to);
      else run(tools.opt, [...WASM_OPT, ...(process.env.CTIT_PROFILE_NAMES === '1' ? ['-g'] : []), from, '-o', to], { quiet: true, fix: `see wasm-opt's message above (settings: WASM_OPT in tools/post-build.mjs).` });
      return fs.readFileSync(to);
    };
    main.bytes = optimise(main.wasm, path.join(opt, `${template.bin}_bg.wasm`));
    // (CTIT_KEEP_MAIN=FILE keeps a copy of the main module, for size work.)
    if (process.env.CTIT_KEEP_MAIN) fs.writeFileSync(process.env.CTIT_KEEP_MAIN, main.bytes);
    for (const f of [...split.chunks.map((c) => c.file), ...split.modules.map((m) => m.file)]) {
      const data = optimise(path.join(splitOut(), f), path.join(opt, f));
      const name = hashed(f, data);
      write(name, data);
      siteName.set(f, name);
    }
    // The split loader's table (web/split-loader.js), with the files' names
    // in the site (relative to the page, as "./name" would be).
    loaderTable = loaderDefines(split, (f) => siteName.get(f));
    console.log(`post-build: ${siteName.size} split modules and chunks`);
  }],

  ['write the pack', () => {
    // The pack module's files as one (web/pack.js reads it): a first visit
    // to its link fetches them in one request instead of eight.
    if (!features.pack) return;
    const { name } = features.pack;
    const m = split.modules.find((s) => s.name === name);
    const names = [m.file, ...m.chunks.map((i) => split.chunks[i].file)].map((f) => siteName.get(f));
    const parts = names.map((n) => fs.readFileSync(path.join(dir, n)));
    const header = Buffer.from(`${JSON.stringify(names.map((n, i) => [n, parts[i].length]))}\n`);
    const pack = Buffer.concat([header, ...parts]);
    packFile = hashed(`pack_${name}.bin`, pack);
    write(packFile, pack);
    console.log(`post-build: ${packFile} (${names.length} files)`);
  }],

  ['build the key derivation (ctit-kdf)', async () => {
    // Its own small wasm module (built for speed, not size) and the Web
    // Worker that runs it (web/kdf-worker.js), fetched only to set or enter
    // a passcode. Fixed names with the interface's version (src/ui/kdf.rs
    // names the worker): Argon2id gives the same key whichever build
    // computes it, so a cached worker or module of another build is still
    // right; the version changes only if the messages or exports do.
    run(tools.cargo, ['build', '--release', '--quiet', '--target', 'wasm32-unknown-unknown', '-p', 'ctit-kdf', '--features', 'worker'], { cwd: root, fix: 'see cargo\'s message above (crate kdf/).' });
    const built = path.join(targetDir, 'wasm32-unknown-unknown', 'release', 'ctit_kdf.wasm');
    run(tools.opt, ['-O3', '--strip-debug', '--strip-producers', built, '-o', path.join(dir, 'kdf-v1.wasm')], { quiet: true, fix: 'see wasm-opt\'s message above.' });
    written.add('kdf-v1.wasm');
    write('kdf-worker-v1.js', await minified(fs.readFileSync(path.join(root, 'web/kdf-worker.js'), 'utf8')));
    console.log(`post-build: key derivation kdf-v1.wasm (${(fs.statSync(path.join(dir, 'kdf-v1.wasm')).size / 1024).toFixed(1)} KB), kdf-worker-v1.js`);
  }],

  ['copy the screens\' style sheets and scripts', () => {
    // Under their file names: src/ui/js.rs's ensure_style asks for
    // `./{name}.css`, the scan screen for ./scan-v1.js.
    for (const { from, name } of features.siteFiles) {
      if (template.copied.includes(name)) fail(`${name} is both in src/ui/features.json and a copy-file line of index.html`, 'remove the copy-file line: the features table\'s files are copied by this step.');
      write(name, fs.readFileSync(path.join(root, from)));
    }
  }],

  ['write the page', async () => {
    // On a slow link each request costs a round trip (562 ms on Slow 4G)
    // before its first byte: index.html, then the scripts, wasm and style
    // sheet it names, is two. So the page carries them itself.
    const { text: wasmText, swaps } = wasmAsText(main.bytes);
    // The service worker's registration and update offer: a file of its
    // own, fetched by the start once the page is parsed (if it cannot be
    // fetched, the app runs without offline use, as it does where service
    // workers are not allowed).
    const swCode = fs.readFileSync(path.join(root, 'web/sw-register.js'), 'utf8');
    const swOut = quick ? swCode : await minified(swCode);
    const swRegister = hashed('sw-register.js', swOut);
    write(swRegister, swOut);
    const pack = features.pack;
    const start = await bundleStart(root, {
      glue: main.glue,
      exports: split.modules.map((m) => [m.export, m.name]),
      define: {
        ...loaderTable,
        WASM_SWAPS: swaps, WASM_LENGTH: main.bytes.length, SW_REGISTER: `./${swRegister}`,
        PACK_HASH: pack?.pack ?? null, PACK_MODULE: pack?.name ?? null, PACK_STYLES: (pack?.styles ?? []).map(sheetName),
      },
    });
    const boot = quick ? start : await minified(start);
    // The pack's early fetch (web/pack-start.js): a classic inline script
    // of its own, first in the page after the Content-Security-Policy.
    const packStart = pack ? await minified(esbuild.transformSync(fs.readFileSync(path.join(root, 'web/pack-start.js'), 'utf8'), {
      define: { PACK_HASH: JSON.stringify(pack.pack), PACK_FILE: JSON.stringify(`./${packFile}`) },
    }).code, false) : null;
    // The first download's style sheets, minified without reordering any
    // rule (csso's restructuring is off).
    const css = minifyCss(features.first.styles.map((f) => fs.readFileSync(path.join(root, f), 'utf8')).join('\n'), { restructure: false }).css;
    const html = writePage(template.html, { packStart, css, boot, wasmText });
    fs.writeFileSync(path.join(dir, 'index.html'), html);
    written.add('index.html');
    console.log(`post-build: index.html ${(Buffer.byteLength(html) / 1024).toFixed(0)} KB with its Content-Security-Policy`);
    // Once the service worker keeps the app, a start needs no single-file
    // page: it answers navigations with warm.html, which names the main
    // module's own file (content-hashed) instead of carrying it as text.
    // The file comes from the cache: no text to decode, a page a sixth of
    // the size to parse (README, Performance: 508 → 468 ms warm at 4x CPU).
    const wasmFile = hashed('app.wasm', main.bytes);
    write(wasmFile, main.bytes);
    // Its first script fetches and compiles that file, and reads the typing
    // journal, at once (web/warm-start.js, bundled with what it imports).
    const wasmStart = await minified(esbuild.buildSync({
      entryPoints: [path.join(root, 'web/warm-start.js')], bundle: true, format: 'iife', write: false, logLevel: 'error',
      define: { WASM_FILE: JSON.stringify(`./${wasmFile}`) },
    }).outputFiles[0].text, false);
    // (Without the pack's early fetch: the service worker answers with
    // this page, so the fetch, which is for a first visit only, never runs.)
    const warm = writePage(template.html, { packStart: null, css, boot, wasmText: null, wasmFile, wasmStart });
    write('warm.html', warm);
  }],

  ['throw Trunk\'s own wasm-bindgen output away, and check the site\'s files', () => {
    const unsplit = path.join(dir, UNSPLIT);
    if (!fs.existsSync(unsplit)) fail(`Trunk's own wasm-bindgen output is not in ${UNSPLIT}/`, `index.html's rust link must say data-target-path="${UNSPLIT}" (Trunk 0.21 puts its wasm-bindgen output there); did Trunk change how it does?`);
    fs.rmSync(unsplit, { recursive: true });
    const unknown = fs.readdirSync(dir).filter((f) => !written.has(f) && !template.copied.includes(f));
    if (unknown.length) fail(`the site holds ${unknown.join(', ')}, which neither this hook nor a copy-file line of index.html put there`, 'Trunk\'s output changed shape (a new Trunk version, or a new data-trunk line): say in tools/post-build.mjs what the file is for, or make Trunk leave it out.');
  }],

  ['write the service worker', () => {
    const files = fs.readdirSync(dir).filter((f) => f !== 'sw.js' && !f.startsWith('.') && fs.statSync(path.join(dir, f)).isFile()).sort();
    // The pack is only for a first visit (no service worker yet): the
    // service worker keeps the files it holds, so it need not keep the pack.
    const cached = files.filter((f) => f !== packFile);
    const version = sha(files.map((f) => f + sha(fs.readFileSync(path.join(dir, f)))).join('\n')).slice(0, 16);
    // Not './' as well: navigations are answered with index.html, and the
    // page is the biggest file, so it is downloaded once, not twice.
    const list = cached.map((f) => `./${f}`);
    const marks = { VERSION: JSON.stringify(version), FILES: JSON.stringify(list, null, 2) };
    let sw = fs.readFileSync(path.join(root, 'web/sw.js'), 'utf8');
    for (const [name, value] of Object.entries(marks)) {
      const mark = new RegExp(`/\\* build: ${name} \\*/ [^;]+;`);
      if (!mark.test(sw)) fail(`web/sw.js has no "/* build: ${name} */" value to fill in`, `put back \`/* build: ${name} */ …;\` where web/sw.js defines it.`);
      sw = sw.replace(mark, () => `${value};`);
    }
    write('sw.js', sw);
    console.log(`post-build: sw.js with ${list.length} files (cache ctit-${version})`);
  }],

  ['write the compressed copies', () => {
    // Pre-compressed copies (file.br, file.gz) of every text and wasm file,
    // for servers that can send them as they are (nginx brotli_static /
    // gzip_static, Caddy `precompressed`, Apache with a rewrite rule): the
    // wasm goes over the wire at about a third of its size, without the
    // server compressing on every request. Servers that cannot still serve
    // the plain files. Written last, so the service worker's list (which
    // names the plain files) never includes them. sw.js is left plain: it
    // is tiny, and browsers compare it byte for byte to find a new
    // version, so there must never be a stale compressed copy of it.
    if (quick) return;
    const compressible = /\.(?:html|js|mjs|css|wasm|bin|svg|json|webmanifest)$/;
    let plain = 0, brotli = 0;
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
  }],
]);
