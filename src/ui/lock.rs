//! The passcode lock for shared tablets: the offer before the first record,
//! the lock screen (which shows nothing of any record), the passcode's
//! settings (set later, change, remove), auto-lock after idle time in every
//! tab, and the forgotten-passcode wipe. The cryptography and the rules are
//! in `crate::vault`; the key derivation runs in a worker (`kdf`).
//!
//! Fetched with the lock screen or the list's tools; the tabs' common
//! clock and channel are in `watch`.

use super::kdf;
use super::random::BrowserRandom;
use super::state::AppState;
use super::words::{tr, trs};
use crate::keys::{THROTTLE_KEY, VAULT_KEY};
use crate::vault::{self, DataKey, KdfInput, Throttle, VaultError, VaultStore};
use leptos::prelude::*;
use std::time::Duration;

/// Unlocks this tab with a data key another tab handed over, if a vault
/// exists and the key opens its state.
pub fn adopt_key(state: AppState, bytes: [u8; 32]) {
    let key = DataKey::from_bytes(bytes);
    let Some(meta) = stored_meta() else { return };
    let Ok(seal_state) = vault::state_with_key(&meta, &key) else {
        return;
    };
    let Ok(store) = unlocked_store(key, seal_state) else {
        return;
    };
    become_unlocked(state, store, false);
}

fn stored_meta() -> Option<vault::VaultMeta> {
    let text = super::storage::with_store(|kv| kv.get(VAULT_KEY).ok().flatten())?;
    vault::read_meta(&text).ok()
}

/// Makes `store` this tab's (unlocked) store; tells the other tabs unless
/// they told this one.
fn become_unlocked(state: AppState, store: VaultStore, tell: bool) {
    let key = store.data_key().bytes();
    state.unsealed_left.set(store.unsealed_left() as u32);
    super::storage::install_unlocked(Box::new(store), key);
    state.has_vault.set(true);
    state.locked.set(false);
    state.reload();
    if tell {
        super::watch::hand_over_key();
    }
}

/// The browser's own storage under the vault (not the guarded store).
fn browser_store() -> Result<Box<dyn crate::store::KeyValue>, String> {
    super::storage::BrowserStore::open()
        .map(|s| Box::new(s) as Box<dyn crate::store::KeyValue>)
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

/// Why an unlock did not happen.
enum UnlockError {
    /// Wrong passcode; seconds before the next try.
    Wrong(u32),
    /// Still waiting after wrong passcodes; seconds left.
    Wait(u32),
    /// Something else, in words.
    Failed(String),
}

fn throttle() -> Throttle {
    Throttle::read(super::storage::with_store(|kv| kv.get(THROTTLE_KEY).ok().flatten()).as_deref())
}

/// Opens the vault with `passcode`: its description, and a store holding
/// the data key with the vault's unfinished work. The stored wait is
/// enforced before the derivation runs and grows after a wrong passcode.
async fn open_vault(
    state: AppState,
    passcode: &str,
) -> Result<(vault::VaultMeta, VaultStore), UnlockError> {
    let sc = state.lang.get_untracked().screens();
    let wait = throttle().remaining(js_sys::Date::now());
    if wait > 0 {
        return Err(UnlockError::Wait(wait));
    }
    let meta = stored_meta().ok_or_else(|| UnlockError::Failed("no vault".into()))?;
    let (salt, cost) = vault::kdf_input(&meta).map_err(|e| UnlockError::Failed(e.to_string()))?;
    super::perf::mark("ctit-kdf");
    let kek = kdf::derive(passcode, &salt, cost)
        .await
        .map_err(|e| UnlockError::Failed((sc.kdf_failed)(&e)))?;
    super::perf::measure("ctit-kdf", "ctit-kdf");
    match vault::open(&meta, &kek) {
        Ok((key, seal_state)) => {
            let _ = super::storage::with_store(|kv| kv.remove(THROTTLE_KEY));
            let store = unlocked_store(key, seal_state).map_err(UnlockError::Failed)?;
            Ok((meta, store))
        }
        Err(VaultError::WrongPasscode) => {
            let t = throttle().failed(js_sys::Date::now());
            let _ = super::storage::with_store(|kv| kv.set(THROTTLE_KEY, &t.text()));
            Err(UnlockError::Wrong(t.remaining(js_sys::Date::now())))
        }
        Err(e) => Err(UnlockError::Failed(e.to_string())),
    }
}

/// A new passcode's key: a fresh salt and its derivation.
async fn new_kek(state: AppState, passcode: &str) -> Result<(KdfInput, vault::Kek), String> {
    let sc = state.lang.get_untracked().screens();
    let input = KdfInput::fresh(&mut BrowserRandom).map_err(|_| sc.random_failed.to_string())?;
    let kek = kdf::derive(passcode, &input.salt, input.cost)
        .await
        .map_err(|e| (sc.kdf_failed)(&e))?;
    Ok((input, kek))
}

/// Unlocks with `passcode`: seals what is still in the clear, raises an
/// older vault's key-derivation cost, and unlocks the other tabs.
async fn unlock(state: AppState, passcode: String) -> Result<(), UnlockError> {
    let (meta, mut store) = open_vault(state, &passcode).await?;
    store.seal_pending();
    if meta.schema < 2 || meta.kdf.is_weaker_than_current() {
        // Made by an earlier version: the same passcode, at today's cost.
        if let Ok((input, kek)) = new_kek(state, &passcode).await {
            let _ = vault::change_passcode(&mut store, &input, &kek);
        }
    }
    become_unlocked(state, store, true);
    Ok(())
}

/// Sets a passcode on a device without one: the vault is written first,
/// then records are sealed as space allows (see `vault::create`).
async fn set_passcode(state: AppState, passcode: String) -> Result<(), String> {
    let ui = state.lang.get_untracked().ui();
    let (input, kek) = new_kek(state, &passcode).await?;
    let base = browser_store().map_err(|e| (ui.passcode_failed)(&e))?;
    // Performance marks for the benchmark (writing the vault, sealing).
    super::perf::mark("ctit-seal");
    let created = vault::create(base, &input, &kek, Box::new(BrowserRandom));
    super::perf::measure("ctit-seal", "ctit-seal");
    match created {
        Ok((store, _progress)) => {
            become_unlocked(state, store, true);
            Ok(())
        }
        Err((_, VaultError::NoRandomness)) => Err(state
            .lang
            .get_untracked()
            .screens()
            .random_failed
            .to_string()),
        Err((_, e)) => Err((ui.passcode_failed)(&e.to_string())),
    }
}

/// Changes the passcode: the data key is wrapped anew; no record is rewritten.
async fn change_passcode(state: AppState, current: String, new: String) -> Result<(), String> {
    let sc = state.lang.get_untracked().screens();
    let (_, mut store) = open_vault(state, &current)
        .await
        .map_err(|e| words(state, e))?;
    let (input, kek) = new_kek(state, &new).await?;
    vault::change_passcode(&mut store, &input, &kek)
        .map_err(|e| (sc.kdf_failed)(&e.to_string()))?;
    become_unlocked(state, store, false);
    Ok(())
}

/// Removes the passcode after checking it: records are written back in the
/// clear, then the vault is deleted (see `vault::remove_passcode`).
async fn remove_passcode(state: AppState, current: String) -> Result<(), String> {
    let (_, store) = open_vault(state, &current)
        .await
        .map_err(|e| words(state, e))?;
    match vault::remove_passcode(store) {
        Ok(_) => {
            state.recheck_vault();
            Ok(())
        }
        Err((_, e)) => Err(e.to_string()),
    }
}

fn words(state: AppState, e: UnlockError) -> String {
    let sc = state.lang.get_untracked().screens();
    match e {
        UnlockError::Wrong(w) => (sc.wrong_passcode)(w),
        UnlockError::Wait(w) => (sc.wait_before_try)(w),
        UnlockError::Failed(m) => m,
    }
}

/// The lock screen.
#[component]
pub fn LockScreen() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let sc = move || lang.get().screens();
    let passcode = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
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
    let left = throttle().remaining(js_sys::Date::now());
    if left > 0 {
        error.set(Some((lang.get_untracked().screens().wait_before_try)(left)));
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
                    if let UnlockError::Wrong(w) | UnlockError::Wait(w) = e {
                        hold(w);
                    }
                    error.set(Some(words(state, e)));
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
            <h2 id="lock-title">{trs(lang, |s| s.locked_title)}</h2>
            <p>{trs(lang, |s| s.locked_help)}</p>
            <form on:submit=submit autocomplete="off">
                <label for="unlock-passcode">{trs(lang, |s| s.passcode)}</label>
                <input id="unlock-passcode" type="password" autocomplete="off" spellcheck="false"
                    prop:value=move || passcode.get() on:input=move |ev| passcode.set(event_target_value(&ev)) />
                <button class="primary" type="submit" disabled=move || waiting.get() || busy.get()>{trs(lang, |s| s.unlock)}</button>
            </form>
            <Show when=move || busy.get()>
                <p class="status-line" role="status">{trs(lang, |s| s.unlocking)}</p>
            </Show>
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            <p>
                <button class="link" on:click=move |_| forgot.set(true)>{trs(lang, |s| s.forgot_passcode)}</button>
            </p>
            <Show when=move || forgot.get()>
                <div class="alert error" role="alert">
                    <p>{trs(lang, |s| s.forgot_warning)}</p>
                    <label for="wipe-word">{move || (sc().type_wipe_word)(sc().wipe_word)}</label>
                    <input id="wipe-word" type="text" autocomplete="off" spellcheck="false"
                        prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev)) />
                    <button class="danger" disabled=move || !word_ok()
                        on:click=move |_| if word_ok() { state.forget_passcode() }>{trs(lang, |s| s.forgot_wipe)}</button>
                    <button on:click=move |_| { forgot.set(false); typed.set(String::new()); }>{tr(lang, |u| u.cancel)}</button>
                </div>
            </Show>
        </section>
    }
}

/// Two password inputs for a new passcode (or a backup's password), with
/// the rule it must meet; the caller checks them with
/// `vault::check_new_passcode` before using them.
#[component]
pub fn NewPasscode(
    /// Id prefix of the inputs.
    id: &'static str,
    /// The first input's label.
    label: fn(&'static crate::text::ScreenText) -> &'static str,
    /// The second input's label.
    label_again: fn(&'static crate::text::ScreenText) -> &'static str,
    /// The first entry.
    first: RwSignal<String>,
    /// The second entry.
    second: RwSignal<String>,
) -> impl IntoView {
    let lang = expect_context::<AppState>().lang;
    let again = format!("{id}-again");
    let rule = format!("{id}-rule");
    view! {
        <div class="inline">
            <label for=id>{trs(lang, label)}</label>
            <input id=id type="password" autocomplete="new-password" spellcheck="false" aria-describedby=rule.clone()
                prop:value=move || first.get() on:input=move |ev| first.set(event_target_value(&ev)) />
            <label for=again.clone()>{trs(lang, label_again)}</label>
            <input id=again type="password" autocomplete="new-password" spellcheck="false"
                prop:value=move || second.get() on:input=move |ev| second.set(event_target_value(&ev)) />
        </div>
        <p class="help" id=rule>{trs(lang, |s| s.passcode_rule)}</p>
    }
}

/// Runs a passcode operation: checks, shows "working", then the result.
fn run_op<F>(
    busy: RwSignal<bool>,
    problem: RwSignal<Option<String>>,
    done: RwSignal<bool>,
    op: impl FnOnce() -> F + 'static,
) where
    F: Future<Output = Result<(), String>> + 'static,
{
    if busy.get_untracked() {
        return;
    }
    busy.set(true);
    problem.set(None);
    done.set(false);
    leptos::task::spawn_local(async move {
        let r = op().await;
        busy.set(false);
        match r {
            Ok(()) => done.set(true),
            Err(e) => problem.set(Some(e)),
        }
    });
}

/// The form that sets a passcode (the offer, and the settings).
#[component]
fn SetPasscodeForm(
    /// Id of the first input (the second adds `-again`).
    id: &'static str,
    /// After it is set (or declined with `decline`).
    after: Callback<()>,
    /// Shows "Not now" (the offer).
    decline: bool,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let first = RwSignal::new(String::new());
    let second = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let done = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (a, b) = (first.get_untracked(), second.get_untracked());
        if let Err(p) = vault::check_new_passcode(&a, &b) {
            problem.set(Some((lang.get_untracked().screens().passcode_problem)(p)));
            return;
        }
        run_op(busy, problem, done, move || async move {
            set_passcode(state, a).await?;
            first.set(String::new());
            second.set(String::new());
            after.run(());
            Ok(())
        });
    };
    view! {
        <form class="passcode-form" on:submit=submit autocomplete="off">
            <NewPasscode id=id label=|s| s.passcode label_again=|s| s.passcode_again first=first second=second />
            {move || problem.get().map(|p| view! { <p class="field-error" role="alert">{p}</p> })}
            <Show when=move || busy.get()>
                <p class="status-line" role="status">{trs(lang, |s| s.working)}</p>
            </Show>
            <div class="actions">
                <button class="primary" type="submit" disabled=move || busy.get()>{trs(lang, |s| s.set_passcode)}</button>
                {decline.then(|| view! {
                    <button type="button" on:click=move |_| { state.decline_lock(); after.run(()); }>{trs(lang, |s| s.not_now)}</button>
                })}
            </div>
        </form>
    }
}

/// The offer, before the first record, to protect records with a
/// passcode; and, once one is set, how many records are still waiting to
/// be encrypted (storage ran out).
#[component]
pub fn LockOffer() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let done = RwSignal::new(false);
    let after = Callback::new(move |()| {
        done.set(state.has_vault.get_untracked());
        // "New screening" was pressed before the offer was answered.
        if state.offer_pending.get_untracked() == 1
            && let Some(id) = super::random::new_id()
        {
            let draft = crate::drafts::Draft::new(
                &id,
                &super::clock::today().to_string(),
                &super::clock::now_iso(),
            );
            super::lazy::run(
                state,
                super::lazy::ListAction::Create(draft),
                RwSignal::new(Vec::new()),
            );
        }
        state.offer_pending.set(0);
    });
    // "New screening" or "Import" pressed first: the offer takes the focus.
    Effect::new(move |_| {
        if state.offer_pending.get() != 0 {
            super::js::focus_after_frame("new-passcode");
        }
    });
    view! {
        <Show when=move || state.offer_open()>
            <div class="alert info lock-offer" data-lock-offer>
                <p><strong>{trs(lang, |s| s.lock_offer)}</strong></p>
                <p>{trs(lang, |s| s.lock_offer_help)}</p>
                <Show when=move || state.offer_pending.get() != 0>
                    <p class="field-error" role="alert">{trs(lang, |s| s.lock_choose_first)}</p>
                </Show>
                <SetPasscodeForm id="new-passcode" after=after decline=true />
            </div>
        </Show>
        <Show when=move || done.get()>
            <p class="status-line" role="status">{trs(lang, |s| s.passcode_set)}</p>
        </Show>
        <Show when=move || state.unsealed_left.get() != 0>
            <p class="alert warning" role="alert" data-unsealed>
                {move || (lang.get().screens().unsealed_left)(state.unsealed_left.get() as usize)}
            </p>
        </Show>
    }
}

/// The passcode's settings below the records list: set one (any time, also
/// after "Not now"); with one set, the idle time, "Lock now", change it and
/// remove it.
#[component]
pub fn LockSettings() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let done_set = RwSignal::new(false);
    // Change.
    let current = RwSignal::new(String::new());
    let first = RwSignal::new(String::new());
    let second = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let changed = RwSignal::new(false);
    // Remove.
    let remove_current = RwSignal::new(String::new());
    let remove_problem = RwSignal::new(None::<String>);
    let removed = RwSignal::new(false);
    let change = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (cur, a, b) = (
            current.get_untracked(),
            first.get_untracked(),
            second.get_untracked(),
        );
        if let Err(p) = vault::check_new_passcode(&a, &b) {
            problem.set(Some((lang.get_untracked().screens().passcode_problem)(p)));
            return;
        }
        run_op(busy, problem, changed, move || async move {
            change_passcode(state, cur, a).await?;
            for s in [current, first, second] {
                s.set(String::new());
            }
            Ok(())
        });
    };
    let remove = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let cur = remove_current.get_untracked();
        run_op(busy, remove_problem, removed, move || async move {
            remove_passcode(state, cur).await?;
            remove_current.set(String::new());
            Ok(())
        });
    };
    view! {
        <fieldset class="passcode-settings" data-passcode-settings>
            <legend>{trs(lang, |s| s.passcode_settings)}</legend>
            <Show when=move || !state.has_vault.get()>
                <p>{trs(lang, |s| s.passcode_none)}</p>
                // (Until the offer above the list is answered, it is the form.)
                <Show when=move || state.lock_declined.get()>
                    <SetPasscodeForm id="set-passcode" after=Callback::new(move |()| done_set.set(true)) decline=false />
                </Show>
                <Show when=move || removed.get()>
                    <p class="status-line" role="status">{trs(lang, |s| s.passcode_removed)}</p>
                </Show>
            </Show>
            <Show when=move || state.has_vault.get()>
                <Show when=move || done_set.get()>
                    <p class="status-line" role="status">{trs(lang, |s| s.passcode_set)}</p>
                </Show>
                <div class="inline">
                    <label for="idle-minutes">{tr(lang, |u| u.idle_minutes)}</label>
                    <select id="idle-minutes" prop:value=move || state.idle_minutes.get().to_string()
                        on:change=move |ev| {
                            if let Ok(m) = event_target_value(&ev).parse::<u32>() {
                                state.set_idle(m);
                            }
                        }>
                        {[1u32, 2, 5, 10, 15, 30].into_iter().map(|m| view! { <option value=m.to_string()>{m.to_string()}</option> }).collect_view()}
                    </select>
                    <button on:click=move |_| state.lock()>{trs(lang, |s| s.lock_now)}</button>
                </div>
                <details>
                    <summary>{trs(lang, |s| s.change_passcode)}</summary>
                    <form on:submit=change autocomplete="off">
                        <label for="current-passcode">{trs(lang, |s| s.current_passcode)}</label>
                        <input id="current-passcode" type="password" autocomplete="current-password" spellcheck="false"
                            prop:value=move || current.get() on:input=move |ev| current.set(event_target_value(&ev)) />
                        <NewPasscode id="changed-passcode" label=|s| s.new_passcode label_again=|s| s.new_passcode_again first=first second=second />
                        {move || problem.get().map(|p| view! { <p class="field-error" role="alert">{p}</p> })}
                        <button class="primary" type="submit" disabled=move || busy.get()>{trs(lang, |s| s.change_passcode)}</button>
                        <Show when=move || changed.get()>
                            <p class="status-line" role="status">{trs(lang, |s| s.passcode_changed)}</p>
                        </Show>
                    </form>
                </details>
                <details>
                    <summary>{trs(lang, |s| s.remove_passcode)}</summary>
                    <form on:submit=remove autocomplete="off">
                        <p>{trs(lang, |s| s.remove_passcode_help)}</p>
                        <label for="remove-passcode">{trs(lang, |s| s.current_passcode)}</label>
                        <input id="remove-passcode" type="password" autocomplete="current-password" spellcheck="false"
                            prop:value=move || remove_current.get() on:input=move |ev| remove_current.set(event_target_value(&ev)) />
                        {move || remove_problem.get().map(|p| view! { <p class="field-error" role="alert">{p}</p> })}
                        <button class="danger" type="submit" disabled=move || busy.get()>{trs(lang, |s| s.remove_passcode)}</button>
                    </form>
                </details>
                <Show when=move || busy.get()>
                    <p class="status-line" role="status">{trs(lang, |s| s.working)}</p>
                </Show>
            </Show>
        </fieldset>
    }
}
