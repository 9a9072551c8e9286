//! Reading and writing a wasm module's bytes: its LEB128 numbers and its
//! sections, for the build steps that edit a module before wasm-opt
//! (tools/build/unused.mjs, tools/build/imports.mjs).
import { fail } from './step.mjs';

/** An unsigned LEB128 number at `at`: [value, the offset after it]. */
export function readLeb(bytes, at) {
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

/** `value` as an unsigned LEB128 number. */
export function leb(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return Buffer.from(out);
}

/** A wasm name (a UTF-8 string with its length) at `at`: [text, the offset after it]. */
export function readName(bytes, at) {
  const [length, start] = readLeb(bytes, at);
  if (start + length > bytes.length) fail('the wasm module ends inside a name', 'the module is damaged: build again.');
  return [bytes.subarray(start, start + length).toString('utf8'), start + length];
}

/** `text` as a wasm name. */
export function name(text) {
  const bytes = Buffer.from(text, 'utf8');
  return Buffer.concat([leb(bytes.length), bytes]);
}

/**
 * The module `bytes` with each section handed to `edit(id, body)`, which
 * returns the section's new body (or the same one). Checks the header.
 */
export function editSections(bytes, edit) {
  if (bytes.length < 8 || bytes.readUInt32LE(0) !== 0x6d736100) fail('not a wasm module', 'build again.');
  const parts = [bytes.subarray(0, 8)];
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, start] = readLeb(bytes, at + 1);
    const end = start + size;
    if (end > bytes.length) fail('the wasm module ends inside a section', 'the module is damaged: build again.');
    const body = edit(id, bytes.subarray(start, end));
    parts.push(Buffer.from([id]), leb(body.length), body);
    at = end;
  }
  return Buffer.concat(parts);
}
