//! The programs the post-build hook runs besides Trunk (wasm-split-cli,
//! wasm-bindgen, wasm-opt, cargo): found, their versions checked, and run,
//! each failure saying how to install the right one.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fail } from './step.mjs';

/** The wasm-bindgen version Cargo.lock locks (the CLI must be exactly this version). */
export function lockedWasmBindgen(root) {
  const lock = fs.readFileSync(path.join(root, 'Cargo.lock'), 'utf8');
  const version = lock.match(/\[\[package\]\]\nname = "wasm-bindgen"\nversion = "([^"]+)"/)?.[1];
  if (!version) fail('Cargo.lock locks no wasm-bindgen', 'run `cargo generate-lockfile` or restore Cargo.lock from git.');
  return version;
}

/** The binaryen version package.json asks for (wasm-opt reports its major version). */
function wantedBinaryen(root) {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  return pkg.devDependencies.binaryen.split('.')[0];
}

/** The first executable `name` on PATH, or null. */
function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const file = path.join(dir, name);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      if (fs.statSync(file).isFile()) return file;
    } catch { /* not here */ }
  }
  return null;
}

const versionOf = (file) => spawnSync(file, ['--version'], { encoding: 'utf8' }).stdout?.trim() ?? '';

/**
 * The tools, found and checked: { split, bindgen, opt, cargo } (paths).
 * wasm-opt is the one npm installed (node_modules/.bin) if there is one,
 * so a system binaryen of another version cannot slip in.
 */
export function findTools(root, wasmSplitVersion) {
  const installSplit = `run ./dev.sh build once (it installs what is missing), or \`cargo install wasm_split_cli_support --version ${wasmSplitVersion} --features build-binary\`; then put ~/.cargo/bin on PATH`;
  const split = onPath('wasm-split-cli');
  if (!split) fail('wasm-split-cli is not on PATH', installSplit);

  const wantBindgen = lockedWasmBindgen(root);
  const bindgen = onPath('wasm-bindgen');
  const installBindgen = `run ./dev.sh build once, or \`cargo install wasm-bindgen-cli --version ${wantBindgen}\` (the version Cargo.lock locks); then put ~/.cargo/bin on PATH`;
  if (!bindgen) fail('wasm-bindgen is not on PATH', installBindgen);
  const hasBindgen = versionOf(bindgen);
  if (hasBindgen !== `wasm-bindgen ${wantBindgen}`) fail(`${bindgen} is "${hasBindgen}", Cargo.lock locks wasm-bindgen ${wantBindgen}`, installBindgen);

  const wantOpt = wantedBinaryen(root);
  const local = path.join(root, 'node_modules/.bin/wasm-opt');
  const opt = fs.existsSync(local) ? local : onPath('wasm-opt');
  const installOpt = 'run `npm ci --no-audit --no-fund` in the repository (wasm-opt comes from the npm package binaryen), or ./dev.sh build';
  if (!opt) fail('wasm-opt is not installed', installOpt);
  const hasOpt = versionOf(opt);
  if (!hasOpt.startsWith(`wasm-opt version ${wantOpt} `) && hasOpt !== `wasm-opt version ${wantOpt}`) fail(`${opt} is "${hasOpt}", package.json asks for binaryen ${wantOpt}`, installOpt);

  const cargo = onPath('cargo');
  if (!cargo) fail('cargo is not on PATH', 'install Rust with rustup and put ~/.cargo/bin on PATH');
  return { split, bindgen, opt, cargo };
}

/**
 * Runs `file` with `args`, its output shown as it comes (with `quiet`,
 * stderr only if it fails); a failure names the command, with `fix`.
 */
export function run(file, args, { fix, cwd, quiet = false } = {}) {
  const result = spawnSync(file, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'inherit', quiet ? 'pipe' : 'inherit'] });
  if (result.error) fail(`${path.basename(file)} could not be started: ${result.error.message}`, fix);
  if (result.status !== 0) {
    if (quiet && result.stderr) process.stderr.write(result.stderr);
    fail(`\`${path.basename(file)} ${args.join(' ')}\` exited with ${result.status ?? result.signal}`, fix);
  }
  return result;
}
