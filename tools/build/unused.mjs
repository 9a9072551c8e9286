//! What the app links in but never calls, dropped before wasm-opt: the
//! stream classes of `server_fn` (Leptos depends on it whatever its
//! features; its streaming client exports three classes through
//! wasm-bindgen). The app has no server, so no code of it makes one; their
//! wasm exports keep their code alive and the glue defines a class for each.
//! Dropping both lets wasm-opt remove that code from the first download.
import { fail } from './step.mjs';
import { editSections, leb, readLeb, readName } from './wasm-bytes.mjs';

/** The wasm-bindgen classes no code of the app uses, by their JS names. */
export const UNUSED_CLASSES = ['IntoUnderlyingByteSource', 'IntoUnderlyingSink', 'IntoUnderlyingSource'];

/** Whether a wasm export belongs to one of `classes` (`intounderlyingsink_write`, `__wbg_intounderlyingsink_free`). */
export const exportOf = (classes) => {
  const prefixes = classes.map((c) => c.toLowerCase() + '_');
  return (name) => prefixes.some((p) => name.startsWith(p) || name.startsWith('__wbg_' + p));
};

/**
 * The module `bytes` without the exports `drop` names: { bytes, dropped
 * (their names) }. Only the export section changes; the code they kept
 * alive is wasm-opt's to remove.
 */
export function dropExports(bytes, drop) {
  const dropped = [];
  const out = editSections(bytes, (id, body) => {
    if (id !== 7) return body;
    let [count, p] = readLeb(body, 0);
    const kept = [];
    for (; count > 0; count--) {
      const [name, kindAt] = readName(body, p);
      const [, next] = readLeb(body, kindAt + 1); // kind byte, then index
      if (drop(name)) dropped.push(name);
      else kept.push(body.subarray(p, next));
      p = next;
    }
    return Buffer.concat([leb(kept.length), ...kept]);
  });
  return { bytes: out, dropped };
}

/**
 * wasm-bindgen's glue without the classes `classes`: each one's
 * `export class`, its `Symbol.dispose` line and its finalization registry.
 * Stops the build if any of their names is left (the glue's shape changed
 * with wasm-bindgen: update this, or drop the class from UNUSED_CLASSES).
 */
export function dropClasses(glue, classes) {
  let out = glue;
  for (const c of classes) {
    out = out
      .replace(new RegExp(`^export class ${c} \\{[\\s\\S]*?^\\}\\n`, 'm'), '')
      .replace(new RegExp(`^if \\(Symbol\\.dispose\\) ${c}\\.prototype.*\\n`, 'm'), '')
      .replace(new RegExp(`^const ${c}Finalization = [\\s\\S]*?;\\n`, 'm'), '');
    if (out.includes(c) || out.includes(c.toLowerCase())) {
      fail(`wasm-bindgen's glue still names ${c} after dropping it`, 'the glue\'s shape changed with wasm-bindgen: update tools/build/unused.mjs.');
    }
  }
  return out;
}
