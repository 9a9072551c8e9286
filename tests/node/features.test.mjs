//! The features table (src/ui/features.json) as the build reads it
//! (tools/build/features.mjs): its globs resolve to the files there are,
//! what it copies into the site is derived from it, and a table that
//! cannot be right stops the build, naming each problem's entry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TABLE, glob, globRegex, readFeatures } from '../../tools/build/features.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const text = fs.readFileSync(path.join(root, TABLE), 'utf8');

test('globs match within a folder (*) and at any depth (**)', () => {
  const matches = (pattern, file) => globRegex(pattern).test(file);
  assert.ok(matches('src/ui/record/**', 'src/ui/record/form/field.rs'));
  assert.ok(matches('src/ui/**/*.rs', 'src/ui/list/mod.rs'));
  assert.ok(matches('src/ui/*/mod.rs', 'src/ui/lock/mod.rs'));
  assert.ok(!matches('src/ui/*.rs', 'src/ui/lock/mod.rs'));
  assert.ok(!matches('src/ui/record.rs', 'src/ui/recordXrs'));
  assert.deepEqual(glob(root, 'src/ui/record/door.rs'), ['src/ui/record/door.rs']);
  assert.ok(glob(root, 'src/ui/**/*.rs').length > 20);
});

test('the table names real files, and the site gets each module\'s style sheets and scripts once, under their file names', () => {
  const features = readFeatures(root);
  for (const m of features.modules) assert.ok(m.files.length > 0, `${m.name} has source files`);
  assert.deepEqual(features.siteFiles.map((f) => f.name).sort(), ['handoff.css', 'patient.css', 'record.css', 'scan-v1.js', 'settings.css']);
  assert.deepEqual(features.first.styles, ['style/app.css']);
  assert.equal(features.pack.name, 'patient');
  assert.equal(features.pack.pack, '#patient');
});

test('a table that cannot be right stops the build, naming each problem\'s entry', () => {
  const table = JSON.parse(text);
  table.modules[0].files = ['src/ui/nowhere/**'];
  table.modules[1].fetched = 'sometimes';
  table.modules[2].pack = '#later';
  table.modules.push({ ...table.modules[3] });
  table.later_only.push('src/ui/list/mod.rs');
  table.modules[2].files.push('src/ui/list/mod.rs');
  assert.throws(() => readFeatures(root, JSON.stringify(table)), (e) => {
    assert.match(e.message, /modules\[0\] \(record\) files: "src\/ui\/nowhere\/\*\*" matches no \.rs file/);
    assert.match(e.message, /modules\[1\] \(patient\): "fetched" must be one of/);
    assert.match(e.message, /only one module may have a pack: patient, later do/);
    assert.match(e.message, /the module "tools" is listed twice/);
    assert.match(e.message, /src\/ui\/list\/mod\.rs is in both module later and later_only/);
    assert.match(e.fix, /fix src\/ui\/features\.json/);
    return true;
  });
});
