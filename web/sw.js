// The app's service worker: caches this build's files, serves them offline,
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
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('ctit-') && k.endsWith(`@${SCOPE}`) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  // Navigations get the page (the biggest file: cached once, not twice as
  // './' and './index.html').
  if (request.mode === 'navigate') {
    event.respondWith(caches.open(CACHE).then((c) => c.match('./index.html')).then((page) => page || fetch(request)));
    return;
  }
  event.respondWith(caches.open(CACHE).then((c) => c.match(request, { ignoreSearch: true })).then((hit) => hit || fetch(request)));
});
