//! Which wasm module code lands in, checked at the source: the files of the
//! first download (the shell, start page and records list) must not reach
//! code or words meant for a lazily loaded module, or the splitter pulls
//! them into the first download. Without this check a newcomer learns the
//! rule from the size guard; with it, the failure names the file, line and
//! symbol. The boundary itself is each feature's `door.rs`, whose
//! `#[wasm_split]` functions are the only doors (see ARCHITECTURE.md, "The
//! first download"). A line the check cannot judge (a generic whose code is
//! made where it is called) is allowed by a comment starting
//! `// first-module: allowed` right above it, with the reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ui = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/ui');


/**
 * Modules whose code is fetched later (paths under src/ui, as `crate::ui::`
 * names them): nothing in FIRST may call into them.
 */
const LAZY = ['record', 'patient', 'scan', 'lock', 'settings', 'list::tools',
  'common::answers', 'common::initials', 'common::operations',
  'platform::kdf', 'platform::files', 'platform::js', 'platform::bridge'];

/** Every .rs file under src/ui, as a path relative to it (`list/mod.rs`). */
function files(dir = ui, prefix = '') {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name), `${prefix}${e.name}/`) : e.name.endsWith('.rs') ? [`${prefix}${e.name}`] : []);
}

/** The module path of a file under src/ui (`list/filter.rs` → `list::filter`, `list/mod.rs` → `list`). */
const modulePath = (file) => file.replace(/\.rs$/, '').replace(/\/mod$/, '').replaceAll('/', '::');

/**
 * The first download's files under src/ui: every file but those of the
 * lazily loaded modules and the features' doors (`door.rs`: the boundary,
 * not checked). A new file is checked unless its module is in LAZY.
 */
const FIRST = files().filter((f) => !f.endsWith('door.rs') && !LAZY.some((m) => modulePath(f) === m || modulePath(f).startsWith(`${m}::`)));

/** Names of lazily loaded modules the first download may use: types that carry no code. */
const ALLOWED = new Set([]);

/** Every use of lazily loaded code or words in `text` (of `file`): "file:line: symbol (why)". */
function offences(file, text = fs.readFileSync(path.join(ui, file), 'utf8')) {
  const found = [];
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    // A line may be allowed, with its reason, by the comment right above it.
    for (let j = i - 1; j >= 0 && /^\s*\/\//.test(lines[j]); j--) {
      if (/\/\/ first-module: allowed/.test(lines[j])) return;
    }
    const line = raw.replace(/\/\/.*$/, '');
    const at = `src/ui/${file}:${i + 1}`;
    const lazy = LAZY.map((m) => m.replaceAll('::', '::')).sort((a, b) => b.length - a.length).join('|');
    for (const m of line.matchAll(new RegExp(`\\bcrate::ui::(${lazy})::(\\w+|\\{[^}]*\\})`, 'g'))) {
      const symbol = `${m[1]}::${m[2]}`;
      // A feature's door is the boundary: its stubs are the first download's.
      if (m[1].endsWith('::door') || m[2] === 'door' || /^\{?\s*door\b/.test(m[2])) continue;
      if (!ALLOWED.has(symbol)) found.push(`${at}: ${symbol} (code of the lazily loaded \`${m[1]}\` module)`);
    }
    for (const m of line.matchAll(/\buse crate::ui::([\w:]+);/g)) {
      if (LAZY.includes(m[1])) found.push(`${at}: use crate::ui::${m[1]} (the whole lazily loaded module)`);
    }
    for (const m of line.matchAll(/\bcrate::(security::backup|record::export|record::judge|interop::\w+)::(\w+)/g)) {
      found.push(`${at}: crate::${m[1]}::${m[2]} (only lazily loaded screens use \`${m[1]}\`)`);
    }
  });
  return found;
}

test('the first download reaches no code or words of a lazily loaded module (each offence named)', () => {
  assert.deepEqual(FIRST.flatMap((f) => offences(f)), []);
});

test('the check finds an offence when there is one (it names file, line and symbol)', () => {
  const found = offences('probe.rs', [
    'fn a() { crate::ui::record::RecordScreen(); }',
    'fn b(lang: Lang) { let w = crate::ui::lock::words::of(lang).unlock; }',
    'fn c() { crate::security::backup::write(); } // crate::ui::lock::x in a comment is fine',
    'fn d() { crate::ui::record::door::create(state, c, e); }',
  ].join('\n'));
  assert.equal(found.length, 3, found.join('\n')); // (a door is the boundary: allowed)
  assert.match(found[0], /src\/ui\/probe\.rs:1: record::RecordScreen/);
  assert.match(found[1], /:2: lock::words/);
  assert.match(found[2], /:3: crate::security::backup::write/);
});
