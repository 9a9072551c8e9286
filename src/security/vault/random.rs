//! Cryptographic randomness, as it comes in from the caller (the browser's
//! `crypto.getRandomValues`): a source that fails rather than give weak
//! bytes, and record ids drawn from it.

/// The browser's cryptographic random source failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NoRandomness;

/// A source of cryptographic randomness. It fails rather than give weak
/// bytes; callers refuse the operation, never fall back.
pub trait Random {
    /// Fills `buf` with random bytes.
    fn fill(&mut self, buf: &mut [u8]) -> Result<(), NoRandomness>;
}

/// `N` random bytes. An all-zero result of 8 bytes or more is taken as a
/// broken source (a chance of 2⁻⁶⁴ or less of refusing a good one).
pub fn random_bytes<const N: usize>(rng: &mut dyn Random) -> Result<[u8; N], NoRandomness> {
    let mut buf = [0u8; N];
    rng.fill(&mut buf)?;
    if N >= 8 && buf.iter().all(|b| *b == 0) {
        return Err(NoRandomness);
    }
    Ok(buf)
}

/// A random record id: 96 bits as 24 hex digits. Nothing in it says when
/// the record was made (storage keys are in the clear).
pub fn random_id(rng: &mut dyn Random) -> Result<String, NoRandomness> {
    let bytes: [u8; 12] = random_bytes(rng)?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}
