//! Crash-safe typing: a write-ahead journal of the app's localStorage writes
// in IndexedDB, bundled into the start (web/boot.js).
//
// Why: Chromium keeps localStorage writes in memory and commits them to
// disk in batches seconds apart, so a browser killed (dead battery, the OS
// reclaiming memory) 1–3 s after a keystroke loses it. An IndexedDB
// transaction with `durability: 'strict'` is on disk when it completes.
//
// How (the bookkeeping itself is web/journal-life.js):
// - `write(key, value)` is called by the app's store (src/ui/storage.rs)
//   after each localStorage write (`value` null for a removal). Once the
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
//   held for over a day, are deleted, so the journal stays small.
// - A life ends when localStorage may hold what the journal does not know:
//   a start whose journal could not open begins a new life, so the old
//   life's entries (typing lost in an earlier crash, records wiped since)
//   are never replayed over what that start showed and wrote.
// - The journal holds exactly what localStorage holds: with a passcode,
//   the sealed text, never the clear one. When the last of the app's keys
//   goes (a wipe), the journal's transaction deletes every entry and keeps
//   only these removals (replayed harmlessly; they finish a wipe cut short
//   by a crash); once that is on disk the counter goes too, so a wiped
//   device keeps nothing in localStorage. Until then the counter stays
//   (the app's wipe leaves it to the journal, src/record/stored): a crash
//   meanwhile finds every old entry at or below it, and replays none.
// - Without IndexedDB (blocked, private modes) or if it does not answer in
//   2 s, the app starts without a journal and says so on the console:
//   drafts are still saved to localStorage as before.
import { STORE, read } from './journal-read.js';
import { SEQ, formatCounter, newLife, parseCounter, plan } from './journal-life.js';

let db = null;
let on = true;
let due = false;
/** Writes made since the last numbering: key → value (null: removed). */
const waiting = new Map();
/** Numbered entries for the next transaction: key → {k, v, s, t, e}. */
const pending = new Map();
let busy = false;
/** The last of the app's keys went: the next transaction first deletes every entry. */
let emptied = false;
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
    const { replay: lost, forget, counter: next } = plan(counter, entries, Date.now());
    for (const e of lost) {
      if (e.v === null) localStorage.removeItem(e.k);
      else localStorage.setItem(e.k, e.v);
    }
    db = opened;
    if (!appKeysLeft()) {
      // A wiped (or new) device: nothing in the journal is worth keeping,
      // and the counter goes once it is gone.
      if (entries.length) {
        emptied = true;
        flush();
      } else if (counter) {
        localStorage.removeItem(SEQ);
      }
      return;
    }
    if (lost.length) localStorage.setItem(SEQ, formatCounter(next));
    if (forget.length) {
      const store = opened.transaction(STORE, 'readwrite').objectStore(STORE);
      for (const k of forget) store.delete(k);
    }
    flush();
  } catch (error) {
    on = false;
    console.warn('journal off:', error);
    offLife();
  }
}

/**
 * Without a journal, localStorage is written behind its back (every start
 * writes: storage is probed): this tab begins a new life, and again at a
 * write if another tab began one since, so the journal's older entries
 * are never replayed over what this tab shows or writes.
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
 * Journals one localStorage write (`value` null or undefined: the key was
 * removed; the app's typed binding passes undefined for "none"). The
 * journaling itself waits until the frame being drawn is painted and the
 * verdict redrawn (src/ui/field.rs), so neither the keystroke nor its
 * verdict waits for it; a hidden tab, which draws no frames, journals
 * within 100 ms or as it is hidden.
 */
export function write(key, value) {
  if (key === SEQ) return;
  if (!on) {
    offLife();
    return;
  }
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
    const { life, n } = parseCounter(localStorage.getItem(SEQ)) ?? { life: newLife(), n: 0 };
    const s = n + 1;
    // Written after the values it counts, so it never runs ahead of them.
    localStorage.setItem(SEQ, formatCounter({ life, n: s }));
    if (!appKeysLeft()) {
      // A wipe: the journal keeps only its removals.
      emptied = true;
      pending.clear();
    }
    const t = Date.now();
    for (const [k, v] of waiting) pending.set(k, { k, v, s, t, e: life });
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
  if (!db || busy || !(pending.size || emptied)) return;
  busy = true;
  const tx = db.transaction(STORE, 'readwrite', { durability: 'strict' });
  const store = tx.objectStore(STORE);
  const wiped = emptied;
  emptied = false;
  if (wiped) store.clear();
  for (const entry of pending.values()) store.put(entry);
  pending.clear();
  tx.oncomplete = tx.onabort = () => {
    busy = false;
    if (tx.error) console.warn('journal:', tx.error);
    // The journal holds nothing that could bring the wiped keys back.
    else if (wiped && !appKeysLeft()) localStorage.removeItem(SEQ);
    flush();
  };
}
