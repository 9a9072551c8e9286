//! The critical path of the built site: index.html and any JS, wasm and CSS
// it names, all needed before the first verdict can be painted, with raw, gzip and
// brotli sizes. Shared by the benchmark (tools/bench.mjs) and the size
// guard in the test command (tools/size-check.mjs).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** Sizes in bytes of the critical path of the site in `dist`. */
export function criticalPath(dist) {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const linked = [...html.matchAll(/(?:src|href)="\.\/([^"]+\.(?:js|wasm|css))"/g)].map((m) => m[1]);
  // The built page carries its start, style sheet and main wasm itself
  // (tools/post-build.mjs); any script, wasm or style sheet it names would
  // be on the path too, and is counted.
  const files = [...new Set(['index.html', ...linked])];
  let raw = 0, gzip = 0, brotli = 0;
  for (const f of files) {
    const data = fs.readFileSync(path.join(dist, f));
    raw += data.length;
    gzip += zlib.gzipSync(data, { level: 9 }).length;
    brotli += zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return { files, raw, gzip, brotli };
}
