//! Eligibility screening for trial NCT07063225: the pure screening engine,
//! its English and Chinese wording, and (with the `ui` feature) the browser app.
//!
//! `engine` and `text` never depend on the browser, so `cargo test` checks
//! every rule natively; `ui` only renders what the engine decides.

#![warn(missing_docs)]

pub mod app;
pub mod engine;
pub mod handoff;
pub mod interop;
pub mod patient;
pub mod record;
pub mod security;
pub mod storage;
pub mod text;

#[cfg(feature = "ui")]
pub mod ui;

/// The trial's registry id.
pub const TRIAL_ID: &str = "NCT07063225";
/// The version of the published criteria text the current criteria pack
/// implements (a record's own is its pack's `source`).
pub const PROTOCOL_TEXT_VERSION: &str = engine::pack::current::PACK.source;
/// This app's version.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");
