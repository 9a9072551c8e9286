//! `localStorage` behind the `KeyValue` trait, with every failure turned into
//! a typed error (blocked storage throws on access; a full one on write),
//! and the one store this tab writes through now ([`with_store`]: guarded
//! while locked, the vault's while unlocked, memory when storage is blocked).
//! Each write is also journaled (`web/journal.js`), so typing survives a
//! browser killed before localStorage reached the disk.

use crate::security::vault::GuardedStore;
use crate::storage::{KeyValue, MemoryStore, StoreError};
use crate::ui::platform::bridge::{JsStorage, journal};
use std::cell::{Cell, RefCell};
use wasm_bindgen::{JsCast, JsValue};

/// The browser's `localStorage`.
pub struct BrowserStore {
    storage: web_sys::Storage,
    /// What this store last wrote, so reading it back (every save reads
    /// the entry it is about to replace) costs one string comparison in
    /// JS instead of copying the whole value into wasm memory.
    last: Option<LastWrite>,
}

/// One value this store wrote: its key, its text, and the very JS string
/// handed to `setItem`.
struct LastWrite {
    key: String,
    text: String,
    js: js_sys::JsString,
}

fn describe(e: &JsValue) -> String {
    e.dyn_ref::<web_sys::DomException>()
        .map(|d| format!("{}: {}", d.name(), d.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "the browser refused".to_string())
}

fn write_error(e: &JsValue) -> StoreError {
    let quota = e
        .dyn_ref::<web_sys::DomException>()
        .is_some_and(|d| d.name() == "QuotaExceededError" || d.code() == 22);
    if quota {
        StoreError::Full(describe(e))
    } else {
        StoreError::Unavailable(describe(e))
    }
}

impl BrowserStore {
    /// Opens `localStorage`, or says why it cannot be used. A probe write
    /// catches browsers that expose storage but refuse every write.
    ///
    /// The handle is gloo-storage's (`LocalStorage::raw`), taken only once
    /// the browser has said storage is there: `raw()` throws when it is
    /// blocked, and the app falls back to memory with a banner instead.
    /// Values are written as the app's own text through the handle, not
    /// through gloo's `set`, which would store each one as a JSON string.
    pub fn open() -> Result<BrowserStore, StoreError> {
        web_sys::window()
            .ok_or_else(|| StoreError::Unavailable("no window".into()))?
            .local_storage()
            .map_err(|e| StoreError::Unavailable(describe(&e)))?
            .ok_or_else(|| StoreError::Unavailable("no localStorage".into()))?;
        let storage = <gloo_storage::LocalStorage as gloo_storage::Storage>::raw();
        let probe = crate::storage::keys::PROBE_KEY;
        storage.set_item(probe, "1").map_err(|e| write_error(&e))?;
        storage
            .remove_item(probe)
            .map_err(|e| StoreError::Unavailable(describe(&e)))?;
        Ok(BrowserStore {
            storage,
            last: None,
        })
    }
}

impl KeyValue for BrowserStore {
    /// The stored value. Always read from storage (another tab may have
    /// written since); when it is still exactly what this store last wrote
    /// under `key` (JS `===` on the two strings), that text is returned
    /// without decoding the value again.
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        let value = self
            .storage
            .unchecked_ref::<JsStorage>()
            .get_item_js(key)
            .map_err(|e| StoreError::Unavailable(describe(&e)))?;
        if let Some(last) = &self.last
            && last.key == key
            && value.as_ref() == Some(&last.js)
        {
            return Ok(Some(last.text.clone()));
        }
        Ok(value.map(String::from))
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        let js = js_sys::JsString::from(value);
        // Forget the previous write first: if this one fails, nothing is
        // known about what the key holds.
        self.last = None;
        self.storage
            .unchecked_ref::<JsStorage>()
            .set_item_js(key, &js)
            .map_err(|e| write_error(&e))?;
        journal(key);
        self.last = Some(LastWrite {
            key: key.to_string(),
            text: value.to_string(),
            js,
        });
        Ok(())
    }
    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        if self.last.as_ref().is_some_and(|l| l.key == key) {
            self.last = None;
        }
        self.storage
            .remove_item(key)
            .map_err(|e| StoreError::Unavailable(describe(&e)))?;
        journal(key);
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let n = self
            .storage
            .length()
            .map_err(|e| StoreError::Unavailable(describe(&e)))?;
        let mut keys = Vec::with_capacity(n as usize);
        for i in 0..n {
            if let Some(k) = self
                .storage
                .key(i)
                .map_err(|e| StoreError::Unavailable(describe(&e)))?
            {
                keys.push(k);
            }
        }
        Ok(keys)
    }
}

thread_local! {
    /// The one store of this tab. The browser is single-threaded; a
    /// thread-local keeps the `!Send` `web_sys::Storage` out of signals.
    /// Locked (or no passcode): a [`GuardedStore`], which never writes a
    /// record once a vault exists; unlocked: a `vault::VaultStore`, built
    /// only by the lock's own module (so the cryptography stays out of the
    /// first download).
    static STORE: RefCell<Box<dyn KeyValue>> = RefCell::new(Box::new(GuardedStore::new(Box::new(MemoryStore::default()))));
    /// The data key's bytes while unlocked, to hand to another tab of this
    /// app that asks (in memory only, never stored).
    static HELD_KEY: Cell<Option<[u8; 32]>> = const { Cell::new(None) };
}

/// Runs `f` with the store.
pub fn with_store<R>(f: impl FnOnce(&mut dyn KeyValue) -> R) -> R {
    STORE.with(|s| f(s.borrow_mut().as_mut()))
}

/// The plain store of this tab: the browser's storage (guarded), or memory
/// when storage is blocked.
pub fn plain_store() -> Box<dyn KeyValue> {
    match BrowserStore::open() {
        Ok(s) => Box::new(GuardedStore::new(Box::new(s))),
        Err(_) => Box::new(GuardedStore::new(Box::new(MemoryStore::default()))),
    }
}

/// Makes the browser's storage (guarded) this tab's store: at start.
pub fn use_browser(store: BrowserStore) {
    STORE.with(|s| *s.borrow_mut() = Box::new(GuardedStore::new(Box::new(store))));
}

/// Drops the data key: this tab's store is the plain one again.
pub fn forget_key() {
    STORE.with(|s| *s.borrow_mut() = plain_store());
    HELD_KEY.with(|k| k.set(None));
}

/// Makes `store` this tab's store and remembers the data key (unlocked).
pub fn install_unlocked(store: Box<dyn KeyValue>, key: [u8; 32]) {
    STORE.with(|s| *s.borrow_mut() = store);
    HELD_KEY.with(|k| k.set(Some(key)));
}

/// The data key this tab holds (`None` when locked), for another tab.
pub fn held_key() -> Option<[u8; 32]> {
    HELD_KEY.with(Cell::get)
}
