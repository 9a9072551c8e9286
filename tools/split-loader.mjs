//! Reading wasm-split-cli's loader (`__wasm_split.js`): which wasm files a
//! lazily loaded module needs (its own and the shared chunks its comments
//! name), as the loader writes them. Used by the post-build hook (the
//! patient check's pack) and the benchmark (what opening a screen fetches).

/**
 * The files module `split` loads, its own first, as the loader names them
 * (`split_patient.wasm`, or with their hash once post-build has renamed
 * them); empty if the loader does not name the module.
 */
export function moduleFiles(loader, split) {
  const own = loader.match(new RegExp(`__wasm_split_load_${split} = [\\s\\S]*?new URL\\("\\./([^"]+)"`))?.[1];
  const chunks = [...loader.matchAll(/\/\* ([a-z, ]+) \*\/\nconst __chunk_\d+ = makeLoad\(\(\) => \{\n {4}const src = \w+\(new URL\("\.\/([^"]+)"/g)]
    .filter((m) => m[1].split(', ').includes(split))
    .map((m) => m[2]);
  return own ? [own, ...chunks] : [];
}
