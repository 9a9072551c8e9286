//! The browser app (Leptos CSR, only with the `ui` feature). It renders
//! what the engine decides and never re-implements a rule; what is not
//! drawing lives in plain types outside it (`crate::app`, `crate::record`,
//! `crate::security`). `main.rs` only calls [`mount`].
//!
//! One folder per feature, each with its components, words and styles:
//! `shell` (header, start page, which screen), `list` (the records list
//! and its tools), `record` (one record: form, verdict, history, print),
//! `patient` (the self-check and the patient's code sheet), `scan`
//! (reading a patient's code), `lock` (the lock screen, the passcode and
//! the tabs' watch), `settings` (the device's settings). Below them
//! `common` (the app state, the address, words as closures, what the
//! features share) and `platform` (the browser: storage, clock, random
//! source, files, the key-derivation worker, typed bindings). A feature
//! fetched later says so in its `door.rs` (its `#[wasm_split]` functions)
//! and in one table, `src/ui/features.json`, which the build reads.

mod common;

mod list;
mod lock;
mod patient;
mod platform;
mod record;
mod scan;
mod settings;
mod shell;

/// Mounts the app on the page's body.
pub fn mount() {
    leptos::mount::mount_to_body(shell::App);
}
