//! What the app links in but never calls, dropped before wasm-opt: the
//! stream classes of `server_fn` (Leptos depends on it whatever its
//! features; its streaming client exports three classes through
//! wasm-bindgen). The app has no server, so no code of it makes one; their
//! wasm exports keep their code alive and the glue defines a class for each.
//! Dropping both lets wasm-opt remove that code from the first download.
import { fail } from './step.mjs';

/** The wasm-bindgen classes no code of the app uses, by their JS names. */
export const UNUSED_CLASSES = ['IntoUnderlyingByteSource', 'IntoUnderlyingSink', 'IntoUnderlyingSource'];

/** Whether a wasm export belongs to one of `classes` (`intounderlyingsink_write`, `__wbg_intounderlyingsink_free`). */
export const exportOf = (classes) => {
  const prefixes = classes.map((c) => c.toLowerCase() + '_');
  return (name) => prefixes.some((p) => name.startsWith(p) || name.startsWith('__wbg_' + p));
};

/** An unsigned LEB128 number at `at`: [value, the offset after it]. */
function readLeb(bytes, at) {
  let value = 0;
  let shift = 0;
  let i = at;
  for (;;) {
    if (i >= bytes.length) fail('the wasm module ends inside a number', 'the module is damaged: build again.');
    const byte = bytes[i++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (!(byte & 0x80)) return [value, i];
  }
}

function leb(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return Buffer.from(out);
}

/**
 * The module `bytes` without the exports `drop` names: { bytes, dropped
 * (their names) }. Only the export section changes; the code they kept
 * alive is wasm-opt's to remove.
 */
export function dropExports(bytes, drop) {
  if (bytes.length < 8 || bytes.readUInt32LE(0) !== 0x6d736100) fail('not a wasm module', 'build again.');
  const parts = [bytes.subarray(0, 8)];
  const dropped = [];
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, start] = readLeb(bytes, at + 1);
    const end = start + size;
    if (id !== 7) {
      parts.push(bytes.subarray(at, end));
    } else {
      let [count, p] = readLeb(bytes, start);
      const kept = [];
      for (; count > 0; count--) {
        const [length, nameAt] = readLeb(bytes, p);
        const name = bytes.subarray(nameAt, nameAt + length).toString('utf8');
        const [, next] = readLeb(bytes, nameAt + length + 1); // kind byte, then index
        if (drop(name)) dropped.push(name);
        else kept.push(bytes.subarray(p, next));
        p = next;
      }
      const body = Buffer.concat([leb(kept.length), ...kept]);
      parts.push(Buffer.from([7]), leb(body.length), body);
    }
    at = end;
  }
  return { bytes: Buffer.concat(parts), dropped };
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
