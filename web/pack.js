//! The patient check's wasm files in one request, for a first visit to a
//! `#patient` link (bundled into the page's start by tools/post-build.mjs).
//
// Over a slow link every request waits a round trip (562 ms on Slow 4G)
// before its first byte, and a browser opens six connections to a server:
// the page holds one, so the patient check's eight files went in two
// waves, and the second wave alone cost the first question 0.3 s.
// tools/post-build.mjs writes `pack_patient-<hash>.bin`: one line of JSON
// naming each file and its length, then the files' bytes one after the
// other. The split loader asks `piece` for every file; while a pack is in
// use the files it holds come from it, every other file (and every file,
// if the pack cannot be fetched) from the server as before, but only once
// the pack is here: the code every screen fetches after its first paint
// (the lock screen, the tabs' watch, the patient's code sheet) would
// otherwise share the slow link with the first question's. Each file is
// still instantiated once, by the loader, so nothing runs twice.

/** The pack's files by name (a promise), once `usePack` has been called. */
let pieces;

/**
 * Reads the pack for `piece` from `fetching` (its fetch, started by
 * web/pack-start.js). Anything but a pack (a server's error page, say)
 * fails to parse, and then every file comes from the server.
 */
export function usePack(fetching) {
  (pieces = fetching
    .then((response) => response.arrayBuffer())
    .then((buffer) => {
      const bytes = new Uint8Array(buffer);
      let at = bytes.indexOf(10) + 1;
      const index = JSON.parse(new TextDecoder().decode(bytes.subarray(0, at)));
      return new Map(index.map(([name, length]) => [name, bytes.subarray(at, (at += length))]));
    })).catch(() => {});
}

/** A response for the split file at `url` (a URL): from the pack when it holds it. */
export function piece(url) {
  const fromPack = (files) => {
    const bytes = files.get(url.pathname.split('/').pop());
    return bytes ? new Response(bytes, { headers: { 'content-type': 'application/wasm' } }) : fetch(url);
  };
  return pieces ? pieces.then(fromPack, () => fetch(url)) : fetch(url);
}
