//! The small key-value store everything is kept in, behind a trait: the
//! browser's `localStorage` is one implementation (`ui::storage`), the
//! in-memory [`MemoryStore`] another (native tests, and the app's fallback
//! when the browser's storage is blocked); the vault's stores wrap either.
//! Every call can fail with a typed [`StoreError`]; none may panic.

use std::collections::HashMap;

pub mod keys;

/// Why a stored entry could not be read. The entry is left untouched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unreadable {
    /// Not JSON.
    NotJson(String),
    /// JSON, but not a record entry of this app (wrong shape or types).
    WrongShape(String),
    /// Written by a newer version of the app.
    NewerSchema(u64),
    /// The draft inside names another id than its key.
    IdMismatch,
    /// Sealed, but it does not open with this device's key (altered, or
    /// moved here from another key or device).
    CannotOpen,
    /// In the clear under a record key although a passcode protects this
    /// device's records: not written by this app as it should be (e.g. by a
    /// tab that had not yet seen the passcode), so it is not trusted.
    NotSealed,
}

/// A storage failure, as the browser reports it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// Storage cannot be used at all (blocked by settings or policy).
    Unavailable(String),
    /// Storage is full.
    Full(String),
    /// A passcode protects this device's records and this store holds no
    /// key: a record written now would be in the clear, so nothing is
    /// written (another tab set the passcode, or the app is locked).
    Locked,
    /// The browser's random source failed: nothing that needs fresh
    /// randomness (a nonce, a key, an id) is done, and nothing falls back.
    NoRandomness,
    /// The value is there but must not be read as what it claims to be
    /// (sealed with another key, or in the clear where only sealed values
    /// belong): reported like any unreadable entry, never written over.
    Unreadable(Unreadable),
}

impl std::fmt::Display for StoreError {
    /// The browser's own words for the failure.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Unavailable(m) | StoreError::Full(m) => f.write_str(m),
            StoreError::Locked => f.write_str("locked: a passcode protects these records"),
            StoreError::NoRandomness => f.write_str("the browser's random source failed"),
            StoreError::Unreadable(_) => f.write_str("an entry that cannot be read"),
        }
    }
}

/// A small key-value store (the browser's `localStorage`, or memory).
/// Every call can fail; none may panic.
pub trait KeyValue {
    /// The value of a key, if set.
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    /// Sets a key.
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError>;
    /// Removes a key.
    fn remove(&mut self, key: &str) -> Result<(), StoreError>;
    /// Every key.
    fn keys(&self) -> Result<Vec<String>, StoreError>;
}

/// An in-memory store: for native tests, and the app's fallback when the
/// browser's storage is blocked.
#[derive(Clone, Debug, Default)]
pub struct MemoryStore {
    map: HashMap<String, String>,
}

impl KeyValue for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.map.get(key).cloned())
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.map.insert(key.to_string(), value.to_string());
        Ok(())
    }
    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.map.remove(key);
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.map.keys().cloned().collect())
    }
}
