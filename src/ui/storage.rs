//! `localStorage` behind the `KeyValue` trait, with every failure turned into
//! a typed error (blocked storage throws on access; a full one on write).

use crate::drafts::{KeyValue, StoreError};
use wasm_bindgen::{JsCast, JsValue};

/// The browser's `localStorage`.
pub struct BrowserStore {
    storage: web_sys::Storage,
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
    pub fn open() -> Result<BrowserStore, StoreError> {
        let window =
            web_sys::window().ok_or_else(|| StoreError::Unavailable("no window".into()))?;
        let storage = window
            .local_storage()
            .map_err(|e| StoreError::Unavailable(describe(&e)))?
            .ok_or_else(|| StoreError::Unavailable("no localStorage".into()))?;
        let probe = "ctit/probe";
        storage.set_item(probe, "1").map_err(|e| write_error(&e))?;
        storage
            .remove_item(probe)
            .map_err(|e| StoreError::Unavailable(describe(&e)))?;
        Ok(BrowserStore { storage })
    }
}

impl KeyValue for BrowserStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.storage
            .get_item(key)
            .map_err(|e| StoreError::Unavailable(describe(&e)))
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.storage
            .set_item(key, value)
            .map_err(|e| write_error(&e))
    }
    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.storage
            .remove_item(key)
            .map_err(|e| StoreError::Unavailable(describe(&e)))
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
