//! A record's history on screen, with the record form (its wasm module):
//! asking the screener's initials, starting a new record's history, the
//! status bar (mark complete, amend with a reason), the History panel and
//! its printed table. The rules are `crate::record::history`'s; this only asks and
//! shows.

use crate::engine::dictionary::{Field, Kind as FieldKind};
use crate::record::draft::field_of;
use crate::record::history::{self, Entry, Kind, Reason};
use crate::record::review::BeforeCompleting;
use crate::record::session::AmendProblem;
use crate::text::Lang;
use crate::ui::common;
use crate::ui::common::state::AppState;
use crate::ui::platform::clock::local_time;
use crate::ui::record::words;
use leptos::prelude::*;

/// How an input's text is shown in the form (yes/no and the other choices
/// in words, a platelet unit as its symbol, empty as "(empty)").
pub fn shown_value(lang: Lang, key: &str, text: &str) -> String {
    let h = words::of(lang);
    if text.is_empty() {
        return h.empty.to_string();
    }
    if key.ends_with(".unit") {
        return crate::engine::record::PlateletUnit::ALL
            .iter()
            .find(|u| u.as_str() == text)
            .map_or(text.to_string(), |u| {
                crate::text::platelet_unit_text(*u).to_string()
            });
    }
    let kind = Field::from_id(field_of(key)).map(|f| f.def().kind);
    let word = match (kind, text) {
        (Some(FieldKind::Bool), "yes") => common::answers::of(lang).yes,
        (Some(FieldKind::Bool), "no") => common::answers::of(lang).no,
        (Some(FieldKind::Sex), "female") => common::answers::of(lang).female,
        (Some(FieldKind::Sex), "male") => common::answers::of(lang).male,
        (Some(FieldKind::Serology), "positive") => common::answers::of(lang).positive,
        (Some(FieldKind::Serology), "negative") => common::answers::of(lang).negative,
        _ => return text.to_string(),
    };
    word.to_string()
}

/// An input key's name as the form labels it.
fn field_name(lang: Lang, key: &str) -> String {
    match key {
        "label" => return words::of(lang).label_field.to_string(),
        "screening_date" => return common::words::of(lang).screening_date.to_string(),
        _ => {}
    }
    let Some(field) = Field::from_id(field_of(key)) else {
        return key.to_string();
    };
    let name = lang.messages().field_label(field);
    if key.ends_with(".unit") {
        format!("{name} ({})", words::of(lang).unit_of)
    } else if key.ends_with(".uln") {
        format!("{name} ({})", common::answers::of(lang).uln)
    } else {
        name.to_string()
    }
}

/// What an entry says, in `lang` (its reason on a line of its own).
pub fn describe(lang: Lang, e: &Entry) -> (String, Option<String>) {
    let h = words::of(lang);
    let what = match e.kind {
        Kind::Created => h.created.to_string(),
        Kind::Imported => (h.imported)(&e.note, e.after.as_deref().unwrap_or("")),
        Kind::Duplicated => (h.duplicated)(if e.note.is_empty() {
            common::words::of(lang).no_label
        } else {
            &e.note
        }),
        Kind::Restored => h.restored.to_string(),
        Kind::Scanned => (h.scanned)(&e.note),
        Kind::Confirmed => (h.confirmed)(&field_name(lang, &e.field)),
        Kind::Completed => (h.completed)(&outcome_words(lang, &e.note)),
        Kind::Edited => format!(
            "{}: {} → {}",
            field_name(lang, &e.field),
            shown_value(lang, &e.field, e.before.as_deref().unwrap_or("")),
            shown_value(lang, &e.field, e.after.as_deref().unwrap_or(""))
        ),
    };
    let reason = e
        .reason
        .map(|r| (h.reason_line)(h.reasons.of(r), &e.reason_text));
    (what, reason)
}

/// What an amendment's reason lacks, in `lang`.
fn amend_problem_text(problem: AmendProblem, lang: Lang) -> &'static str {
    match problem {
        AmendProblem::NoReason => words::of(lang).reason_required,
        AmendProblem::NoWords => common::initials::words::of(lang).reason_text_required,
    }
}

/// An outcome as stored in a completion entry, in words.
fn outcome_words(lang: Lang, stored: &str) -> String {
    use crate::engine::Outcome;
    let m = lang.messages();
    [Outcome::Eligible, Outcome::NotEligible, Outcome::Incomplete]
        .into_iter()
        .find(|o| o.as_str() == stored)
        .map_or_else(
            || words::of(lang).incomplete_no_date.to_string(),
            |o| m.outcome_headline(o).to_string(),
        )
}

/// The status of a record and what can be done with it: mark it complete;
/// once complete, amend it with a reason (`amending` holds the reason while
/// changes are allowed).
#[component]
pub fn StatusBar(
    /// The record's history text (updated by every save).
    history: RwSignal<String>,
    /// The record's status.
    status: RwSignal<history::Status>,
    /// The reason while amending a completed record.
    amending: RwSignal<Option<(Reason, String)>>,
    /// Marks the record complete (the form records it).
    complete: Callback<()>,
    /// Starts amending with a reason and its words (the record session
    /// says whether they are enough).
    start_amending: Callback<(Option<Reason>, String), Result<(), AmendProblem>>,
    /// Ends the amendment.
    stop_amending: Callback<()>,
    /// What completing would leave open (read only while it is asked).
    before: Memo<BeforeCompleting>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let h = move || words::of(lang.get());
    let asking = RwSignal::new(false);
    // "Mark screening complete" first shows what is still open, and asks once.
    let completing = RwSignal::new(false);
    let before_view = move || {
        let l = lang.get();
        let (h, m) = (words::of(l), l.messages());
        before.with(|b| {
            let mut lines = Vec::new();
            match b.outcome {
                None => lines.push(h.complete_no_verdict.to_string()),
                Some(o) if b.is_settled() => {
                    lines.push((h.complete_settled)(m.outcome_headline(o)));
                }
                Some(_) => {}
            }
            if !b.unknown.is_empty() {
                let ids: Vec<&str> = b.unknown.iter().map(|id| id.as_str()).collect();
                lines.push((h.complete_unknown)(b.unknown.len(), &ids.join(", ")));
            }
            if !b.unconfirmed.is_empty() {
                lines.push((h.complete_unconfirmed)(b.unconfirmed.len()));
            }
            let settled = b.is_settled();
            view! {
                <div class="complete-check" role="alertdialog" aria-labelledby="complete-check-title" data-complete-check=if settled { "settled" } else { "open" }>
                    <p id="complete-check-title"><strong>{h.complete_check_title}</strong></p>
                    <ul>{lines.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
                    <p class="help">{h.complete_after}</p>
                    <button class="primary" data-complete-confirm on:click=move |_| { completing.set(false); complete.run(()); }>
                        {if settled { h.complete_confirm } else { h.complete_anyway }}
                    </button>
                    <button on:click=move |_| completing.set(false)>{common::words::of(l).cancel}</button>
                </div>
            }
        })
    };
    let chosen = RwSignal::new(None::<Reason>);
    let words = RwSignal::new(String::new());
    let error = RwSignal::new(None::<AmendProblem>);
    // The newest completion, read from the end: while amending, every
    // keystroke's save changes the history, and only the lines after the
    // completion are read again, not the whole history.
    let completion = move || {
        history.with(|t| {
            t.lines()
                .rev()
                .filter_map(history::parse_line)
                .find(|e| e.kind == Kind::Completed)
        })
    };
    let line = move || {
        let h = h();
        if status.get().is_complete() {
            completion().map_or(String::new(), |e| {
                (h.completed_by)(
                    &e.by,
                    &local_time(&e.at),
                    &outcome_words(lang.get(), &e.note),
                )
            })
        } else {
            h.in_progress.to_string()
        }
    };
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match start_amending.run((chosen.get_untracked(), words.get_untracked())) {
            Err(problem) => error.set(Some(problem)),
            Ok(()) => {
                error.set(None);
                asking.set(false);
            }
        }
    };
    let reason_words = move || {
        amending.get().map(|(r, t)| {
            let w = h().reasons.of(r);
            if t.is_empty() {
                w.to_string()
            } else {
                format!("{w} — {t}")
            }
        })
    };
    view! {
        <div class="status-bar no-print" data-record-status=move || status.get().as_str()>
            <p class="status-line">
                <strong>{line}</strong>
                {move || (status.get() == history::Status::Amended).then(|| view! { " · " <span class="amended">{h().amended}</span> })}
            </p>
            <Show when=move || !status.get().is_complete() && !completing.get()>
                <button data-mark-complete on:click=move |_| completing.set(true) disabled=move || state.initials.with(String::is_empty)>{move || h().mark_complete}</button>
            </Show>
            <Show when=move || !status.get().is_complete() && completing.get()>
                {before_view}
            </Show>
            <Show when=move || status.get().is_complete() && amending.with(Option::is_none) && !asking.get()>
                <p class="help">{move || h().locked_complete}</p>
                <button on:click=move |_| asking.set(true) disabled=move || state.initials.with(String::is_empty)>{move || h().amend}</button>
            </Show>
            <Show when=move || asking.get()>
                <form class="reason-form" on:submit=start data-reason-form>
                    <fieldset>
                        <legend>{move || h().reason_title}</legend>
                        {Reason::ALL.iter().map(|&r| {
                            let id = format!("reason-{}", r.id());
                            view! {
                                <label class="choice">
                                    <input type="radio" name="reason" id=id value=r.id()
                                        prop:checked=move || chosen.get() == Some(r)
                                        on:change=move |_| chosen.set(Some(r)) />
                                    {move || h().reasons.of(r)}
                                </label>
                            }
                        }).collect_view()}
                    </fieldset>
                    <label for="reason-text">{move || common::initials::words::of(lang.get()).reason_text_label}</label>
                    <input id="reason-text" type="text" maxlength=history::MAX_REASON_CHARS.to_string() autocomplete="off"
                        prop:value=move || words.get() on:input=move |ev| words.set(event_target_value(&ev)) />
                    {move || error.get().map(|e| view! { <p class="field-error" role="alert">{move || amend_problem_text(e, lang.get())}</p> })}
                    <button type="submit" class="primary">{move || h().start_amending}</button>
                    <button type="button" on:click=move |_| { asking.set(false); error.set(None); }>{move || common::words::of(lang.get()).cancel}</button>
                </form>
            </Show>
            {move || reason_words().map(|r| view! {
                <p class="alert warning" role="status">{(h().amending_because)(&r)}" "
                    <button on:click=move |_| stop_amending.run(())>{h().done_amending}</button>
                </p>
            })}
        </div>
    }
}

/// The History panel: every entry, newest first, in the app's language.
/// Drawn only while open.
#[component]
pub fn HistoryPanel(history: RwSignal<String>) -> impl IntoView {
    let lang = expect_context::<AppState>().lang;
    let open = RwSignal::new(false);
    // (Counted by lines: this runs on every keystroke's save.)
    let count = Memo::new(move |_| history.with(|t| t.lines().count()));
    let rows =
        move || {
            let l = lang.get();
            let all = history.with(|t| history::entries(t));
            let from = history::witnessed_from(&all);
            all.into_iter()
                .enumerate()
                .rev()
                .map(|(i, e)| {
                    let (what, reason) = describe(l, &e);
                    // An entry that came in a file: this device did not see it.
                    let stated = (i < from).then(|| view! {
                    " "<span class="badge stated" data-as-stated>{words::of(l).as_stated}</span>
                });
                    view! {
                        <li data-history-entry=e.kind.id()>
                            <span class="when">{local_time(&e.at)}</span>" "
                            <strong class="who">{e.by.clone()}</strong>" "
                            <span class="what">{what}</span>
                            {reason.map(|r| view! { " "<span class="why">{r}</span> })}
                            {stated}
                        </li>
                    }
                })
                .collect_view()
        };
    view! {
        <details class="history no-print" on:toggle=move |ev| {
            use wasm_bindgen::JsCast;
            let is_open = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
                .is_some_and(|d| d.open());
            open.set(is_open);
        }>
            <summary>{move || (words::of(lang.get()).history_title)(count.get())}</summary>
            <Show when=move || open.get()>
                <ol class="history-list">{rows}</ol>
            </Show>
        </details>
    }
}

/// The history as a table for the print summary.
#[component]
pub fn PrintHistory(history: RwSignal<String>) -> impl IntoView {
    let lang = expect_context::<AppState>().lang;
    let h = move || words::of(lang.get());
    // Read once per change for both the count and the rows (it is drawn,
    // for printing, while the box is ticked, so typing changes it).
    let entries = Memo::new(move |_| history.with(|t| history::entries(t)));
    view! {
        <h2>{move || (h().history_title)(entries.with(Vec::len))}</h2>
        <table class="print-history">
            <thead><tr><th>{move || h().col_when}</th><th>{move || h().col_who}</th><th>{move || h().col_what}</th></tr></thead>
            <tbody>
                {move || {
                    let l = lang.get();
                    let all = entries.get();
                    let from = history::witnessed_from(&all);
                    all.into_iter().enumerate().rev().map(|(i, e)| {
                        let (what, reason) = describe(l, &e);
                        let what = reason.map_or(what.clone(), |r| format!("{what} ({r})"));
                        let what = if i < from { format!("{what} [{}]", words::of(l).as_stated) } else { what };
                        view! { <tr><td>{local_time(&e.at)}</td><td>{e.by}</td><td>{what}</td></tr> }
                    }).collect_view()
                }}
            </tbody>
        </table>
    }
}
