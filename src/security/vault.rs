//! The passcode vault for shared tablets: records encrypted at rest with
//! AES-256-GCM under a random data key, the data key wrapped by a key
//! derived from the passcode with Argon2id (RustCrypto crates; nothing
//! home-made). The passcode's whole life is here: the rules a passcode must
//! meet, creating a vault without ever losing a record, unlocking, changing
//! and removing the passcode, and the stored wait after wrong passcodes.
//!
//! Pure: randomness comes in through [`Random`] (the browser's
//! `crypto.getRandomValues`), and so does the passcode-derived key
//! ([`Kek`]): the browser derives it in a Web Worker (crate `ctit-kdf`),
//! native code and tests with [`derive`]. Everything here runs and tests
//! natively.
//!
//! Storage: the vault's description is one plain JSON entry ([`crate::storage::keys::VAULT_KEY`]).
//! Once it exists, every record and patient value is sealed under its own
//! storage key ([`VaultStore`]); a value in the clear there is reported as
//! unreadable (never trusted), except the records listed, sealed, in the
//! vault's own state as written before the passcode was set and not yet
//! sealed (storage ran out while sealing: sealing resumes on the next
//! unlock) or while the passcode is being removed.

use crate::storage::Unreadable;
use crate::storage::keys::{DELETED_PREFIX, PATIENT_KEY, RECORD_PREFIX, VAULT_KEY};
use crate::storage::{KeyValue, StoreError};
use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Key, Nonce};
use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The fewest characters a passcode may have.
pub const MIN_PASSCODE_CHARS: usize = 8;

/// The keys whose values are sealed when a vault is set: records, the
/// tombstones of deleted ones (a label, who and why), a patient's answers.
pub fn is_sealed_key(key: &str) -> bool {
    key.starts_with(RECORD_PREFIX) || key.starts_with(DELETED_PREFIX) || key == PATIENT_KEY
}

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

/// Why a passcode is refused when set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PasscodeProblem {
    /// Fewer than [`MIN_PASSCODE_CHARS`] characters.
    TooShort,
    /// One character or a short group repeated (`00000000`, `12121212`).
    Repeats,
    /// A run up or down the digits, letters or keyboard (`12345678`,
    /// `87654321`, `abcdefgh`, `qwertyui`).
    Sequence,
    /// The two entries differ.
    Mismatch,
}

/// Checks a new passcode (typed twice). Any characters count, Chinese
/// included; what is refused is what a guesser tries first.
pub fn check_new_passcode(passcode: &str, again: &str) -> Result<(), PasscodeProblem> {
    let chars: Vec<char> = passcode.chars().flat_map(char::to_lowercase).collect();
    if passcode.chars().count() < MIN_PASSCODE_CHARS {
        return Err(PasscodeProblem::TooShort);
    }
    let n = chars.len();
    if (1..=n / 2).any(|period| (period..n).all(|i| chars[i] == chars[i - period])) {
        return Err(PasscodeProblem::Repeats);
    }
    let step = |a: char, b: char| i64::from(u32::from(b)) - i64::from(u32::from(a));
    let digits_wrap = |a: char, b: char, d: i64| {
        a.is_ascii_digit() && b.is_ascii_digit() && (step(a, b) - d).rem_euclid(10) == 0
    };
    let run = |d: i64| {
        chars
            .windows(2)
            .all(|w| step(w[0], w[1]) == d || digits_wrap(w[0], w[1], d))
    };
    const ROWS: [&str; 4] = ["1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"];
    let text: String = chars.iter().collect();
    let reversed: String = chars.iter().rev().collect();
    let on_row = ROWS
        .iter()
        .any(|row| row.contains(text.as_str()) || row.contains(reversed.as_str()));
    if run(1) || run(-1) || on_row {
        return Err(PasscodeProblem::Sequence);
    }
    if passcode != again {
        return Err(PasscodeProblem::Mismatch);
    }
    Ok(())
}

/// The stored wait after wrong passcodes: how many in a row, and the
/// device time (milliseconds since 1970) before which no passcode is tried.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Throttle {
    /// Wrong passcodes in a row.
    pub failures: u32,
    /// No passcode is tried before this time.
    pub until_ms: f64,
}

impl Throttle {
    /// Reads the stored throttle (nothing stored, or unreadable: none).
    pub fn read(text: Option<&str>) -> Throttle {
        text.and_then(|t| serde_json::from_str(t).ok())
            .unwrap_or_default()
    }

    /// The stored text.
    pub fn text(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The wait after `failures` wrong passcodes in a row: none after the
    /// first two (a typo), then 5 s doubling to at most 5 minutes.
    pub fn wait_after(failures: u32) -> u32 {
        match failures {
            0..=2 => 0,
            f => (5u32 << (f - 3).min(6)).min(300),
        }
    }

    /// Seconds still to wait at `now_ms` (0: a passcode may be tried).
    /// Never more than the wait itself, so a clock set back cannot lock
    /// the tablet for longer.
    pub fn remaining(&self, now_ms: f64) -> u32 {
        let left = ((self.until_ms - now_ms) / 1000.0).ceil();
        if left.is_nan() || left <= 0.0 {
            return 0;
        }
        let cap = Self::wait_after(self.failures);
        // (Checked above: 0 < left; the cap bounds the conversion.)
        if left >= f64::from(cap) {
            cap
        } else {
            left as u32
        }
    }

    /// The throttle after one more wrong passcode at `now_ms`.
    pub fn failed(&self, now_ms: f64) -> Throttle {
        let failures = self.failures.saturating_add(1);
        Throttle {
            failures,
            until_ms: now_ms + f64::from(Self::wait_after(failures)) * 1000.0,
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
    fn previous_key(&self) -> Option<DataKey> {
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
pub struct DataKey([u8; 32]);

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

/// What the data key is bound to when wrapped (schema 2).
const WRAP_AAD: &[u8] = b"ctit/vault#data-key";
/// What the seal state is bound to.
const STATE_AAD: &[u8] = b"ctit/vault#state";
/// What the key check is bound to.
const CHECK_AAD: &[u8] = b"ctit/vault#key-check";
/// The description's format written now: 3 adds the key check.
const META_SCHEMA: u32 = 3;

/// Whether `key` is this vault's data key, by its key check. A vault
/// written before the check existed vouches for no key: a tab is then
/// unlocked only by its passcode.
pub fn key_fits(meta: &VaultMeta, key: &DataKey) -> bool {
    meta.check
        .as_ref()
        .is_some_and(|check| open_with(&key.0, check, CHECK_AAD).is_some())
}

/// AES-256-GCM of `plaintext` under `key` and `nonce`, bound to `aad`.
pub(crate) fn seal_with(key: &[u8; 32], nonce: [u8; 12], plaintext: &[u8], aad: &[u8]) -> Sealed {
    let cipher = Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(key));
    // Encryption with a 12-byte nonce and in-memory buffers cannot fail.
    let ct = cipher
        .encrypt(
            Nonce::from_slice(&nonce),
            Payload {
                msg: plaintext,
                aad,
            },
        )
        .unwrap_or_default();
    Sealed {
        n: B64.encode(nonce),
        c: B64.encode(ct),
    }
}

/// Opens what [`seal_with`] sealed (`None`: wrong key, other `aad`, or altered).
pub(crate) fn open_with(key: &[u8; 32], sealed: &Sealed, aad: &[u8]) -> Option<Vec<u8>> {
    let nonce = B64.decode(&sealed.n).ok()?;
    let ct = B64.decode(&sealed.c).ok()?;
    if nonce.len() != 12 {
        return None;
    }
    Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(key))
        .decrypt(
            Nonce::from_slice(&nonce),
            Payload {
                msg: ct.as_slice(),
                aad,
            },
        )
        .ok()
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
fn describe(
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
fn write_meta(kv: &mut dyn KeyValue, meta: &VaultMeta) -> Result<String, StoreError> {
    let text = serde_json::to_string(meta).map_err(|e| StoreError::Full(e.to_string()))?;
    kv.set(VAULT_KEY, &text)?;
    Ok(text)
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

/// Creates a vault on a device whose records are in the clear, without
/// ever losing one: the vault's description is written first, naming
/// (sealed) every entry still in the clear; only then are the entries
/// sealed, one by one, as long as there is space. If the description itself
/// cannot be written, nothing has changed and the error says why.
///
/// Returns the store to use from now on (unlocked) and how far sealing got.
pub fn create(
    base: Box<dyn KeyValue>,
    kdf: &KdfInput,
    kek: &Kek,
    mut rng: Box<dyn Random>,
) -> Result<(VaultStore, SealProgress), (Box<dyn KeyValue>, VaultError)> {
    let mut base = base;
    // (The browser runs this under a lock that every tab of the app takes
    // to create a vault, so this look and the write below are one step.)
    if has_vault(base.as_ref()) {
        return Err((base, VaultError::Exists));
    }
    let prepared = (|| {
        let key = DataKey(random_bytes(rng.as_mut())?);
        let mut state = SealState::default();
        for k in base.keys()? {
            if is_sealed_key(&k) {
                state.unsealed.insert(k);
            }
        }
        let meta = describe(kdf, kek, &key, &state, rng.as_mut())?;
        write_meta(base.as_mut(), &meta)?;
        Ok::<_, VaultError>((key, state))
    })();
    let (key, state) = match prepared {
        Ok(p) => p,
        Err(e) => return Err((base, e)),
    };
    let mut store = VaultStore::unlocked(base, key, state, rng);
    let progress = store.seal_pending();
    Ok((store, progress))
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
    inner: Box<dyn KeyValue>,
    key: DataKey,
    state: SealState,
    rng: Box<dyn Random>,
    /// The vault description's text last found to fit this store's key:
    /// every sealed write first looks at the stored description, and one
    /// that another tab rewrote for another key (the passcode changed
    /// there) refuses the write as locked instead of sealing with a key
    /// the vault no longer knows.
    fits: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct Envelope {
    sealed: u32,
    n: String,
    c: String,
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
    fn vault_is_ours(&mut self) -> Result<bool, StoreError> {
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
    fn resume_rekey(&mut self) -> SealProgress {
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
    fn save_state(&mut self) -> Result<(), VaultError> {
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

/// The seal state as stored: sealed with the data key, or nothing to do.
fn seal_state(
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

fn envelope(key: &DataKey, nonce: [u8; 12], storage_key: &str, value: &str) -> String {
    let sealed = seal_with(&key.0, nonce, value.as_bytes(), storage_key.as_bytes());
    serde_json::to_string(&Envelope {
        sealed: 2,
        n: sealed.n,
        c: sealed.c,
    })
    .unwrap_or_default()
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

/// Changes the passcode and the data key with it: a new random data key,
/// wrapped by the new passcode's key (derived with `kdf`), and every
/// record sealed anew under it. An old copy of the vault (a backup of the
/// browser profile, files the browser left behind) with the old passcode
/// then opens nothing that is stored now or later.
///
/// The new description is written first, in one write, with the previous
/// key kept inside its sealed state (which only the new key opens) and
/// the list of entries still sealed with it; then the entries are sealed
/// anew one by one. Cut short (storage full, the battery), every entry
/// still opens, and the next unlock finishes the work
/// ([`VaultStore::seal_pending`]). A re-keying left unfinished by an
/// earlier change is finished first; if it cannot be, nothing changes.
/// Returns how far the re-sealing got. The store must be unlocked.
pub fn change_passcode(
    store: &mut VaultStore,
    kdf: &KdfInput,
    kek: &Kek,
) -> Result<SealProgress, VaultError> {
    if store.resume_rekey().left > 0 {
        return Err(VaultError::Store(StoreError::Full(
            "the previous passcode change is not finished".into(),
        )));
    }
    let new_key = DataKey(random_bytes(store.rng.as_mut())?);
    let mut left = BTreeSet::new();
    for k in store.inner.keys()? {
        if is_sealed_key(&k) && !store.state.unsealed.contains(&k) {
            left.insert(k);
        }
    }
    let mut state = store.state.clone();
    state.rekey = Some(Rekey {
        previous: B64.encode(store.key.0),
        left,
    });
    let meta = describe(kdf, kek, &new_key, &state, store.rng.as_mut())?;
    let text = write_meta(store.inner.as_mut(), &meta)?;
    store.key = new_key;
    store.state = state;
    store.fits = Some(text);
    Ok(store.resume_rekey())
}

/// A new description for the same data key: an older vault's, at today's
/// key-derivation cost (`kdf`) and with the key check, after it was opened
/// with its passcode (the passcode is the same, so its key is). No record
/// is rewritten. The store must be unlocked.
pub fn rewrap(store: &mut VaultStore, kdf: &KdfInput, kek: &Kek) -> Result<(), VaultError> {
    let meta = describe(kdf, kek, &store.key, &store.state, store.rng.as_mut())?;
    store.fits = Some(write_meta(store.inner.as_mut(), &meta)?);
    Ok(())
}

/// Whether a vault description should be written anew at its next unlock
/// (same passcode, same key): written before the key check, or at a cost
/// below today's.
pub fn needs_rewrap(meta: &VaultMeta) -> bool {
    meta.schema < META_SCHEMA || meta.check.is_none() || meta.kdf.is_weaker_than_current()
}

/// Removes the passcode: marks the vault as being removed (so values in the
/// clear are expected), writes every record back in the clear, and only
/// then deletes the vault. If storage fails part way, the vault stays,
/// marked, and the next unlock finishes the work; every record stays
/// readable throughout. Returns the plain store.
pub fn remove_passcode(
    mut store: VaultStore,
) -> Result<Box<dyn KeyValue>, (Box<VaultStore>, VaultError)> {
    if !store.state.removing {
        store.state.removing = true;
        if let Err(e) = store.save_state() {
            store.state.removing = false;
            return Err((Box::new(store), e));
        }
    }
    let result = (|| {
        let keys: Vec<String> = store
            .inner
            .keys()?
            .into_iter()
            .filter(|k| is_sealed_key(k))
            .collect();
        for k in keys {
            // A value that does not open stays as it is (reported, kept).
            let text = match store.get(&k) {
                Ok(Some(text)) => text,
                Ok(None) | Err(StoreError::Unreadable(_)) => continue,
                Err(e) => return Err(e.into()),
            };
            if store.inner.get(&k)?.as_deref() != Some(text.as_str()) {
                store.inner.set(&k, &text)?;
            }
        }
        store.inner.remove(VAULT_KEY)?;
        Ok::<_, VaultError>(())
    })();
    match result {
        Ok(()) => Ok(store.inner),
        Err(e) => Err((Box::new(store), e)),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::record::draft::Draft;
    use crate::record::stored::{load_all, save};
    use crate::storage::MemoryStore;

    /// A cheap cost for tests; the app uses [`KdfCost::CURRENT`].
    pub(crate) const TEST_COST: KdfCost = KdfCost {
        m_kib: 64,
        t: 1,
        p: 1,
    };

    /// A deterministic source for tests (never all zeros).
    pub(crate) struct Counter(pub(crate) u8);
    impl Random for Counter {
        fn fill(&mut self, buf: &mut [u8]) -> Result<(), NoRandomness> {
            for b in buf {
                self.0 = self.0.wrapping_add(1);
                *b = self.0.max(1);
            }
            Ok(())
        }
    }

    struct Broken;
    impl Random for Broken {
        fn fill(&mut self, _: &mut [u8]) -> Result<(), NoRandomness> {
            Err(NoRandomness)
        }
    }

    /// A cheap key derivation of `pass` with `salt`, as tests need it.
    pub(crate) fn kdf_with(pass: &str, salt: [u8; 16]) -> (KdfInput, Kek) {
        let input = KdfInput {
            salt,
            cost: TEST_COST,
        };
        let kek = derive(pass, &input.salt, TEST_COST).unwrap();
        (input, kek)
    }

    fn kdf(pass: &str) -> (KdfInput, Kek) {
        kdf_with(pass, [7; 16])
    }

    fn vault(inner: MemoryStore) -> VaultStore {
        let (input, kek) = kdf("2468 tablet");
        create(Box::new(inner), &input, &kek, Box::new(Counter(0)))
            .map_err(|(_, e)| e)
            .unwrap()
            .0
    }

    fn labelled(id: &str, label: &str) -> Draft {
        let mut d = crate::record::draft::tests::created(Draft::new(
            id,
            "2026-11-25",
            "2026-11-25T09:00:00Z",
        ));
        d.label = label.into();
        d
    }

    fn raw(store: &VaultStore, key: &str) -> String {
        store.inner.get(key).unwrap().unwrap_or_default()
    }

    #[test]
    fn the_right_passcode_opens_the_vault_and_a_wrong_one_does_not() {
        let store = vault(MemoryStore::default());
        let meta = read_meta(&raw(&store, VAULT_KEY)).unwrap();
        let (salt, cost) = kdf_input(&meta).unwrap();
        let right = derive("2468 tablet", &salt, cost).unwrap();
        assert_eq!(open(&meta, &right).unwrap().0, store.data_key().clone());
        let wrong = derive("2468 Tablet", &salt, cost).unwrap();
        assert_eq!(open(&meta, &wrong).unwrap_err(), VaultError::WrongPasscode);
    }

    #[test]
    fn records_are_stored_sealed_and_read_back_through_the_drafts_code() {
        let mut store = vault(MemoryStore::default());
        save(&mut store, &labelled("r1", "ZQXJV-7731"), 0).unwrap();
        let text = raw(&store, "ctit/record/r1");
        assert!(!text.contains("ZQXJV"), "{text}");
        assert!(text.contains("\"sealed\":2"));
        let cat = load_all(&mut store).unwrap();
        assert_eq!(cat.drafts[0].draft.label, "ZQXJV-7731");
    }

    #[test]
    fn bad_ciphertext_is_reported_and_kept() {
        let mut store = vault(MemoryStore::default());
        let bad = "{\"sealed\":2,\"n\":\"AAAAAAAAAAAAAAAA\",\"c\":\"AAAA\"}";
        store.inner.set("ctit/record/x", bad).unwrap();
        let cat = load_all(&mut store).unwrap();
        assert_eq!(cat.broken[0].why, Unreadable::CannotOpen);
        assert!(
            save(
                &mut store,
                &crate::record::draft::tests::created(Draft::new("x", "", "")),
                0
            )
            .is_err()
        );
        assert_eq!(raw(&store, "ctit/record/x"), bad);
    }

    #[test]
    fn a_sealed_value_moved_to_another_key_does_not_open() {
        let mut store = vault(MemoryStore::default());
        save(&mut store, &labelled("a", "A-LABEL"), 0).unwrap();
        let moved = raw(&store, "ctit/record/a");
        store.inner.set("ctit/record/b", &moved).unwrap();
        let cat = load_all(&mut store).unwrap();
        assert_eq!(cat.drafts.len(), 1);
        assert_eq!(cat.broken[0].key, "ctit/record/b");
        assert_eq!(cat.broken[0].why, Unreadable::CannotOpen);
    }

    #[test]
    fn a_record_in_the_clear_after_the_vault_exists_is_not_trusted_nor_overwritten() {
        let mut store = vault(MemoryStore::default());
        let plain = serde_json::to_string(&serde_json::json!({
            "schema": 2, "protocol": "p", "rev": 1,
            "draft": {"id": "late", "label": "WRITTEN-IN-THE-CLEAR"}
        }))
        .unwrap();
        store.inner.set("ctit/record/late", &plain).unwrap();
        let cat = load_all(&mut store).unwrap();
        assert!(cat.drafts.is_empty());
        assert_eq!(cat.broken[0].why, Unreadable::NotSealed);
        assert!(save(&mut store, &labelled("late", "x"), 1).is_err());
        assert_eq!(raw(&store, "ctit/record/late"), plain);
    }

    #[test]
    fn a_store_without_the_key_never_writes_a_record_once_a_vault_exists() {
        let sealed = vault(MemoryStore::default());
        // Another tab, opened before the passcode was set: same storage,
        // no key.
        let mut stale = GuardedStore::new(sealed.into_inner());
        let r = save(&mut stale, &labelled("new", "STALE-TAB"), 0);
        assert!(
            matches!(
                r,
                Err(crate::record::stored::SaveError::Store(StoreError::Locked))
            ),
            "{r:?}"
        );
        assert_eq!(stale.get("ctit/record/new").unwrap(), None);
        // What it reads of sealed records is reported, never shown as data.
        let mut with_one = vault(MemoryStore::default());
        save(&mut with_one, &labelled("r1", "SEALED"), 0).unwrap();
        let mut locked = GuardedStore::new(with_one.into_inner());
        let cat = load_all(&mut locked).unwrap();
        assert!(cat.drafts.is_empty());
        assert_eq!(cat.broken.len(), 1);
        // Settings are not records: they are written as before.
        stale.set("ctit/settings/lang", "zh").unwrap();
    }

    #[test]
    fn setting_a_passcode_seals_existing_records_and_lists_nothing_left() {
        let mut inner = MemoryStore::default();
        save(&mut inner, &labelled("r1", "PLAIN-LABEL"), 0).unwrap();
        let (input, kek) = kdf("2468 tablet");
        let (mut store, progress) = create(Box::new(inner), &input, &kek, Box::new(Counter(0)))
            .unwrap_or_else(|_| panic!());
        assert_eq!(progress, SealProgress { sealed: 1, left: 0 });
        assert!(!raw(&store, "ctit/record/r1").contains("PLAIN-LABEL"));
        assert_eq!(
            load_all(&mut store).unwrap().drafts[0].draft.label,
            "PLAIN-LABEL"
        );
        assert_eq!(read_meta(&raw(&store, VAULT_KEY)).unwrap().state, None);
    }

    /// A store with a quota in characters, like the browser's.
    #[derive(Default)]
    struct Quota {
        inner: MemoryStore,
        limit: usize,
    }
    impl Quota {
        fn used(&self) -> usize {
            self.inner
                .keys()
                .unwrap()
                .iter()
                .map(|k| k.len() + self.inner.get(k).unwrap().unwrap().len())
                .sum()
        }
    }
    impl KeyValue for Quota {
        fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
            self.inner.get(key)
        }
        fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
            let old = self.inner.get(key)?.map_or(0, |v| key.len() + v.len());
            if self.used() - old + key.len() + value.len() > self.limit {
                return Err(StoreError::Full("quota".into()));
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

    #[test]
    fn setting_a_passcode_on_a_nearly_full_store_loses_no_record_and_resumes_at_the_next_unlock() {
        let mut quota = Quota {
            limit: usize::MAX,
            ..Quota::default()
        };
        for i in 0..40 {
            save(
                &mut quota,
                &labelled(&format!("r{i:02}"), &format!("LABEL-{i:02}")),
                0,
            )
            .unwrap();
        }
        // Room for the vault's description and a few sealed records only.
        quota.limit = quota.used() * 24 / 20;
        let (input, kek) = kdf("2468 tablet");
        let (mut store, progress) = create(Box::new(quota), &input, &kek, Box::new(Counter(0)))
            .unwrap_or_else(|(_, e)| panic!("{e}"));
        assert!(progress.sealed > 0 && progress.left > 0, "{progress:?}");
        assert_eq!(progress.sealed + progress.left, 40);
        // Every record is still readable, sealed or not.
        let cat = load_all(&mut store).unwrap();
        assert_eq!(cat.drafts.len(), 40, "{:?}", cat.broken);
        assert!(cat.broken.is_empty());

        // "Reload": locked, then unlocked with the passcode; space was
        // freed meanwhile (old records exported and deleted).
        let mut plain = store.into_inner();
        for i in 0..20 {
            plain.remove(&format!("ctit/record/r{i:02}")).unwrap();
        }
        let meta = read_meta(&plain.get(VAULT_KEY).unwrap().unwrap()).unwrap();
        let (key, state) = open(&meta, &kek).unwrap();
        assert_eq!(state.unsealed.len(), progress.left);
        let mut store = VaultStore::unlocked(plain, key, state, Box::new(Counter(50)));
        let again = store.seal_pending();
        assert_eq!(again.left, 0, "{again:?}");
        let cat = load_all(&mut store).unwrap();
        assert_eq!(cat.drafts.len(), 20);
        for i in 20..40 {
            assert!(!raw(&store, &format!("ctit/record/r{i:02}")).contains("LABEL"));
        }
        assert_eq!(read_meta(&raw(&store, VAULT_KEY)).unwrap().state, None);
    }

    #[test]
    fn a_store_too_full_for_the_vault_description_is_left_as_it_was() {
        let mut quota = Quota {
            limit: usize::MAX,
            ..Quota::default()
        };
        save(&mut quota, &labelled("r1", "KEEP-ME"), 0).unwrap();
        quota.limit = quota.used() + 10;
        let (input, kek) = kdf("2468 tablet");
        let Err((base, e)) = create(Box::new(quota), &input, &kek, Box::new(Counter(0))) else {
            panic!("created");
        };
        assert!(matches!(e, VaultError::Store(StoreError::Full(_))), "{e:?}");
        assert_eq!(base.get(VAULT_KEY).unwrap(), None);
        assert!(
            base.get("ctit/record/r1")
                .unwrap()
                .unwrap()
                .contains("KEEP-ME")
        );
    }

    #[test]
    fn a_failed_random_source_refuses_and_changes_nothing() {
        let mut inner = MemoryStore::default();
        save(&mut inner, &labelled("r1", "KEEP-ME"), 0).unwrap();
        let (input, kek) = kdf("2468 tablet");
        let Err((base, e)) = create(Box::new(inner), &input, &kek, Box::new(Broken)) else {
            panic!("created without randomness");
        };
        assert_eq!(e, VaultError::NoRandomness);
        assert_eq!(base.get(VAULT_KEY).unwrap(), None);
        assert!(KdfInput::fresh(&mut Broken).is_err());
        assert!(random_id(&mut Broken).is_err());
        // An unlocked store refuses to seal with no nonce rather than reuse one.
        let store = vault(MemoryStore::default());
        let key = store.data_key().clone();
        let mut store = VaultStore::unlocked(
            store.into_inner(),
            key,
            SealState::default(),
            Box::new(Broken),
        );
        assert!(matches!(
            save(&mut store, &labelled("r2", "x"), 0),
            Err(crate::record::stored::SaveError::Store(
                StoreError::NoRandomness
            ))
        ));
    }

    #[test]
    fn a_source_that_gives_only_zeros_is_taken_as_broken() {
        struct Zeros;
        impl Random for Zeros {
            fn fill(&mut self, buf: &mut [u8]) -> Result<(), NoRandomness> {
                buf.fill(0);
                Ok(())
            }
        }
        assert_eq!(random_bytes::<12>(&mut Zeros), Err(NoRandomness));
    }

    #[test]
    fn record_ids_are_random_and_say_nothing_of_time() {
        let mut rng = Counter(0);
        let a = random_id(&mut rng).unwrap();
        let b = random_id(&mut rng).unwrap();
        assert_eq!(a.len(), 24);
        assert_ne!(a, b);
    }

    #[test]
    fn changing_the_passcode_keeps_every_record_and_only_the_new_one_opens() {
        let mut store = vault(MemoryStore::default());
        save(&mut store, &labelled("r1", "STAYS"), 0).unwrap();
        let (input, kek) = kdf("new passcode 9731");
        change_passcode(&mut store, &input, &kek).unwrap();
        let meta = read_meta(&raw(&store, VAULT_KEY)).unwrap();
        let old_kek = derive("2468 tablet", &[7; 16], TEST_COST).unwrap();
        assert!(open(&meta, &kek).is_ok());
        // Same salt in this test, so only the passcode differs.
        assert_eq!(
            open(&meta, &old_kek).unwrap_err(),
            VaultError::WrongPasscode
        );
        assert_eq!(load_all(&mut store).unwrap().drafts[0].draft.label, "STAYS");
    }

    #[test]
    fn changing_the_passcode_re_keys_so_an_old_copy_of_the_vault_and_the_old_passcode_open_nothing()
    {
        let mut store = vault_with_five_records();
        // A copy of the browser profile taken before the change: the old
        // vault description, which the old passcode opens.
        let old_meta = read_meta(&raw(&store, VAULT_KEY)).unwrap();
        let (_, old_kek) = kdf("2468 tablet");
        let (old_key, _) = open(&old_meta, &old_kek).unwrap();
        let (input, kek) = kdf("new passcode 9731");
        change_passcode(&mut store, &input, &kek).unwrap();
        assert_ne!(store.data_key(), &old_key, "a new data key");
        // Every record now opens with the new key only.
        let mut stolen = VaultStore::unlocked(
            Box::new(MemoryStore::default()),
            old_key,
            SealState::default(),
            Box::new(Counter(1)),
        );
        for i in 0..5 {
            let k = format!("ctit/record/r{i}");
            stolen.inner.set(&k, &raw(&store, &k)).unwrap();
        }
        let cat = load_all(&mut stolen).unwrap();
        assert!(cat.drafts.is_empty(), "the old key opened {:?}", cat.drafts);
        assert_eq!(cat.broken.len(), 5);
        // …and every record still reads with the new passcode.
        let meta = read_meta(&raw(&store, VAULT_KEY)).unwrap();
        assert_eq!(
            open(&meta, &kek).unwrap().1,
            SealState::default(),
            "nothing left to do"
        );
        assert_eq!(load_all(&mut store).unwrap().drafts.len(), 5);
    }

    #[test]
    fn a_re_keying_cut_short_leaves_every_record_readable_and_finishes_at_the_next_unlock() {
        let mut store = vault_with_five_records();
        let (input, kek) = kdf("new passcode 9731");
        // The new description and two re-sealed records are written, then
        // the battery dies: a store that lets three more writes through
        // stands in for it.
        let left = std::rc::Rc::new(std::cell::Cell::new(3));
        store.inner = Box::new(FailAfter {
            inner: store.inner,
            left: left.clone(),
        });
        let progress = change_passcode(&mut store, &input, &kek).unwrap();
        assert!(progress.left > 0, "{progress:?}");
        // Still every record readable in this tab (old or new key).
        assert_eq!(load_all(&mut store).unwrap().drafts.len(), 5);
        // Next unlock, with the new passcode, with room again.
        let plain = store.into_inner();
        let meta = read_meta(&plain.get(VAULT_KEY).unwrap().unwrap()).unwrap();
        let (key, state) = open(&meta, &kek).unwrap();
        assert!(state.rekey.is_some(), "the unfinished work is in the vault");
        left.set(usize::MAX);
        let mut store = VaultStore::unlocked(plain, key, state, Box::new(Counter(40)));
        store.seal_pending();
        let meta = read_meta(&raw(&store, VAULT_KEY)).unwrap();
        assert_eq!(open(&meta, &kek).unwrap().1, SealState::default());
        assert_eq!(load_all(&mut store).unwrap().drafts.len(), 5);
    }

    /// A store that lets `left` more writes through, then fails as full.
    struct FailAfter {
        inner: Box<dyn KeyValue>,
        left: std::rc::Rc<std::cell::Cell<usize>>,
    }
    impl KeyValue for FailAfter {
        fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
            self.inner.get(key)
        }
        fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
            if self.left.get() == 0 {
                return Err(StoreError::Full("quota".into()));
            }
            self.left.set(self.left.get() - 1);
            self.inner.set(key, value)
        }
        fn remove(&mut self, key: &str) -> Result<(), StoreError> {
            self.inner.remove(key)
        }
        fn keys(&self) -> Result<Vec<String>, StoreError> {
            self.inner.keys()
        }
    }

    #[test]
    fn only_the_vaults_own_key_is_taken_from_another_tab() {
        let store = vault(MemoryStore::default());
        let meta = read_meta(&raw(&store, VAULT_KEY)).unwrap();
        assert!(key_fits(&meta, store.data_key()));
        assert!(!key_fits(&meta, &DataKey::from_bytes([9; 32])));
        // A vault written before the key check cannot vouch for any key.
        let mut older = meta.clone();
        older.check = None;
        older.schema = 2;
        assert!(!key_fits(&older, store.data_key()));
    }

    #[test]
    fn a_second_vault_is_never_written_over_the_first() {
        // Two tabs set a passcode at the same moment: the second finds the
        // first's vault and changes nothing (records sealed under the first
        // key would otherwise be lost for good).
        let mut first = vault(MemoryStore::default());
        save(&mut first, &labelled("r1", "FIRST"), 0).unwrap();
        let before = raw(&first, VAULT_KEY);
        let (input, kek) = kdf("second passcode 1357");
        let Err((base, e)) = create(first.into_inner(), &input, &kek, Box::new(Counter(77))) else {
            panic!("a second vault was created");
        };
        assert_eq!(e, VaultError::Exists);
        assert_eq!(
            base.get(VAULT_KEY).unwrap().as_deref(),
            Some(before.as_str())
        );
    }

    #[test]
    fn a_key_derivation_cost_this_app_never_wrote_is_refused() {
        let store = vault(MemoryStore::default());
        let mut meta = read_meta(&raw(&store, VAULT_KEY)).unwrap();
        for cost in [
            KdfCost {
                m_kib: 4 * 1024 * 1024,
                t: 3,
                p: 1,
            },
            KdfCost {
                m_kib: 64 * 1024,
                t: 100_000,
                p: 1,
            },
            KdfCost {
                m_kib: 64 * 1024,
                t: 3,
                p: 16,
            },
        ] {
            meta.kdf = cost;
            assert_eq!(kdf_input(&meta), Err(VaultError::UnknownCost(cost)));
        }
        for cost in [
            KdfCost::CURRENT,
            KdfCost {
                m_kib: 19 * 1024,
                t: 2,
                p: 1,
            },
        ] {
            meta.kdf = cost;
            assert!(kdf_input(&meta).is_ok(), "{cost:?}");
        }
    }

    /// A vault holding records `r0`…`r4`, labelled `BACK-0`…`BACK-4`.
    fn vault_with_five_records() -> VaultStore {
        let mut store = vault(MemoryStore::default());
        for i in 0..5 {
            let d = labelled(&format!("r{i}"), &format!("BACK-{i}"));
            save(&mut store, &d, 0).unwrap();
        }
        store
    }

    #[test]
    fn removing_the_passcode_writes_every_record_back_in_the_clear_then_drops_the_vault() {
        let store = vault_with_five_records();
        let mut plain = remove_passcode(store).unwrap_or_else(|(_, e)| panic!("{e}"));
        assert_eq!(plain.get(VAULT_KEY).unwrap(), None);
        for i in 0..5 {
            assert!(
                plain
                    .get(&format!("ctit/record/r{i}"))
                    .unwrap()
                    .unwrap()
                    .contains("BACK-")
            );
        }
        assert_eq!(load_all(plain.as_mut()).unwrap().drafts.len(), 5);
    }

    #[test]
    fn a_removal_cut_short_leaves_every_record_readable_and_finishes_at_the_next_unlock() {
        let store = vault_with_five_records();
        let key = store.data_key().clone();
        // Marked as being removed, then two records written back, then the
        // battery died.
        let mut inner = store.into_inner();
        {
            let mut s = VaultStore::unlocked(
                std::mem::replace(&mut inner, Box::new(MemoryStore::default())),
                key.clone(),
                SealState::default(),
                Box::new(Counter(3)),
            );
            s.state.removing = true;
            s.save_state().unwrap();
            for i in 0..2 {
                let k = format!("ctit/record/r{i}");
                let text = s.get(&k).unwrap().unwrap();
                s.inner.set(&k, &text).unwrap();
            }
            inner = s.into_inner();
        }
        let meta = read_meta(&inner.get(VAULT_KEY).unwrap().unwrap()).unwrap();
        let (_, kek) = kdf("2468 tablet");
        let (key, state) = open(&meta, &kek).unwrap();
        assert!(state.removing);
        let mut store = VaultStore::unlocked(inner, key, state, Box::new(Counter(5)));
        let cat = load_all(&mut store).unwrap();
        assert_eq!(cat.drafts.len(), 5, "{:?}", cat.broken);
        let plain = remove_passcode(store).unwrap_or_else(|(_, e)| panic!("{e}"));
        assert_eq!(plain.get(VAULT_KEY).unwrap(), None);
    }

    #[test]
    fn a_vault_of_the_earlier_format_still_opens_and_its_values_read() {
        // Schema 1: the data key wrapped without associated data, values
        // sealed without their storage key (as the previous version wrote).
        let kek = derive("old passcode", &[3; 16], TEST_COST).unwrap();
        let data = [5u8; 32];
        let meta = VaultMeta {
            schema: 1,
            kdf: TEST_COST,
            salt: B64.encode([3u8; 16]),
            wrapped: seal_with(&kek.0, [1; 12], &data, b""),
            state: None,
            check: None,
        };
        let entry = "{\"schema\":2,\"protocol\":\"p\",\"rev\":1,\"draft\":{\"id\":\"o\",\"label\":\"OLD\"}}";
        let s = seal_with(&data, [2; 12], entry.as_bytes(), b"");
        let mut inner = MemoryStore::default();
        inner
            .set(VAULT_KEY, &serde_json::to_string(&meta).unwrap())
            .unwrap();
        inner
            .set(
                "ctit/record/o",
                &format!("{{\"sealed\":1,\"n\":\"{}\",\"c\":\"{}\"}}", s.n, s.c),
            )
            .unwrap();
        let (key, state) = open(&meta, &kek).unwrap();
        assert!(
            KdfCost {
                m_kib: 19 * 1024,
                t: 2,
                p: 1
            }
            .is_weaker_than_current()
        );
        let mut store = VaultStore::unlocked(Box::new(inner), key, state, Box::new(Counter(0)));
        assert_eq!(load_all(&mut store).unwrap().drafts[0].draft.label, "OLD");
    }

    #[test]
    fn passcodes_a_guesser_tries_first_are_refused() {
        use PasscodeProblem::*;
        for (p, why) in [
            ("1234567", TooShort),
            ("00000000", Repeats),
            ("12121212", Repeats),
            ("abcabcab", Repeats),
            ("12345678", Sequence),
            ("87654321", Sequence),
            ("34567890", Sequence),
            ("abcdefgh", Sequence),
            ("QWERTYUI", Sequence),
            ("lkjhgfds", Sequence),
        ] {
            assert_eq!(check_new_passcode(p, p), Err(why), "{p}");
        }
        assert_eq!(check_new_passcode("ward7-tablet", "ward7-tablet"), Ok(()));
        assert_eq!(
            check_new_passcode("血液科平板电脑密码", "血液科平板电脑密码"),
            Ok(())
        );
        assert_eq!(
            check_new_passcode("ward7-tablet", "ward7-tab1et"),
            Err(Mismatch)
        );
    }

    #[test]
    fn the_wait_after_wrong_passcodes_grows_and_survives_being_stored() {
        let mut t = Throttle::default();
        let now = 1_000_000.0;
        for _ in 0..2 {
            t = t.failed(now);
            assert_eq!(t.remaining(now), 0, "a typo costs nothing");
        }
        t = t.failed(now);
        assert_eq!(t.remaining(now), 5);
        let stored = Throttle::read(Some(&t.text()));
        assert_eq!(stored.remaining(now + 1000.0), 4);
        t = stored.failed(now);
        assert_eq!(t.remaining(now), 10);
        for _ in 0..20 {
            t = t.failed(now);
        }
        assert_eq!(t.remaining(now), 300, "at most five minutes");
        // A clock set back does not make the wait longer than it is.
        assert_eq!(t.remaining(now - 86_400_000.0), 300);
        assert_eq!(Throttle::read(Some("garbage")), Throttle::default());
    }
}
