//! Creating a record on screen: what `crate::record::create` makes, with
//! this session's initials, stored and opened. Without initials yet, the
//! record screen asks for them first (`StartGate`), and nothing is stored
//! until they are given; the record waiting for them is the app state's
//! (`AppState::creating`), not hidden in this module.

use crate::record::create::{Origin, Pending, create};
use crate::security::vault::NoRandomness;
use crate::ui::common::route::Screen;
use crate::ui::common::state::AppState;
use crate::ui::platform::clock::now_iso;
use crate::ui::platform::random::new_id;
use leptos::prelude::*;

/// Creates the record of `origin` under a new random id and opens it; if
/// this session has no initials yet, opens the record screen, which asks
/// for them first. Without randomness nothing is created.
pub fn begin(state: AppState, origin: Origin) -> Result<(), NoRandomness> {
    let id = new_id().ok_or(NoRandomness)?;
    let by = state.initials.get_untracked();
    if by.is_empty() {
        state.creating.set(Some(Pending {
            id: id.clone(),
            origin,
        }));
        state.go(Screen::Record(id));
        return Ok(());
    }
    finish(state, Pending { id, origin }, &by);
    Ok(())
}

/// Creates and stores the waiting record with `by`'s initials, and opens it.
fn finish(state: AppState, pending: Pending, by: &str) {
    let Pending { id, origin } = pending;
    // (Initials were checked when taken; refused, nothing is created.)
    if let Ok(draft) = create(origin, &id, by, &now_iso()) {
        state.create(draft);
    }
}

/// The record screen of a record waiting for initials: once given, the
/// record is created with them; cancelled, nothing is.
#[component]
pub fn StartGate() -> impl IntoView {
    let state = expect_context::<AppState>();
    let done = Callback::new(move |()| {
        let by = state.initials.get_untracked();
        if let Some(pending) = state.creating.try_update(Option::take).flatten() {
            finish(state, pending, &by);
        }
    });
    let cancel = Callback::new(move |()| {
        state.creating.set(None);
        state.go(Screen::List);
    });
    view! {
        <section class="record-start">
            <crate::ui::common::initials::InitialsForm starting=true on_done=done on_cancel=cancel />
        </section>
    }
}
