//! Starts fetching the patient check's pack (web/pack.js) for a first visit
//! to a `#patient` link, as soon as the page's first bytes are parsed.
//
// A tiny inline script of its own, before the style sheet and the start
// (tools/post-build.mjs puts it there and fills in PACK_HASH, the link's
// fragment in src/ui/features.json, and PACK_FILE): the start is 28 KB of
// script that runs only once all of it has arrived and been compiled,
// 100–200 ms into the page at 4x CPU, and on Slow 4G every one of those
// milliseconds delays the pack's first byte, which waits a round trip.
// Under a service worker (every later visit) the files come from its
// cache instead, one by one.
/* global PACK_HASH, PACK_FILE */
if (location.hash.startsWith(PACK_HASH) && !navigator.serviceWorker?.controller) self.ctitPack = fetch(PACK_FILE);
