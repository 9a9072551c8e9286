//! Registers the service worker (offline use) and offers a new version when
// one is ready: the user chooses when to reload, so nothing is swapped under
// them. Drafts are saved on every change, so a reload loses nothing.
const words = {
  en: ['An update of this app is ready.', 'Reload now'],
  zh: ['本应用有可用的更新。', '立即重新加载'],
};

function offer(worker) {
  if (document.getElementById('update-banner')) return;
  const lang = (document.documentElement.lang || 'en').startsWith('zh') ? 'zh' : 'en';
  const [text, action] = words[lang];
  const bar = document.createElement('div');
  bar.id = 'update-banner';
  bar.className = 'update-banner no-print';
  bar.setAttribute('role', 'status');
  const p = document.createElement('span');
  p.textContent = text + ' ';
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = action;
  button.addEventListener('click', () => {
    window.__ctitUpdateRequested = true;
    worker.postMessage('skip-waiting');
  });
  bar.append(p, button);
  document.body.append(bar);
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
  navigator.serviceWorker.register('./sw.js').then((reg) => {
    const watch = (worker) => {
      worker.addEventListener('statechange', () => {
        if (worker.state === 'installed' && navigator.serviceWorker.controller) offer(worker);
      });
    };
    if (reg.waiting && navigator.serviceWorker.controller) offer(reg.waiting);
    if (reg.installing) watch(reg.installing);
    reg.addEventListener('updatefound', () => reg.installing && watch(reg.installing));
  }).catch(() => { /* no offline support here (e.g. not served over http(s)); the app still works */ });
}
