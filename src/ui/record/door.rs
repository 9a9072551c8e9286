//! The record screen's doors: its code, with creating a record (and the
//! scan screen's, `crate::ui::scan::door`), is the wasm module `record`,
//! fetched when a record opens or prefetched once the records list is
//! painted (`src/ui/features.json`).

use crate::app::list_problem::ListProblem;
use crate::app::sheet::Sheet;
use crate::record::create::Origin;
use crate::record::draft::Draft;
use crate::ui::common::deferred::{self, Unavailable, after_paint};
use crate::ui::common::state::AppState;
use crate::ui::platform::js;
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

#[wasm_split(record, wasm_split_path = ::leptos::wasm_split, fallible)]
fn record_view(id: String) -> Result<AnyView, Unavailable> {
    js::ensure_style(Sheet::Record);
    Ok(view! { <super::RecordScreen id=id /> }.into_any())
}

/// The record form's style sheet (`record.css`), added when its code is
/// prefetched, so a record opens styled.
#[wasm_split(record, wasm_split_path = ::leptos::wasm_split, fallible)]
fn record_style() -> Result<(), Unavailable> {
    js::ensure_style(Sheet::Record);
    Ok(())
}

/// What the records list asks the record form's code to create.
pub enum Creation {
    /// A new, empty record screened today ("New screening").
    New,
    /// A copy of this stored record ("Duplicate").
    Duplicate(Draft),
}

#[wasm_split(record, wasm_split_path = ::leptos::wasm_split, fallible)]
fn create_now(
    state: AppState,
    creation: Creation,
    problem: RwSignal<Option<ListProblem>>,
) -> Result<(), Unavailable> {
    let origin = match creation {
        Creation::New => Origin::New {
            screening_date: crate::ui::platform::clock::today().to_string(),
        },
        Creation::Duplicate(source) => Origin::Duplicate {
            source,
            label_suffix: super::words::of(state.lang.get_untracked())
                .copy_suffix
                .to_string(),
        },
    };
    if super::creating::begin(state, origin).is_err() {
        problem.set(Some(ListProblem::NoRandomness));
    }
    Ok(())
}

/// The record form for record `id`.
pub fn record(id: String) -> AnyView {
    deferred::screen(Box::new(move || Box::pin(record_view(id.clone()))))
}

/// Creates a record and opens it (the record form's code makes it: its
/// id, its first history entry, the screener's initials asked first if
/// this session has none). What goes wrong is kept in `problem`.
pub fn create(state: AppState, creation: Creation, problem: RwSignal<Option<ListProblem>>) {
    deferred::spawn(create_now(state, creation, problem), problem);
}

/// Fetches the record form's code and style sheet in the background once
/// the records list is painted, so opening a record does not wait for the
/// network (on a first visit the service worker is still caching the app).
/// A failure here is silent: opening the record tries again and says so.
pub fn prefetch() {
    leptos::task::spawn_local(async {
        after_paint().await;
        let _ = record_style().await;
    });
}
