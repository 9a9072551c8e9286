//! The coordinator's start screen: every screening record, most recently
//! saved first, with its outcome (the first 50 drawn, 20 of them in the
//! first frame, the rest on request);
//! create, open, duplicate, delete (asking why). Import, the search and
//! filters, the list's exports, the report of unreadable entries, the
//! reminders, a row's delete question and the "show more" buttons are the
//! list's `tools`, fetched once this list is painted (`tools::door`); the
//! passcode offer is the lock's, creating a record the record form's, the
//! settings a screen of their own (the header's "Settings").

pub mod tools;
pub mod words;

use crate::app::delete_question::DeleteQuestion;
use crate::app::list_problem::ListProblem;
use crate::app::list_rows::RestRows;
use crate::engine::{Outcome, Record, evaluate_with};
use crate::record::draft::Draft;
use crate::record::history::Status;
use crate::record::stored::Stored;
use crate::text::Lang;
use crate::ui::common;
use crate::ui::common::route::Screen;
use crate::ui::common::state::{AppState, LIST_PAGE, Pending};
use crate::ui::common::words::tr;
use crate::ui::list::tools::door as list_tools;
use crate::ui::platform::clock::local_time;
use crate::ui::record::door::{self as record, Creation};
use leptos::prelude::*;
use leptos::tachys::html::attribute::custom::CustomAttribute;
use std::collections::HashSet;

/// One row of the list, derived from a stored draft.
#[derive(Clone, Debug, PartialEq)]
struct Row {
    id: String,
    label: String,
    date: String,
    outcome: Option<Outcome>,
    status: Status,
    updated: String,
}

/// A draft's outcome as the list shows it, by the criteria version it
/// keeps (none without a valid screening date).
pub(super) fn outcome_of(d: &Draft) -> Option<Outcome> {
    Record::from_json_value(&d.record_json())
        .ok()
        .map(|r| evaluate_with(d.criteria(), &r).outcome)
}

fn row(d: &Draft) -> Row {
    let outcome = outcome_of(d);
    Row {
        id: d.id.clone(),
        label: d.label.clone(),
        date: d.screening_date.clone(),
        outcome,
        status: Status::of(d),
        updated: local_time(&d.updated),
    }
}

fn badge(outcome: Option<Outcome>, ui: &'static words::Words) -> (&'static str, &'static str) {
    match outcome {
        Some(Outcome::Eligible) => ("badge eligible", ui.badge_eligible),
        Some(Outcome::NotEligible) => ("badge not-eligible", ui.badge_not_eligible),
        Some(Outcome::Incomplete) => ("badge incomplete", ui.badge_incomplete),
        None => ("badge incomplete", ui.badge_no_date),
    }
}

/// How many rows the list's first frame draws: more than the tallest
/// tablet shows above the fold (about 11 rows on an iPad held upright).
/// The rest of the rows shown ([`LIST_PAGE`], or more on request) follow
/// in the task after that frame's paint: with 1,000 records, drawing all
/// 50 first made the list's first paint about 40 ms later at 4x CPU
/// (README, Performance). The same holds when a search or filter moves
/// the rows shown ([`show_only`]): a search that left out the top record
/// moved every row up one, and drawing all 50 again made the time from
/// the keystroke to its paint 64-72 ms at 4x CPU, 47-53 ms with 20.
/// "Show more" draws its rows at once: they are the ones asked for.
const FIRST_PAINT_ROWS: u32 = 20;

/// Why the records the list shows change ([`show_only`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Because {
    /// The coordinator changed the search or a filter: the rows they now
    /// look for are drawn first, the rest after that frame's paint.
    Searched,
    /// The records changed under the same search and filters (saved,
    /// deleted, in another tab), or the list's tools arrived: every row
    /// shown stays drawn, as the coordinator may be scrolled down to it.
    RecordsChanged,
}

/// The drafts the list shows, in its order (most recently saved first),
/// when a search or filter keeps only the records `only` (`None`: every
/// record): the rows drawn and [`show_only`]'s comparison read the same.
fn kept<'d>(
    drafts: &'d [Stored],
    only: Option<&HashSet<String>>,
) -> impl Iterator<Item = &'d Draft> {
    drafts
        .iter()
        .map(|s| &s.draft)
        .filter(move |d| only.is_none_or(|ids| ids.contains(&d.id)))
}

/// Shows only the records `ids` (every record, when `None`), as the
/// list's search and filters decide, `because` of what. The same ids
/// again change nothing; a search that moves the rows shown draws the
/// first of them in the next frame and the rest once it is painted, and
/// one that keeps them (a narrower search finding the same first records)
/// draws nothing again, so a delete question open in a row stays open.
pub fn show_only(state: AppState, ids: Option<HashSet<String>>, because: Because) {
    if state.list_only.with_untracked(|now| *now == ids) {
        return;
    }
    let shown = state.list_shown.get_untracked() as usize;
    let moves_rows = because == Because::Searched
        && state.catalogue.with_untracked(|c| {
            state.list_only.with_untracked(|now| {
                let before = kept(&c.drafts, now.as_ref()).take(shown);
                let after = kept(&c.drafts, ids.as_ref()).take(shown);
                before.map(|d| &d.id).ne(after.map(|d| &d.id))
            })
        });
    if moves_rows {
        draw_rest_after_paint(state);
    }
    state.list_only.set(ids);
}

/// The rows past the first frame's: not drawn until the task after the
/// next paint (a hidden tab paints no frame: until it is shown), and then
/// only if no later change moved the rows meanwhile ([`RestRows`]).
fn draw_rest_after_paint(state: AppState) {
    let Some(change) = state.list_rest.try_update(RestRows::wait) else {
        return;
    };
    leptos::task::spawn_local(async move {
        common::deferred::after_paint().await;
        // (Gone already if the app was closed at once.)
        state
            .list_rest
            .try_maybe_update(|rest| (rest.painted(change), ()));
    });
}

/// The records list.
#[component]
pub fn RecordsList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    Effect::new(|_| record::prefetch());
    let shown = state.list_shown;
    draw_rest_after_paint(state);
    // The rows shown, in two blocks: the first frame's (`head`), never
    // drawn again when the rest (`tail`) arrive after its paint, so a
    // delete question opened meanwhile stays open and no row is judged
    // twice.
    let slice = move |from: usize, to: usize| {
        // (A search or filter, set by the list's tools, keeps some ids.)
        state.list_only.with(|only| {
            state.catalogue.with(|c| {
                kept(&c.drafts, only.as_ref())
                    .take(to)
                    .skip(from)
                    .map(row)
                    .collect::<Vec<_>>()
            })
        })
    };
    let first = FIRST_PAINT_ROWS as usize;
    let head = Memo::new(move |_| slice(0, (shown.get() as usize).min(first)));
    let tail = Memo::new(move |_| {
        if state.list_rest.with(RestRows::drawn) {
            slice(first, shown.get() as usize)
        } else {
            Vec::new()
        }
    });
    // What the last list action met (create, duplicate, import), said in
    // the language shown (by the list's tools, but for their code not
    // fetched).
    let problem = RwSignal::new(None::<ListProblem>);
    // A row's delete question while it is open: which record, and what
    // was answered. Kept here, so the rows drawn anew (another language,
    // another tab's save) keep it.
    let deleting = RwSignal::new(None::<DeleteQuestion>);
    // A block of rows, in the language of the moment.
    let draw = move |rows: Memo<Vec<Row>>| {
        move || {
            let lang = lang.get();
            rows.get()
                .into_iter()
                .map(|r| view! { <RecordRow row=r lang problem deleting /> })
                .collect_view()
        }
    };

    // Before the first record the passcode offer must be answered, so
    // nothing is ever written in the clear on a device that will use one.
    let new_record = move |_| {
        if state.waits_for_offer(Pending::Create) {
            return;
        }
        record::create(state, Creation::New, problem);
    };
    let on_import = move |ev: leptos::ev::Event| {
        let Some(file) = crate::ui::platform::dom::take_chosen_file(&ev) else {
            return;
        };
        if state.waits_for_offer(Pending::Import) {
            return;
        }
        list_tools::import(state, file, problem);
    };
    let scan = move |_| {
        if !state.waits_for_offer(Pending::Scan) {
            state.go(Screen::Scan);
        }
    };
    view! {
        <section class="list" aria-labelledby="list-title">
            <div class="list-head">
                <h2 id="list-title">{tr(lang, |l| words::of(l).records_title)}</h2>
                <div class="actions">
                    <button class="primary" on:click=new_record>{tr(lang, |l| words::of(l).new_screening)}</button>
                    <button on:click=scan data-scan>{tr(lang, |l| words::of(l).scan_code)}</button>
                    <label class="button file">
                        {tr(lang, |l| words::of(l).import)}
                        <input type="file" accept=".json,application/json,application/fhir+json" on:change=on_import />
                    </label>
                    <button on:click=move |_| state.go(Screen::Settings) data-open-settings>{tr(lang, |l| common::words::of(l).settings)}</button>
                    <Show when=move || state.has_vault.get()>
                        <button on:click=move |_| state.lock()>{tr(lang, |l| words::of(l).lock_now)}</button>
                    </Show>
                    <button class="link" on:click=move |_| state.go(Screen::Home) data-to-start>{tr(lang, |l| words::of(l).start_page)}</button>
                </div>
            </div>
            // (That the code for an action could not be fetched is said here:
            // the list's tools may be what could not be.)
            {move || problem.with(|p| p.as_ref().map(|p| match p {
                ListProblem::PartUnavailable => view! {
                    <div class="alert error" role="alert" data-list-problem>
                        <p>{tr(lang, |l| common::words::of(l).part_unavailable)}</p>
                    </div>
                }
                .into_any(),
                _ => list_tools::problem(problem),
            }))}
            {crate::ui::lock::door::lock_offer(problem)}
            // The search, filters and exports come after the list is
            // painted: their room is kept (style/app.css), so a row tapped
            // as soon as it shows does not move under the finger.
            <div class="list-tools">{list_tools::reminders()}</div>
            <Show
                when=move || head.with(|r| !r.is_empty())
                // (Records that the search or filters leave out: the search
                // box says that none matches.)
                fallback=move || state.catalogue.with(|c| c.drafts.is_empty()).then(|| view! { <p class="empty">{tr(lang, |l| words::of(l).no_records)}</p> })
            >
                <table class="records">
                    <thead>
                        <tr>
                            <th scope="col">{tr(lang, |l| words::of(l).col_label)}</th>
                            <th scope="col">{tr(lang, |l| words::of(l).col_date)}</th>
                            <th scope="col">{tr(lang, |l| words::of(l).col_outcome)}</th>
                            <th scope="col">{tr(lang, |l| words::of(l).col_status)}</th>
                            <th scope="col">{tr(lang, |l| words::of(l).col_saved)}</th>
                            <th scope="col"><span class="visually-hidden">{tr(lang, |l| words::of(l).col_actions)}</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        // Redrawn by position, not keyed: a change patches the rows
                        // in place with the current data. Leptos's keyed <For> added
                        // 2.3 KB (brotli) to the first download and kept nothing a
                        // coordinator needs (any change to the list also closes a
                        // delete confirmation left open in another row).
                        // A row's words are written once, in the language of
                        // the moment: changing it (rare) draws the rows anew,
                        // so each row keeps no effect per word.
                        {draw(head)}
                        {draw(tail)}
                    </tbody>
                </table>
                {list_tools::list_more(shown, LIST_PAGE)}
            </Show>
        </section>
    }
}

/// One record in the list, with its actions, in `lang`. Delete asks
/// first, in place (the list's open question, `deleting`).
#[component]
fn RecordRow(
    row: Row,
    lang: Lang,
    problem: RwSignal<Option<ListProblem>>,
    deleting: RwSignal<Option<DeleteQuestion>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let ui = words::of(lang);
    let Row {
        id,
        label,
        date,
        outcome,
        status,
        updated,
    } = row;
    let shown_label = if label.is_empty() {
        common::words::of(lang).no_label.to_string()
    } else {
        label
    };
    let open = {
        let id = id.clone();
        move |_| state.go(Screen::Record(id.clone()))
    };
    let duplicate = {
        let id = id.clone();
        move |_| {
            // (The record form's code makes the copy.)
            if let Some(s) = state.stored(&id) {
                record::create(state, Creation::Duplicate(s.draft), problem);
            }
        }
    };
    // Open here while the list's one question asks about this record (a
    // row drawn anew opens it again; asking about another closes it).
    let confirming = Memo::new({
        let id = id.clone();
        move |_| deleting.with(|q| q.as_ref().is_some_and(|q| q.asks_about(&id)))
    });
    let asking = {
        let id = id.clone();
        move || {
            confirming
                .get()
                .then(|| list_tools::delete_form(id.clone(), deleting))
        }
    };
    let ask = {
        let id = id.clone();
        move |_| deleting.set(Some(DeleteQuestion::new(&id)))
    };
    let (badge_class, badge_text) = badge(outcome, ui);
    // Element Timing: the benchmark measures when the first verdict is painted.
    let badge_view = view! {
        <span class=badge_class data-outcome-badge=outcome.map_or("none", Outcome::as_str)>{badge_text}</span>
    }
    .attr("elementtiming", "verdict");
    let status_text = match status {
        Status::InProgress => ui.status_in_progress,
        Status::Completed => ui.status_complete,
        Status::Amended => ui.status_amended,
    };
    view! {
        <tr data-record=id>
            <td><button class="link" on:click=open>{shown_label}</button></td>
            <td class="date">{date}</td>
            <td>
                {badge_view}
            </td>
            <td data-status=status.as_str()>{status_text}</td>
            <td class="date">{updated}</td>
            <td class="row-actions">
                <span class="row-actions" hidden=move || confirming.get()>
                    <button on:click=duplicate>{ui.duplicate}</button>
                    <button class="danger" on:click=ask>{ui.delete}</button>
                </span>
                // Who deletes it and why, asked in place (the list's tools).
                {asking}
            </td>
        </tr>
    }
}
