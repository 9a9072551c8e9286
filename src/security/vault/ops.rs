//! The passcode's operations on a device: creating a vault without losing
//! a record, changing the passcode (which re-keys), raising an older
//! vault's cost, and removing the passcode.

use super::*;
use crate::storage::keys::VAULT_KEY;
use crate::storage::{KeyValue, StoreError};
use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use std::collections::BTreeSet;

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
