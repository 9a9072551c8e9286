//! The passcode's settings: set one later, the idle time and "Lock now",
//! change it (which re-keys every record) and remove it. What each does is
//! the lock's (`crate::ui::lock`); the forms they share with the offer
//! before the first record are `crate::ui::lock::passcode`'s.

use crate::security::vault;
use crate::ui::common;
use crate::ui::common::state::AppState;
use crate::ui::common::words::tr;
use crate::ui::lock;
use crate::ui::lock::failure::Failure;
use crate::ui::lock::passcode::{NewPasscode, SetPasscodeForm, run_op};
use crate::ui::lock::{change_passcode, remove_passcode};
use crate::ui::settings::words;
use leptos::prelude::*;

/// The passcode's settings: set one (any time, also after "Not now");
/// with one set, the idle time, "Lock now", change it and remove it.
#[component]
pub fn LockSettings() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let done_set = RwSignal::new(false);
    // Change.
    let current = RwSignal::new(String::new());
    let first = RwSignal::new(String::new());
    let second = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<Failure>);
    let busy = RwSignal::new(false);
    let changed = RwSignal::new(false);
    // Remove.
    let remove_current = RwSignal::new(String::new());
    let remove_problem = RwSignal::new(None::<Failure>);
    let removed = RwSignal::new(false);
    let change = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (cur, a, b) = (
            current.get_untracked(),
            first.get_untracked(),
            second.get_untracked(),
        );
        if let Err(p) = vault::check_new_passcode(&a, &b) {
            problem.set(Some(Failure::Rule(p)));
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
            <legend>{tr(lang, |l| words::of(l).passcode_settings)}</legend>
            <Show when=move || !state.has_vault.get()>
                <p>{tr(lang, |l| words::of(l).passcode_none)}</p>
                <SetPasscodeForm id="set-passcode" after=Callback::new(move |()| done_set.set(true)) decline=false />
                <Show when=move || removed.get()>
                    <p class="status-line" role="status">{tr(lang, |l| words::of(l).passcode_removed)}</p>
                </Show>
            </Show>
            <Show when=move || state.has_vault.get()>
                <Show when=move || done_set.get()>
                    <p class="status-line" role="status">{tr(lang, |l| lock::words::of(l).passcode_set)}</p>
                </Show>
                <div class="inline">
                    <label for="idle-minutes">{tr(lang, |l| words::of(l).idle_minutes)}</label>
                    <select id="idle-minutes" prop:value=move || state.idle_minutes.get().to_string()
                        on:change=move |ev| {
                            if let Ok(m) = event_target_value(&ev).parse::<u32>() {
                                state.set_idle(m);
                            }
                        }>
                        {[1u32, 2, 5, 10, 15, 30].into_iter().map(|m| view! { <option value=m.to_string()>{m.to_string()}</option> }).collect_view()}
                    </select>
                    <button on:click=move |_| state.lock()>{tr(lang, |l| words::of(l).lock_now)}</button>
                </div>
                <details>
                    <summary>{tr(lang, |l| words::of(l).change_passcode)}</summary>
                    <form on:submit=change autocomplete="off">
                        <label for="current-passcode">{tr(lang, |l| words::of(l).current_passcode)}</label>
                        <input id="current-passcode" type="password" autocomplete="current-password" spellcheck="false"
                            prop:value=move || current.get() on:input=move |ev| current.set(event_target_value(&ev)) />
                        <NewPasscode id="changed-passcode" label=|l| words::of(l).new_passcode label_again=|l| words::of(l).new_passcode_again first=first second=second />
                        {move || problem.get().map(|p| view! { <p class="field-error" role="alert">{move || p.text(lang.get())}</p> })}
                        <button class="primary" type="submit" disabled=move || busy.get()>{tr(lang, |l| words::of(l).change_passcode)}</button>
                        <Show when=move || changed.get()>
                            <p class="status-line" role="status">{tr(lang, |l| words::of(l).passcode_changed)}</p>
                        </Show>
                    </form>
                </details>
                <details>
                    <summary>{tr(lang, |l| words::of(l).remove_passcode)}</summary>
                    <form on:submit=remove autocomplete="off">
                        <p>{tr(lang, |l| words::of(l).remove_passcode_help)}</p>
                        <label for="remove-passcode">{tr(lang, |l| words::of(l).current_passcode)}</label>
                        <input id="remove-passcode" type="password" autocomplete="current-password" spellcheck="false"
                            prop:value=move || remove_current.get() on:input=move |ev| remove_current.set(event_target_value(&ev)) />
                        {move || remove_problem.get().map(|p| view! { <p class="field-error" role="alert">{move || p.text(lang.get())}</p> })}
                        <button class="danger" type="submit" disabled=move || busy.get()>{tr(lang, |l| words::of(l).remove_passcode)}</button>
                    </form>
                </details>
                <Show when=move || busy.get()>
                    <p class="status-line" role="status">{tr(lang, |l| common::operations::of(l).working)}</p>
                </Show>
            </Show>
        </fieldset>
    }
}
