//! The passcode's key derivation (Argon2id), off the page and in its own
//! memory: started for one derivation by the app (src/ui/kdf.rs) and ended
//! after it, so the tens of MiB it needs are returned at once.
//
// Asked with a JSON string {passcode, salt (hex), m, t, p}; answers with the
// 32-byte key in hex, or "!" and the reason. Runs the `ctit-kdf` crate's
// wasm module (no imports; exports kdf_alloc, kdf_derive, memory), built
// next to it as kdf-v1.wasm (tools/post-build.mjs). Version 1 of this
// interface: change the "v1" in both names (and src/ui/kdf.rs) if the
// messages or the exports change.
self.onmessage = async ({ data }) => {
  try {
    const { passcode, salt, m, t, p } = JSON.parse(data);
    const response = await fetch(new URL('./kdf-v1.wasm', self.location.href));
    if (!response.ok) throw new Error(`key derivation module: HTTP ${response.status}`);
    const { instance } = await WebAssembly.instantiate(await response.arrayBuffer(), {});
    const k = instance.exports;
    const at = (bytes) => {
      const ptr = k.kdf_alloc(Math.max(bytes.length, 1));
      new Uint8Array(k.memory.buffer, ptr, bytes.length).set(bytes);
      return ptr;
    };
    const pass = new TextEncoder().encode(passcode);
    const saltBytes = Uint8Array.from(salt.match(/../g) ?? [], (h) => parseInt(h, 16));
    const out = k.kdf_alloc(32);
    if (k.kdf_derive(at(pass), pass.length, at(saltBytes), saltBytes.length, m, t, p, out) !== 0) {
      throw new Error('key derivation parameters refused');
    }
    const key = new Uint8Array(k.memory.buffer, out, 32);
    self.postMessage(Array.from(key, (b) => b.toString(16).padStart(2, '0')).join(''));
  } catch (error) {
    self.postMessage(`!${error && error.message ? error.message : error}`);
  }
};
