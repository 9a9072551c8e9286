//! The passcode's forms: the offer before the first record, set later /
//! change / remove in the settings below the list, and the two-field input
//! of a new passcode (which the backup's password uses too). What each does
//! is `lock`'s (`set_passcode`, `change_passcode`, `remove_passcode`).
//! Fetched with the list's tools.

use crate::security::vault;
use crate::ui::common::state::{AppState, Pending};
use crate::ui::common::words::{tr, trs};
use crate::ui::lock::{change_passcode, remove_passcode, set_passcode};
use leptos::prelude::*;

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
        // What was asked for before the offer was answered goes on now.
        match state.offer_pending.get_untracked() {
            Some(Pending::Create) => crate::ui::lazy::run(
                state,
                crate::ui::lazy::ListAction::Create(crate::ui::lazy::Creation::New),
                RwSignal::new(Vec::new()),
            ),
            Some(Pending::Scan) => state.go(crate::ui::common::route::Screen::Scan),
            // The restore form goes on by itself once the offer is answered
            // (`backup::BackupRestore`); an import's file is chosen again.
            Some(Pending::Restore | Pending::Import) | None => {}
        }
        state.offer_pending.set(None);
    });
    // Something was asked for first: the offer takes the focus.
    Effect::new(move |_| {
        if state.offer_pending.with(Option::is_some) {
            crate::ui::platform::js::focus_after_frame("new-passcode");
        }
    });
    view! {
        <Show when=move || state.offer_open()>
            <div class="alert info lock-offer" data-lock-offer>
                <p><strong>{trs(lang, |s| s.lock_offer)}</strong></p>
                <p>{trs(lang, |s| s.lock_offer_help)}</p>
                <Show when=move || state.offer_pending.with(Option::is_some)>
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
