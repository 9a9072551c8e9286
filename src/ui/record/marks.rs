//! The marks of answers a patient reported (a record made from a scanned
//! code, `crate::ui::scan`): the banner above the form, and under each
//! such field "Reported by the patient" with "Confirm", until the
//! coordinator confirms or changes it.

use crate::ui::common::state::AppState;
use crate::ui::record::field::FormDraft;
use crate::ui::record::words;
use leptos::prelude::*;

/// Above a record made from a patient's code: where its answers came from,
/// while any is still marked.
#[component]
pub fn ReportedBanner(form: FormDraft) -> impl IntoView {
    let lang = expect_context::<AppState>().lang;
    crate::ui::platform::js::ensure_style("handoff");
    let date = form.shown(|d| d.patient_checked_on.clone());
    view! {
        <p class="alert info reported-banner" data-reported-banner>
            {move || (words::of(lang.get()).reported_banner)(&date())}
        </p>
    }
}

/// Under one field of a record made from a patient's code: "Reported by
/// the patient" and "Confirm", until the coordinator confirms or changes it
/// (`confirm` clears the mark; an edit of the field clears it too).
#[component]
pub fn ReportedMark(field: crate::engine::Field, confirm: Callback<&'static str>) -> impl IntoView {
    let lang = expect_context::<AppState>().lang;
    let id = field.id();
    view! {
        <p class="reported" data-reported=id>
            <span class="badge reported-badge">{move || words::of(lang.get()).reported_mark}</span>
            " "
            <button
                class="link"
                aria-label=move || { let l = lang.get(); (words::of(l).confirm_field)(l.messages().field_label(field)) }
                on:click=move |_| confirm.run(id)
            >
                {move || words::of(lang.get()).confirm}
            </button>
        </p>
    }
}
