//! The main module's imports from its glue under short names. wasm-bindgen
//! names each JS function the module imports `__wbg_<function>_<16 hex
//! digits>` (184 of them, 6 KB of names), and the page carries each name
//! twice: in the module's import section and as a key of the glue's import
//! object. The hex digits do not compress, so this step renames each import
//! `a`, `b`, … and the glue's module `./<bin>_bg.js` to `g`, in both places
//! at once, after wasm-bindgen and before wasm-opt: about 2.5 KB less of
//! the first download's brotli. Only generated names change; the Rust code and
//! its types do not. The build stops if the glue's shape is not the one
//! this step knows (a newer wasm-bindgen): nothing is renamed by guess.
import { fail } from './step.mjs';
import { editSections, leb, name, readLeb, readName } from './wasm-bytes.mjs';

/** The glue's module name in the renamed module and glue. */
export const SHORT_MODULE = 'g';

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** Two-letter JavaScript keywords, never used as a name (they are valid keys, but a reader would stumble). */
const KEYWORDS = new Set(['do', 'if', 'in']);

/** The short names, in order: a … Z, aa, ab, … (identifiers, so the glue's keys stay unquoted). */
export function* shortNames() {
  for (let n = 0; ; n++) {
    let s = '';
    for (let k = n; k >= 0; k = Math.floor(k / LETTERS.length) - 1) s = LETTERS[k % LETTERS.length] + s;
    if (!KEYWORDS.has(s)) yield s;
  }
}

/** The offset after an import's description of kind `kind` at `at` (the wasm spec's importdesc). */
function afterDescription(bytes, kind, at) {
  const unknown = (what) => fail(`the main module imports ${what}, which this step does not read`, 'update tools/build/imports.mjs for the wasm spec\'s newer encoding.');
  // Limits: flags (bit 0 a maximum, bit 1 shared, bit 2 64-bit), minimum, maximum.
  const limits = (p) => {
    const flags = bytes[p];
    if (flags > 7) unknown(`limits with flags ${flags}`);
    let [, q] = readLeb(bytes, p + 1);
    if (flags & 1) [, q] = readLeb(bytes, q);
    return q;
  };
  // A value or reference type of one byte (a typed reference, 0x63/0x64 and a heap type, is not read).
  const oneByteType = (p) => {
    if (bytes[p] === 0x63 || bytes[p] === 0x64) unknown('a typed reference');
    return p + 1;
  };
  switch (kind) {
    case 0: return readLeb(bytes, at)[1]; // a function: its type
    case 1: return limits(oneByteType(at)); // a table: element type, limits
    case 2: return limits(at); // a memory: limits
    case 3: return oneByteType(at) + 1; // a global: value type, mutability
    case 4: return readLeb(bytes, at + 1)[1]; // a tag: attribute, type
    default: return unknown(`something of kind ${kind}`);
  }
}

/**
 * The module `bytes` and its `glue` (wasm-bindgen's JS, before bundling)
 * with every import from `module` (`./<bin>_bg.js`) renamed: { bytes, glue,
 * renamed (a Map from old name to new) }. Each old name must be a key of
 * the glue's import object exactly once, and the module's name must appear
 * in the glue exactly once (where the import object is handed to wasm).
 */
export function shortenImports(bytes, glue, module) {
  const renamed = new Map();
  const names = shortNames();
  const out = editSections(bytes, (id, body) => {
    if (id !== 2) return body;
    const [count, first] = readLeb(body, 0);
    const entries = [leb(count)];
    let p = first;
    for (let i = 0; i < count; i++) {
      const [from, afterModule] = readName(body, p);
      const [field, afterField] = readName(body, afterModule);
      const end = afterDescription(body, body[afterField], afterField + 1);
      if (from === module) {
        if (renamed.has(field)) fail(`the main module imports ${field} twice`, 'wasm-bindgen\'s output changed: update tools/build/imports.mjs.');
        const short = names.next().value;
        renamed.set(field, short);
        entries.push(name(SHORT_MODULE), name(short), body.subarray(afterField, end));
      } else {
        entries.push(body.subarray(p, end));
      }
      p = end;
    }
    if (p !== body.length) fail('the main module\'s import section has bytes after its last import', 'the module is damaged: build again.');
    return Buffer.concat(entries);
  });
  let text = glue;
  // Each name the step changes is in the glue once, where the step expects it.
  const replaceOnce = (what, named, pattern, replacement) => {
    const times = text.split(named).length - 1;
    if (times !== 1 || !pattern.test(text)) fail(`wasm-bindgen's glue names ${what} ${times} times${times === 1 ? ', not where this step expects it' : ', not once'}`, 'the glue\'s shape changed with wasm-bindgen: update tools/build/imports.mjs.');
    text = text.replace(pattern, replacement);
  };
  for (const [from, to] of renamed) {
    replaceOnce(`the import ${from}`, from, new RegExp(`^(\\s+)${from}(: function\\()`, 'm'), `$1${to}$2`);
  }
  const quoted = JSON.stringify(module).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  replaceOnce(`the module ${module}`, module, new RegExp(`^(\\s+)${quoted}(: import\\d+,)$`, 'm'), `$1${JSON.stringify(SHORT_MODULE)}$2`);
  return { bytes: out, glue: text, renamed };
}

