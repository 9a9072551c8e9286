//! The screener's initials, asked before the first change of a session
//! (a record's edit or creation, a deletion, a restore) and shown with
//! "Change" in the heads of the records list and a record. The rule of
//! what initials are is `crate::record::history::initials`.

pub mod words;

use crate::record::history;
use crate::storage::keys::INITIALS_KEY;
use crate::ui::common::state::AppState;
use crate::ui::platform::storage::with_store;
use leptos::prelude::*;

/// Takes the initials typed, if they are initials: for this session and,
/// remembered, as the next session's suggestion.
fn take_initials(state: AppState, typed: &str) -> bool {
    match history::initials(typed) {
        Some(initials) => {
            let _ = with_store(|kv| kv.set(INITIALS_KEY, &initials));
            state.initials.set(initials);
            true
        }
        None => false,
    }
}

/// Asks the screener's initials. `on_done` runs once they are taken;
/// `on_cancel`, if given, offers to leave.
#[component]
pub fn InitialsForm(
    /// Before a new record is created (else before a change).
    starting: bool,
    /// Runs once the initials are taken.
    on_done: Callback<()>,
    /// Offers "Cancel" when given.
    #[prop(optional)]
    on_cancel: Option<Callback<()>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let h = move || words::of(lang.get());
    let remembered = with_store(|kv| kv.get(INITIALS_KEY).ok().flatten()).unwrap_or_default();
    let typed = RwSignal::new(remembered);
    let error = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if take_initials(state, &typed.get_untracked()) {
            error.set(false);
            on_done.run(());
        } else {
            error.set(true);
        }
    };
    view! {
        <form class="initials-form alert info no-print" on:submit=submit data-initials-form>
            <p id="initials-help">{move || if starting { h().initials_to_start } else { h().initials_help }}</p>
            <label for="initials">{move || h().initials_label}</label>
            <input
                id="initials"
                type="text"
                maxlength="8"
                autocomplete="off"
                autocapitalize="characters"
                spellcheck="false"
                aria-describedby="initials-help"
                aria-invalid=move || error.get().to_string()
                prop:value=move || typed.get()
                on:input=move |ev| typed.set(event_target_value(&ev))
            />
            <button type="submit" class="primary">{move || h().initials_use}</button>
            {on_cancel.map(|c| view! { <button type="button" on:click=move |_| c.run(())>{move || crate::ui::common::words::of(lang.get()).cancel}</button> })}
            {move || error.get().then(|| view! { <p class="field-error" role="alert">{h().initials_invalid}</p> })}
        </form>
    }
}

/// The screener's initials while given, with "Change" (which asks again
/// before the next change). Shown in the record's and the list's head.
#[component]
pub fn ScreenerChip() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let h = move || words::of(lang.get());
    view! {
        <Show when=move || !state.initials.with(String::is_empty)>
            <p class="screener" data-initials>
                {move || (h().screener)(&state.initials.get())}" "
                <button class="link" on:click=move |_| state.initials.set(String::new())>{move || h().change_initials}</button>
            </p>
        </Show>
    }
}
