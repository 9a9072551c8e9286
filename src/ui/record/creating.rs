//! Creating a record on screen: what `crate::record::create` makes, with
//! this session's initials, opened. Without initials yet, the record
//! screen asks for them first (`StartGate`), and nothing is made until
//! they are given. A new, empty record is opened without being stored: the
//! record form stores it with its first real change, and leaving it
//! untouched drops it (`create::Origin::stored_at_once`); a copy, a file
//! or a code is stored at once. Either way the record on its way is the
//! app state's (`AppState::creating`), not hidden in this module.

use crate::record::create::{Origin, Pending, create};
use crate::record::stored::Stored;
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
        state.creating.set(Some(Pending::Initials {
            id: id.clone(),
            origin,
        }));
        state.go(Screen::Record(id));
        return Ok(());
    }
    finish(state, id, origin, &by);
    Ok(())
}

/// Makes the record with `by`'s initials and opens it: stored at once, or
/// (a new, empty record) held open until its first change.
fn finish(state: AppState, id: String, origin: Origin, by: &str) {
    let at_once = origin.stored_at_once();
    // (Initials were checked when taken; refused, nothing is created.)
    let Ok(draft) = create(origin, &id, by, &now_iso()) else {
        return;
    };
    if at_once {
        state.create(draft);
    } else {
        state.creating.set(Some(Pending::Unsaved(draft)));
        state.go(Screen::Record(id));
    }
}

/// Whether the record `id` waits for the screener's initials.
pub fn waiting(pending: Option<&Pending>, id: &str) -> bool {
    matches!(pending, Some(Pending::Initials { id: waiting, .. }) if waiting == id)
}

/// The record `id` if it is new and not stored yet, as the form opens it
/// (at revision 0: its first change is stored as a new record).
pub fn unsaved(state: AppState, id: &str) -> Option<Stored> {
    state.creating.with_untracked(|c| match c {
        Some(Pending::Unsaved(draft)) if draft.id == id => Some(Stored::fresh(draft.clone(), 0)),
        _ => None,
    })
}

/// The record screen of `id` is gone: a new record never stored is
/// dropped, unless its screen is still the one to show (the lock stands in
/// for it, and unlocking returns to it). Checked once the screen has
/// changed.
pub fn left(state: AppState, id: String) {
    set_timeout(
        move || {
            let here = state.screen.get_untracked() == Screen::Record(id.clone());
            let dropped = !here
                && state
                    .creating
                    .with_untracked(|c| matches!(c, Some(Pending::Unsaved(d)) if d.id == id));
            if dropped {
                state.creating.set(None);
            }
        },
        std::time::Duration::ZERO,
    );
}

/// The record screen of a record waiting for initials: once given, the
/// record is created with them; cancelled, nothing is.
#[component]
pub fn StartGate() -> impl IntoView {
    let state = expect_context::<AppState>();
    let done = Callback::new(move |()| {
        let by = state.initials.get_untracked();
        let taken = state.creating.try_update(|c| match c.take() {
            Some(Pending::Initials { id, origin }) => Some((id, origin)),
            other => {
                *c = other;
                None
            }
        });
        if let Some((id, origin)) = taken.flatten() {
            finish(state, id, origin, &by);
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
