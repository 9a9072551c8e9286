//! Crash-safe typing: a write-ahead journal of the app's localStorage writes
// in IndexedDB, bundled into the start (web/boot.js).
//
// Why: Chromium keeps localStorage writes in memory and commits them to
// disk in batches seconds apart, so a browser killed (dead battery, the OS
// reclaiming memory) 1–3 s after a keystroke loses it. An IndexedDB
// transaction with `durability: 'strict'` is on disk when it completes.
//
// How:
// - `write(key, value)` is called by the app's store (src/ui/storage.rs)
//   after each localStorage write (`value` null for a removal). Once the
//   frame is painted, the writes made meanwhile get one sequence number,
//   kept in localStorage (`ctit/journal/seq`, written after the values),
//   and are put as `{k, v, s, t}` (key, value, number, time) under their
//   key in IndexedDB. One transaction is in flight at a time; writes that
//   arrive meanwhile go together in the next, latest value per key, so a
//   fast typist costs one disk flush per round trip.
// - `replay()` runs before the app starts. localStorage reaches disk in
//   order, so the sequence number it kept says which writes it has: an
//   entry with a higher number was lost with the browser and is written
//   back; the number is then raised to the highest replayed. Entries the
//   store already has and written more than a day ago (far beyond
//   Chromium's commit delay) are deleted, so the journal stays small.
// - The journal holds exactly what localStorage holds: with a passcode,
//   the sealed text, never the clear one. The app's wipe removes each key,
//   so the journal then holds only removals (replayed harmlessly at each
//   start, and they make a wipe cut short by a crash finish). When the
//   last of the app's keys goes, the counter goes too: a wiped device
//   keeps nothing in localStorage. Entries are keyed by storage key, so a
//   counter that starts again at 1 never orders two writes of one key.
// - Without IndexedDB (blocked, private modes) or if it does not answer in
//   2 s, the app starts without a journal and says so on the console:
//   drafts are still saved to localStorage as before.
import { STORE, read } from './journal-read.js';

const SEQ = 'ctit/journal/seq';
const KEEP_MS = 864e5;

let db = null;
let on = true;
let due = false;
/** Writes made since the last numbering: key → value (null: removed). */
const waiting = new Map();
/** Numbered entries for the next transaction: key → {k, v, s, t}. */
const pending = new Map();
let busy = false;

/**
 * Writes back what localStorage lost since the journal last wrote; then
 * journals every write. `reading`: the journal's entries, being read
 * (web/journal-read.js; a warm start's page begins it, web/warm-start.js).
 */
export async function replay(reading = read()) {
  try {
    const { opened, entries } = await reading;
    const kept = Number(localStorage.getItem(SEQ)) || 0;
    const now = Date.now();
    let top = kept;
    const stale = [];
    for (const e of entries) {
      if (e.s > kept) {
        if (e.v === null) localStorage.removeItem(e.k);
        else localStorage.setItem(e.k, e.v);
        top = Math.max(top, e.s);
      } else if (now - e.t > KEEP_MS) {
        stale.push(e.k);
      }
    }
    if (top > kept && appKeysLeft()) localStorage.setItem(SEQ, String(top));
    if (stale.length) {
      const store = opened.transaction(STORE, 'readwrite').objectStore(STORE);
      for (const k of stale) store.delete(k);
    }
    db = opened;
    flush();
  } catch (error) {
    on = false;
    console.warn('journal off:', error);
  }
}

/**
 * Journals one localStorage write (`value` null or undefined: the key was
 * removed; the app's typed binding passes undefined for "none"). The
 * journaling itself waits until the frame being drawn is painted and the
 * verdict redrawn (src/ui/field.rs), so neither the keystroke nor its
 * verdict waits for it; a hidden tab, which draws no frames, journals
 * within 100 ms or as it is hidden.
 */
export function write(key, value) {
  if (!on) return;
  waiting.set(key, value ?? null);
  if (due) return;
  due = true;
  // (Two tasks after the frame: the verdict's, queued from the same frame
  // after this one, goes first.)
  requestAnimationFrame(() => setTimeout(() => setTimeout(number)));
  setTimeout(number, 100);
}

/** Numbers the waiting writes (one number for them all) and journals them. */
function number() {
  if (!due) return;
  due = false;
  try {
    const s = (Number(localStorage.getItem(SEQ)) || 0) + 1;
    // Written after the values it counts, so it never runs ahead of them.
    if ([...waiting.values()].includes(null) && !appKeysLeft()) localStorage.removeItem(SEQ);
    else localStorage.setItem(SEQ, String(s));
    const t = Date.now();
    for (const [k, v] of waiting) pending.set(k, { k, v, s, t });
  } catch {
    // Storage refused the number: the writes themselves already failed or
    // succeeded on their own; the journal simply misses them.
  }
  waiting.clear();
  flush();
}

addEventListener('visibilitychange', number);

/** Whether localStorage holds any of the app's keys but the counter. */
function appKeysLeft() {
  for (let i = 0; i < localStorage.length; i++) {
    const k = localStorage.key(i);
    if (k.startsWith('ctit/') && k !== SEQ) return true;
  }
  return false;
}

function flush() {
  if (!db || busy || !pending.size) return;
  busy = true;
  const tx = db.transaction(STORE, 'readwrite', { durability: 'strict' });
  const store = tx.objectStore(STORE);
  for (const entry of pending.values()) store.put(entry);
  pending.clear();
  tx.oncomplete = tx.onabort = () => {
    busy = false;
    if (tx.error) console.warn('journal:', tx.error);
    flush();
  };
}
