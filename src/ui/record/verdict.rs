//! The live verdict: the overall banner (spec §3 coordinator wording) and
//! the 25 criteria with status, reason, published text and reading note.
//! Everything shown here comes from the engine's `Report`.

use crate::engine::{
    Calendar, CriterionId, CriterionResult, Date, Field, NeededFor, Outcome, Pack, Record, Report,
    Status, calendar_with, evaluate_with, what_is_needed_with,
};
use crate::text::{Lang, by_pack};
use crate::ui::common::route::RecordPlace;
use crate::ui::common::state::AppState;
use crate::ui::common::words::tr;
use crate::ui::record::words;
use leptos::prelude::*;
use leptos::tachys::html::attribute::custom::CustomAttribute;
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

/// Moves within the record to a criterion: brings it into view and focuses
/// it (never through the address: a fragment is a screen's, `Screen`).
pub fn focus_criterion(id: CriterionId) {
    focus_element(&format!("c-{}", id.as_str()));
}

/// Moves within the record to the element with `dom_id` (a criterion, a
/// section, the criteria's heading): into view, and focused.
pub fn focus_element(dom_id: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(el) = doc
        .get_element_by_id(dom_id)
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
    /// Judges a record by `pack`, the criteria version it keeps.
    pub fn under(pack: &Pack, record: &Record) -> Verdict {
        let report = evaluate_with(pack, record);
        Verdict {
            calendar: calendar_with(pack, record, &report),
            needed: what_is_needed_with(pack, record, &report),
            report,
        }
    }
}

fn status_mark(s: Status) -> &'static str {
    match s {
        Status::Pass => "✓",
        Status::Fail => "✗",
        Status::Unknown => "?",
    }
}

fn codes(report: &Report, status: Status) -> Vec<CriterionId> {
    report.with_status(status).map(|c| c.id).collect()
}

/// One memo per criterion, in published order (`None` while there is no
/// verdict). A keystroke usually changes one criterion's reason: only that
/// criterion's row is then redrawn, in the list and in the print summary.
pub fn criterion_rows(
    criteria: &'static Pack,
    verdict: Memo<Option<Verdict>>,
) -> Vec<Memo<Option<CriterionResult>>> {
    criteria
        .criteria
        .iter()
        .map(|c| {
            let id = c.id;
            Memo::new(move |_| verdict.with(|v| v.as_ref().map(|v| v.report.get(id).clone())))
        })
        .collect()
}

/// Everything the banner shows, so it is redrawn only when that changes,
/// not on every keystroke that changes some criterion's reason.
#[derive(Clone, Debug, PartialEq)]
pub struct Headline {
    outcome: Outcome,
    screening_date: Date,
    failing: Vec<CriterionId>,
    unknown: Vec<CriterionId>,
    calendar: Calendar,
    needed: Vec<NeededFor>,
}

/// The verdict's headline, once per record form: the banner and the strip
/// both read it.
pub fn headline(verdict: Memo<Option<Verdict>>) -> Memo<Option<Headline>> {
    Memo::new(move |_| verdict.with(|v| v.as_ref().map(Headline::of)))
}

impl Headline {
    fn of(v: &Verdict) -> Headline {
        Headline {
            outcome: v.report.outcome,
            screening_date: v.report.screening_date,
            failing: codes(&v.report, Status::Fail),
            unknown: codes(&v.report, Status::Unknown),
            calendar: v.calendar.clone(),
            needed: v.needed.clone(),
        }
    }
}

/// The overall verdict banner. `verdict` is `None` while the screening date
/// is not a valid date (nothing can be judged without it).
#[component]
pub fn Banner(
    headline: Memo<Option<Headline>>,
    /// The criteria version the record keeps (its titles are that version's).
    criteria: &'static Pack,
) -> impl IntoView {
    let lang = expect_context::<AppState>().lang;
    let outcome = move || {
        headline.with(|h| {
            h.as_ref()
                .map_or(Outcome::Incomplete, |h| h.outcome)
                .as_str()
        })
    };
    let earliest = move || {
        headline.with(|h| {
            h.as_ref()
                .and_then(|h| h.calendar.earliest_eligible)
                .map(|d| d.to_string())
        })
    };
    let criterion_link = move |id: CriterionId, extra: Option<String>| {
        let title = by_pack::title(lang.get(), criteria, id);
        let text = match extra {
            Some(x) => format!("{} — {title} ({x})", id.as_str()),
            None => format!("{} — {title}", id.as_str()),
        };
        view! { <li><button class="link" data-to-criterion=id.as_str() on:click=move |_| focus_criterion(id)>{text}</button></li> }
    };
    let body = move || {
        let m = lang.get().messages();
        let sc = words::of(lang.get());
        headline.with(|v| {
            let Some(v) = v else {
                return view! { <p class="headline">{sc.needs_date_headline}</p> }.into_any();
            };
            let cal_line = m
                .calendar_summary(&v.calendar, v.screening_date)
                .map(|t| view! { <p class="calendar">{t}</p> });
            match v.outcome {
                Outcome::Eligible => view! {
                    <p class="headline">{m.outcome_headline(Outcome::Eligible)}</p>
                }
                .into_any(),
                Outcome::NotEligible => {
                    let n = v.failing.len();
                    let n_unknown = v.unknown.len();
                    let items = v
                        .failing
                        .iter()
                        .map(|&id| {
                            let fix = v.calendar.time_fixes.iter().find(|t| t.id == id);
                            let extra = match fix {
                                Some(t) => (sc.time_fix)(&t.from.to_string()),
                                None => sc.not_time.to_string(),
                            };
                            criterion_link(id, Some(extra))
                        })
                        .collect_view();
                    view! {
                        <p class="headline">{(sc.not_eligible_headline)(n)}</p>
                        <ul class="ids">{items}</ul>
                        {cal_line}
                        {(n_unknown > 0).then(|| view! {
                            <p>{(sc.also_unknown)(n_unknown)}</p>
                            <ul class="ids">{v.unknown.iter().map(|&id| criterion_link(id, None)).collect_view()}</ul>
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
                                    <button class="link" data-to-criterion=id.as_str() on:click=move |_| focus_criterion(id)>{format!("{} — {}", id.as_str(), by_pack::title(lang.get(), criteria, id))}</button>
                                    {g.could_rule_out.then(|| view! { <span class="rule-out">{sc.could_rule_out}</span> })}
                                    <ul>{fields}</ul>
                                </li>
                            }
                        })
                        .collect_view();
                    view! {
                        <p class="headline">{(sc.incomplete_headline)(n)}</p>
                        {cal_line}
                        <details open=n <= 6>
                            <summary>{(sc.what_would_change)(n_fields)}</summary>
                            <ol class="needed">{groups}</ol>
                        </details>
                    }
                    .into_any()
                }
            }
        })
    };
    view! {
        <section class="banner" data-outcome=outcome data-earliest-eligible=earliest>
            {body}
            <p class="confirm">{tr(lang, |l| words::of(l).investigator_confirms)}</p>
        </section>
    }
}

/// The verdict in one line, kept in view at the top of the record: the
/// outcome, the counts, the one thing that would change it next, and the
/// way to the 25 criteria. Announced when the outcome changes.
#[component]
pub fn VerdictStrip(
    /// The live verdict (for the counts).
    verdict: Memo<Option<Verdict>>,
    /// Its headline (`headline`), shared with the banner.
    headline: Memo<Option<Headline>>,
    /// The criteria version the record keeps.
    criteria: &'static Pack,
) -> impl IntoView {
    let lang = expect_context::<AppState>().lang;
    let counts = Memo::new(move |_| {
        verdict.with(|v| {
            v.as_ref().map(|v| {
                let n = |s| v.report.with_status(s).count();
                (n(Status::Pass), n(Status::Fail), n(Status::Unknown))
            })
        })
    });
    let outcome = move || {
        headline.with(|h| {
            h.as_ref()
                .map_or(Outcome::Incomplete, |h| h.outcome)
                .as_str()
        })
    };
    let line = move || {
        let sc = words::of(lang.get());
        headline.with(|h| match h {
            None => sc.strip_needs_date.to_string(),
            Some(h) => match h.outcome {
                Outcome::Eligible => sc.strip_eligible.to_string(),
                Outcome::NotEligible => (sc.strip_not_eligible)(h.failing.len()),
                Outcome::Incomplete => (sc.strip_incomplete)(h.unknown.len()),
            },
        })
    };
    // What would change the verdict next: the first failing criterion, or
    // the first field still needed.
    let next = move || {
        let l = lang.get();
        let (m, sc) = (l.messages(), words::of(l));
        headline.with(|h| {
            let h = h.as_ref()?;
            let go = match h.outcome {
                Outcome::NotEligible => {
                    let id = *h.failing.first()?;
                    let text = format!("{} — {}", id.as_str(), by_pack::title(l, criteria, id));
                    view! { <button class="link" data-next on:click=move |_| focus_criterion(id)>{text}</button> }.into_any()
                }
                Outcome::Incomplete => {
                    let f = *h.needed.first()?.fields.first()?;
                    view! { <button class="link" data-next on:click=move |_| focus_field(f)>{m.field_label(f)}</button> }.into_any()
                }
                Outcome::Eligible => return None,
            };
            Some(view! { <span class="next">{sc.strip_next}" "{go}</span> })
        })
    };
    // The counts are the way to the 25 criteria.
    let tally = move || {
        counts.get().map(|(p, f, u)| {
            let w = words::of(lang.get());
            let spoken = format!("{} — {}", (w.strip_counts)(p, f, u), w.to_criteria);
            view! {
                <button class="link tally" data-to-criteria on:click=move |_| focus_element(&RecordPlace::Criteria.heading())>
                    <span aria-hidden="true">
                        <span class="t-pass">{format!("✓{p}")}</span>" "
                        <span class="t-fail">{format!("✗{f}")}</span>" "
                        <span class="t-unknown">{format!("?{u}")}</span>
                    </span>
                    <span class="visually-hidden">{spoken}</span>
                </button>
            }
        })
    };
    view! {
        <div class="verdict-strip" data-outcome=outcome>
            <p class="strip-line" aria-live="polite" aria-atomic="true"><strong>{line}</strong></p>
            {tally}
            {next}
        </div>
    }
    // Element Timing: the benchmark measures when the first verdict is painted.
    .attr("elementtiming", "verdict")
}

/// The 25 criteria, one memo each (see [`criterion_rows`]), drawn in one
/// language: titles, published texts and notes are plain text, not a
/// reactive node each (the list is drawn again when the language changes).
/// Clicking a criterion moves to the field that decides it.
#[component]
pub fn CriteriaList(
    lang: Lang,
    rows: Vec<Memo<Option<CriterionResult>>>,
    applicable: Signal<Vec<Field>>,
    /// The criteria version the record keeps: its titles, texts and notes.
    criteria: &'static Pack,
) -> impl IntoView {
    let (m, w) = (lang.messages(), words::of(lang));
    let rows = criteria
        .criteria
        .iter()
        .zip(rows)
        .map(|(c, row)| {
            let id = c.id;
            let status = move || row.with(|r| r.as_ref().map_or(Status::Unknown, |r| r.status));
            let reason = move || row.with(|r| r.as_ref().map_or_else(|| w.reason_needs_date.to_string(), |r| m.reason(r)));
            let target = move || {
                // The field to go to: one still missing, else one the reason used, else any.
                let applicable = applicable.get_untracked();
                row.with_untracked(|r| {
                    let res = r.as_ref()?;
                    let from_reason = res.reason().flat_map(|f| f.fields().iter()).collect::<Vec<_>>();
                    res.missing()
                        .iter()
                        .chain(from_reason)
                        .chain(criteria.criterion(id).fields.iter().copied())
                        .find(|f| applicable.contains(f))
                })
            };
            let summary = if c.has_note { w.published_text_and_note } else { w.published_text };
            view! {
                <li
                    id=format!("c-{}", c.code)
                    tabindex="-1"
                    class="criterion"
                    data-criterion=c.code
                    data-status=move || status().as_str()
                >
                    <button class="crit-head" on:click=move |_| { if let Some(f) = target() { focus_field(f) } }>
                        <span class="mark" aria-hidden="true">{move || status_mark(status())}</span>
                        <span class="code">{c.code}</span>
                        <span class="title">{by_pack::title(lang, criteria, id)}</span>
                        <span class="status-text">{move || m.status(status())}</span>
                    </button>
                    <p class="reason">{reason}</p>
                    <details>
                        <summary>{summary}</summary>
                        <p class="original">{w.original_text}</p>
                        <blockquote lang="en"><p>{by_pack::source(criteria, id)}</p></blockquote>
                        {by_pack::source_translation(lang, criteria, id).map(|t| view! {
                            <p class="original" data-translation>{w.app_translation}</p>
                            <blockquote lang=crate::ui::shell::words::of(lang).html_lang data-translation><p>{t}</p></blockquote>
                        })}
                        {by_pack::reading_note(lang, criteria, id).map(|n| view! { <p class="note"><strong>{w.how_read}</strong>{n}</p> })}
                    </details>
                </li>
            }
        })
        .collect_view();
    view! {
        <ol class="criteria" aria-label=w.criteria>{rows}</ol>
    }
}
