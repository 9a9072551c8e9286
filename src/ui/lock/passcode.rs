//! The passcode's forms: the offer before the first record (above the
//! records list), the form that sets one (the offer's and the settings'), and the two-field input
//! of a new passcode (which the backup's password uses too). What each does
//! is `lock`'s (`set_passcode`, `change_passcode`, `remove_passcode`).
//! Fetched with the list's tools.

use crate::app::list_problem::ListProblem;
use crate::security::vault;
use crate::ui::common;
use crate::ui::common::state::{AppState, Pending};
use crate::ui::common::words::tr;
use crate::ui::lock::failure::Failure;
use crate::ui::lock::set_passcode;
use crate::ui::lock::words;
use leptos::prelude::*;

/// Two password inputs for a new passcode (or a backup's password), with
/// the rule it must meet; the caller checks them with
/// `vault::check_new_passcode` before using them.
#[component]
pub fn NewPasscode(
    /// Id prefix of the inputs.
    id: &'static str,
    /// The first input's label.
    label: fn(crate::text::Lang) -> &'static str,
    /// The second input's label.
    label_again: fn(crate::text::Lang) -> &'static str,
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
            <label for=id>{tr(lang, label)}</label>
            <input id=id type="password" autocomplete="new-password" spellcheck="false" aria-describedby=rule.clone()
                prop:value=move || first.get() on:input=move |ev| first.set(event_target_value(&ev)) />
            <label for=again.clone()>{tr(lang, label_again)}</label>
            <input id=again type="password" autocomplete="new-password" spellcheck="false"
                prop:value=move || second.get() on:input=move |ev| second.set(event_target_value(&ev)) />
        </div>
        <p class="help" id=rule>{tr(lang, |l| words::of(l).passcode_rule)}</p>
    }
}

/// Runs a passcode operation: checks, shows "working", then the result.
pub fn run_op<F>(
    busy: RwSignal<bool>,
    problem: RwSignal<Option<Failure>>,
    done: RwSignal<bool>,
    op: impl FnOnce() -> F + 'static,
) where
    F: Future<Output = Result<(), Failure>> + 'static,
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
pub fn SetPasscodeForm(
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
    let problem = RwSignal::new(None::<Failure>);
    let busy = RwSignal::new(false);
    let done = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (a, b) = (first.get_untracked(), second.get_untracked());
        if let Err(p) = vault::check_new_passcode(&a, &b) {
            problem.set(Some(Failure::Rule(p)));
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
            <NewPasscode id=id label=|l| words::of(l).passcode label_again=|l| words::of(l).passcode_again first=first second=second />
            {move || problem.get().map(|p| view! { <p class="field-error" role="alert">{move || p.text(lang.get())}</p> })}
            <Show when=move || busy.get()>
                <p class="status-line" role="status">{tr(lang, |l| common::operations::of(l).working)}</p>
            </Show>
            <div class="actions">
                <button class="primary" type="submit" disabled=move || busy.get()>{tr(lang, |l| words::of(l).set_passcode)}</button>
                {decline.then(|| view! {
                    <button type="button" on:click=move |_| { state.decline_lock(); after.run(()); }>{tr(lang, |l| words::of(l).not_now)}</button>
                })}
            </div>
        </form>
    }
}

/// The offer, before the first record, to protect records with a
/// passcode; and, once one is set, how many records are still waiting to
/// be encrypted (storage ran out). A new record asked for first is
/// created once it is answered, what that meets kept in `problem` (the
/// records list's, which says it).
#[component]
pub fn LockOffer(problem: RwSignal<Option<ListProblem>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let done = RwSignal::new(false);
    let after = Callback::new(move |()| {
        done.set(state.has_vault.get_untracked());
        // What was asked for before the offer was answered goes on now.
        match state.offer_pending.get_untracked() {
            Some(Pending::Create) => crate::ui::record::door::create(
                state,
                crate::ui::record::door::Creation::New,
                problem,
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
                <p><strong>{tr(lang, |l| words::of(l).lock_offer)}</strong></p>
                <p>{tr(lang, |l| words::of(l).lock_offer_help)}</p>
                <Show when=move || state.offer_pending.with(Option::is_some)>
                    <p class="field-error" role="alert">{tr(lang, |l| words::of(l).lock_choose_first)}</p>
                </Show>
                <SetPasscodeForm id="new-passcode" after=after decline=true />
            </div>
        </Show>
        <Show when=move || done.get()>
            <p class="status-line" role="status">{tr(lang, |l| words::of(l).passcode_set)}</p>
        </Show>
        <Show when=move || state.unsealed_left.get() != 0>
            <p class="alert warning" role="alert" data-unsealed>
                {move || (words::of(lang.get()).unsealed_left)(state.unsealed_left.get() as usize)}
            </p>
        </Show>
    }
}
