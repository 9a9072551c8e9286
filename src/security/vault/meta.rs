//! The vault's stored description (`VaultMeta`: cost, salt, the wrapped
//! data key, the key check, the sealed state of unfinished work), reading
//! and opening it, and the errors of every vault operation.

use super::*;
use crate::storage::keys::VAULT_KEY;
use crate::storage::{KeyValue, StoreError};
use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The stored description of a vault.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VaultMeta {
    /// Format version: 1 wrapped the key without binding it to its place;
    /// 2 binds it (AAD) and may carry a sealed [`SealState`].
    pub schema: u32,
    /// Argon2id cost used.
    pub kdf: KdfCost,
    /// Argon2id salt, base64.
    pub salt: String,
    /// The data key, sealed with the passcode-derived key.
    pub wrapped: Sealed,
    /// The [`SealState`], sealed with the data key (so no one can add a
    /// record to it without the key); absent when there is nothing to do.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<Sealed>,
    /// The key check (schema 3): nothing, sealed with the data key, so a
    /// key handed over by another tab is tested before it is used
    /// ([`key_fits`]). Absent in vaults written before it (added at their
    /// next unlock).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check: Option<Sealed>,
}

/// Work the vault has not finished, kept sealed inside its description.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SealState {
    /// Record (and patient) keys still in the clear from before the
    /// passcode was set: trusted, and sealed as soon as there is space.
    #[serde(default)]
    pub unsealed: BTreeSet<String>,
    /// The passcode is being removed: values in the clear are expected.
    #[serde(default)]
    pub removing: bool,
    /// The passcode was changed and the records are being sealed anew
    /// under the new data key; absent when done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rekey: Option<Rekey>,
}

/// A re-keying under way: the previous data key (kept only inside the
/// sealed state, which only the new key opens) and the entries still
/// sealed with it. Sealing them anew resumes at every unlock until none is
/// left; each entry opens with one key or the other meanwhile.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rekey {
    /// The previous data key, base64.
    pub previous: String,
    /// Entries still sealed with the previous key.
    #[serde(default)]
    pub left: BTreeSet<String>,
}

impl Rekey {
    pub(super) fn previous_key(&self) -> Option<DataKey> {
        let bytes = B64.decode(&self.previous).ok()?;
        Some(DataKey(bytes.try_into().ok()?))
    }
}

/// Why the vault could not be opened or changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VaultError {
    /// The passcode is wrong (or the stored key was altered).
    WrongPasscode,
    /// The stored description cannot be read.
    Corrupt(String),
    /// The random source failed; nothing was changed.
    NoRandomness,
    /// Storage failed; what was done is said by the caller.
    Store(StoreError),
    /// The stored description names a key-derivation cost this app never
    /// wrote ([`KdfCost::WRITTEN`]): not derived.
    UnknownCost(KdfCost),
    /// A vault already exists (set in another tab at the same moment):
    /// nothing was written; that passcode unlocks.
    Exists,
}

impl std::fmt::Display for VaultError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            VaultError::WrongPasscode => f.write_str("wrong passcode"),
            VaultError::Corrupt(m) => f.write_str(m),
            VaultError::NoRandomness => f.write_str("the browser's random source failed"),
            VaultError::Store(e) => write!(f, "{e}"),
            VaultError::UnknownCost(c) => write!(
                f,
                "the vault asks for a key derivation of {} MiB and {} passes, which this app never uses",
                c.m_kib / 1024,
                c.t
            ),
            VaultError::Exists => f.write_str("a passcode was set in another tab"),
        }
    }
}

impl From<NoRandomness> for VaultError {
    fn from(_: NoRandomness) -> Self {
        VaultError::NoRandomness
    }
}

impl From<StoreError> for VaultError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NoRandomness => VaultError::NoRandomness,
            e => VaultError::Store(e),
        }
    }
}

/// The 256-bit data key that encrypts the records. Not serialisable.
#[derive(Clone, PartialEq, Eq)]
pub struct DataKey(pub(super) [u8; 32]);

impl std::fmt::Debug for DataKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DataKey(…)")
    }
}

impl DataKey {
    /// The key's bytes, to hand to another tab of this app (in memory only).
    pub fn bytes(&self) -> [u8; 32] {
        self.0
    }

    /// A key handed over by another tab.
    pub fn from_bytes(bytes: [u8; 32]) -> DataKey {
        DataKey(bytes)
    }
}

/// What the data key is bound to when wrapped (schema 2).
pub(super) const WRAP_AAD: &[u8] = b"ctit/vault#data-key";
/// What the seal state is bound to.
pub(super) const STATE_AAD: &[u8] = b"ctit/vault#state";
/// What the key check is bound to.
pub(super) const CHECK_AAD: &[u8] = b"ctit/vault#key-check";
/// The description's format written now: 3 adds the key check.
pub(super) const META_SCHEMA: u32 = 3;

/// Whether `key` is this vault's data key, by its key check. A vault
/// written before the check existed vouches for no key: a tab is then
/// unlocked only by its passcode.
pub fn key_fits(meta: &VaultMeta, key: &DataKey) -> bool {
    meta.check
        .as_ref()
        .is_some_and(|check| open_with(&key.0, check, CHECK_AAD).is_some())
}

/// Reads a stored vault description.
pub fn read_meta(text: &str) -> Result<VaultMeta, VaultError> {
    serde_json::from_str(text).map_err(|e| VaultError::Corrupt(e.to_string()))
}

/// Opens a vault with the key derived from the passcode: the data key and
/// the unfinished work, or [`VaultError::WrongPasscode`].
pub fn open(meta: &VaultMeta, kek: &Kek) -> Result<(DataKey, SealState), VaultError> {
    let aad: &[u8] = if meta.schema >= 2 { WRAP_AAD } else { b"" };
    let key = open_with(&kek.0, &meta.wrapped, aad).ok_or(VaultError::WrongPasscode)?;
    let key: [u8; 32] = key
        .try_into()
        .map_err(|_| VaultError::Corrupt("data key length".into()))?;
    let key = DataKey(key);
    let state = state_with_key(meta, &key)?;
    Ok((key, state))
}

/// The description of a vault whose data key is wrapped with `kek`.
pub(super) fn describe(
    kdf: &KdfInput,
    kek: &Kek,
    key: &DataKey,
    state: &SealState,
    rng: &mut dyn Random,
) -> Result<VaultMeta, NoRandomness> {
    let wrapped = seal_with(&kek.0, random_bytes(rng)?, &key.0, WRAP_AAD);
    let state = seal_state(key, state, rng)?;
    let check = seal_with(&key.0, random_bytes(rng)?, b"", CHECK_AAD);
    Ok(VaultMeta {
        schema: META_SCHEMA,
        kdf: kdf.cost,
        salt: B64.encode(kdf.salt),
        wrapped,
        state,
        check: Some(check),
    })
}

/// Writes the vault's description; returns the text written.
pub(super) fn write_meta(kv: &mut dyn KeyValue, meta: &VaultMeta) -> Result<String, StoreError> {
    let text = serde_json::to_string(meta).map_err(|e| StoreError::Full(e.to_string()))?;
    kv.set(VAULT_KEY, &text)?;
    Ok(text)
}

/// The seal state as stored: sealed with the data key, or nothing to do.
pub(super) fn seal_state(
    key: &DataKey,
    state: &SealState,
    rng: &mut dyn Random,
) -> Result<Option<Sealed>, NoRandomness> {
    if state == &SealState::default() {
        return Ok(None);
    }
    let bytes = serde_json::to_vec(state).unwrap_or_default();
    Ok(Some(seal_with(
        &key.0,
        random_bytes(rng)?,
        &bytes,
        STATE_AAD,
    )))
}

/// The vault's unfinished work, read with the data key (a tab that was
/// handed the key by another one).
pub fn state_with_key(meta: &VaultMeta, key: &DataKey) -> Result<SealState, VaultError> {
    match &meta.state {
        None => Ok(SealState::default()),
        Some(sealed) => open_with(&key.0, sealed, STATE_AAD)
            // (Through text, as every other read: a second, byte-reading
            // copy of the JSON reader would grow the app's first download.)
            .and_then(|b| String::from_utf8(b).ok())
            .and_then(|t| serde_json::from_str(&t).ok())
            .ok_or_else(|| VaultError::Corrupt("vault state".into())),
    }
}

/// Whether `key`, held by a tab, still opens the vault described by `text`
/// (another tab may have changed the passcode, and with it the key). A
/// description without a key check (written before it existed) cannot
/// have been changed by this version: it is taken as fitting.
pub fn still_fits(text: &str, key: &[u8; 32]) -> bool {
    read_meta(text).is_ok_and(|meta| meta.check.is_none() || key_fits(&meta, &DataKey(*key)))
}

/// Whether a vault description should be written anew at its next unlock
/// (same passcode, same key): written before the key check, or at a cost
/// below today's.
pub fn needs_rewrap(meta: &VaultMeta) -> bool {
    meta.schema < META_SCHEMA || meta.check.is_none() || meta.kdf.is_weaker_than_current()
}
