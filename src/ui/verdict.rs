//! The live verdict: the overall banner (spec §3 coordinator wording) and
//! the 25 criteria with status, reason, published text and reading note.
//! Everything shown here comes from the engine's `Report`.

use crate::engine::{
    CRITERIA, Calendar, CriterionId, Field, NeededFor, Outcome, Record, Report, Status, calendar,
    evaluate, what_is_needed,
};
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

/// Everything the engine says about a record: its report, its calendar and
/// what would change the verdict.
#[derive(Clone, Debug, PartialEq)]
pub struct Verdict {
    /// Statuses, reasons and outcome.
    pub report: Report,
    /// Earliest dates.
    pub calendar: Calendar,
    /// Missing fields grouped by the unknown criterion they decide.
    pub needed: Vec<NeededFor>,
}

impl Verdict {
    /// Judges a record.
    pub fn of(record: &Record) -> Verdict {
        let report = evaluate(record);
        Verdict {
            calendar: calendar(record, &report),
            needed: what_is_needed(record, &report),
            report,
        }
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

/// The overall verdict banner. `verdict` is `None` while the screening date
/// is not a valid date (nothing can be judged without it).
#[component]
pub fn Banner(verdict: Memo<Option<Verdict>>) -> impl IntoView {
    let m = Lang::En.messages();
    let outcome = move || {
        verdict.with(|v| {
            v.as_ref()
                .map_or(Outcome::Incomplete, |v| v.report.outcome)
                .as_str()
        })
    };
    let earliest = move || {
        verdict.with(|v| {
            v.as_ref()
                .and_then(|v| v.calendar.earliest_eligible)
                .map(|d| d.to_string())
        })
    };
    let criterion_link = move |id: CriterionId, extra: Option<String>| {
        let text = match extra {
            Some(x) => format!("{} — {} ({x})", id.as_str(), m.criterion_title(id)),
            None => format!("{} — {}", id.as_str(), m.criterion_title(id)),
        };
        view! { <li><a href=format!("#c-{}", id.as_str())>{text}</a></li> }
    };
    let body = move || {
        verdict.with(|v| {
            let Some(v) = v else {
                return view! {
                    <p class="headline">"Incomplete: enter a valid screening date (YYYY-MM-DD) to judge the criteria"</p>
                }
                .into_any();
            };
            let r = &v.report;
            let cal_line = m
                .calendar_summary(&v.calendar, r.screening_date)
                .map(|t| view! { <p class="calendar">{t}</p> });
            match r.outcome {
                Outcome::Eligible => view! {
                    <p class="headline">{m.outcome_headline(Outcome::Eligible)}</p>
                }
                .into_any(),
                Outcome::NotEligible => {
                    let failing = codes(r, Status::Fail);
                    let n = failing.len();
                    let unknown = codes(r, Status::Unknown);
                    let n_unknown = unknown.len();
                    let items = failing
                        .into_iter()
                        .map(|id| {
                            let fix = v.calendar.time_fixes.iter().find(|t| t.id == id);
                            let extra = match fix {
                                Some(t) => format!("time: passes from {}", t.from),
                                None => "not a matter of time".to_string(),
                            };
                            criterion_link(id, Some(extra))
                        })
                        .collect_view();
                    view! {
                        <p class="headline">{format!("Not eligible: {n} criteri{} not met", if n == 1 { "on" } else { "a" })}</p>
                        <ul class="ids">{items}</ul>
                        {cal_line}
                        {(n_unknown > 0).then(|| view! {
                            <p>{format!("Also unknown ({n_unknown}):")}</p>
                            <ul class="ids">{unknown.into_iter().map(|id| criterion_link(id, None)).collect_view()}</ul>
                        })}
                    }
                    .into_any()
                }
                Outcome::Incomplete => {
                    let n = v.needed.len();
                    let n_fields: usize = v.needed.iter().map(|g| g.fields.len()).sum();
                    let groups = v
                        .needed
                        .iter()
                        .map(|g| {
                            let id = g.id;
                            let fields = g
                                .fields
                                .iter()
                                .map(|&f| view! {
                                    <li><button class="link" on:click=move |_| focus_field(f)>{m.field_label(f)}</button></li>
                                })
                                .collect_view();
                            view! {
                                <li data-needed-for=id.as_str()>
                                    <a href=format!("#c-{}", id.as_str())>{format!("{} — {}", id.as_str(), m.criterion_title(id))}</a>
                                    {g.could_rule_out.then(|| view! { <span class="rule-out">" · could rule out"</span> })}
                                    <ul>{fields}</ul>
                                </li>
                            }
                        })
                        .collect_view();
                    view! {
                        <p class="headline">{format!("Incomplete: {n} criteri{} unknown", if n == 1 { "on" } else { "a" })}</p>
                        {cal_line}
                        <details open=n <= 6>
                            <summary>{format!("What would change the verdict: {n_fields} field{}", if n_fields == 1 { "" } else { "s" })}</summary>
                            <ol class="needed">{groups}</ol>
                        </details>
                    }
                    .into_any()
                }
            }
        })
    };
    view! {
        <section class="banner" data-outcome=outcome data-earliest-eligible=earliest aria-live="polite" aria-atomic="true">
            {body}
            <p class="confirm">"The investigator confirms eligibility; this screen does not replace that judgement."</p>
        </section>
    }
}

/// The 25 criteria. Clicking a criterion moves to the field that decides it.
#[component]
pub fn CriteriaList(
    verdict: Memo<Option<Verdict>>,
    applicable: Signal<Vec<Field>>,
) -> impl IntoView {
    let report = Memo::new(move |_| verdict.with(|v| v.as_ref().map(|v| v.report.clone())));
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
