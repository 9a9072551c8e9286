//! The passcode's key derivation: Argon2id's cost (only the costs this app
//! wrote are derived), the derived key (`Kek`) and what a new passcode's
//! key is derived with.

use super::*;
use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use serde::{Deserialize, Serialize};

/// Argon2id cost, stored with the vault so a later version can raise it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfCost {
    /// Memory in KiB.
    pub m_kib: u32,
    /// Passes.
    pub t: u32,
    /// Lanes.
    pub p: u32,
}

impl KdfCost {
    /// The cost of new passcodes: 64 MiB, 3 passes, 1 lane.
    ///
    /// The threat is offline: someone with a copy of the browser profile
    /// guesses passcodes on their own hardware, with no server to slow them
    /// down. OWASP's password-storage minimum (19 MiB, t=2) is a server's
    /// budget per login; a tablet unlocks a few times an hour and can spend
    /// more. 64 MiB is RFC 9106's memory for constrained devices, and three
    /// passes make each guess cost about five times OWASP's minimum in
    /// memory × time. Calibrated on this project's benchmark machine
    /// (README, "Passcode lock"): a few hundred milliseconds at full speed,
    /// about a second and a half at 4× CPU throttling, in a Web Worker whose
    /// memory is returned when it ends.
    pub const CURRENT: KdfCost = KdfCost {
        m_kib: 64 * 1024,
        t: 3,
        p: 1,
    };

    /// Every cost this app has ever written (the current one first, then
    /// the one vaults had until 2026-12-01). A vault or backup file naming
    /// any other cost is refused before anything is derived: the cost comes
    /// from the file, and a crafted file could otherwise ask a tablet for
    /// gigabytes of memory or hours of work.
    pub const WRITTEN: [KdfCost; 2] = [
        KdfCost::CURRENT,
        KdfCost {
            m_kib: 19 * 1024,
            t: 2,
            p: 1,
        },
    ];

    /// Whether this is a cost this app wrote ([`KdfCost::WRITTEN`]).
    pub fn is_accepted(&self) -> bool {
        // (The unit tests' own cheap cost stands in for the real ones.)
        #[cfg(test)]
        if *self == tests::TEST_COST {
            return true;
        }
        Self::WRITTEN.contains(self)
    }

    /// Whether this cost is below [`KdfCost::CURRENT`] (a vault made by an
    /// earlier version): it is raised at the next unlock.
    pub fn is_weaker_than_current(&self) -> bool {
        u64::from(self.m_kib) * u64::from(self.t)
            < u64::from(Self::CURRENT.m_kib) * u64::from(Self::CURRENT.t)
    }
}

/// The key derived from a passcode and the vault's salt (Argon2id).
#[derive(Clone, PartialEq, Eq)]
pub struct Kek(pub [u8; 32]);

impl std::fmt::Debug for Kek {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Kek(…)")
    }
}

/// What the browser's worker does: Argon2id of the passcode with the salt.
/// `None` when the stored parameters are out of range.
pub fn derive(passcode: &str, salt: &[u8], cost: KdfCost) -> Option<Kek> {
    ctit_kdf::derive(passcode.as_bytes(), salt, cost.m_kib, cost.t, cost.p).map(Kek)
}

/// What a new passcode's key is derived with: a fresh salt and the cost.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KdfInput {
    /// The salt (16 random bytes).
    pub salt: [u8; 16],
    /// The cost.
    pub cost: KdfCost,
}

impl KdfInput {
    /// A fresh salt at the current cost.
    pub fn fresh(rng: &mut dyn Random) -> Result<KdfInput, NoRandomness> {
        Ok(KdfInput {
            salt: random_bytes(rng)?,
            cost: KdfCost::CURRENT,
        })
    }
}

/// The salt and cost a stored vault derives its key with.
pub fn kdf_input(meta: &VaultMeta) -> Result<(Vec<u8>, KdfCost), VaultError> {
    if !meta.kdf.is_accepted() {
        return Err(VaultError::UnknownCost(meta.kdf));
    }
    let salt = B64
        .decode(&meta.salt)
        .map_err(|e| VaultError::Corrupt(e.to_string()))?;
    Ok((salt, meta.kdf))
}
