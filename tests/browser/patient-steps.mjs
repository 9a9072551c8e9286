//! The patient self-check driven step by step, for the tests that need a
//! patient's answers (patient.test.mjs, handoff.test.mjs).
import { openApp, settled } from './harness.mjs';

/** The answer "I don't know", in `answers`. */
export const DONT_KNOW = Symbol('I don\'t know');

/** Answers a patient who could take part would give (spec case 14). */
export const suitable = {
  birth_date: '1961-04-02', sex: 'female', cit_diagnosis: 'yes', rhtpo_days: '21',
  last_chemo_date: '2025-08-10', had_radiotherapy: 'no', platelet_count: '21',
  low_platelets_since: '2025-09-01', ecog: '1', heart_disease_needing_treatment: 'no',
  had_mi: 'no', atrial_fibrillation: 'no', thrombotic_disease: 'no', known_infection: 'no',
  severe_bleeding: 'no', prior_allo_transplant: 'no', diabetes: 'no', gastric_ulcer: 'no',
  active_autoimmune_disease: 'no', antiplatelet_drugs: 'no', pregnant_or_suspected: 'no',
  breastfeeding: 'no',
};

/** Opens the patient check on a patient's device (no coordinator ever answered the passcode offer). */
export async function openPatient(browser, server, locale = 'en-US', extra = {}) {
  return openApp(browser, server.url + '#patient', {
    context: { locale }, ready: '#p-step-title', lockOffer: true, ...extra,
  });
}

/**
 * Walks every step, answering what `answers` has, then opens the result;
 * `onStep(page)`, if given, runs on each step as it is first shown.
 */
export async function answerAll(page, answers, onStep = undefined) {
  await page.click('.p-nav .primary');              // Start
  for (let guard = 0; guard < 10; guard++) {
    if (await page.locator('[data-patient-result]').count()) return;
    await onStep?.(page);
    // An answer can bring a question of its own (a heart attack, its date):
    // the step is read again until every question shown has had its turn.
    const done = new Set();
    for (let q; (q = (await page.$$eval('[data-question]', (els) => els.map((e) => e.dataset.question))).find((x) => !done.has(x))); ) {
      done.add(q);
      const v = answers[q];
      if (v === undefined) continue;
      if (v === DONT_KNOW) {
        await page.check(`[data-question="${q}"] [data-dont-know]`);
        await settled(page);
        continue;
      }
      const radio = page.locator(`input[type=radio][name="p-${q}"][value="${v}"]`);
      if (await radio.count()) await radio.check();
      else await page.fill(`#p-${q}`, v);
      await settled(page);
    }
    await page.click('.p-nav .primary');
  }
  throw new Error('never reached the result');
}
