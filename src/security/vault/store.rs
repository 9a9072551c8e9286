//! The stores the app writes through: `GuardedStore` (no key: never writes
//! a record once a vault exists) and `VaultStore` (the key: seals and opens
//! every record and patient value, resumes sealing and re-keying).

use super::*;
use crate::storage::Unreadable;
use crate::storage::keys::{DELETED_PREFIX, PATIENT_KEY, RECORD_PREFIX, VAULT_KEY};
use crate::storage::{KeyValue, StoreError};

/// The keys whose values are sealed when a vault is set: records, the
/// tombstones of deleted ones (a label, who and why), a patient's answers.
pub fn is_sealed_key(key: &str) -> bool {
    key.starts_with(RECORD_PREFIX) || key.starts_with(DELETED_PREFIX) || key == PATIENT_KEY
}

/// How far sealing got.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SealProgress {
    /// Entries sealed now.
    pub sealed: usize,
    /// Entries still in the clear (storage ran out): sealing resumes at
    /// the next unlock.
    pub left: usize,
}

/// The app's store while no data key is held: no vault on the device, or
/// locked. Values pass through, except that a record or patient value is
/// never written once a vault exists (it would be in the clear):
/// [`StoreError::Locked`]. Checked on every such write, so a tab that has
/// not yet heard of a passcode set in another tab cannot write one.
///
/// (No cryptography here: this is the store of the app's first download.)
pub struct GuardedStore {
    inner: Box<dyn KeyValue>,
}

impl GuardedStore {
    /// Guards a plain store.
    pub fn new(inner: Box<dyn KeyValue>) -> GuardedStore {
        GuardedStore { inner }
    }

    /// The plain store underneath.
    pub fn into_inner(self) -> Box<dyn KeyValue> {
        self.inner
    }
}

/// Whether a vault exists in `kv`.
pub fn has_vault(kv: &dyn KeyValue) -> bool {
    matches!(kv.get(VAULT_KEY), Ok(Some(_)))
}

impl KeyValue for GuardedStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.inner.get(key)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        if is_sealed_key(key) && has_vault(self.inner.as_ref()) {
            return Err(StoreError::Locked);
        }
        self.inner.set(key, value)
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.inner.remove(key)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.inner.keys()
    }
}

/// The app's store while the data key is held (unlocked).
///
/// Record and patient values are sealed with the data key, bound to their
/// storage key (AES-GCM's associated data), and opened on reading; a value
/// that does not open, or is in the clear where it should not be, is
/// reported as unreadable ([`StoreError::Unreadable`]) and, like every
/// unreadable entry, never written over.
pub struct VaultStore {
    pub(super) inner: Box<dyn KeyValue>,
    pub(super) key: DataKey,
    pub(super) state: SealState,
    pub(super) rng: Box<dyn Random>,
    /// The vault description's text last found to fit this store's key:
    /// every sealed write first looks at the stored description, and one
    /// that another tab rewrote for another key (the passcode changed
    /// there) refuses the write as locked instead of sealing with a key
    /// the vault no longer knows.
    pub(super) fits: Option<String>,
}

impl VaultStore {
    /// A store holding the data key, with the vault's unfinished work.
    pub fn unlocked(
        inner: Box<dyn KeyValue>,
        key: DataKey,
        state: SealState,
        rng: Box<dyn Random>,
    ) -> VaultStore {
        VaultStore {
            inner,
            key,
            state,
            rng,
            fits: None,
        }
    }

    /// Whether the stored vault description still belongs to this store's
    /// key (`false` when there is none). A description without a key check
    /// (written before it existed) is taken as this store's: it was opened
    /// with its passcode, and a change elsewhere would have added a check.
    pub(super) fn vault_is_ours(&mut self) -> Result<bool, StoreError> {
        let Some(text) = self.inner.get(VAULT_KEY)? else {
            return Ok(false);
        };
        if self.fits.as_deref() == Some(text.as_str()) {
            return Ok(true);
        }
        let ours = read_meta(&text).is_ok_and(|m| m.check.is_none() || key_fits(&m, &self.key));
        if ours {
            self.fits = Some(text);
        }
        Ok(ours)
    }

    /// The data key (to hand to another tab of this app, in memory).
    pub fn data_key(&self) -> &DataKey {
        &self.key
    }

    /// Entries still in the clear that sealing has not reached.
    pub fn unsealed_left(&self) -> usize {
        self.state.unsealed.len()
    }

    /// Drops the data key (locking): the plain store underneath.
    pub fn into_inner(self) -> Box<dyn KeyValue> {
        self.inner
    }

    /// Seals what is still in the clear, as long as there is space, and
    /// records what is left in the vault's description. Runs after a
    /// passcode is set and at every unlock.
    pub fn seal_pending(&mut self) -> SealProgress {
        if self.state.removing {
            return SealProgress {
                sealed: 0,
                left: self.state.unsealed.len(),
            };
        }
        let rekeyed = self.resume_rekey();
        let todo: Vec<String> = self.state.unsealed.iter().cloned().collect();
        let mut sealed = 0;
        for k in todo {
            let Ok(raw) = self.inner.get(&k) else {
                break;
            };
            let Some(raw) = raw else {
                self.state.unsealed.remove(&k);
                continue;
            };
            if serde_json::from_str::<Envelope>(&raw).is_ok() {
                self.state.unsealed.remove(&k);
                continue;
            }
            let Ok(nonce) = random_bytes(self.rng.as_mut()) else {
                break;
            };
            let text = envelope(&self.key, nonce, &k, &raw);
            match self.inner.set(&k, &text) {
                Ok(()) => {
                    self.state.unsealed.remove(&k);
                    sealed += 1;
                }
                // Full: what is left stays listed (and trusted) until next time.
                Err(_) => break,
            }
        }
        let left = self.state.unsealed.len();
        if sealed > 0 {
            // If this write fails the description still lists entries now
            // sealed: harmless, a sealed value is read as sealed.
            let _ = self.save_state();
        }
        SealProgress {
            sealed: sealed + rekeyed.sealed,
            left: left + rekeyed.left,
        }
    }

    /// Seals anew under the current key every entry a passcode change left
    /// under the previous one, as long as storage allows; forgets the
    /// previous key once none is left. Returns how far it got.
    pub(super) fn resume_rekey(&mut self) -> SealProgress {
        let Some(rekey) = self.state.rekey.clone() else {
            return SealProgress { sealed: 0, left: 0 };
        };
        let mut sealed = 0;
        let mut left = rekey.left.clone();
        for k in &rekey.left {
            // Read through both keys (and written only if it opens).
            let text = match self.get(k) {
                Ok(Some(text)) => text,
                // Gone, or unreadable with either key: nothing to re-seal
                // (an unreadable entry stays as it is, reported).
                Ok(None) | Err(StoreError::Unreadable(_)) => {
                    left.remove(k);
                    continue;
                }
                Err(_) => break,
            };
            let Ok(nonce) = random_bytes(self.rng.as_mut()) else {
                break;
            };
            match self.inner.set(k, &envelope(&self.key, nonce, k, &text)) {
                Ok(()) => {
                    left.remove(k);
                    sealed += 1;
                }
                Err(_) => break,
            }
        }
        let remaining = left.len();
        self.state.rekey = (remaining > 0).then_some(Rekey {
            previous: rekey.previous,
            left,
        });
        if sealed > 0 || remaining == 0 {
            let _ = self.save_state();
        }
        SealProgress {
            sealed,
            left: remaining,
        }
    }

    /// Rewrites the vault's description with the current seal state.
    pub(super) fn save_state(&mut self) -> Result<(), VaultError> {
        let text = self
            .inner
            .get(VAULT_KEY)?
            .ok_or_else(|| VaultError::Corrupt("no vault".into()))?;
        let mut meta = read_meta(&text)?;
        meta.state = seal_state(&self.key, &self.state, self.rng.as_mut())?;
        self.fits = Some(write_meta(self.inner.as_mut(), &meta)?);
        Ok(())
    }
}

impl KeyValue for VaultStore {
    /// A sealed value opened; or [`StoreError::Unreadable`] when it does
    /// not open ([`Unreadable::CannotOpen`]) or is in the clear where it
    /// should not be ([`Unreadable::NotSealed`]).
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        let Some(text) = self.inner.get(key)? else {
            return Ok(None);
        };
        if !is_sealed_key(key) {
            return Ok(Some(text));
        }
        let opened = match serde_json::from_str::<Envelope>(&text) {
            Ok(env) => {
                // Schema 2 is bound to its storage key; 1 (an earlier
                // version) was not, and is sealed anew on its next save.
                let aad: &[u8] = if env.sealed >= 2 { key.as_bytes() } else { b"" };
                let sealed = Sealed { n: env.n, c: env.c };
                // While re-keying, an entry not yet sealed anew opens with
                // the previous key.
                open_with(&self.key.0, &sealed, aad)
                    .or_else(|| {
                        let previous = self.state.rekey.as_ref()?.previous_key()?;
                        open_with(&previous.0, &sealed, aad)
                    })
                    .and_then(|bytes| String::from_utf8(bytes).ok())
                    .ok_or(Unreadable::CannotOpen)
            }
            Err(_) if self.state.removing || self.state.unsealed.contains(key) => Ok(text),
            Err(_) => Err(Unreadable::NotSealed),
        };
        opened.map(Some).map_err(StoreError::Unreadable)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        if !is_sealed_key(key) {
            return self.inner.set(key, value);
        }
        if self.state.removing || !self.vault_is_ours()? {
            // Being removed (records are being written back in the clear),
            // removed by another tab, or its passcode changed there (a new
            // data key): nothing is sealed for a vault that would not open it.
            return Err(StoreError::Locked);
        }
        let nonce = random_bytes(self.rng.as_mut()).map_err(|_| StoreError::NoRandomness)?;
        let text = envelope(&self.key, nonce, key, value);
        self.inner.set(key, &text)
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.inner.remove(key)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.inner.keys()
    }
}
