//! A warm start's first steps, taken the moment its page begins to parse
//! rather than once the start (web/boot.js) has run: fetching and
//! compiling the main module, and reading the typing journal.
//
// An inline script of the warm page only (tools/post-build.mjs bundles it,
// puts it first after the Content-Security-Policy and fills in WASM_FILE,
// the module's content-hashed file). The service worker answers the module
// from its cache, and IndexedDB the journal, while the page is parsed and
// the start, 28 KB of script, is compiled and run; the start then takes
// both results (`self.ctitModule`, `self.ctitJournalRead`). Either may
// fail: the start then fetches the file again, or runs without a journal,
// as it always has (web/boot.js, web/journal.js).
import { compileFile } from './wasm-file.js';
import { read } from './journal-read.js';

/* global WASM_FILE */
try {
  // Marked as handled here: web/boot.js reads the outcome, a failure included.
  (self.ctitModule = compileFile(WASM_FILE)).catch(() => {});
} catch {
  // No fetch or WebAssembly here: web/boot.js tries, and says why it cannot start.
}
(self.ctitJournalRead = read()).catch(() => {});
