//! Which wasm module code lands in, checked at the source: the files of the
//! first download (the shell, start page and records list) must not reach
//! code or words meant for a lazily loaded module, or the splitter pulls
//! them into the first download. Without this check a newcomer learns the
//! rule from the size guard; with it, the failure names the file, line and
//! symbol. Which files are fetched later is the features table's
//! (src/ui/features.json: each module's `files`, and `later_only`); the
//! first download is every other file under src/ui but the doors (the
//! `#[wasm_split]` functions, `first.doors`; see ARCHITECTURE.md, "The first
//! download"). A line the check cannot judge (a generic whose code is made
//! where it is called) is allowed by a comment starting
//! `// first-module: allowed` right above it, with the reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { glob, readFeatures } from '../../tools/build/features.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const features = readFeatures(root);

/** A source file's module path from the crate's root: src/ui/list.rs and src/ui/list/mod.rs are ["ui", "list"]. */
function modulePath(file) {
  const parts = file.replace(/^src\//, '').replace(/\.rs$/, '').split('/');
  if (['mod', 'lib', 'main'].includes(parts.at(-1))) parts.pop();
  return parts;
}

/** Modules whose code is fetched later, each with what to call it in a message. */
const LAZY = [
  ...features.modules.flatMap((m) => m.files.map((f) => ({ path: modulePath(f), why: `code of the lazily loaded \`${m.name}\` module` }))),
  ...features.laterOnly.map((f) => ({ path: modulePath(f), why: 'only lazily loaded modules use it' })),
];

/** Items of lazily loaded modules the first download may name: types that carry no code. */
const ALLOWED = features.modules.flatMap((m) => m.namedByFirst).map((p) => p.split('::').slice(1));

/**
 * The first download's files under src/ui: every file but those fetched
 * later and the doors (the boundary, not checked). A new file is checked
 * unless the features table puts it in a lazily loaded module.
 */
const FIRST = glob(root, 'src/ui/**/*.rs').filter((f) => !features.lazyFiles.includes(f) && !features.first.doors.includes(f));

const startsWith = (long, short) => short.length <= long.length && short.every((s, i) => long[i] === s);

/** The module path `crate::…`, `super::…` or `self::…` names, written in the module `here`. */
function resolve(here, head, supers, rest) {
  let base = head === 'crate' ? [] : head === 'self' ? here : here.slice(0, -1);
  for (let n = supers.split('::super').length - 1; n > 0; n--) base = base.slice(0, -1);
  return [...base, ...rest];
}

/** Every use of lazily loaded code or words in `text` (of `file`): "file:line: symbol (why)". */
function offences(file, text = fs.readFileSync(path.join(root, file), 'utf8')) {
  const here = modulePath(file);
  const found = [];
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    // A line may be allowed, with its reason, by the comment right above it.
    for (let j = i - 1; j >= 0 && /^\s*\/\//.test(lines[j]); j--) {
      if (/\/\/ first-module: allowed/.test(lines[j])) return;
    }
    const line = raw.replace(/\/\/.*$/, '');
    const at = `${file}:${i + 1}`;
    for (const m of line.matchAll(/\b(crate|super|self)((?:::super)*)((?:::\w+)*)(?:::\{([^}]*)\})?/g)) {
      const [symbol, head, supers, rest, group] = m;
      if (!rest && group === undefined) continue;
      const base = resolve(here, head, supers, rest.split('::').slice(1));
      // `path::{a, b::c}` names each of its members.
      const named = group === undefined ? [base] : group.split(',').map((s) => s.trim()).filter(Boolean)
        .map((s) => (s === 'self' ? base : [...base, ...s.split('::')]));
      for (const target of named) {
        const lazy = LAZY.find((l) => startsWith(target, l.path));
        if (lazy && !ALLOWED.some((a) => startsWith(target, a))) {
          const whole = target.length === lazy.path.length ? ', the whole module' : '';
          found.push(`${at}: ${symbol.replace(/^(self|super|crate)::/, '')} (${lazy.why}${whole})`);
          break;
        }
      }
    }
  });
  return found;
}

test('the first download reaches no code or words of a lazily loaded module (each offence named)', () => {
  assert.ok(FIRST.length > 0, 'the first download has files under src/ui');
  assert.deepEqual(FIRST.flatMap((f) => offences(f)), []);
});

test('the check finds an offence when there is one (it names file, line and symbol)', () => {
  const found = offences('src/ui/probe.rs', [
    'fn a() { super::record::RecordScreen(); }',
    'fn b(lang: Lang) { let w = crate::ui::lock::words::of(lang).unlock; }',
    'fn c() { crate::security::backup::write(); } // super::lock::x in a comment is fine',
    'fn d() { crate::ui::record::door::create(state, c, errors); }',
    'use super::{home, patient};',
    'use crate::ui::lock::watch;',
  ].join('\n'));
  assert.equal(found.length, 5, found.join('\n'));
  assert.match(found[0], /src\/ui\/probe\.rs:1: record::RecordScreen \(code of the lazily loaded `record` module\)/);
  assert.match(found[1], /:2: ui::lock::words::of \(only lazily loaded modules use it\)/);
  assert.match(found[2], /:3: security::backup::write \(only lazily loaded modules use it\)/);
  assert.match(found[3], /:5: \{home, patient\} .*`patient` module, the whole module/);
  assert.match(found[4], /:6: ui::lock::watch \(code of the lazily loaded `later` module, the whole module\)/);
});

test('a file in a feature folder is judged by where its module is, from any depth', () => {
  // After files move into folders, `super` is the folder's parent, not src/ui.
  const found = offences('src/ui/list/view.rs', [
    'fn a() { super::super::record::RecordScreen(); }',
    'fn b() { super::record::RecordScreen(); }',
    'fn c() { crate::ui::record::RecordScreen(); }',
  ].join('\n'));
  assert.deepEqual(found.map((f) => f.split(':')[1]), ['1', '3']);
});
