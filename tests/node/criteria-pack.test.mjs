// Every criteria pack in the repository against its published JSON Schema
// (src/engine/pack/criteria-pack.schema.json, draft-07, checked with ajv),
// and the schema does refuse a broken pack (the check is real).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const Ajv = require('ajv');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = path.join(root, 'src/engine/pack');
const schema = JSON.parse(fs.readFileSync(path.join(dir, 'criteria-pack.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true }).compile(schema);
const packs = fs.readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'));

test('every shipped criteria pack is valid against the schema', () => {
  assert.ok(packs.length >= 2, packs.join(', '));
  for (const f of packs) {
    const pack = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
    assert.ok(validate(pack), `${f}: ${JSON.stringify(validate.errors)}`);
  }
});

test('the schema refuses an unknown rule, a bad unit and a missing text', () => {
  const pack = JSON.parse(fs.readFileSync(path.join(dir, packs[0]), 'utf8'));
  for (const breakIt of [
    (p) => { p.criteria[0].rule = { older_than: { years: 18 } }; },
    (p) => { p.criteria[3].rule.platelets_below.unit = 'g/L'; },
    (p) => { delete p.criteria[5].text.zh; },
    (p) => { p.version = 0; },
  ]) {
    const broken = structuredClone(pack);
    breakIt(broken);
    assert.equal(validate(broken), false);
  }
});
