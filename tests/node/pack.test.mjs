//! The build's pack of the patient check's code (tools/post-build.mjs,
//! read by web/pack.js; the module src/ui/features.json gives a `pack`): it
//! holds exactly the files the split loader fetches for the patient check,
//! byte for byte, and the service worker does not keep it (it keeps those
//! files).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { root } from '../browser/harness.mjs';
import { readFeatures } from '../../tools/build/features.mjs';

const { pack } = readFeatures(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..'));

test('the pack holds the patient check\'s files byte for byte, and only a first visit needs it', () => {
  assert.equal(pack?.name, 'patient', 'the features table gives the patient check the pack');
  const name = fs.readdirSync(root).find((f) => /^pack_patient-[0-9a-f]+\.bin$/.test(f));
  assert.ok(name, 'the build writes the pack');
  const bytes = fs.readFileSync(path.join(root, name));
  const end = bytes.indexOf(10);
  const index = JSON.parse(bytes.subarray(0, end).toString('utf8'));
  let at = end + 1;
  for (const [file, length] of index) {
    assert.deepEqual(bytes.subarray(at, at + length), fs.readFileSync(path.join(root, file)), file);
    at += length;
  }
  assert.equal(at, bytes.length, 'nothing after the last file');
  // Exactly the patient module and the chunks the loader names for it.
  const page = fs.readFileSync(path.join(root, 'index.html'), 'utf8');
  const own = index.map(([file]) => file);
  assert.ok(own[0].startsWith('split_patient-'));
  for (const file of own) assert.ok(page.includes(`"${file}"`), `${file} is named by the split loader's table`);
  assert.ok(page.includes(`./${name}`), 'the page names the pack');
  const sw = fs.readFileSync(path.join(root, 'sw.js'), 'utf8');
  assert.ok(!sw.includes(name), 'the service worker does not keep the pack');
  for (const file of own) assert.ok(sw.includes(`./${file}`), `the service worker keeps ${file}`);
});
