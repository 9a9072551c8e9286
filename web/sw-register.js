//! Registers the service worker (offline use) and offers a new version when
// one is ready: the user chooses when to reload, so nothing is swapped under
// them. Drafts are saved on every change; where a reload would lose
// something all the same (a patient's answers, typing kept in this tab
// only), the app hides the offer (src/app/update_offer.rs). A page left
// open looks for a new version when it is shown again.
/** How long the offer's live region is on the page, its button named, before its words are put in it. */
const ANNOUNCE_AFTER_MS = 100;
const words = {
  en: ['An update of this app is ready.', 'Reload now'],
  zh: ['本应用有可用的更新。', '立即重新加载'],
};

/**
 * Shows the offer of the version waiting in `reg`. Its button hands the
 * page to the version waiting when it is clicked (a later one may have
 * replaced the one first offered), or reloads if none waits any more
 * (another tab took it already).
 */
function offer(reg) {
  if (document.getElementById('update-banner')) return;
  const bar = document.createElement('div');
  bar.id = 'update-banner';
  bar.className = 'update-banner no-print';
  bar.setAttribute('role', 'status');
  const p = document.createElement('span');
  const button = document.createElement('button');
  button.type = 'button';
  button.addEventListener('click', () => {
    const waiting = reg.waiting;
    if (!waiting) {
      location.reload();
      return;
    }
    window.__ctitUpdateRequested = true;
    waiting.postMessage('skip-waiting');
  });
  bar.append(p, button);
  // (The page's last element: kept in view at the bottom of the screen,
  // and scrolled to the end, nothing of the page is left under it.)
  document.body.append(bar);
  // In the language shown, and again whenever the app switches it. The
  // button is named at once; the words come a moment after the bar: a live
  // region added with its words already in it is not announced by every
  // screen reader (the region must be on the page before it changes). Each
  // text is written only when it changes: the app sets the page's language
  // again on every screen, and words written again may be announced again.
  const shown = () => words[(document.documentElement.lang || 'en').startsWith('zh') ? 'zh' : 'en'];
  const put = (element, text) => {
    if (element.textContent !== text) element.textContent = text;
  };
  put(button, shown()[1]);
  setTimeout(() => {
    const say = () => {
      const [text, action] = shown();
      put(p, text + ' ');
      put(button, action);
    };
    say();
    new MutationObserver(say).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  }, ANNOUNCE_AFTER_MS);
}

/**
 * Calls `offer(worker)` for each new version of the app `reg` (a
 * ServiceWorkerRegistration) finds, once it has installed, while the page
 * (`container`: its `navigator.serviceWorker`) is controlled by another
 * worker. A new version is a worker found while an older one is active
 * (it then waits for the user). The first install is none: it is told
 * apart when it is found, not by the page's controller once it has
 * installed, since a busy WebKit delivers the claim (the page's
 * controller) before the worker's "installed", and a first visit was
 * offered an update; and a worker that already controls the page is
 * never offered to it.
 */
export function watchForUpdates(reg, offer, container) {
  const isNew = (worker) => !!container.controller && container.controller !== worker;
  // (Asked when a worker is found: another one active then makes it an update.)
  const watchUpdate = () => {
    const worker = reg.installing;
    if (!worker || !reg.active) return;
    worker.addEventListener('statechange', () => {
      if (worker.state === 'installed' && isNew(worker)) offer(worker);
    });
  };
  if (reg.waiting && reg.active && isNew(reg.waiting)) offer(reg.waiting);
  watchUpdate();
  reg.addEventListener('updatefound', watchUpdate);
}

/**
 * Asks `reg` to look for a new version each time the page (`doc`) is shown
 * again (a tablet woken, its tab chosen again), at most once every `every`
 * ms by the clock `now`: a page left open all day is offered the version
 * site IT put in place meanwhile (browsers look by themselves only when a
 * page is loaded). A look that fails (offline) fails quietly, and the next
 * showing looks again.
 */
export function checkWhenShown(reg, doc, now = Date.now, every = 15 * 60 * 1000) {
  let last = now();
  doc.addEventListener('visibilitychange', () => {
    if (doc.visibilityState !== 'visible' || now() - last < every) return;
    last = now();
    reg.update().catch(() => { last = -Infinity; });
    // (A tab closed since the last page start may have been the last to run an older version.)
    reg.active?.postMessage('tidy');
  });
}

/**
 * Calls `offer()` when the page (`win`) comes back from the browser's
 * back/forward cache and another version than the one it started under
 * (`reg.active` then) has taken over meanwhile: the page runs the older
 * code, whose files may be gone, and was not among the tabs the new
 * version kept them for (web/sw.js).
 */
export function offerWhenRestored(win, reg, offer) {
  const started = reg.active;
  win.addEventListener('pageshow', (event) => {
    if (event.persisted && started && reg.active && reg.active !== started) offer();
  });
}

/** Registers the service worker (web/boot.js calls it once the page is parsed). */
export function registerServiceWorker() {
  if (!('serviceWorker' in navigator)) return;
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // Only reload when the user asked for the new version (not on first install).
    if (reloading || !window.__ctitUpdateRequested) return;
    reloading = true;
    location.reload();
  });
  // The tab this page replaced may have been the last to run an older
  // version: its files can go (web/sw.js, tidy).
  navigator.serviceWorker.controller?.postMessage('tidy');
  navigator.serviceWorker.register('./sw.js')
    .then((reg) => {
      watchForUpdates(reg, () => offer(reg), navigator.serviceWorker);
      checkWhenShown(reg, document);
      offerWhenRestored(window, reg, () => offer(reg));
    })
    .catch(() => { /* no offline support here (e.g. not served over http(s)); the app still works */ });
}
