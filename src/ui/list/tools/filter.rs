//! Finding a record among hundreds: the records list's search box (over
//! labels, as `crate::app::search` decides: case, spaces and punctuation
//! do not matter) and its filters by outcome and by complete / in
//! progress, saying when no record matches; and beside them the list's
//! exports (the screening log, the FHIR Questionnaire), each saying what
//! it wrote. Comes with the list's tools (fetched once the list is
//! painted); it says which records match through `list::show_only`, which
//! sets `AppState::list_only`, which the list's rows apply. The search and
//! filters are kept while the app is open, so coming back from a record
//! finds the list as it was left.

use crate::app::outcomes::{JudgeAhead, Outcomes};
use crate::app::search::{ListFilter, Progress, Search, outcome_from_value};
use crate::engine::Outcome;
use crate::record::draft::Draft;
use crate::record::history::Status;
use crate::ui::common::state::AppState;
use crate::ui::list;
use crate::ui::list::tools::{Written, words};
use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::HashSet;

thread_local! {
    /// The search and filters while the app is open.
    static KEPT: RefCell<ListFilter> = RefCell::new(ListFilter::default());
    /// Each record's outcome by (id, last saved), so filtering does not
    /// judge every record again.
    static OUTCOMES: RefCell<Outcomes> = RefCell::new(Outcomes::default());
}

/// The outcome of `d` as the list shows it (no screening date: incomplete).
fn judge(d: &Draft) -> Outcome {
    crate::ui::list::outcome_of(d).unwrap_or(Outcome::Incomplete)
}

/// The outcome of `d`, judged once per saved revision.
fn outcome(d: &Draft) -> Outcome {
    OUTCOMES.with(|o| o.borrow_mut().of(d, judge))
}

/// Judges the records' outcomes ahead of the first filter by outcome, a
/// step at a time (`JudgeAhead::STEP` records, each step a task of its
/// own, so a keystroke or tap never waits long), until every record is
/// judged or the list is left (`alive` is gone with it).
fn judge_ahead(state: AppState, mut ahead: JudgeAhead, alive: StoredValue<()>) {
    set_timeout(
        move || {
            if alive.try_get_value().is_none() {
                return;
            }
            let more = state.catalogue.with_untracked(|c| {
                let drafts = c.drafts.iter().map(|s| &s.draft);
                OUTCOMES.with(|o| ahead.step(drafts, &mut o.borrow_mut(), judge))
            });
            if more {
                judge_ahead(state, ahead, alive);
            }
        },
        std::time::Duration::ZERO,
    );
}

/// The search box and filters above the records list, with how many
/// records match.
#[component]
pub fn ListFilter() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let h = move || words::of(lang.get());
    let ui = move || list::words::of(lang.get());
    // (Its styles, which show it, are the record form's sheet, fetched by
    // now or now.)
    crate::ui::platform::js::ensure_style(crate::app::sheet::Sheet::Record);
    let filter = RwSignal::new(KEPT.with(|k| k.borrow().clone()));
    // (From the task after the tools' first frame: their first paint
    // does not wait for a step.)
    let alive = StoredValue::new(());
    request_animation_frame(move || judge_ahead(state, JudgeAhead::default(), alive));
    let matched = RwSignal::new(None::<(usize, usize)>);
    // (Run again when the search or filters change, and when the records
    // under them do: only the first draws the rows in two steps,
    // `list::Because`.)
    Effect::new(move |before: Option<ListFilter>| {
        let f = filter.get();
        let because = if before.is_some_and(|b| b != f) {
            list::Because::Searched
        } else {
            list::Because::RecordsChanged
        };
        KEPT.with(|k| *k.borrow_mut() = f.clone());
        if f.keeps_all() {
            matched.set(None);
            list::show_only(state, None, because);
            return f;
        }
        crate::ui::platform::perf::mark("ctit-filter");
        let search = Search::new(&f.typed);
        let (ids, total) = state.catalogue.with(|c| {
            let ids: HashSet<String> = c
                .drafts
                .iter()
                .filter(|s| {
                    let d = &s.draft;
                    f.keeps(&search, &d.label, Status::of(d).is_complete(), || {
                        outcome(d)
                    }) && f.keeps_amended(|| crate::record::amendment::changed_by_amendment(d))
                })
                .map(|s| s.draft.id.clone())
                .collect();
            (ids, c.drafts.len())
        });
        matched.set(Some((ids.len(), total)));
        list::show_only(state, Some(ids), because);
        crate::ui::platform::perf::measure("ctit-filter", "ctit-filter");
        f
    });
    let set = move |f: fn(&mut ListFilter, String), value: String| filter.update(|x| f(x, value));
    // The list's exports (the screening log, the FHIR Questionnaire): what
    // was written, or why not, next to their buttons.
    let export_result = RwSignal::new(None::<Result<Written, String>>);
    let exported = move |result: Result<Written, String>| export_result.set(Some(result));
    // The box, the filters' options and the amendment's box start as the
    // kept search and filters were left; after that only the user changes
    // them, so they follow nothing (a keystroke wakes none of them).
    let kept = filter.get_untracked();
    let outcome_option = move |o: Option<Outcome>, text: Signal<&'static str>| {
        view! { <option value=o.map_or("", Outcome::as_str) prop:selected=kept.outcome == o>{text}</option> }
    };
    let progress_option = move |p: Option<Progress>, text: Signal<&'static str>| {
        view! { <option value=p.map_or("", Progress::value) prop:selected=kept.progress == p>{text}</option> }
    };
    view! {
        <crate::ui::common::initials::ScreenerChip />
        <search class="list-filter no-print" data-list-filter>
            <div class="field">
                <label for="list-search">{move || h().search_label}</label>
                <input id="list-search" type="search" autocomplete="off" spellcheck="false"
                    prop:value=kept.typed.clone()
                    on:input=move |ev| set(|f, v| f.typed = v, event_target_value(&ev)) />
            </div>
            <div class="field">
                <label for="list-outcome">{move || h().outcome_filter}</label>
                <select id="list-outcome" on:change=move |ev| set(|f, v| f.outcome = outcome_from_value(&v), event_target_value(&ev))>
                    {outcome_option(None, Signal::derive(move || h().any))}
                    {outcome_option(Some(Outcome::Eligible), Signal::derive(move || ui().badge_eligible))}
                    {outcome_option(Some(Outcome::NotEligible), Signal::derive(move || ui().badge_not_eligible))}
                    {outcome_option(Some(Outcome::Incomplete), Signal::derive(move || ui().badge_incomplete))}
                </select>
            </div>
            <div class="field">
                <label for="list-status">{move || h().status_filter}</label>
                <select id="list-status" on:change=move |ev| set(|f, v| f.progress = Progress::from_value(&v), event_target_value(&ev))>
                    {progress_option(None, Signal::derive(move || h().any))}
                    {progress_option(Some(Progress::InProgress), Signal::derive(move || ui().status_in_progress))}
                    {progress_option(Some(Progress::Complete), Signal::derive(move || ui().status_complete))}
                </select>
            </div>
            // Only when this build judges new records by an amendment.
            {(crate::engine::Pack::versions().count() > 1).then(|| view! {
                <div class="field check">
                    <label>
                        <input type="checkbox" data-amended-filter
                            prop:checked=kept.amended
                            on:change=move |ev| filter.update(|f| f.amended = event_target_checked(&ev)) />
                        {move || (h().amended_filter)(crate::engine::Pack::current().version)}
                    </label>
                </div>
            })}
            // Always there, empty while every record is shown: the first
            // letter typed moves no row of the list below (its room is kept,
            // app.css's .list-tools), and a screen reader hears the count (a
            // live region must be on the page before it speaks).
            <p class="status-line" role="status" data-list-matched>
                {move || matched.get().map(|(n, of)| {
                    let h = h();
                    match n {
                        // Records there, none found: say what found none.
                        0 if of > 0 => filter.with(|f| match f.typed.trim() {
                            "" if f.amended && f.outcome.is_none() && f.progress.is_none() => {
                                (h.no_match_amended)(crate::engine::Pack::current().version)
                            }
                            "" => h.no_match_filters.to_string(),
                            typed => (h.no_match)(typed),
                        }),
                        _ => (h.showing)(n, of),
                    }
                })}
            </p>
        </search>
        <div class="list-exports no-print">
            <div class="actions">
                <button on:click=move |_| exported(crate::ui::list::tools::export_log(state))>{move || h().export_log}</button>
                <button on:click=move |_| exported(crate::ui::list::tools::export_questionnaire())>{move || h().export_questionnaire}</button>
            </div>
            {move || export_result.get().map(|said| {
                let done = said.is_ok();
                let text = move || Written::text(&said, lang.get());
                if done {
                    view! { <p class="status-line" role="status" data-export-result>{text}</p> }.into_any()
                } else {
                    view! { <p class="field-error" role="alert" data-export-result>{text}</p> }.into_any()
                }
            })}
        </div>
    }
}
