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

// What this version keeps for the tabs of this install open when it took
// over, in its own cache: their ids, and the names of the caches of the
// versions before it. Those tabs run older code, which may still ask for
// its own files (a screen not opened yet), so those caches stay, and
// answer what this one lacks, until none of the tabs is open (`tidy`).
// Only the caches named here are ever answered from or removed: a newer
// version, installed and waiting for the user, has its cache too.
const KEPT = new URL('ctit-kept-for-open-tabs', SCOPE).href;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: 'reload' })))));
});

// A new version waits until the page asks for it (the user clicked "Reload").
// Every page that starts asks to tidy (web/sw-register.js): the tab it
// replaced may have been the last to run an older version.
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
  if (event.data === 'tidy') event.waitUntil(tidy({ again: 3 }));
});

// (Tidying that fails must not keep this version from taking the pages:
// the tab that asked for it reloads once it does.)
self.addEventListener('activate', (event) => {
  event.waitUntil(keepForOpenTabs().then(() => tidy()).catch(() => {}).then(() => self.clients.claim()));
});

/**
 * Notes, as this version takes over, the older versions' caches and this
 * install's tabs open now (`KEPT`), replacing any note of an earlier life
 * of this version (a build put back after a later one, a rollback, has
 * its old cache's name).
 */
async function keepForOpenTabs() {
  const own = await caches.open(CACHE);
  const older = (await caches.keys()).filter((k) => k.startsWith('ctit-') && k.endsWith(`@${SCOPE}`) && k !== CACHE && k !== SITE_CACHE);
  if (older.length === 0) {
    await own.delete(KEPT);
    return;
  }
  const open = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const tabs = open.filter((c) => c.url.startsWith(SCOPE)).map((c) => c.id);
  // (Newest first: a file is looked for in the latest version that had it.)
  await own.put(KEPT, new Response(JSON.stringify({ tabs, caches: older.reverse() })));
}

/** What this version keeps (`KEPT`): the tabs' ids and the caches' names, or none. */
async function kept() {
  const noted = await (await caches.open(CACHE)).match(KEPT);
  return noted ? noted.json() : { tabs: [], caches: [] };
}

/**
 * Removes the older versions' caches this version keeps, once none of the
 * tabs open when it took over is open still, and while no newer version
 * is installing or waiting (a build put back, a rollback, fills its old
 * cache again under the same name). If a tab is still open, looks again
 * up to `again` times, 5 s apart (the page that asked may have just
 * replaced it, and a browser may not have let it go yet).
 */
async function tidy({ again = 0 } = {}) {
  if (!mayTidy()) return;
  const { tabs, caches: names } = await kept();
  if (names.length === 0) return;
  const open = await Promise.all(tabs.map((id) => self.clients.get(id)));
  if (open.some(Boolean)) {
    if (again > 0) await new Promise((later) => setTimeout(later, 5000)).then(() => tidy({ again: again - 1 }));
    return;
  }
  // (Asked again after the waits above: a version may have begun to install meanwhile.)
  if (!mayTidy()) return;
  // (The note first: a note left naming caches already removed would have them looked for.)
  await (await caches.open(CACHE)).delete(KEPT);
  await Promise.all(names.map((k) => caches.delete(k)));
}

/** Whether this worker may remove caches now: it is the active one, and no newer version installs or waits. */
function mayTidy() {
  const reg = self.registration;
  // (`self.serviceWorker`, this worker, is missing in older engines.)
  if (self.serviceWorker && self.serviceWorker !== reg.active) return false;
  return !reg.installing && !reg.waiting;
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
 * This version's copy of a file, else that of a version it keeps for a tab
 * open when it took over (`KEPT`: such a tab runs older code, whose files
 * this version may not have), else the network's.
 */
async function cachedOrFetched(request) {
  const own = await (await caches.open(CACHE)).match(request, { ignoreSearch: true });
  if (own) return own;
  // (Matched by name rather than opened: opening a cache tidied meanwhile would make it anew.)
  for (const cacheName of (await kept()).caches) {
    const hit = await caches.match(request, { ignoreSearch: true, cacheName });
    if (hit) return hit;
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
