//! The live verdict: the overall banner (spec §3 coordinator wording) and
//! the 25 criteria with status, reason, published text and reading note.
//! Everything shown here comes from the engine's `Report`.

use crate::engine::{CRITERIA, CriterionId, Field, Outcome, Report, Status};
use crate::text::Lang;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Moves focus to a field's input and brings it into view.
pub fn focus_field(field: Field) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(el) = doc
        .get_element_by_id(&format!("f-{}", field.id()))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        el.scroll_into_view();
        let _ = el.focus();
    }
}

fn status_mark(s: Status) -> (&'static str, &'static str) {
    match s {
        Status::Pass => ("✓", "Pass"),
        Status::Fail => ("✗", "Fail"),
        Status::Unknown => ("?", "Unknown"),
    }
}

fn codes(report: &Report, status: Status) -> Vec<CriterionId> {
    report.with_status(status).map(|c| c.id).collect()
}

/// The overall verdict banner. `report` is `None` while the screening date
/// is not a valid date (nothing can be judged without it).
#[component]
pub fn Banner(report: Memo<Option<Report>>) -> impl IntoView {
    let m = Lang::En.messages();
    let outcome = move || {
        report.with(|r| {
            r.as_ref()
                .map_or(Outcome::Incomplete, |r| r.outcome)
                .as_str()
        })
    };
    let body = move || {
        report.with(|r| {
            let Some(r) = r else {
                return view! {
                    <p class="headline">"Incomplete: enter a valid screening date (YYYY-MM-DD) to judge the criteria"</p>
                }
                .into_any();
            };
            let list = |ids: Vec<CriterionId>| {
                ids.into_iter()
                    .map(|id| view! { <li><a href=format!("#c-{}", id.as_str())>{format!("{} — {}", id.as_str(), m.criterion_title(id))}</a></li> })
                    .collect_view()
            };
            match r.outcome {
                Outcome::Eligible => view! {
                    <p class="headline">{m.outcome_headline(Outcome::Eligible)}</p>
                }
                .into_any(),
                Outcome::NotEligible => {
                    let failing = codes(r, Status::Fail);
                    let unknown = codes(r, Status::Unknown);
                    let n_unknown = unknown.len();
                    view! {
                        <p class="headline">{format!("Not eligible: {} criteri{} not met", failing.len(), if failing.len() == 1 { "on" } else { "a" })}</p>
                        <ul class="ids">{list(failing)}</ul>
                        {(n_unknown > 0).then(|| view! {
                            <p>{format!("Also unknown ({n_unknown}):")}</p>
                            <ul class="ids">{list(unknown)}</ul>
                        })}
                    }
                    .into_any()
                }
                Outcome::Incomplete => {
                    let unknown = codes(r, Status::Unknown);
                    let n = unknown.len();
                    let fields = r.missing_fields();
                    let n_fields = fields.len();
                    view! {
                        <p class="headline">{format!("Incomplete: {n} criteri{} unknown", if n == 1 { "on" } else { "a" })}</p>
                        <p class="codes">
                            {unknown.into_iter().map(|id| view! { <a href=format!("#c-{}", id.as_str())>{id.as_str()}</a>" " }).collect_view()}
                        </p>
                        <details open=n_fields <= 8>
                            <summary>{format!("Still needed: {n_fields} field{}", if n_fields == 1 { "" } else { "s" })}</summary>
                            <ul class="needed">
                                {fields.into_iter().map(|f| view! {
                                    <li><button class="link" on:click=move |_| focus_field(f)>{m.field_label(f)}</button></li>
                                }).collect_view()}
                            </ul>
                        </details>
                    }
                    .into_any()
                }
            }
        })
    };
    view! {
        <section class="banner" data-outcome=outcome aria-live="polite" aria-atomic="true">
            {body}
            <p class="confirm">"The investigator confirms eligibility; this screen does not replace that judgement."</p>
        </section>
    }
}

/// The 25 criteria. Clicking a criterion moves to the field that decides it.
#[component]
pub fn CriteriaList(report: Memo<Option<Report>>, applicable: Signal<Vec<Field>>) -> impl IntoView {
    let m = Lang::En.messages();
    let rows = CRITERIA
        .iter()
        .map(|c| {
            let id = c.id;
            let status = move || report.with(|r| r.as_ref().map_or(Status::Unknown, |r| r.get(id).status));
            let reason = move || {
                report.with(|r| {
                    r.as_ref()
                        .map_or_else(|| "Needs a valid screening date".to_string(), |r| m.reason(r.get(id)))
                })
            };
            let target = move || {
                // The field to go to: one still missing, else one the reason used, else any.
                let applicable = applicable.get();
                report.with(|r| {
                    let r = r.as_ref()?;
                    let res = r.get(id);
                    let from_reason = res.reason().flat_map(|f| f.fields().iter()).collect::<Vec<_>>();
                    res.missing()
                        .iter()
                        .chain(from_reason)
                        .chain(id.def().fields.iter().copied())
                        .find(|f| applicable.contains(f))
                })
            };
            let note = m.reading_note(id);
            view! {
                <li
                    id=format!("c-{}", c.code)
                    class="criterion"
                    data-criterion=c.code
                    data-status=move || status().as_str()
                >
                    <button class="crit-head" on:click=move |_| { if let Some(f) = target() { focus_field(f) } }>
                        <span class="mark" aria-hidden="true">{move || status_mark(status()).0}</span>
                        <span class="code">{c.code}</span>
                        <span class="title">{m.criterion_title(id)}</span>
                        <span class="status-text">{move || status_mark(status()).1}</span>
                    </button>
                    <p class="reason">{reason}</p>
                    <details>
                        <summary>"Published text"{note.map(|_| " and reading note")}</summary>
                        <blockquote lang="en"><p>{c.source}</p></blockquote>
                        {note.map(|n| view! { <p class="note"><strong>"How this app reads it: "</strong>{n}</p> })}
                    </details>
                </li>
            }
        })
        .collect_view();
    view! {
        <ol class="criteria" aria-label="Criteria">{rows}</ol>
    }
}
