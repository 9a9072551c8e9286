//! The browser's cryptographic random source, and new record ids drawn
//! from it. Without it nothing that needs randomness is done.

use crate::security::vault::{NoRandomness, Random};

/// The browser's cryptographic generator (`crypto.getRandomValues`). If it
/// is missing or throws, the operation that needed it is refused.
pub struct BrowserRandom;

impl Random for BrowserRandom {
    fn fill(&mut self, buf: &mut [u8]) -> Result<(), NoRandomness> {
        let crypto = web_sys::window()
            .and_then(|w| w.crypto().ok())
            .ok_or(NoRandomness)?;
        crypto
            .get_random_values_with_u8_array(buf)
            .map(|_| ())
            .map_err(|_| NoRandomness)
    }
}

/// A new record id: 96 random bits (`None` if the random source failed:
/// nothing is created then). Storage keys are in the clear, so an id says
/// nothing of when the record was made.
pub fn new_id() -> Option<String> {
    crate::security::vault::random_id(&mut BrowserRandom).ok()
}
