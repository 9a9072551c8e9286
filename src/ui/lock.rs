//! The passcode lock for shared tablets: the offer at first use, the lock
//! screen (which shows nothing of any record), auto-lock after idle time, and
//! the forgotten-passcode wipe. The cryptography is in `crate::vault`.

use super::state::{AppState, tr, trs};
use leptos::prelude::*;
use std::time::Duration;

const MIN_PASSCODE: usize = 6;

/// Watches for activity and locks the app after the idle time. Uses the
/// page's clock and timers, so tests can drive it with a controlled clock.
pub fn start_idle_lock(state: AppState) {
    let last = StoredValue::new(js_sys::Date::now());
    let touch = move || last.set_value(js_sys::Date::now());
    let h1 = window_event_listener(leptos::ev::keydown, move |_| touch());
    let h2 = window_event_listener(leptos::ev::pointerdown, move |_| touch());
    let h3 = window_event_listener(leptos::ev::input, move |_| touch());
    let tick = set_interval_with_handle(
        move || {
            if state.has_vault.get_untracked() && !state.locked.get_untracked() {
                let idle_ms = f64::from(state.idle_minutes.get_untracked()) * 60_000.0;
                if js_sys::Date::now() - last.get_value() >= idle_ms {
                    state.lock();
                }
            }
        },
        Duration::from_secs(5),
    )
    .ok();
    on_cleanup(move || {
        h1.remove();
        h2.remove();
        h3.remove();
        if let Some(t) = tick {
            t.clear();
        }
    });
}

/// The lock screen.
#[component]
pub fn LockScreen() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let sc = move || lang.get().screens();
    let passcode = RwSignal::new(String::new());
    let error = RwSignal::new(None::<u32>);
    let waiting = RwSignal::new(false);
    let forgot = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if waiting.get_untracked() {
            return;
        }
        match state.unlock(&passcode.get_untracked()) {
            Ok(()) => passcode.set(String::new()),
            Err(wait) => {
                passcode.set(String::new());
                error.set(Some(wait));
                waiting.set(true);
                set_timeout(
                    move || waiting.set(false),
                    Duration::from_secs(u64::from(wait)),
                );
            }
        }
    };
    view! {
        <section class="lock" aria-labelledby="lock-title" data-locked>
            <h2 id="lock-title">{trs(lang, |s| s.locked_title)}</h2>
            <p>{trs(lang, |s| s.locked_help)}</p>
            <form on:submit=submit autocomplete="off">
                <label for="unlock-passcode">{trs(lang, |s| s.passcode)}</label>
                <input id="unlock-passcode" type="password" autocomplete="off" spellcheck="false"
                    prop:value=move || passcode.get() on:input=move |ev| passcode.set(event_target_value(&ev)) />
                <button class="primary" type="submit" disabled=move || waiting.get()>{trs(lang, |s| s.unlock)}</button>
            </form>
            {move || error.get().map(|w| view! { <p class="field-error" role="alert">{(sc().wrong_passcode)(w)}</p> })}
            <p>
                <button class="link" on:click=move |_| forgot.set(true)>{trs(lang, |s| s.forgot_passcode)}</button>
            </p>
            <Show when=move || forgot.get()>
                <div class="alert error" role="alert">
                    <p>{trs(lang, |s| s.forgot_warning)}</p>
                    <button class="danger" on:click=move |_| state.forget_passcode()>{trs(lang, |s| s.forgot_wipe)}</button>
                    <button on:click=move |_| forgot.set(false)>{tr(lang, |u| u.cancel)}</button>
                </div>
            </Show>
        </section>
    }
}

/// The offer, at first use, to protect records with a passcode.
#[component]
pub fn LockOffer() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let sc = move || lang.get().screens();
    let first = RwSignal::new(String::new());
    let second = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let done = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (a, b) = (first.get_untracked(), second.get_untracked());
        if a != b || a.chars().count() < MIN_PASSCODE {
            problem.set(Some(sc().passcode_mismatch.to_string()));
            return;
        }
        match state.set_passcode(&a) {
            Ok(()) => {
                first.set(String::new());
                second.set(String::new());
                problem.set(None);
                done.set(true);
            }
            Err(e) => problem.set(Some(e)),
        }
    };
    view! {
        <Show when=move || !state.has_vault.get() && !state.lock_declined.get()>
            <form class="alert info lock-offer" on:submit=submit autocomplete="off" data-lock-offer>
                <p><strong>{trs(lang, |s| s.lock_offer)}</strong></p>
                <p>{trs(lang, |s| s.lock_offer_help)}</p>
                <div class="inline">
                    <label for="new-passcode">{trs(lang, |s| s.passcode)}</label>
                    <input id="new-passcode" type="password" autocomplete="off" spellcheck="false" aria-describedby="passcode-rule"
                        prop:value=move || first.get() on:input=move |ev| first.set(event_target_value(&ev)) />
                    <label for="new-passcode-again">{trs(lang, |s| s.passcode_again)}</label>
                    <input id="new-passcode-again" type="password" autocomplete="off" spellcheck="false"
                        prop:value=move || second.get() on:input=move |ev| second.set(event_target_value(&ev)) />
                </div>
                <p class="help" id="passcode-rule">{trs(lang, |s| s.passcode_rule)}</p>
                {move || problem.get().map(|p| view! { <p class="field-error" role="alert">{p}</p> })}
                <div class="actions">
                    <button class="primary" type="submit">{trs(lang, |s| s.set_passcode)}</button>
                    <button type="button" on:click=move |_| state.decline_lock()>{trs(lang, |s| s.not_now)}</button>
                </div>
            </form>
        </Show>
        <Show when=move || done.get()>
            <p class="status-line" role="status">{trs(lang, |s| s.passcode_set)}</p>
        </Show>
    }
}

/// Idle time choice and "lock now", shown once a passcode is set.
#[component]
pub fn LockSettings() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    view! {
        <Show when=move || state.has_vault.get()>
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
        </Show>
    }
}
