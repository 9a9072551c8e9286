//! The settings screen's door: its code comes with the list's tools (the
//! wasm module `tools`, which the list fetches after its first paint; the
//! settings are reached from the list), `src/ui/features.json`.

use crate::app::sheet::Sheet;
use crate::ui::common::deferred::{self, Unavailable};
use crate::ui::platform::js;
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

#[wasm_split(tools, wasm_split_path = ::leptos::wasm_split, fallible)]
fn settings_view() -> Result<AnyView, Unavailable> {
    Ok(view! { <super::SettingsScreen /> }.into_any())
}

/// The settings screen.
pub fn settings() -> AnyView {
    js::ensure_style(Sheet::Settings);
    deferred::screen(Box::new(|| Box::pin(settings_view())))
}
