//! The typing journal's bookkeeping (web/journal-life.js): which entries a
//! start replays, which it forgets, and the counter it keeps. The browser
//! tests (tests/browser/journal.test.mjs) kill and restart real browsers;
//! these pin each rule, including the days the journal could not open.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KEEP_MS, SEQ, counterEnds, formatCounter, newLife, parseCounter, plan } from '../../web/journal-life.js';

const NOW = Date.UTC(2026, 11, 7, 9);
const entry = (k, s, e, { v = `value of ${k}`, t = NOW - 1000 } = {}) => ({ k, v, s, t, e });
/** What localStorage holds: `held` key → value; every other key absent. */
const holding = (held = {}) => (k) => held[k] ?? null;

test('the counter reads back as written, and a bare number (before lives) is life ""', () => {
  assert.deepEqual(parseCounter(formatCounter({ life: 'mfx1ab', n: 12 })), { life: 'mfx1ab', n: 12 });
  assert.deepEqual(parseCounter('7'), { life: '', n: 7 });
  assert.deepEqual(parseCounter(formatCounter({ life: '', n: 8 })), { life: '', n: 8 });
  assert.equal(parseCounter(null), null);
});

test('a counter that cannot be read is a life of its own: no entry is replayed over what it guards', () => {
  for (const text of ['', 'x', 'mfx1 -3', 'mfx1 1.5', 'mfx1 ', 'a b c']) {
    const counter = parseCounter(text);
    const { replay, forget, counter: next } = plan(counter, [entry('ctit/record/a', 1, 'mfx1'), entry('ctit/record/b', 9, '')], NOW, holding());
    assert.deepEqual(replay, [], `counter ${JSON.stringify(text)}`);
    assert.deepEqual(forget, ['ctit/record/a', 'ctit/record/b'], 'the entries of the lives it does not name are forgotten');
    assert.deepEqual(next, counter, 'the counter stays as it is');
    assert.deepEqual(parseCounter(formatCounter(counter)), counter, 'and reads back the same');
  }
});

test('entries of the counter\'s life numbered above it are replayed, and the counter rises to the highest', () => {
  const lost = [entry('ctit/record/a', 6, 'L'), entry('ctit/record/b', 7, 'L', { v: null })];
  const { replay, forget, counter } = plan({ life: 'L', n: 5 }, [entry('ctit/record/c', 5, 'L'), ...lost], NOW, holding());
  assert.deepEqual(replay, lost);
  assert.deepEqual(forget, []);
  assert.deepEqual(counter, { life: 'L', n: 7 });
});

test('entries of another life are forgotten, never replayed, however high their number (typing lost in a crash, then a day without the journal)', () => {
  const { replay, forget, counter } = plan({ life: 'off', n: 0 }, [entry('ctit/record/a', 6, 'L'), entry('ctit/record/b', 2, '')], NOW, holding());
  assert.deepEqual(replay, []);
  assert.deepEqual(forget, ['ctit/record/a', 'ctit/record/b']);
  assert.deepEqual(counter, { life: 'off', n: 0 });
});

test('without a counter (a first day\'s crash), the newest life\'s entries are replayed and older lives forgotten', () => {
  const { replay, forget, counter } = plan(null, [
    entry('ctit/record/old', 40, 'A', { t: NOW - 9e5 }),
    entry('ctit/record/a', 1, 'B', { t: NOW - 2000 }),
    entry('ctit/record/b', 2, 'B'),
  ], NOW, holding());
  assert.deepEqual(replay.map((e) => e.k), ['ctit/record/a', 'ctit/record/b']);
  assert.deepEqual(forget, ['ctit/record/old']);
  assert.deepEqual(counter, { life: 'B', n: 2 });
});

test('entries at or below the counter are kept a day, then forgotten; an entry for the counter itself is never replayed', () => {
  const { replay, forget } = plan({ life: 'L', n: 9 }, [
    entry('ctit/record/recent', 8, 'L', { t: NOW - KEEP_MS + 1000 }),
    entry('ctit/record/old', 3, 'L', { t: NOW - KEEP_MS - 1 }),
    entry(SEQ, 10, 'L', { v: null }),
  ], NOW, holding());
  assert.deepEqual(replay, []);
  assert.deepEqual(forget, ['ctit/record/old', SEQ]);
});

test('a new life has a random name without spaces (nothing of when the device was used), read back as written', () => {
  assert.equal(newLife([1, 35]), '0000001000000z');
  const [a, b] = [newLife(), newLife()];
  assert.doesNotMatch(a, / /);
  assert.notEqual(a, b);
  assert.deepEqual(parseCounter(formatCounter({ life: a, n: 0 })), { life: a, n: 0 });
});

test('without a counter (a wiped device), removals are replayed while recent, so a restart soon after a wipe finishes it, and forgotten once a day old', () => {
  const recent = entry('ctit/record/a', 8, 'L', { v: null });
  const dayOld = entry('ctit/record/b', 8, 'L', { v: null, t: NOW - KEEP_MS - 1 });
  const { replay, forget } = plan(null, [recent, dayOld], NOW, holding());
  assert.deepEqual(replay, [recent]);
  assert.deepEqual(forget, ['ctit/record/b']);
});

test('a day-old entry above the counter is still written back unless localStorage already holds it', () => {
  const lostLongAgo = entry('ctit/record/a', 8, 'L', { t: NOW - 3 * KEEP_MS });
  const heldLongAgo = entry('ctit/record/b', 9, 'L', { t: NOW - 3 * KEEP_MS });
  const { replay, forget } = plan({ life: 'L', n: 7 }, [lostLongAgo, heldLongAgo], NOW, holding({ 'ctit/record/b': heldLongAgo.v }));
  assert.deepEqual(replay, [lostLongAgo]);
  assert.deepEqual(forget, ['ctit/record/b']);
});

test('a wiped device\'s counter goes only while none of the app\'s keys is left and it still names the wiped life', () => {
  const wiped = formatCounter({ life: 'L', n: 9 });
  assert.equal(counterEnds(wiped, 'L', false), true);
  assert.equal(counterEnds(wiped, 'L', true), false, 'a key written since: the counter ranks it');
  assert.equal(counterEnds(formatCounter({ life: 'M', n: 1 }), 'L', false), false, 'another tab began a life since: its counter stays');
  assert.equal(counterEnds(null, 'L', false), false, 'gone already');
  assert.equal(counterEnds('x', '?x', false), true, 'an unreadable counter, wiped, goes as it was read');
});
