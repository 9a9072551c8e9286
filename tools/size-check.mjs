//! Size guard, run by `./dev.sh test` after the release build: fails when
// the critical path (HTML + JS + wasm + CSS, brotli) grows past BUDGET:
// 124 KB since 2026-12-06 (it was 120), so that types are never traded for
// bytes. A change that needs more makes room first (code only some screens
// use goes into a lazily loaded module; see ARCHITECTURE.md, "The first
// download"), never by making code untyped.
// DIST=folder checks another built site (the guard's own test uses it).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { criticalPath } from './critical-path.mjs';

const KB = 1024;
const BUDGET = 124 * KB;

const dist = process.env.DIST ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');
const { files, brotli } = criticalPath(dist);
const kb = (n) => `${(n / KB).toFixed(1)} KB`;
console.log(`critical path, brotli: ${kb(brotli)} (budget ${kb(BUDGET)}, ${kb(BUDGET - brotli)} left) — ${files.join(', ')}`);
if (brotli > BUDGET) {
  console.error(`size-check: the critical path grew to ${kb(brotli)}, past the ${kb(BUDGET)} budget. Find what grew (twiggy; README, Performance) and make room before adding more.`);
  process.exit(1);
}
