//! The update offer (web/sw-register.js): which service workers it offers
//! as a new version of the app, and when a page left open looks for one.
//! Fakes of the registration and its workers deliver the service worker's
//! events in the orders browsers do, the order WebKit used on a busy
//! machine included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { watchForUpdates, checkWhenShown, offerWhenRestored } from '../../web/sw-register.js';

/** A service worker as the page sees it: a state, and its "statechange". */
class Worker extends EventTarget {
  constructor(name, state = 'installing') { super(); this.name = name; this.state = state; }
  /** The page learns of a new state. */
  now(state) { this.state = state; this.dispatchEvent(new Event('statechange')); }
}

/** A registration (its installing, waiting and active workers) and the page's container. */
function site({ installing = null, waiting = null, active = null, controller = null } = {}) {
  const reg = Object.assign(new EventTarget(), { installing, waiting, active });
  const container = { controller };
  const offered = [];
  watchForUpdates(reg, (w) => offered.push(w.name), container);
  return { reg, container, offered };
}

test('a first visit offers nothing, even when the page is controlled before the worker\'s "installed" reaches it', () => {
  // The usual order: installed, then activated and claimed.
  const first = new Worker('v1');
  const usual = site({ installing: first });
  first.now('installed');
  usual.reg.active = first;
  first.now('activated');
  usual.container.controller = first;
  assert.deepEqual(usual.offered, []);
  // WebKit on a busy tablet: the claim (the page's controller) reached the
  // page before the worker's "installed" did.
  const late = new Worker('v1');
  const busy = site({ installing: late });
  busy.reg.active = late;
  busy.container.controller = late;
  late.now('installed');
  late.now('activated');
  assert.deepEqual(busy.offered, [], 'the first install is not an update');
});

test('a new version found while an older one is active is offered once it has installed', () => {
  const v1 = new Worker('v1', 'activated');
  const { reg, offered } = site({ active: v1, controller: v1 });
  const v2 = new Worker('v2');
  reg.installing = v2;
  reg.dispatchEvent(new Event('updatefound'));
  assert.deepEqual(offered, [], 'not before it has installed');
  v2.now('installed');
  assert.deepEqual(offered, ['v2']);
});

test('a new version already waiting when the page starts is offered at once', () => {
  const v1 = new Worker('v1', 'activated');
  const v2 = new Worker('v2', 'installed');
  assert.deepEqual(site({ active: v1, waiting: v2, controller: v1 }).offered, ['v2']);
});

test('a version found installing as the page starts, while an older one is active, is offered once it has installed', () => {
  const v1 = new Worker('v1', 'activated');
  const v2 = new Worker('v2');
  const { offered } = site({ active: v1, installing: v2, controller: v1 });
  v2.now('installed');
  assert.deepEqual(offered, ['v2']);
});

test('the first install, waiting when the page starts and already its controller (a second tab of a first visit), is offered nothing', () => {
  // The install job finishes before activation is tried: a second tab can
  // find it waiting, and WebKit sets the controller before the rest.
  const v1 = new Worker('v1', 'installed');
  assert.deepEqual(site({ waiting: v1, controller: v1 }).offered, []);
  assert.deepEqual(site({ waiting: v1 }).offered, []);
});

test('a page opened past the service worker (shift+reload: no controller) is offered nothing', () => {
  // It runs the server's files already.
  const v1 = new Worker('v1', 'activated');
  const { reg, offered } = site({ active: v1 });
  const v2 = new Worker('v2');
  reg.installing = v2;
  reg.dispatchEvent(new Event('updatefound'));
  v2.now('installed');
  assert.deepEqual(offered, []);
  assert.deepEqual(site({ active: v1, waiting: new Worker('v3', 'installed') }).offered, []);
});

/** A page that can be hidden and shown, a registration that counts its looks for a new version, and a clock. */
function shown({ online }) {
  const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' });
  const clock = { ms: 0 };
  const reg = {
    looks: 0,
    update() { this.looks += 1; return online ? Promise.resolve() : Promise.reject(new Error('offline')); },
    asked: [],
    active: { postMessage: (m) => reg.asked.push(m) },
  };
  checkWhenShown(reg, doc, () => clock.ms, 15 * 60 * 1000);
  const show = (atMinute) => {
    clock.ms = atMinute * 60 * 1000;
    doc.visibilityState = 'hidden';
    doc.dispatchEvent(new Event('visibilitychange'));
    doc.visibilityState = 'visible';
    doc.dispatchEvent(new Event('visibilitychange'));
  };
  return { reg, show };
}

test('a page shown again looks for a new version and asks to tidy, at most once every 15 minutes', async () => {
  const { reg, show } = shown({ online: true });
  show(5);
  assert.equal(reg.looks, 0, 'not within 15 minutes of the page starting');
  show(16);
  assert.equal(reg.looks, 1, 'shown again after 15 minutes');
  assert.deepEqual(reg.asked, ['tidy'], 'and the service worker is asked to tidy');
  await new Promise((r) => setImmediate(r));
  show(20);
  assert.equal(reg.looks, 1, 'not again within 15 minutes');
  show(32);
  assert.equal(reg.looks, 2);
});

test('a look that failed (offline) throws nothing, and the next showing looks again', async () => {
  const { reg, show } = shown({ online: false });
  show(16);
  assert.equal(reg.looks, 1);
  await new Promise((r) => setImmediate(r));
  show(17);
  assert.equal(reg.looks, 2);
});

test('a page hidden does not look for a new version', () => {
  const doc = Object.assign(new EventTarget(), { visibilityState: 'hidden' });
  const reg = { looks: 0, update() { this.looks += 1; return Promise.resolve(); } };
  let ms = 0;
  checkWhenShown(reg, doc, () => ms);
  ms = 60 * 60 * 1000;
  doc.dispatchEvent(new Event('visibilitychange'));
  assert.equal(reg.looks, 0);
});

/** A page's "pageshow": from the back/forward cache (`persisted`) or not. */
const pageshow = (persisted) => Object.assign(new Event('pageshow'), { persisted });

test('a page brought back from the back/forward cache after another version took over offers it; otherwise nothing', () => {
  const v1 = new Worker('v1', 'activated');
  const reg = { active: v1 };
  const win = new EventTarget();
  const offered = [];
  offerWhenRestored(win, reg, () => offered.push('offer'));
  win.dispatchEvent(pageshow(false));
  win.dispatchEvent(pageshow(true));
  assert.deepEqual(offered, [], 'the same version still active');
  reg.active = new Worker('v2', 'activated');
  win.dispatchEvent(pageshow(false));
  assert.deepEqual(offered, [], 'a page loaded afresh runs the new version');
  win.dispatchEvent(pageshow(true));
  assert.deepEqual(offered, ['offer']);
});

test('a page that started with no service worker (a first visit) is offered nothing when brought back', () => {
  const reg = { active: null };
  const win = new EventTarget();
  const offered = [];
  offerWhenRestored(win, reg, () => offered.push('offer'));
  reg.active = new Worker('v1', 'activated');
  win.dispatchEvent(pageshow(true));
  assert.deepEqual(offered, []);
});
