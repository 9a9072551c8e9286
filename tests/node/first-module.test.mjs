//! Which wasm module code lands in, checked at the source: the files of the
//! first download (the shell, start page and records list) must not reach
//! code or words meant for a lazily loaded module, or the splitter pulls
//! them into the first download. Without this check a newcomer learns the
//! rule from the size guard; with it, the failure names the file, line and
//! symbol. The boundary itself is `src/ui/lazy.rs`, whose `#[wasm_split]`
//! functions are the only doors (see ARCHITECTURE.md, "The first
//! download"). A line the check cannot judge (a generic whose code is
//! made where it is called) is allowed by a comment starting
//! `// first-module: allowed` right above it, with the reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ui = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/ui');


/** Modules whose code is fetched later: nothing in FIRST may call into them. */
const LAZY = ['record', 'patient', 'lock', 'passcode', 'tools', 'backup', 'storage_care', 'watch', 'kdf', 'verdict', 'field', 'files', 'js', 'handoff', 'scan', 'history', 'list_filter'];

/**
 * The first download's files under src/ui: every file but those of the
 * lazily loaded modules and lazy.rs (the boundary, not checked). A new
 * file is checked unless it is added to LAZY.
 */
const FIRST = fs.readdirSync(ui).filter((f) => f.endsWith('.rs') && f !== 'lazy.rs' && !LAZY.includes(f.slice(0, -3)));

/** Names of lazily loaded modules the first download may use: types that carry no code. */
const ALLOWED = new Set(['tools::Tool']);

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
    for (const m of line.matchAll(new RegExp(`\\b(?:super|crate::ui)::(${LAZY.join('|')})::(\\w+|\\{[^}]*\\})`, 'g'))) {
      const symbol = `${m[1]}::${m[2]}`;
      if (!ALLOWED.has(symbol)) found.push(`${at}: ${symbol} (code of the lazily loaded \`${m[1]}\` module)`);
    }
    for (const m of line.matchAll(/\buse super::(\w+);/g)) {
      if (LAZY.includes(m[1])) found.push(`${at}: use super::${m[1]} (the whole lazily loaded module)`);
    }
    if (/\.screens\(\)/.test(line)) found.push(`${at}: .screens() (ScreenText: words of the screens fetched later; use .ui() and UiText)`);
    if (/\btrs\(/.test(line) && !/\bfn trs\(/.test(line)) found.push(`${at}: trs(…) (ScreenText words; use tr(…) and UiText)`);
    for (const m of line.matchAll(/\bcrate::(backup|export|judge|interop)::(\w+)/g)) {
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
    'fn a() { super::record::RecordScreen(); }',
    'fn b(lang: Lang) { let w = lang.get().screens().unlock; }',
    'fn c() { crate::backup::write(); } // super::lock::x in a comment is fine',
    'fn d() { let t = super::tools::Tool::Log; }',
  ].join('\n'));
  assert.equal(found.length, 3, found.join('\n'));
  assert.match(found[0], /src\/ui\/probe\.rs:1: record::RecordScreen/);
  assert.match(found[1], /:2: \.screens\(\)/);
  assert.match(found[2], /:3: crate::backup::write/);
});
