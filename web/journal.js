//! Crash-safe typing: a write-ahead journal of the app's localStorage writes
//! in IndexedDB, bundled into the start (web/boot.js).
//
// Why: Chromium keeps localStorage writes in memory and commits them to
// disk in batches seconds apart, so a browser killed (dead battery, the OS
// reclaiming memory) 1–3 s after a keystroke loses it. An IndexedDB
// transaction with `durability: 'strict'` is on disk when it completes.
//
// How (the bookkeeping itself is web/journal-life.js):
// - `write(key)` is called by the app's store (src/ui/platform/storage.rs)
//   after each localStorage write or removal. Once the
//   frame is painted, the writes made meanwhile get one number, counted
//   in localStorage (`ctit/journal/seq`, written after the values), and
//   are put as `{k, v, s, t, e}` (key, value, number, time, life) under
//   their key in IndexedDB. One transaction is in flight at a time; writes
//   that arrive meanwhile go together in the next, latest value per key,
//   so a fast typist costs one disk flush per round trip.
// - `replay()` runs before the app starts. localStorage reaches disk in
//   order, so the counter it kept says which writes it has: an entry of
//   the counter's life with a higher number was lost with the browser and
//   is written back. Entries of another life, and those localStorage has
//   surely kept (for over a day), are deleted, so the journal stays small.
// - A life ends when localStorage may hold what the journal does not know:
//   a tab whose journal could not open begins a new life when it writes,
//   so the old life's entries (typing lost in an earlier crash, records
//   wiped since) are never replayed over what it wrote. A start without a
//   journal that writes nothing ends nothing.
// - An entry is the value localStorage holds when it is numbered, not the
//   one passed to `write`: another tab may have written since.
// - The journal holds exactly what localStorage holds: with a passcode,
//   the sealed text, never the clear one. A removal is an entry too, and
//   stays until localStorage has surely kept it (a day), so a crash soon
//   after a deletion or a wipe, even after a restart, finishes it. Once
//   the last of the app's keys is gone (a wipe) and the journal holds only
//   removals (checked in the transaction that journals them, or, at a
//   start, in the entries it read), the counter goes too, if no key was
//   written and no other tab has begun another life since: a wiped device
//   keeps nothing in localStorage (the app's wipe leaves the counter to the
//   journal, src/record/stored), and, a day later, nothing in IndexedDB. A
//   wipe made while the journal cannot open keeps the counter (a random
//   life's name and a number, nothing of a record) until it opens again.
// - Entries are deleted only if they are still what the start read: a
//   warm start reads them while its page is parsed, and another tab may
//   have journaled a key again since.
// - Without IndexedDB (blocked, private modes) or if it does not answer in
//   2 s, the app starts without a journal and says so on the console:
//   drafts are still saved to localStorage as before.
import { STORE, read } from './journal-read.js';
import { APP_PREFIX, SEQ, counterEnds, formatCounter, newLife, parseCounter, plan } from './journal-life.js';

let db = null;
let on = true;
let due = false;
/** Keys written since the last numbering. */
const waiting = new Set();
/** Numbered entries for the next transaction: key → {k, v, s, t, e}. */
const pending = new Map();
let busy = false;
/** The counter this tab last wrote: its life goes on once the counter is removed (a wipe). */
let last = null;
/** The life this tab began when its journal could not open (see `offLife`). */
let myOffLife = null;

/**
 * Writes back what localStorage lost since the journal last wrote; then
 * journals every write. `reading`: the journal's entries, being read
 * (web/journal-read.js; a warm start's page begins it, web/warm-start.js).
 */
export async function replay(reading = read()) {
  try {
    const { opened, entries } = await reading;
    const counter = parseCounter(localStorage.getItem(SEQ));
    const { replay: lost, forget, counter: next } = plan(counter, entries, Date.now(), (k) => localStorage.getItem(k));
    for (const e of lost) {
      if (e.v === null) localStorage.removeItem(e.k);
      else localStorage.setItem(e.k, e.v);
    }
    db = opened;
    const left = appKeysLeft();
    if (lost.length && left) localStorage.setItem(SEQ, formatCounter(next));
    // A wiped device whose journal holds only removals (once the entries
    // forgotten now are gone): nothing is left to rank, and the counter goes.
    const gone = new Set(forget);
    const wiped = !left && counter !== null && entries.every((e) => e.v === null || gone.has(e.k));
    if (forget.length || wiped) {
      const seen = new Map(entries.map((e) => [e.k, e]));
      const tx = opened.transaction(STORE, 'readwrite');
      const store = tx.objectStore(STORE);
      for (const k of forget) {
        store.get(k).onsuccess = ({ target: { result: now } }) => {
          if (now && sameEntry(now, seen.get(k))) store.delete(k);
        };
      }
      tx.oncomplete = () => {
        if (wiped) endWipedLife(counter.life);
      };
    }
    flush();
  } catch (error) {
    // (The app starts after this: no write was made without the journal.)
    on = false;
    console.warn('journal off:', error);
  }
}

/** Whether two entries are the same write (number, time and life). */
function sameEntry(a, b) {
  return a.s === b.s && a.t === b.t && (a.e ?? '') === (b.e ?? '');
}

/**
 * Without a journal, localStorage is written behind its back: this tab
 * begins a new life, and again at a write if another tab began one since,
 * so the journal's older entries are never replayed over these writes.
 */
function offLife() {
  try {
    if (myOffLife && parseCounter(localStorage.getItem(SEQ))?.life === myOffLife) return;
    myOffLife = newLife();
    localStorage.setItem(SEQ, formatCounter({ life: myOffLife, n: 0 }));
  } catch {
    // Storage refuses writes: the app's own write failed too.
  }
}

/**
 * Journals a localStorage write or removal of `key`, just made. The
 * journaling itself waits until the frame being drawn is painted and the
 * verdict redrawn (src/ui/record/field.rs), so neither the keystroke nor its
 * verdict waits for it; a hidden tab, which draws no frames, journals
 * within 100 ms or as it is hidden.
 */
export function write(key) {
  if (!on) {
    offLife();
    return;
  }
  waiting.add(key);
  if (due) return;
  due = true;
  // (Two tasks after the frame: the verdict's, queued from the same frame
  // after this one, goes first.)
  requestAnimationFrame(() => setTimeout(() => setTimeout(number)));
  setTimeout(number, 100);
}

/**
 * Numbers the waiting writes (one number for them all) and journals each
 * key's value as localStorage holds it now.
 */
function number() {
  if (!due) return;
  due = false;
  try {
    // (No counter: none yet, or a wipe removed it; this tab's life goes on.)
    const { life, n } = parseCounter(localStorage.getItem(SEQ)) ?? last ?? { life: newLife(), n: 0 };
    last = { life, n: n + 1 };
    // Written after the values it counts, so it never runs ahead of them.
    localStorage.setItem(SEQ, formatCounter(last));
    const t = Date.now();
    for (const k of waiting) pending.set(k, { k, v: localStorage.getItem(k), s: last.n, t, e: life });
  } catch {
    // Storage refused the number: the writes themselves already failed or
    // succeeded on their own; the journal simply misses them.
  }
  waiting.clear();
  flush();
}

addEventListener('visibilitychange', number);
// Another tab's numbering: a counter removed later (a wipe) goes on from
// the highest number any tab used.
addEventListener('storage', (e) => {
  if (e.key === SEQ && e.newValue !== null) last = parseCounter(e.newValue);
});

/** Whether localStorage holds any of the app's keys but the counter. */
function appKeysLeft() {
  for (let i = 0; i < localStorage.length; i++) {
    const k = localStorage.key(i);
    if (k.startsWith(APP_PREFIX) && k !== SEQ) return true;
  }
  return false;
}

/**
 * Removes the counter of `life`, the life of a wiped device, once the
 * journal holds only removals, unless a key was written or another tab
 * began a life since (`counterEnds`): a wiped device keeps nothing in
 * localStorage.
 */
function endWipedLife(life) {
  if (counterEnds(localStorage.getItem(SEQ), life, appKeysLeft())) localStorage.removeItem(SEQ);
}

function flush() {
  if (!db || busy || !pending.size) return;
  let tx;
  try {
    tx = db.transaction(STORE, 'readwrite', { durability: 'strict' });
  } catch (error) {
    // The browser closed the database (storage cleared or evicted): the
    // journal stops; localStorage is still written as before.
    on = false;
    console.warn('journal off:', error);
    return;
  }
  busy = true;
  const store = tx.objectStore(STORE);
  let life;
  for (const entry of pending.values()) {
    store.put(entry);
    life = entry.e;
  }
  pending.clear();
  // The last of the app's keys went (a wipe): once the journal holds
  // nothing but removals, nothing is left for the counter to rank.
  let onlyRemovals = false;
  if (!appKeysLeft()) {
    store.getAll().onsuccess = ({ target: { result } }) => {
      onlyRemovals = result.every((e) => e.v === null);
    };
  }
  tx.oncomplete = tx.onabort = () => {
    busy = false;
    if (tx.error) console.warn('journal:', tx.error);
    else if (onlyRemovals) endWipedLife(life);
    flush();
  };
}
