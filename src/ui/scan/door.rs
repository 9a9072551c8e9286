//! The scan screen's door. Its code comes with the record form's (the wasm
//! module `record`, which a scan opens and the list prefetches): a module
//! of its own made the splitter cut twice as many shared chunks, each one
//! more request on a slow link, for the patient check too.

use crate::ui::common::deferred::{self, Unavailable};
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

#[wasm_split(record, wasm_split_path = ::leptos::wasm_split, fallible)]
fn scan_view() -> Result<AnyView, Unavailable> {
    Ok(view! { <super::ScanScreen /> }.into_any())
}

/// "Scan a patient's code".
pub fn scan() -> AnyView {
    deferred::screen(Box::new(|| Box::pin(scan_view())))
}
