//! The passcode vault for shared tablets: records encrypted at rest with
//! AES-256-GCM under a random data key, the data key wrapped by a key derived
//! from the passcode with Argon2id (RustCrypto crates; nothing home-made).
//!
//! Pure: randomness (salt, data key, nonces) comes in from the caller (the
//! browser's `crypto.getRandomValues`), so everything here runs and tests
//! natively. [`EncryptedStore`] wraps any [`KeyValue`] so the drafts code
//! stays unchanged: values of record and patient keys are sealed on write and
//! opened on read; an entry that cannot be opened is returned as it is, so it
//! is reported as unreadable and never overwritten or deleted.

use crate::drafts::{KeyValue, RECORD_PREFIX, StoreError};
use aes_gcm::aead::{Aead, KeyInit};
use aes_gcm::{Aes256Gcm, Key, Nonce};
use argon2::{Algorithm, Argon2, Params, Version};
use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use serde::{Deserialize, Serialize};

/// Where the vault's description (salt, KDF cost, wrapped key) is stored.
pub const VAULT_KEY: &str = "ctit/vault";
/// The keys whose values are sealed when a vault is set.
pub fn is_sealed_key(key: &str) -> bool {
    key.starts_with(RECORD_PREFIX) || key == "ctit/patient"
}

/// Argon2id cost. The default follows OWASP's recommendation for Argon2id
/// (19 MiB, 2 passes, 1 lane): slow enough to make guessing expensive, quick
/// enough (well under a second) on a tablet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfCost {
    /// Memory in KiB.
    pub m_kib: u32,
    /// Passes.
    pub t: u32,
    /// Lanes.
    pub p: u32,
}

impl Default for KdfCost {
    fn default() -> Self {
        KdfCost {
            m_kib: 19 * 1024,
            t: 2,
            p: 1,
        }
    }
}

/// A sealed value: a 96-bit nonce and the AES-GCM ciphertext (with its tag).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sealed {
    /// Nonce, base64.
    pub n: String,
    /// Ciphertext, base64.
    pub c: String,
}

/// The stored description of a vault.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VaultMeta {
    /// Format version of this description.
    pub schema: u32,
    /// Argon2id cost used.
    pub kdf: KdfCost,
    /// Argon2id salt, base64.
    pub salt: String,
    /// The data key, sealed with the passcode-derived key.
    pub wrapped: Sealed,
}

/// Why the vault could not be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VaultError {
    /// The passcode is wrong (or the stored key was altered).
    WrongPasscode,
    /// The stored description cannot be read.
    Corrupt(String),
}

impl std::fmt::Display for VaultError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            VaultError::WrongPasscode => f.write_str("wrong passcode"),
            VaultError::Corrupt(m) => f.write_str(m),
        }
    }
}

/// The 256-bit data key that encrypts the records. Not serialisable, and
/// wiped from memory when dropped is left to the browser tab's lifetime.
#[derive(Clone)]
pub struct DataKey([u8; 32]);

impl std::fmt::Debug for DataKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DataKey(…)")
    }
}

fn derive(passcode: &str, salt: &[u8], cost: KdfCost) -> Result<[u8; 32], VaultError> {
    let params = Params::new(cost.m_kib, cost.t, cost.p, Some(32))
        .map_err(|e| VaultError::Corrupt(e.to_string()))?;
    let mut out = [0u8; 32];
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(passcode.as_bytes(), salt, &mut out)
        .map_err(|e| VaultError::Corrupt(e.to_string()))?;
    Ok(out)
}

fn seal_with(key: &[u8; 32], nonce: [u8; 12], plaintext: &[u8]) -> Sealed {
    let cipher = Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(key));
    // Encryption with a 12-byte nonce and in-memory buffers cannot fail.
    let ct = cipher
        .encrypt(Nonce::from_slice(&nonce), plaintext)
        .unwrap_or_default();
    Sealed {
        n: B64.encode(nonce),
        c: B64.encode(ct),
    }
}

fn open_with(key: &[u8; 32], sealed: &Sealed) -> Option<Vec<u8>> {
    let nonce = B64.decode(&sealed.n).ok()?;
    let ct = B64.decode(&sealed.c).ok()?;
    if nonce.len() != 12 {
        return None;
    }
    Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(key))
        .decrypt(Nonce::from_slice(&nonce), ct.as_slice())
        .ok()
}

/// Creates a vault for `passcode` with fresh randomness: returns its stored
/// description and the data key.
pub fn create(
    passcode: &str,
    salt: [u8; 16],
    data_key: [u8; 32],
    nonce: [u8; 12],
    cost: KdfCost,
) -> Result<(VaultMeta, DataKey), VaultError> {
    let kek = derive(passcode, &salt, cost)?;
    let meta = VaultMeta {
        schema: 1,
        kdf: cost,
        salt: B64.encode(salt),
        wrapped: seal_with(&kek, nonce, &data_key),
    };
    Ok((meta, DataKey(data_key)))
}

/// Opens a vault with a passcode.
pub fn unlock(meta: &VaultMeta, passcode: &str) -> Result<DataKey, VaultError> {
    let salt = B64
        .decode(&meta.salt)
        .map_err(|e| VaultError::Corrupt(e.to_string()))?;
    let kek = derive(passcode, &salt, meta.kdf)?;
    let key = open_with(&kek, &meta.wrapped).ok_or(VaultError::WrongPasscode)?;
    let key: [u8; 32] = key
        .try_into()
        .map_err(|_| VaultError::Corrupt("data key length".into()))?;
    Ok(DataKey(key))
}

/// Reads a stored vault description.
pub fn read_meta(text: &str) -> Result<VaultMeta, VaultError> {
    serde_json::from_str(text).map_err(|e| VaultError::Corrupt(e.to_string()))
}

#[derive(Serialize, Deserialize)]
struct Envelope {
    sealed: u32,
    n: String,
    c: String,
}

/// A [`KeyValue`] that seals record and patient values with the data key.
pub struct EncryptedStore {
    inner: Box<dyn KeyValue>,
    key: DataKey,
    nonces: Box<dyn FnMut() -> [u8; 12]>,
}

impl EncryptedStore {
    /// Wraps a store; `nonces` yields a fresh random nonce per write.
    pub fn new(
        inner: Box<dyn KeyValue>,
        key: DataKey,
        nonces: Box<dyn FnMut() -> [u8; 12]>,
    ) -> EncryptedStore {
        EncryptedStore { inner, key, nonces }
    }
}

impl KeyValue for EncryptedStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        let Some(text) = self.inner.get(key)? else {
            return Ok(None);
        };
        if !is_sealed_key(key) {
            return Ok(Some(text));
        }
        match serde_json::from_str::<Envelope>(&text) {
            Ok(env) => {
                let opened = open_with(&self.key.0, &Sealed { n: env.n, c: env.c })
                    .and_then(|bytes| String::from_utf8(bytes).ok());
                // A value that does not open is handed on as it is: the
                // caller reports it as unreadable and never writes over it.
                Ok(Some(opened.unwrap_or(text)))
            }
            // Written before the passcode was set: readable, sealed on next save.
            Err(_) => Ok(Some(text)),
        }
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        if !is_sealed_key(key) {
            return self.inner.set(key, value);
        }
        let sealed = seal_with(&self.key.0, (self.nonces)(), value.as_bytes());
        let env = Envelope {
            sealed: 1,
            n: sealed.n,
            c: sealed.c,
        };
        let text = serde_json::to_string(&env).map_err(|e| StoreError::Full(e.to_string()))?;
        self.inner.set(key, &text)
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.inner.remove(key)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.inner.keys()
    }
}

/// Seals every plaintext record and patient entry (after a passcode is set).
/// Returns how many entries were sealed.
pub fn seal_all(store: &mut EncryptedStore) -> Result<usize, StoreError> {
    let keys: Vec<String> = store
        .keys()?
        .into_iter()
        .filter(|k| is_sealed_key(k))
        .collect();
    let mut n = 0;
    for k in keys {
        let raw = store.inner.get(&k)?;
        if let Some(raw) = raw
            && serde_json::from_str::<Envelope>(&raw).is_err()
        {
            store.set(&k, &raw)?;
            n += 1;
        }
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drafts::{Draft, MemoryStore, load_all, save};

    /// A cheap cost for tests; the app uses the default.
    const TEST_COST: KdfCost = KdfCost {
        m_kib: 64,
        t: 1,
        p: 1,
    };

    fn counter() -> Box<dyn FnMut() -> [u8; 12]> {
        let mut i = 0u8;
        Box::new(move || {
            i = i.wrapping_add(1);
            [i; 12]
        })
    }

    #[test]
    fn the_right_passcode_opens_the_vault_and_a_wrong_one_does_not() {
        let (meta, key) = create("2468 tablet", [7; 16], [9; 32], [1; 12], TEST_COST).unwrap();
        let text = serde_json::to_string(&meta).unwrap();
        let meta = read_meta(&text).unwrap();
        assert_eq!(unlock(&meta, "2468 tablet").unwrap().0, key.0);
        assert_eq!(
            unlock(&meta, "2468 Tablet").unwrap_err(),
            VaultError::WrongPasscode
        );
    }

    #[test]
    fn records_are_stored_sealed_and_read_back_through_the_drafts_code() {
        let (_, key) = create("pin", [1; 16], [2; 32], [3; 12], TEST_COST).unwrap();
        let mut store = EncryptedStore::new(Box::new(MemoryStore::default()), key, counter());
        let mut d = Draft::new("r1", "2026-11-25", "now");
        d.label = "ZQXJV-7731".into();
        save(&mut store, &d, 0).unwrap();
        let raw = store.inner.get("ctit/record/r1").unwrap().unwrap();
        assert!(!raw.contains("ZQXJV"), "{raw}");
        assert!(raw.contains("\"sealed\":1"));
        let cat = load_all(&mut store).unwrap();
        assert_eq!(cat.drafts[0].draft.label, "ZQXJV-7731");
    }

    #[test]
    fn bad_ciphertext_is_reported_and_kept() {
        let (_, key) = create("pin", [1; 16], [2; 32], [3; 12], TEST_COST).unwrap();
        let mut inner = MemoryStore::default();
        let bad = "{\"sealed\":1,\"n\":\"AAAAAAAAAAAAAAAA\",\"c\":\"AAAA\"}";
        inner.set("ctit/record/x", bad).unwrap();
        let mut store = EncryptedStore::new(Box::new(inner), key, counter());
        let cat = load_all(&mut store).unwrap();
        assert_eq!(cat.broken.len(), 1);
        assert!(save(&mut store, &Draft::new("x", "", ""), 0).is_err());
        assert_eq!(
            store.inner.get("ctit/record/x").unwrap().as_deref(),
            Some(bad)
        );
    }

    #[test]
    fn setting_a_passcode_seals_existing_plaintext_records() {
        let mut inner = MemoryStore::default();
        let mut d = Draft::new("r1", "2026-11-25", "now");
        d.label = "PLAIN-LABEL".into();
        save(&mut inner, &d, 0).unwrap();
        let (_, key) = create("pin", [1; 16], [2; 32], [3; 12], TEST_COST).unwrap();
        let mut store = EncryptedStore::new(Box::new(inner), key, counter());
        assert_eq!(seal_all(&mut store), Ok(1));
        assert!(
            !store
                .inner
                .get("ctit/record/r1")
                .unwrap()
                .unwrap()
                .contains("PLAIN-LABEL")
        );
        assert_eq!(
            load_all(&mut store).unwrap().drafts[0].draft.label,
            "PLAIN-LABEL"
        );
    }
}
