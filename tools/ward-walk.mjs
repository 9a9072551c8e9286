//! The ward walk: how many touches it takes to enter a whole record on a
//! tablet, and how tall the record screen is (issue 29). A coordinator
//! starts a new record and enters shared case 01 (every criterion met)
//! field by field, top to bottom, as a finger would: a tap on each input,
//! choice or list (a list is two taps: open, choose), a swipe of at most
//! four fifths of the screen, bringing the next control up under the
//! record bar, whenever it is not wholly in view, and a tap to leave.
//! Typing itself is not counted. Prints the figures for 1024 × 768 and
//! 768 × 1024.
//!
//!   node tools/ward-walk.mjs [DIST]     (default dist/; e.g. an older build's)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

process.env.CTIT_DIST ??= path.resolve(process.argv[2] ?? 'dist');
const { serveDist, launch, openApp, settled } = await import('../tests/browser/harness.mjs');

const here = path.dirname(fileURLToPath(import.meta.url));
const record = JSON.parse(fs.readFileSync(path.join(here, '../tests/cases/01-eligible-full-record.json'), 'utf8')).record;

/** The controls to touch, in the order of the page, with what to do at each. */
function steps(answers) {
  const out = [{ sel: '#f-label', fill: 'WALK-1' }, { sel: '#f-screening_date', fill: record.screening_date }];
  for (const [id, v] of Object.entries(answers)) {
    if (typeof v === 'boolean') out.push({ sel: `input[type=radio][name="${id}"][value="${v ? 'yes' : 'no'}"]`, check: true });
    else if (v === 'female' || v === 'male' || v === 'positive' || v === 'negative') out.push({ sel: `input[type=radio][name="${id}"][value="${v}"]`, check: true });
    else if (typeof v === 'object' && 'uln' in v) out.push({ sel: `#f-${id}`, fill: String(v.value) }, { sel: `#f-${id}-uln`, fill: String(v.uln) });
    else if (typeof v === 'object') out.push({ sel: `#f-${id}`, fill: String(v.value) });
    else if (id === 'ecog' || id === 'nyha_class') out.push({ sel: `#f-${id}`, select: String(v) });
    else out.push({ sel: `#f-${id}`, fill: String(v) });
  }
  return out;
}

async function walk(browser, url, viewport) {
  const { context, page } = await openApp(browser, url, { context: { viewport } });
  await page.getByRole('button', { name: 'New screening' }).click();
  await page.waitForSelector('.record [data-outcome]');
  await page.evaluate(() => window.scrollTo(0, 0));
  let taps = 1; // "New screening"
  let swipes = 0;
  for (const step of steps(record.answers)) {
    const target = page.locator(step.sel).first();
    if (!(await target.count())) continue; // a field that does not apply
    for (let guard = 0; guard < 50; guard++) {
      const { top, bottom, below, vh } = await target.evaluate((el) => {
        const box = (el.type === 'radio' ? el.closest('label') ?? el : el).getBoundingClientRect();
        const bar = document.querySelector('.record-bar');
        const barBottom = bar && getComputedStyle(bar).position === 'sticky' ? bar.getBoundingClientRect().bottom : 0;
        return { top: box.top, bottom: box.bottom, below: Math.max(0, barBottom), vh: window.innerHeight };
      });
      if (top >= below && bottom <= vh) break;
      // A swipe brings what comes next up under the bar (at most 4/5 of a screen).
      const by = top < below ? Math.max(top - below - 8, -0.8 * vh) : Math.min(top - below - 8, 0.8 * vh);
      await page.evaluate((y) => window.scrollBy(0, y), by);
      swipes++;
    }
    if (step.check) { await target.check(); taps++; }
    if (step.fill) { await target.fill(step.fill); taps++; }
    if (step.select) { await target.selectOption(step.select); taps += 2; }
    await settled(page);
  }
  const outcome = await page.getAttribute('.banner', 'data-outcome');
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  taps++; // leaving the record
  await context.close();
  return { taps, swipes, touches: taps + swipes, height, outcome };
}

const server = await serveDist();
const browser = await launch();
for (const viewport of [{ width: 1024, height: 768 }, { width: 768, height: 1024 }]) {
  const r = await walk(browser, server.url + '#coordinator', viewport);
  console.log(`${viewport.width}×${viewport.height}: ${r.touches} touches (${r.taps} taps, ${r.swipes} swipes), record screen ${r.height} px tall, outcome ${r.outcome}`);
}
await browser.close();
await server.close();
