//! The app's service worker: caches this build's files, serves them offline,
// and removes this install's old caches once no tab runs them. tools/post-build.mjs
// copies it into the build and fills in the two marked values (the build's
// version, from the files' contents, and its file list); as written here it
// is valid JavaScript that caches nothing, so it can be linted and read.
//
// Caches belong to the origin, so each cache's name carries this install's
// scope: another install of the app on the same origin (another folder)
// keeps its own caches, and answers from its own.
const VERSION = /* build: VERSION */ 'source';
const FILES = /* build: FILES */ [];
const SCOPE = self.registration.scope;
const CACHE = `ctit-${VERSION}@${SCOPE}`;
// The site's own site.json (optional, placed by site IT, not part of a
// build): its last good copy, kept across versions for offline use.
const SITE_CACHE = `ctit-site@${SCOPE}`;
const SITE_URL = new URL('site.json', SCOPE).href;

// The tabs that were open when this version took over (their ids), kept
// in this version's cache: they run older code, which may still ask for
// its own files (a screen not opened yet), so older versions' caches stay
// until none of them is open (`tidy`).
const OPENED_BEFORE = new URL('ctit-opened-before', SCOPE).href;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: 'reload' })))));
});

// A new version waits until the page asks for it (the user clicked "Reload").
// Every page that starts asks to tidy (web/sw-register.js): the tab it
// replaced may have been the last to run an older version.
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
  if (event.data === 'tidy') event.waitUntil(tidy());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(noteOpenTabs().then(tidy).then(() => self.clients.claim()));
});

/** This install's caches of older versions (not this one's, nor site.json's). */
async function olderCaches() {
  return (await caches.keys()).filter((k) => k.startsWith('ctit-') && k.endsWith(`@${SCOPE}`) && k !== CACHE && k !== SITE_CACHE);
}

/** Notes the tabs open as this version takes over, if older versions' caches are there to keep for them. */
async function noteOpenTabs() {
  if ((await olderCaches()).length === 0) return;
  const open = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  if (open.length === 0) return;
  await (await caches.open(CACHE)).put(OPENED_BEFORE, new Response(JSON.stringify(open.map((c) => c.id))));
}

/** Removes older versions' caches once no tab open when this version took over is open still. */
async function tidy() {
  const cache = await caches.open(CACHE);
  const noted = await cache.match(OPENED_BEFORE);
  const ids = noted ? await noted.json() : [];
  const open = await Promise.all(ids.map((id) => self.clients.get(id)));
  if (open.some(Boolean)) return;
  await Promise.all((await olderCaches()).map((k) => caches.delete(k)));
  if (noted) await cache.delete(OPENED_BEFORE);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  // site.json: the network first (a changed file is picked up at once),
  // the last good copy offline; a file removed from the server is
  // forgotten here too.
  if (request.url.split('?')[0] === SITE_URL) {
    event.respondWith(siteJson(request));
    return;
  }
  // Navigations get the warm page (warm.html: the app's page naming its
  // main module's file, which the start streams instead of decoding it from
  // the page's text), else the one-file page; './' and './index.html' are
  // not cached twice.
  if (request.mode === 'navigate') {
    event.respondWith(caches.open(CACHE)
      .then(async (c) => (await c.match('./warm.html')) || (await c.match('./index.html')))
      .then((page) => page || fetch(request)));
    return;
  }
  event.respondWith(cachedOrFetched(request));
});

/**
 * This version's copy of a file, else an older version's (a tab opened
 * before this version took over runs older code, whose files this version
 * may not have: `tidy` keeps them while such a tab is open), else the
 * network's.
 */
async function cachedOrFetched(request) {
  const own = await (await caches.open(CACHE)).match(request, { ignoreSearch: true });
  if (own) return own;
  for (const name of await olderCaches()) {
    const kept = await (await caches.open(name)).match(request, { ignoreSearch: true });
    if (kept) return kept;
  }
  return fetch(request);
}

async function siteJson(request) {
  const cache = await caches.open(SITE_CACHE);
  try {
    const response = await fetch(request, { cache: 'no-cache' });
    if (response.ok) await cache.put(SITE_URL, response.clone());
    else if (response.status === 404 || response.status === 410) await cache.delete(SITE_URL);
    return response;
  } catch (offline) {
    const kept = await cache.match(SITE_URL);
    if (kept) return kept;
    throw offline;
  }
}
