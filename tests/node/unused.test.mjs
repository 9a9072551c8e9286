//! What the app links in but never calls is dropped before wasm-opt
//! (tools/build/unused.mjs): the named exports leave a module that stays
//! valid and keeps every other export; the glue loses each class whole; the
//! built site names none of them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { UNUSED_CLASSES, dropClasses, dropExports, exportOf } from '../../tools/build/unused.mjs';
import { root as dist } from '../browser/harness.mjs';

/** A module of two empty functions, exported as `keep` and `intounderlyingsink_write`. */
function twoExports() {
  const name = (s) => [s.length, ...Buffer.from(s)];
  const section = (id, body) => [id, body.length, ...body];
  return Buffer.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [1, 0x60, 0, 0]), // one type: () -> ()
    ...section(3, [2, 0, 0]), // two functions of it
    ...section(7, [2, ...name('keep'), 0, 0, ...name('intounderlyingsink_write'), 0, 1]),
    ...section(10, [2, 2, 0, 0x0b, 2, 0, 0x0b]), // two empty bodies
  ]);
}

test('the unused classes\' exports are dropped and the module stays valid with the rest', () => {
  const before = new WebAssembly.Module(twoExports());
  assert.deepEqual(WebAssembly.Module.exports(before).map((e) => e.name), ['keep', 'intounderlyingsink_write']);
  const { bytes, dropped } = dropExports(twoExports(), exportOf(UNUSED_CLASSES));
  assert.deepEqual(dropped, ['intounderlyingsink_write']);
  assert.deepEqual(WebAssembly.Module.exports(new WebAssembly.Module(bytes)).map((e) => e.name), ['keep']);
});

test('exports of other names are kept, even when they contain a class\'s name', () => {
  const dropped = exportOf(UNUSED_CLASSES);
  assert.ok(dropped('__wbg_intounderlyingsource_free'));
  assert.ok(!dropped('ctit_intounderlyingsink_write'));
  assert.ok(!dropped('memory'));
});

test('the glue loses each class, its dispose line and its registry, and nothing else', () => {
  const glue = [
    'export class IntoUnderlyingSink {',
    '    free() { wasm.__wbg_intounderlyingsink_free(this.__wbg_ptr, 0); }',
    '}',
    'if (Symbol.dispose) IntoUnderlyingSink.prototype[Symbol.dispose] = IntoUnderlyingSink.prototype.free;',
    'export function kept() {}',
    'const IntoUnderlyingSinkFinalization = (typeof FinalizationRegistry === \'undefined\')',
    '    ? { register: () => {}, unregister: () => {} }',
    '    : new FinalizationRegistry(ptr => wasm.__wbg_intounderlyingsink_free(ptr, 1));',
    'const after = 1;',
    '',
  ].join('\n');
  assert.equal(dropClasses(glue, ['IntoUnderlyingSink']), 'export function kept() {}\nconst after = 1;\n');
});

test('the built first download names none of the unused classes', () => {
  const page = fs.readFileSync(path.join(dist, 'index.html'), 'latin1');
  for (const c of UNUSED_CLASSES) {
    assert.ok(!page.includes(c), `${c} is still in index.html`);
    assert.ok(!page.includes(c.toLowerCase() + '_'), `${c}'s exports are still in index.html`);
  }
});
