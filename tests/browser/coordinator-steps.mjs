//! A coordinator's steps on a ward tablet, for the tests that need them
//! (edges, lock, idle, ward, dates, creating): the tablets held either
//! way, a passcode set through the offer above the records list and
//! unlocking with it, and a new record with a label.
import { settled } from './harness.mjs';

/** A tablet held landscape and portrait (an iPad's CSS pixels). */
export const TABLETS = [{ width: 1024, height: 768 }, { width: 768, height: 1024 }];

/** The passcode the tests set, and the one a change sets. */
export const PASS = 'tablet-2468';
export const NEW_PASS = 'ward7 night shift';

/** Sets the passcode through the offer above the records list. */
export async function setPasscode(page, pass = PASS) {
  await page.fill('#new-passcode', pass);
  await page.fill('#new-passcode-again', pass);
  await page.getByRole('button', { name: 'Set passcode' }).first().click();
  await page.waitForSelector('text=records are now stored encrypted');
}

/** Unlocks the lock screen with `pass`. */
export async function unlock(page, pass = PASS) {
  await page.fill('#unlock-passcode', pass);
  await page.getByRole('button', { name: 'Unlock' }).click();
}

/** Creates a record from the records list and labels it; resolves once it is saved. */
export async function newRecord(page, label) {
  await page.getByRole('button', { name: 'New screening' }).click();
  await page.waitForSelector('.record [data-outcome]');
  await page.fill('#f-label', label);
  await settled(page);
}
