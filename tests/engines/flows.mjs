// The core flows' steps over WebDriver, shared by the WebKit and Firefox
// tests (tests/engines/*.test.mjs): the same selectors and meaning as the
// Chromium tests in tests/browser/, without Playwright's init scripts.
import { suitable } from '../browser/patient-steps.mjs';

export { suitable };

/**
 * Opens `url` (the app, at a fragment) on a device whose coordinator
 * already answered the passcode offer with "Not now" (unless `lockOffer`),
 * as the Chromium harness's `declinePasscodeOffer` does; waits for `ready`.
 */
export async function openApp(s, base, fragment = '#coordinator', { lockOffer = false, ready = 'main#main h2' } = {}) {
  // A page of the same origin that is not the app (the server's 404): the
  // app then starts afresh (a mere change of fragment would not reload
  // it), and the offer's answer is set before it does.
  await s.goto(base + 'not-the-app');
  if (!lockOffer) {
    await s.run(() => { if (!localStorage.getItem('ctit/vault')) localStorage.setItem('ctit/settings/lock_declined', '1'); });
  }
  await s.goto(base + fragment);
  await s.waitForSelector(ready);
}

/**
 * Answers the screener's-initials question if it is asked before `ready`
 * shows (as the Chromium harness's `answerInitials` does: the offered
 * "Continue as …", else the typed initials), then waits for `ready`.
 */
export async function initialsThen(s, ready, initials = 'TS') {
  const which = await s.waitFor(`the initials question or ${ready}`, (sel) =>
    (document.querySelector('[data-initials-form] #initials') && 'initials') || (document.querySelector(sel) && 'ready'), [ready]);
  if (which === 'initials') {
    // Initials given on this device before are offered as one tap
    // ("Continue as TS"); else they are typed.
    const offered = await s.run(() => {
      const b = document.querySelector('[data-initials-form] [data-continue-as]');
      return !!b && b.getClientRects().length > 0;
    });
    if (offered) {
      await s.click('[data-initials-form] [data-continue-as]');
    } else {
      await s.type('[data-initials-form] #initials', initials);
      await s.click('[data-initials-form] button[type=submit]');
    }
  }
  await s.waitForSelector(ready);
}

/** "New screening" from the records list, through the initials, to the new record's form. */
export async function newRecord(s) {
  await s.clickButton('New screening');
  await initialsThen(s, '.record [data-outcome]');
}

/** Sets an input the way its own widget would (a date picker's value), with its input and change events. */
export function setValue(s, selector, value) {
  return s.run((sel, v) => {
    const el = document.querySelector(sel);
    el.value = v;
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }, selector, value);
}

/** The criteria's statuses shown: { I1: 'pass', … }. */
export function statuses(s) {
  return s.run(() => Object.fromEntries([...document.querySelectorAll('[data-criterion]')].map((e) => [e.dataset.criterion, e.dataset.status])));
}

/** localStorage's record entries, as stored. */
export function records(s) {
  return s.run(() => Object.fromEntries(Object.entries(localStorage).filter(([k]) => k.startsWith('ctit/record/'))));
}

/**
 * Walks the patient check answering `answers` (radios clicked, numbers
 * typed as keys, dates set as the date picker would) and opens the result.
 */
export async function answerAll(s, answers) {
  await s.click('.p-nav .primary');          // Start
  for (let guard = 0; guard < 10; guard++) {
    const step = await s.waitFor('a step or the result', () => {
      if (document.querySelector('[data-patient-result]')) return 'result';
      const qs = [...document.querySelectorAll('[data-question]')].map((e) => e.dataset.question).join(' ');
      return qs || null;
    });
    if (step === 'result') return;
    const done = new Set();
    for (;;) {
      const qs = await s.run(() => [...document.querySelectorAll('[data-question]')].map((e) => e.dataset.question));
      const q = qs.find((x) => !done.has(x));
      if (!q) break;
      done.add(q);
      const v = answers[q];
      if (v === undefined) continue;
      const kind = await s.run((name, value) => {
        if (document.querySelector(`input[type=radio][name="p-${name}"][value="${value}"]`)) return 'radio';
        return document.querySelector(`#p-${name}`)?.type ?? 'none';
      }, q, v);
      if (kind === 'radio') await s.click(`input[type=radio][name="p-${q}"][value="${v}"]`);
      else if (kind === 'date' || kind === 'select-one') await setValue(s, `#p-${q}`, v);
      else await s.type(`#p-${q}`, v);
      await s.settled();
    }
    await s.click('.p-nav .primary');
    // The next step (or the result) replaces this one.
    await s.waitFor('the next step', (was) => document.querySelector('[data-patient-result]')
      || [...document.querySelectorAll('[data-question]')].map((e) => e.dataset.question)[0] !== was.split(' ')[0], [step]);
  }
  throw new Error('never reached the result');
}
