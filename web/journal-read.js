//! Opens the typing journal (web/journal.js) and reads its entries: on
//! its own, without the journal's writing, so a warm page's first script
//! (web/warm-start.js) can begin it before the start has run.

const NAME = 'ctit-journal';
/** The journal's one object store: entries `{k, v, s, t, e}` keyed by storage key (web/journal.js). */
export const STORE = 'writes';

const done = (request) => new Promise((resolve, reject) => {
  request.onsuccess = () => resolve(request.result);
  request.onerror = () => reject(request.error);
});

function open() {
  const request = indexedDB.open(NAME, 1);
  request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'k' });
  return done(request);
}

/**
 * The journal, opened, and its entries: `{ opened, entries }`. Rejects if
 * there is no IndexedDB, it refuses, or it has not answered both in 2 s
 * (a database that opens later is closed at once: the journal is off for
 * this start, and an open connection would hold up the next).
 */
export function read() {
  let late = false;
  const reading = (async () => {
    const opened = await open();
    try {
      return { opened, entries: await done(opened.transaction(STORE).objectStore(STORE).getAll()) };
    } finally {
      if (late) opened.close();
    }
  })();
  return Promise.race([
    reading,
    new Promise((_, reject) => setTimeout(() => {
      late = true;
      reject(new Error('no answer in 2 s'));
    }, 2000)),
  ]);
}
