//! The main module's imports from its glue get short names
//! (tools/build/imports.mjs): the module and the glue are renamed together
//! and stay a pair that instantiates and calls the right functions; other
//! imports are left alone; a glue of another shape stops the build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { SHORT_MODULE, shortNames, shortenImports } from '../../tools/build/imports.mjs';
import { BuildError } from '../../tools/build/step.mjs';
import { root as dist } from '../browser/harness.mjs';

const GLUE = './app_bg.js';

/**
 * A module importing `__wbg_answer_0123456789abcdef` and
 * `__wbg_twice_fedcba9876543210` from the glue and `memory` from `env`,
 * exporting `run() = twice(answer())`.
 */
function module() {
  const name = (s) => [s.length, ...Buffer.from(s)];
  const section = (id, body) => [id, body.length, ...body];
  return Buffer.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [2, 0x60, 0, 1, 0x7f, 0x60, 1, 0x7f, 1, 0x7f]), // () -> i32, (i32) -> i32
    ...section(2, [3,
      ...name(GLUE), ...name('__wbg_answer_0123456789abcdef'), 0, 0,
      ...name('env'), ...name('memory'), 2, 0, 1,
      ...name(GLUE), ...name('__wbg_twice_fedcba9876543210'), 0, 1]),
    ...section(3, [1, 0]), // run: () -> i32
    ...section(7, [1, ...name('run'), 0, 2]),
    ...section(10, [1, 6, 0, 0x10, 0, 0x10, 1, 0x0b]), // call 0, call 1
  ]);
}

/** Glue in wasm-bindgen's shape: an import object, handed to wasm under the glue's module name. */
const glue = [
  'function __wbg_get_imports() {',
  '    const import0 = {',
  '        __proto__: null,',
  '        __wbg_answer_0123456789abcdef: function() {',
  '            return 21;',
  '        },',
  '        __wbg_twice_fedcba9876543210: function(arg0) {',
  '            return arg0 * 2;',
  '        },',
  '    };',
  '    return {',
  `        "${GLUE}": import0,`,
  '    };',
  '}',
].join('\n');

/** Instantiates `bytes` with the import object `text` builds, and runs it. */
function run(bytes, text) {
  const imports = new Function(`${text}\nreturn __wbg_get_imports();`)();
  imports.env = { memory: new WebAssembly.Memory({ initial: 1 }) };
  return new WebAssembly.Instance(new WebAssembly.Module(bytes), imports).exports.run();
}

test('the renamed module and glue still work together, and name no generated import', () => {
  assert.equal(run(module(), glue), 42);
  const short = shortenImports(module(), glue, GLUE);
  assert.equal(run(short.bytes, short.glue), 42);
  assert.deepEqual([...short.renamed], [['__wbg_answer_0123456789abcdef', 'a'], ['__wbg_twice_fedcba9876543210', 'b']]);
  assert.ok(!short.glue.includes('__wbg_answer') && !short.glue.includes(GLUE));
  assert.ok(!short.bytes.toString('latin1').includes('__wbg_'));
});

test('imports from other modules keep their names', () => {
  const { bytes } = shortenImports(module(), glue, GLUE);
  assert.deepEqual(WebAssembly.Module.imports(new WebAssembly.Module(bytes)).map((i) => `${i.module}.${i.name}`), [`${SHORT_MODULE}.a`, 'env.memory', `${SHORT_MODULE}.b`]);
});

test('a glue that names an import twice, or not as a key, stops the build', () => {
  const twice = glue.replace('return 21;', 'return __wbg_answer_0123456789abcdef.length;');
  assert.throws(() => shortenImports(module(), twice, GLUE), (e) => e instanceof BuildError && /__wbg_answer_0123456789abcdef 2 times/.test(e.message));
  const otherShape = glue.replace('__wbg_twice_fedcba9876543210: function(arg0)', '"__wbg_twice_fedcba9876543210"(arg0)');
  assert.throws(() => shortenImports(module(), otherShape, GLUE), BuildError);
  assert.throws(() => shortenImports(module(), glue.replace(`"${GLUE}": import0,`, ''), GLUE), BuildError);
  // The module named elsewhere too (as wasm-bindgen's Node output does) would be left behind.
  const namedAgain = glue.replace('return 21;', `return globalThis['${GLUE}'] ?? 21;`);
  assert.throws(() => shortenImports(module(), namedAgain, GLUE), (e) => e instanceof BuildError && /module \.\/app_bg\.js 2 times/.test(e.message));
});

test('an import this step cannot read stops the build instead of being misread', () => {
  const bytes = module();
  // The memory import's limits flags (0) set to 8, a flag this step does not know.
  const at = bytes.indexOf(Buffer.from('memory')) + 'memory'.length + 1;
  assert.equal(bytes[at - 1], 2);
  bytes[at] = 8;
  assert.throws(() => shortenImports(bytes, glue, GLUE), (e) => e instanceof BuildError && /limits with flags 8/.test(e.message));
});

test('the short names are distinct identifiers, shortest first, and no keyword', () => {
  const names = [];
  for (const n of shortNames()) { names.push(n); if (names.length === 3000) break; }
  assert.equal(new Set(names).size, names.length);
  assert.deepEqual(names.slice(0, 3), ['a', 'b', 'c']);
  assert.equal(names[51], 'Z');
  assert.equal(names[52], 'aa');
  assert.ok(names.every((n) => /^[A-Za-z]+$/.test(n)) && !names.includes('do') && !names.includes('in') && !names.includes('if'));
  assert.ok(names.every((n, i) => i === 0 || names[i - 1].length <= n.length));
});

test('the built site\'s main module imports nothing under a generated name', { skip: !fs.existsSync(path.join(dist, 'sw.js')) && 'no built site' }, () => {
  const main = fs.readdirSync(dist).find((f) => /^app-[0-9a-f]+\.wasm$/.test(f));
  const imports = WebAssembly.Module.imports(new WebAssembly.Module(fs.readFileSync(path.join(dist, main))));
  assert.ok(imports.length > 100);
  assert.deepEqual(imports.filter((i) => i.module !== SHORT_MODULE && i.module !== './__wasm_split.js'), []);
  assert.deepEqual(imports.filter((i) => i.name.startsWith('__wbg') || i.name.startsWith('__wbindgen')), []);
});
