//! The browser app (Leptos CSR). It renders what the engine decides and
//! never re-implements a rule. `main.rs` only calls [`mount`].
//!
//! Code map: `state` (store, catalogue, screen), `storage` (localStorage
//! behind `drafts::KeyValue`), `list` (records list, import), `record`
//! (the form, saving, export, print), `field` (one input per dictionary
//! row), `verdict` (banner and criteria), `files` (download and upload).

mod field;
mod files;
mod list;
mod record;
mod state;
mod storage;
mod verdict;

use crate::drafts::RECORD_PREFIX;
use leptos::prelude::*;
use list::RecordsList;
use record::RecordScreen;
use state::{AppState, Screen, StorageWarning};

/// Mounts the app on the page's body.
pub fn mount() {
    leptos::mount::mount_to_body(App);
}

/// The app's root: header, storage warnings, and the current screen.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);

    // Keep the list current when another tab saves or deletes a record.
    let handle = window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().is_none_or(|k| k.starts_with(RECORD_PREFIX)) {
            state.reload();
        }
    });
    on_cleanup(move || handle.remove());

    let warning = move || {
        state.warning.get().map(|w| {
            let text = match w {
                StorageWarning::Blocked(why) => format!(
                    "This browser does not let the app store anything ({why}). You can keep working: everything stays in this tab only and is lost when it closes. Export each record before closing."
                ),
                StorageWarning::Full(why) => format!(
                    "The browser's storage is full ({why}). Your latest changes are kept in this tab only. Export records and delete ones you no longer need."
                ),
            };
            view! { <div class="alert error no-print" role="alert" data-storage-warning>{text}</div> }
        })
    };

    view! {
        <header class="app-head no-print">
            <p class="trial">
                <strong>{crate::TRIAL_ID}</strong>
                " · Romiplostim N01 for refractory chemotherapy-induced thrombocytopenia · Institute of Hematology & Blood Diseases Hospital, Tianjin"
            </p>
            <p class="privacy">"Everything stays on this device."</p>
        </header>
        <main id="main">
            {warning}
            {move || match state.screen.get() {
                Screen::List => view! { <RecordsList /> }.into_any(),
                Screen::Record(id) => view! { <RecordScreen id=id /> }.into_any(),
            }}
        </main>
    }
}
