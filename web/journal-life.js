//! The typing journal's bookkeeping (web/journal.js), without storage: the
//! counter it keeps in localStorage, and what a start does with the
//! entries it finds. Plain functions, tested in Node (tests/node/journal.test.mjs).
//
// A journal entry is `{k, v, s, t, e}`: storage key, value (null: removed),
// number, time, and the *life* it was numbered in. The counter,
// `ctit/journal/seq`, reads "<life> <number>": the highest number
// localStorage is known to hold, and the life those numbers count in.
//
// A life ends whenever localStorage may hold something the journal does
// not know of: web/journal.js begins a new one at a start whose journal
// could not open. Entries of another life than the counter's are never
// replayed, so typing lost in a crash is never written back over what was
// typed later without the journal, and a device wiped without it never
// gets its records back: they are deleted instead.

/** The prefix of every key the app keeps in localStorage (src/storage/keys.rs). */
export const APP_PREFIX = 'ctit/';
/** localStorage's key for the counter. */
export const SEQ = `${APP_PREFIX}journal/seq`;
/** Entries localStorage already holds are deleted once this old (ms): far beyond Chromium's commit delay. */
export const KEEP_MS = 864e5;

/**
 * The counter `{ life, n }` from its stored text, or null without one.
 * Before lives it was a bare number: life ''. A text it cannot read is a
 * life of its own ('?' and the text: `newLife` never makes one), with no
 * entries: nothing is replayed over what it guards.
 */
export function parseCounter(text) {
  if (text === null || text === undefined) return null;
  const space = text.lastIndexOf(' ');
  const number = text.slice(space + 1);
  const n = Number(number);
  if (!/^\d+$/.test(number) || !Number.isSafeInteger(n)) return { life: `?${text}`, n: 0 };
  return { life: space < 0 ? '' : text.slice(0, space), n };
}

/** The counter's stored text. */
export const formatCounter = ({ life, n }) => `${life} ${n}`;

/**
 * Whether a wiped device's counter goes, once the journal is known to hold
 * only removals: none of the app's keys is left (`appKeysLeft` false) and
 * the counter (its stored text) still names `life`, the life that was
 * wiped. A counter of another life was written by a tab that began a life
 * since, and ranks that tab's writes: it stays.
 */
export const counterEnds = (counterText, life, appKeysLeft) => !appKeysLeft && parseCounter(counterText)?.life === life;

/**
 * A new life's name, distinct from this device's earlier ones, and random
 * (a name made of the time would keep, on a wiped device, when it was
 * used): 64 random bits in base 36, no space in it.
 */
export const newLife = (bits = crypto.getRandomValues(new Uint32Array(2))) =>
  [...bits].map((b) => b.toString(36).padStart(7, '0')).join('');

/** The life of the latest-written entry ('' for entries written before lives). */
function newestLife(entries) {
  let newest = null;
  for (const e of entries) if (!newest || e.t > newest.t) newest = e;
  return newest?.e ?? '';
}

/**
 * What a start does with the journal's `entries`, given the counter
 * localStorage kept (`parseCounter`) and what it holds under a key
 * (`stored(key)`, null when absent), at time `now`:
 * - `replay`: entries localStorage lost (of the counter's life, numbered
 *   above it), to write back;
 * - `forget`: keys whose entries are to be deleted: another life's, and
 *   those localStorage has surely kept (numbered at or below the counter,
 *   or holding what it holds, for over a day: long past Chromium's commit
 *   delay, and past any start that would have written them back);
 * - `counter`: the counter once `replay` is written back.
 * Without a counter, localStorage lost even the first numbering (a first
 * day's crash), or the journal removed it after a wipe, once it held only
 * removals: the newest life's entries are replayed.
 */
export function plan(counter, entries, now, stored) {
  const life = counter ? counter.life : newestLife(entries);
  const kept = counter ? counter.n : 0;
  let top = kept;
  const replay = [];
  const forget = [];
  for (const e of entries) {
    const old = now - e.t > KEEP_MS;
    if (e.k === SEQ || (e.e ?? '') !== life) forget.push(e.k);
    else if (old && (e.s <= kept || stored(e.k) === e.v)) forget.push(e.k);
    else if (e.s > kept) {
      replay.push(e);
      top = Math.max(top, e.s);
    }
  }
  return { replay, forget, counter: { life, n: top } };
}
