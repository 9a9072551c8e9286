//! The app's service worker: caches this build's files, serves them offline,
// and removes this install's old caches on activation. tools/post-build.mjs
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

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: 'reload' })))));
});

// A new version waits until the page asks for it (the user clicked "Reload").
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('ctit-') && k.endsWith(`@${SCOPE}`) && k !== CACHE && k !== SITE_CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

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
  event.respondWith(caches.open(CACHE).then((c) => c.match(request, { ignoreSearch: true })).then((hit) => hit || fetch(request)));
});

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
