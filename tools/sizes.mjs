//! Sizes of every module of a built site (`./dev.sh size`): the critical
// path (index.html, which carries the start, the style sheet and the main
// wasm module), each lazily loaded module and shared chunk, the key
// derivation's module, brotli at quality 11 as a server would send them;
// with a second site, the change of each against it.
//
//   node tools/sizes.mjs DIST [BASE_DIST]
//
// Names are shown without their content hash (split_record, chunk_7, …);
// the splitter numbers shared chunks in the order it makes them, so a
// chunk's number can move between builds: compare totals as well.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { criticalPath } from './critical-path.mjs';

/** Brotli size of `data` at quality 11, as a server's pre-compressed copy. */
export const brotli = (data) => zlib.brotliCompressSync(data, {
  params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length },
}).length;

/** { name: brotli bytes } for the site in `dist`. */
export function moduleSizes(dist) {
  const sizes = { 'critical path (index.html)': criticalPath(dist).brotli };
  for (const f of fs.readdirSync(dist).filter((f) => f.endsWith('.wasm')).sort()) {
    sizes[f.replace(/-[0-9a-f]{8,16}\.wasm$/, '').replace(/\.wasm$/, '')] = brotli(fs.readFileSync(path.join(dist, f)));
  }
  return sizes;
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const signed = (n) => (n === 0 ? '±0' : `${n > 0 ? '+' : '−'}${Math.abs(n).toLocaleString('en')} B`);

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const [dist, base] = process.argv.slice(2);
  if (!dist) { console.error('usage: node tools/sizes.mjs DIST [BASE_DIST]'); process.exit(2); }
  const now = moduleSizes(dist);
  const before = base ? moduleSizes(base) : null;
  const names = [...new Set([...Object.keys(now), ...Object.keys(before ?? {})])];
  const width = Math.max(...names.map((n) => n.length));
  console.log(`${'module'.padEnd(width)}  ${'brotli'.padStart(9)}${before ? `  ${'change'.padStart(10)}` : ''}`);
  let total = 0, totalBefore = 0;
  for (const n of names) {
    const a = now[n] ?? 0, b = before?.[n] ?? 0;
    total += a; totalBefore += b;
    const change = before ? `  ${(n in now ? (n in before ? signed(a - b) : 'new') : 'gone').padStart(10)}` : '';
    console.log(`${n.padEnd(width)}  ${(n in now ? kb(a) : '—').padStart(9)}${change}`);
  }
  console.log(`${'all'.padEnd(width)}  ${kb(total).padStart(9)}${before ? `  ${signed(total - totalBefore).padStart(10)}` : ''}`);
}
