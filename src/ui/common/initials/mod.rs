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
///
/// The tablet is shared, but after the app idled or locked the person at
/// it is usually the one who was: the initials last used on this device
/// are offered as one tap ("Continue as LM"), beside "Someone else", which
/// asks for new ones. They are never taken without that tap.
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
    let remembered = with_store(|kv| kv.get(INITIALS_KEY).ok().flatten())
        .and_then(|t| history::initials(&t))
        .unwrap_or_default();
    // Typing new initials: at once when none were used on this device.
    let someone_else = RwSignal::new(remembered.is_empty());
    let typed = RwSignal::new(String::new());
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
    let offer = (!remembered.is_empty()).then(|| {
        let shown = remembered.clone();
        let continue_as = move |_| {
            if take_initials(state, &remembered) {
                on_done.run(());
            }
        };
        let other = move |_| {
            someone_else.set(true);
            crate::ui::platform::js::focus_after_frame("initials");
        };
        view! {
            <p class="inline" hidden=move || someone_else.get()>
                <button type="button" class="primary" data-first data-continue-as on:click=continue_as>
                    {move || (h().continue_as)(&shown)}
                </button>
                <button type="button" on:click=other>{move || h().someone_else}</button>
            </p>
        }
    });
    let first = someone_else.get_untracked().then_some("");
    view! {
        <form class="initials-form alert info no-print" on:submit=submit data-initials-form>
            <p id="initials-help">{move || if starting { h().initials_to_start } else { h().initials_help }}</p>
            {offer}
            <div class="inline" hidden=move || !someone_else.get()>
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
                    attr:data-first=first
                    prop:value=move || typed.get()
                    on:input=move |ev| typed.set(event_target_value(&ev))
                />
                <button type="submit" class="primary">{move || h().initials_use}</button>
            </div>
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
