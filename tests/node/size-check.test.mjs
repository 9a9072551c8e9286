//! The size guard of the test command (tools/size-check.mjs) passes a site
//! just within the 124 KB budget and fails one just past it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const guard = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../tools/size-check.mjs');

/** A built site whose wasm is `wasmBytes` of incompressible bytes. */
function site(wasmBytes) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctit-size-'));
  fs.writeFileSync(path.join(dir, 'index.html'),
    '<link rel="stylesheet" href="./app.css"><script type="module" src="./boot.js"></script>'
    + '<link rel="preload" href="./app_bg.wasm" as="fetch">');
  fs.writeFileSync(path.join(dir, 'app.css'), 'body { margin: 0 }');
  fs.writeFileSync(path.join(dir, 'boot.js'), 'import "./app.js";');
  fs.writeFileSync(path.join(dir, 'app_bg.wasm'), crypto.randomBytes(wasmBytes));
  return dir;
}

function check(dir) {
  return spawnSync(process.execPath, [guard], { env: { ...process.env, DIST: dir }, encoding: 'utf8' });
}

test('the size guard passes a site just within the 124 KB budget', () => {
  const dir = site(122 * 1024);
  const run = check(dir);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /critical path, brotli: 122\.\d KB \(budget 124\.0 KB/);
  fs.rmSync(dir, { recursive: true });
});

test('the size guard fails a site whose critical path grew just past the budget', () => {
  const dir = site(125 * 1024);
  const run = check(dir);
  assert.equal(run.status, 1);
  assert.match(run.stderr, /grew to 125\.\d KB, past the 124\.0 KB budget/);
  fs.rmSync(dir, { recursive: true });
});
