//! The passcode lock for shared tablets: unlocking, setting, changing and
//! removing the passcode (the vault's operations, with the stored wait
//! after wrong passcodes), the lock screen (which shows nothing of any
//! record) and the forgotten-passcode wipe. The cryptography and the rules
//! are in `crate::security::vault`; the key derivation runs in a worker (`kdf`); the
//! forms that set, change or remove a passcode are `passcode`'s.
//!
//! Fetched with the lock screen or the list's tools; the tabs' common
//! clock and channel are in `watch`.

pub mod door;
pub mod failure;
pub mod passcode;
pub mod watch;
pub mod words;

use crate::security::vault::{self, DataKey, KdfInput, Throttle, VaultError, VaultStore};
use crate::storage::keys::{THROTTLE_KEY, VAULT_KEY};
use crate::ui::common;
use crate::ui::common::state::AppState;
use crate::ui::common::words::tr;
use crate::ui::lock::failure::{Doing, Failure};
use crate::ui::platform::kdf;
use crate::ui::platform::random::BrowserRandom;
use leptos::prelude::*;
use std::time::Duration;

/// Unlocks this tab with a data key another tab handed over, if a vault
/// exists and the key is its own (the vault's key check): any other 32
/// bytes are dropped, so a wrong key never seals a record.
pub fn adopt_key(state: AppState, bytes: [u8; 32]) {
    let key = DataKey::from_bytes(bytes);
    let Some(meta) = stored_meta() else { return };
    if !vault::key_fits(&meta, &key) {
        return;
    }
    let Ok(seal_state) = vault::state_with_key(&meta, &key) else {
        return;
    };
    let Ok(store) = unlocked_store(key, seal_state) else {
        return;
    };
    become_unlocked(state, store, How::HandedOver);
}

/// How a tab came to hold the data key.
#[derive(Clone, Copy, PartialEq, Eq)]
enum How {
    /// The passcode was typed in this tab (or set or changed here): the
    /// other tabs waiting on a coordinator's screen are told.
    ByPasscode,
    /// Another tab handed the key over.
    HandedOver,
}

/// The one Web Lock under which a tab creates, changes or removes the
/// vault, so two tabs never do it at the same moment.
const VAULT_LOCK: &str = "ctit-vault";

fn stored_meta() -> Option<vault::VaultMeta> {
    let text = crate::ui::platform::storage::with_store(|kv| kv.get(VAULT_KEY).ok().flatten())?;
    vault::read_meta(&text).ok()
}

/// Makes `store` this tab's (unlocked) store; tells the other tabs when
/// the passcode was typed here.
fn become_unlocked(state: AppState, store: VaultStore, how: How) {
    let key = store.data_key().bytes();
    state.unsealed_left.set(store.unsealed_left() as u32);
    crate::ui::platform::storage::install_unlocked(Box::new(store), key);
    state.has_vault.set(true);
    state.locked.set(false);
    state.reload();
    if how == How::ByPasscode {
        crate::ui::lock::watch::unlocked_here(state);
    }
}

/// The browser's own storage under the vault (not the guarded store).
fn browser_store() -> Result<Box<dyn crate::storage::KeyValue>, String> {
    crate::ui::platform::storage::BrowserStore::open()
        .map(|s| Box::new(s) as Box<dyn crate::storage::KeyValue>)
        .map_err(|e| e.to_string())
}

/// A store holding the data key over the browser's own storage.
fn unlocked_store(key: DataKey, seal_state: vault::SealState) -> Result<VaultStore, String> {
    Ok(VaultStore::unlocked(
        browser_store()?,
        key,
        seal_state,
        Box::new(BrowserRandom),
    ))
}

fn throttle() -> Throttle {
    Throttle::read(
        crate::ui::platform::storage::with_store(|kv| kv.get(THROTTLE_KEY).ok().flatten())
            .as_deref(),
    )
}

/// Opens the vault with `passcode`, for `doing`: its description, and a
/// store holding the data key with the vault's unfinished work. The stored
/// wait is enforced before the derivation runs and grows after a wrong
/// passcode.
async fn open_vault(
    passcode: &str,
    doing: Doing,
) -> Result<(vault::VaultMeta, VaultStore), Failure> {
    let wait = throttle().remaining(js_sys::Date::now());
    if wait > 0 {
        return Err(Failure::Wait(wait));
    }
    // No entry: removed in another tab; an entry that cannot be read (or
    // a store that fails) is said as it is, not as a passcode removed.
    let text = crate::ui::platform::storage::with_store(|kv| kv.get(VAULT_KEY))
        .map_err(|e| Failure::Failed(doing, e.to_string()))?
        .ok_or(Failure::NoPasscode)?;
    let meta = vault::read_meta(&text).map_err(|e| Failure::Failed(doing, e.to_string()))?;
    let (salt, cost) =
        vault::kdf_input(&meta).map_err(|e| Failure::Failed(doing, e.to_string()))?;
    crate::ui::platform::perf::mark("ctit-kdf");
    let kek = kdf::derive(passcode, &salt, cost)
        .await
        .map_err(Failure::Kdf)?;
    crate::ui::platform::perf::measure("ctit-kdf", "ctit-kdf");
    match vault::open(&meta, &kek) {
        Ok((key, seal_state)) => {
            let _ = crate::ui::platform::storage::with_store(|kv| kv.remove(THROTTLE_KEY));
            let store = unlocked_store(key, seal_state).map_err(|e| Failure::Failed(doing, e))?;
            Ok((meta, store))
        }
        Err(VaultError::WrongPasscode) => {
            let t = throttle().failed(js_sys::Date::now());
            let _ = crate::ui::platform::storage::with_store(|kv| kv.set(THROTTLE_KEY, &t.text()));
            Err(Failure::Wrong(t.remaining(js_sys::Date::now())))
        }
        Err(e) => Err(Failure::Failed(doing, e.to_string())),
    }
}

/// A new passcode's key: a fresh salt and its derivation.
async fn new_kek(passcode: &str) -> Result<(KdfInput, vault::Kek), Failure> {
    let input = KdfInput::fresh(&mut BrowserRandom).map_err(|_| Failure::NoRandomness)?;
    let kek = kdf::derive(passcode, &input.salt, input.cost)
        .await
        .map_err(Failure::Kdf)?;
    Ok((input, kek))
}

/// Unlocks with `passcode`: seals what is still in the clear, raises an
/// older vault's key-derivation cost, and unlocks the other tabs.
async fn unlock(state: AppState, passcode: String) -> Result<(), Failure> {
    let (meta, mut store) = open_vault(&passcode, Doing::Unlocking).await?;
    store.seal_pending();
    if vault::needs_rewrap(&meta) {
        // Made by an earlier version: the same passcode and key, at
        // today's cost and with the key check.
        if let Ok((input, kek)) = new_kek(&passcode).await {
            let _ = vault::rewrap(&mut store, &input, &kek);
        }
    }
    become_unlocked(state, store, How::ByPasscode);
    Ok(())
}

/// Sets a passcode on a device without one: the vault is written first,
/// then records are sealed as space allows (see `vault::create`).
pub(super) async fn set_passcode(state: AppState, passcode: String) -> Result<(), Failure> {
    let (input, kek) = new_kek(&passcode).await?;
    let base = browser_store().map_err(|e| Failure::Failed(Doing::Setting, e))?;
    // Under the vault's lock: another tab setting a passcode at the same
    // moment either finished first (its vault is found, nothing is
    // written) or waits for this one.
    let created = crate::ui::platform::bridge::with_lock(VAULT_LOCK, move || {
        // Performance marks for the benchmark (writing the vault, sealing).
        crate::ui::platform::perf::mark("ctit-seal");
        let created = vault::create(base, &input, &kek, Box::new(BrowserRandom));
        crate::ui::platform::perf::measure("ctit-seal", "ctit-seal");
        created
    })
    .await;
    match created {
        Ok((store, _progress)) => {
            become_unlocked(state, store, How::ByPasscode);
            Ok(())
        }
        Err((_, VaultError::Exists)) => {
            // The other tab's passcode protects the records: this tab locks
            // and is handed the key, or asks for that passcode; the offer's
            // form is gone with the offer, so the shell says why.
            state
                .notice
                .set(Some(crate::ui::common::state::Notice::PasscodeSetElsewhere));
            state.recheck_vault();
            Err(Failure::SetElsewhere)
        }
        Err((_, VaultError::NoRandomness)) => Err(Failure::NoRandomness),
        Err((_, e)) => Err(Failure::Failed(Doing::Setting, e.to_string())),
    }
}

/// Changes the passcode, and the data key with it: every record is sealed
/// anew (resumed at the next unlock if cut short, see
/// `vault::change_passcode`). The other tabs find that their key no longer
/// opens the vault, lock, and are handed the new one.
pub(super) async fn change_passcode(
    state: AppState,
    current: String,
    new: String,
) -> Result<(), Failure> {
    let (_, mut store) = open_vault(&current, Doing::Changing).await?;
    let (input, kek) = new_kek(&new).await?;
    let store = crate::ui::platform::bridge::with_lock(VAULT_LOCK, move || {
        vault::change_passcode(&mut store, &input, &kek).map(|_progress| store)
    })
    .await
    .map_err(|e| Failure::Failed(Doing::Changing, e.to_string()))?;
    become_unlocked(state, store, How::ByPasscode);
    Ok(())
}

/// Removes the passcode after checking it: records are written back in the
/// clear, then the vault is deleted (see `vault::remove_passcode`).
pub(super) async fn remove_passcode(state: AppState, current: String) -> Result<(), Failure> {
    let (_, store) = open_vault(&current, Doing::Removing).await?;
    match vault::remove_passcode(store) {
        Ok(_) => {
            state.recheck_vault();
            Ok(())
        }
        Err((_, e)) => Err(Failure::Failed(Doing::Removing, e.to_string())),
    }
}

/// The notice this tab must give (`AppState::notice`), with "OK"; the
/// idle warning with "Stay unlocked", which counts as activity in every
/// tab (`watch::stay`), kept in view at the foot of the screen. The
/// warning is said politely: its live region is on the page before the
/// warning comes, so a screen reader announces it without interrupting.
#[component]
pub fn NoticeBar() -> impl IntoView {
    use crate::ui::common::state::Notice;
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let once = move || {
        (state.notice.get() == Some(Notice::PasscodeSetElsewhere)).then(|| {
            let sc = words::of(lang.get());
            view! {
                <div class="alert info no-print" role="status" data-notice>
                    <p>{sc.passcode_set_elsewhere}</p>
                    <button on:click=move |_| state.notice.set(None)>{sc.ok}</button>
                </div>
            }
        })
    };
    let idle = move || match state.notice.get() {
        Some(Notice::LockingSoon(seconds)) => {
            let sc = words::of(lang.get());
            Some(view! {
                <div class="alert warning locking-soon" data-notice data-locking-soon>
                    <p>{(sc.locking_soon)(seconds)}</p>
                    <button class="primary" on:click=move |_| watch::stay(state)>{sc.stay}</button>
                </div>
            })
        }
        _ => None,
    };
    view! {
        {once}
        <div class="no-print" role="status" aria-live="polite" data-idle-live>{idle}</div>
    }
}

/// The lock screen.
#[component]
pub fn LockScreen() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let sc = move || words::of(lang.get());
    let passcode = RwSignal::new(String::new());
    let error = RwSignal::new(None::<Failure>);
    let busy = RwSignal::new(false);
    let waiting = RwSignal::new(false);
    let forgot = RwSignal::new(false);
    let typed = RwSignal::new(String::new());
    // The stored wait after wrong passcodes holds across reloads.
    let hold = move |wait: u32| {
        if wait > 0 {
            waiting.set(true);
            set_timeout(
                move || waiting.set(false),
                Duration::from_secs(u64::from(wait)),
            );
        }
    };
    // The passcode is what the lock screen asks: its field has the focus.
    crate::ui::platform::js::focus_after_frame("unlock-passcode");
    let left = throttle().remaining(js_sys::Date::now());
    if left > 0 {
        error.set(Some(Failure::Wait(left)));
        hold(left);
    }
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if waiting.get_untracked() || busy.get_untracked() {
            return;
        }
        let typed_now = passcode.get_untracked();
        passcode.set(String::new());
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = unlock(state, typed_now).await;
            busy.set(false);
            match result {
                Ok(()) => error.set(None),
                Err(e) => {
                    if let Failure::Wrong(w) | Failure::Wait(w) = e {
                        hold(w);
                    }
                    error.set(Some(e));
                }
            }
        });
    };
    let word_ok = move || {
        let t = typed.get();
        let t = t.trim();
        t == sc().wipe_word || t.eq_ignore_ascii_case("WIPE")
    };
    view! {
        <section class="lock" aria-labelledby="lock-title" data-locked>
            <h2 id="lock-title">{tr(lang, |l| words::of(l).locked_title)}</h2>
            <p>{tr(lang, |l| words::of(l).locked_help)}</p>
            <form on:submit=submit autocomplete="off">
                <label for="unlock-passcode">{tr(lang, |l| words::of(l).passcode)}</label>
                <input id="unlock-passcode" type="password" autocomplete="off" spellcheck="false"
                    prop:value=move || passcode.get() on:input=move |ev| passcode.set(event_target_value(&ev)) />
                <button class="primary" type="submit" disabled=move || waiting.get() || busy.get()>{tr(lang, |l| words::of(l).unlock)}</button>
            </form>
            <Show when=move || busy.get()>
                <p class="status-line" role="status">{tr(lang, |l| words::of(l).unlocking)}</p>
            </Show>
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{move || e.text(lang.get())}</p> })}
            <p>
                <button class="link" on:click=move |_| forgot.set(true)>{tr(lang, |l| words::of(l).forgot_passcode)}</button>
            </p>
            <Show when=move || forgot.get()>
                <div class="alert error" role="alert">
                    <p>{tr(lang, |l| words::of(l).forgot_warning)}</p>
                    <label for="wipe-word">{move || (sc().type_wipe_word)(sc().wipe_word)}</label>
                    <input id="wipe-word" type="text" autocomplete="off" spellcheck="false"
                        prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev)) />
                    <button class="danger" disabled=move || !word_ok()
                        on:click=move |_| if word_ok() { state.forget_passcode() }>{tr(lang, |l| words::of(l).forgot_wipe)}</button>
                    <button on:click=move |_| { forgot.set(false); typed.set(String::new()); }>{tr(lang, |l| common::words::of(l).cancel)}</button>
                </div>
            </Show>
        </section>
    }
}
