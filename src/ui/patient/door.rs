//! The patient check's doors: the check itself is the wasm module
//! `patient` (a first visit to `#patient` fetches it as one pack); the
//! patient's code sheet comes with `later`, the module every screen
//! fetches after its first paint (`src/ui/features.json`).

use crate::app::sheet::Sheet;
use crate::patient::DontKnow;
use crate::record::draft::Draft;
use crate::ui::common;
use crate::ui::common::deferred::{self, Unavailable, When, after_paint};
use crate::ui::patient::words;
use crate::ui::platform::js;
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

#[wasm_split(patient, wasm_split_path = ::leptos::wasm_split, fallible)]
fn patient_view() -> Result<AnyView, Unavailable> {
    js::ensure_style(Sheet::Patient);
    Ok(view! { <super::PatientCheck /> }.into_any())
}

/// The patient check's style sheet (`patient.css`), added when its code is
/// prefetched.
#[wasm_split(patient, wasm_split_path = ::leptos::wasm_split, fallible)]
fn patient_style() -> Result<(), Unavailable> {
    js::ensure_style(Sheet::Patient);
    Ok(())
}

/// The patient result's handoff: what to do next (with `site.json`'s
/// contact details) and "Show my answers to the study team" with its code
/// sheet (`super::sheet`). It comes with the code every screen fetches
/// after its first paint (the lock screen and the tabs' watch), so it is
/// here long before the result, and a link to `#patient` does not wait for
/// the code's encoder, the sheet and their words (42 KB, brotli) before
/// the first question, without a module of its own (a fifth module made
/// the splitter cut 25 files instead of 15, the patient check's 12 instead
/// of 8).
#[wasm_split(later, wasm_split_path = ::leptos::wasm_split, fallible)]
fn handoff_view(
    draft: RwSignal<Draft>,
    dont_know: RwSignal<DontKnow>,
) -> Result<AnyView, Unavailable> {
    super::sheet::style();
    Ok(view! {
        <super::sheet::NextStep />
        <super::sheet::ShowToTeam draft=draft dont_know=dont_know />
    }
    .into_any())
}

/// The patient self-check.
pub fn patient() -> AnyView {
    deferred::screen(Box::new(|| Box::pin(patient_view())))
}

/// The handoff on the patient's result (see `handoff_view`): until its
/// code is here nothing; if it cannot be fetched, the generic next step
/// and a "Try again" for the code.
pub fn handoff(draft: RwSignal<Draft>, dont_know: RwSignal<DontKnow>) -> AnyView {
    deferred::deferred(
        Box::new(move || Box::pin(handoff_view(draft, dont_know))),
        When::Now,
        handoff_unavailable,
    )
}

fn handoff_unavailable(attempt: RwSignal<u32>) -> AnyView {
    let lang = expect_context::<common::state::AppState>().lang;
    view! {
        <p>{move || words::of(lang.get()).p_next_steps}</p>
        {deferred::unavailable(attempt)}
    }
    .into_any()
}

/// Fetches the patient self-check's code in the background once the start
/// page is painted.
pub fn prefetch() {
    leptos::task::spawn_local(async {
        after_paint().await;
        let _ = patient_style().await;
    });
}
