//! The app's start: bundled with wasm-bindgen's glue and the split loader
//! and written into index.html by tools/post-build.mjs, so the first screen
//! needs one request (the page) instead of two round trips.
//
// On a first visit the main wasm module travels inside index.html as the
// text of a data block (<script type="application/wasm" id="app-wasm">,
// never executed), encoded by `wasmAsText` in tools/post-build.mjs, which
// fills in WASM_SWAPS (its [byte, character] pairs) and WASM_LENGTH. Once
// the service worker keeps the app, its warm page names the module's own
// file instead (data-file), which its first script has begun to fetch and
// compile (web/warm-start.js).
import init, * as bindings from './glue.js';
import { prefetch } from './split-loader.js';
import { replay, write } from './journal.js';
import { compileFile } from './wasm-file.js';
import { usePack } from './pack.js';

// PACK_HASH, PACK_MODULE and PACK_STYLES: the link that fetches a module
// at once, that module and its style sheets' names (the features table's
// module with a `pack`, src/ui/features.json; PACK_HASH is null if none).
/* global WASM_SWAPS, WASM_LENGTH, SW_REGISTER, PACK_HASH, PACK_MODULE, PACK_STYLES */

/** The wasm module's bytes, decoded from the page's data block `block` (then removed from the page). */
function wasmBytes(block) {
  const text = block ? block.textContent : '';
  if (block) block.remove();
  // index.html starts with a UTF-8 byte order mark, which browsers trust
  // over any charset a server sends; a page altered in transit still fails
  // here, with a reason, rather than as an invalid module.
  if (text.length !== WASM_LENGTH) {
    throw new Error(`index.html arrived altered (${text.length} of ${WASM_LENGTH} characters of the app's code): serve the file byte for byte`);
  }
  const table = new Uint8Array(0x100 + WASM_SWAPS.length);
  for (let c = 0; c < 0x100; c++) table[c] = c;
  WASM_SWAPS.forEach(([byte, char], i) => {
    table[char] = byte;
    table[0x100 + i] = char;
  });
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = table[text.charCodeAt(i)];
  return bytes;
}

/** A message in both languages when the app cannot start at all (the page is otherwise empty). */
function cannotStart(error) {
  console.error(error);
  const note = document.createElement('p');
  note.setAttribute('role', 'alert');
  const zh = document.createElement('span');
  zh.lang = 'zh-CN';
  zh.textContent = '本应用无法在此浏览器中启动。';
  note.append('This app could not start in this browser. ', zh);
  document.body.append(note);
}

// This script is `async` (tools/post-build.mjs): it runs while the rest
// of the page is still arriving. A link straight to the patient check
// starts downloading its module, shared chunks and style sheet now, side
// by side with the page, rather than once the app has started (the split
// loader's prefetch, web/split-loader.js; src/ui/js.rs's ensure_style
// finds each sheet by its id). On a first visit they come as one pack,
// already on its way (web/pack-start.js, web/pack.js); once the service
// worker keeps the app, each file comes from its cache.
if (PACK_HASH && location.hash.startsWith(PACK_HASH)) {
  if (self.ctitPack) usePack(self.ctitPack);
  prefetch(PACK_MODULE);
  for (const sheet of PACK_STYLES) document.head.append(Object.assign(document.createElement('link'), { id: `style-${sheet}`, rel: 'stylesheet', href: `./${sheet}.css` }));
}
// The warm page (tools/post-build.mjs: what the service worker answers a
// navigation with) names the main module's own file in a block before this
// script, and its first script (web/warm-start.js) has already started
// fetching and compiling it from the service worker's cache: no text is
// parsed and decoded. (If that script could not, the file is fetched and
// compiled here; a file that arrived but does not compile is not fetched
// again: the service worker would answer the same bytes.)
const named = document.querySelector('#app-wasm[data-file]');
const fetched = named && (self.ctitModule ?? compileFile(named.dataset.file)).catch((error) => {
  if (error instanceof WebAssembly.CompileError) throw error;
  return compileFile(named.dataset.file);
});
// Typing lost by a killed browser is written back before the app reads
// its records (web/journal.js). That needs nothing of the page, so it
// starts now, while the module compiles, rather than once the page is
// parsed; on a warm start the page's first script has already begun
// reading the journal (web/warm-start.js).
const replayed = replay(self.ctitJournalRead);
// Everything else needs the whole page (the first visit's page carries the
// main module), and the service worker's caching waits until the page is here.
await new Promise((parsed) => (document.readyState === 'loading' ? document.addEventListener('DOMContentLoaded', parsed, { once: true }) : parsed()));
// The service worker's registration (web/sw-register.js) is a file of its
// own, content-hashed by tools/post-build.mjs: the page need not carry it.
import(SW_REGISTER).then((m) => m.registerServiceWorker(), () => {});

try {
  const [module] = await Promise.all([fetched || WebAssembly.compile(wasmBytes(document.getElementById('app-wasm'))), replayed]);
  window.ctitJournal = { write };
  const wasm = await init({ module_or_path: module });
  // As Trunk's own loader does: the benchmark reads the wasm memory from it.
  window.wasmBindings = bindings;
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
} catch (error) {
  cannotStart(error);
}
