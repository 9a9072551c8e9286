//! Finding a record among hundreds: the records list's search box (over
//! labels, as `crate::app::search` decides: case, spaces and punctuation
//! do not matter) and its filters by outcome and by complete / in
//! progress, saying when no record matches; and beside them the list's
//! exports (the screening log, the FHIR Questionnaire), each saying what
//! it wrote. Comes
//! with the list's tools (fetched once the list is painted); it sets
//! `AppState::list_only`, which the list's rows apply. The search and
//! filters are kept while the app is open, so coming back from a record
//! finds the list as it was left.

use crate::app::search::Search;
use crate::engine::Outcome;
use crate::record::draft::Draft;
use crate::record::history::Status;
use crate::ui::common;
use crate::ui::common::state::AppState;
use crate::ui::list;
use crate::ui::list::tools::words;
use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::HashMap;

/// A search and filters, as chosen.
#[derive(Clone, Default, PartialEq)]
struct Filter {
    /// What the label must hold (`crate::app::search`), as typed.
    text: String,
    /// `eligible`, `not_eligible`, `incomplete` (records without a
    /// screening date count as incomplete), or "" for any.
    outcome: String,
    /// `complete` (amended or not), `in-progress`, or "" for any.
    status: String,
}

thread_local! {
    /// The filter while the app is open.
    static KEPT: RefCell<Filter> = RefCell::new(Filter::default());
    /// Each record's outcome by (id, last saved), so filtering does not
    /// judge every record again.
    static OUTCOMES: RefCell<HashMap<String, (String, Outcome)>> = RefCell::new(HashMap::new());
}

/// The outcome of `d` as the list shows it (no screening date: incomplete).
fn outcome(d: &Draft) -> Outcome {
    OUTCOMES.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some((at, o)) = cache.get(&d.id)
            && *at == d.updated
        {
            return *o;
        }
        let o = crate::ui::list::outcome_of(d).unwrap_or(Outcome::Incomplete);
        cache.insert(d.id.clone(), (d.updated.clone(), o));
        o
    })
}

fn keeps(f: &Filter, search: &Search, d: &Draft) -> bool {
    search.finds(&d.label)
        && match f.status.as_str() {
            "complete" => Status::of(d).is_complete(),
            "in-progress" => !Status::of(d).is_complete(),
            _ => true,
        }
        && (f.outcome.is_empty() || outcome(d).as_str() == f.outcome)
}

/// The search box and filters above the records list, with how many
/// records match.
#[component]
pub fn ListFilter() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let h = move || words::of(lang.get());
    let ui = move || list::words::of(lang.get());
    // (Its styles are the record form's sheet, fetched by now or now.)
    crate::ui::platform::js::ensure_style(crate::app::sheet::Sheet::Record);
    let filter = RwSignal::new(KEPT.with(|k| k.borrow().clone()));
    let matched = RwSignal::new(None::<(usize, usize)>);
    Effect::new(move |_| {
        let f = filter.get();
        KEPT.with(|k| *k.borrow_mut() = f.clone());
        if f == Filter::default() {
            matched.set(None);
            state.list_only.set(None);
            return;
        }
        crate::ui::platform::perf::mark("ctit-filter");
        let search = Search::new(&f.text);
        let (ids, total) = state.catalogue.with(|c| {
            let ids: Vec<String> = c
                .drafts
                .iter()
                .filter(|s| keeps(&f, &search, &s.draft))
                .map(|s| s.draft.id.clone())
                .collect();
            (ids, c.drafts.len())
        });
        matched.set(Some((ids.len(), total)));
        state.list_only.set(Some(ids));
        crate::ui::platform::perf::measure("ctit-filter", "ctit-filter");
    });
    let set = move |f: fn(&mut Filter, String), value: String| filter.update(|x| f(x, value));
    // The list's exports (the screening log, the FHIR Questionnaire): what
    // was written, or why not, next to their buttons.
    let export_result = RwSignal::new(None::<Result<String, String>>);
    let exported = move |result: Result<String, String>| {
        export_result.set(Some(result.map_err(|e| {
            (common::operations::of(lang.get_untracked()).export_failed)(&e)
        })));
    };
    // An option of one select, selected while its filter (`of`) has its value.
    let option = move |of: fn(&Filter) -> &str, value: &'static str, text: Signal<&'static str>| {
        view! { <option value=value prop:selected=move || filter.with(|f| of(f) == value)>{text}</option> }
    };
    let outcome: fn(&Filter) -> &str = |f| &f.outcome;
    let status: fn(&Filter) -> &str = |f| &f.status;
    view! {
        <crate::ui::common::initials::ScreenerChip />
        <search class="list-filter no-print" data-list-filter>
            <div class="field">
                <label for="list-search">{move || h().search_label}</label>
                <input id="list-search" type="search" autocomplete="off" spellcheck="false"
                    prop:value=move || filter.with(|f| f.text.clone())
                    on:input=move |ev| set(|f, v| f.text = v, event_target_value(&ev)) />
            </div>
            <div class="field">
                <label for="list-outcome">{move || h().outcome_filter}</label>
                <select id="list-outcome" on:change=move |ev| set(|f, v| f.outcome = v, event_target_value(&ev))>
                    {option(outcome, "", Signal::derive(move || h().any))}
                    {option(outcome, "eligible", Signal::derive(move || ui().badge_eligible))}
                    {option(outcome, "not_eligible", Signal::derive(move || ui().badge_not_eligible))}
                    {option(outcome, "incomplete", Signal::derive(move || ui().badge_incomplete))}
                </select>
            </div>
            <div class="field">
                <label for="list-status">{move || h().status_filter}</label>
                <select id="list-status" on:change=move |ev| set(|f, v| f.status = v, event_target_value(&ev))>
                    {option(status, "", Signal::derive(move || h().any))}
                    {option(status, "in-progress", Signal::derive(move || ui().status_in_progress))}
                    {option(status, "complete", Signal::derive(move || ui().status_complete))}
                </select>
            </div>
            {move || matched.get().map(|(n, of)| {
                let h = h();
                let text = match n {
                    // Records there, none found: say what found none.
                    0 if of > 0 => filter.with(|f| match f.text.trim() {
                        "" => h.no_match_filters.to_string(),
                        typed => (h.no_match)(typed),
                    }),
                    _ => (h.showing)(n, of),
                };
                view! { <p class="status-line" role="status" data-list-matched>{text}</p> }
            })}
        </search>
        <div class="list-exports no-print">
            <div class="actions">
                <button on:click=move |_| exported(crate::ui::list::tools::export_log(state))>{move || h().export_log}</button>
                <button on:click=move |_| exported(crate::ui::list::tools::export_questionnaire(lang.get_untracked()))>{move || h().export_questionnaire}</button>
            </div>
            {move || export_result.get().map(|r| match r {
                Ok(m) => view! { <p class="status-line" role="status" data-export-result>{m}</p> }.into_any(),
                Err(e) => view! { <p class="field-error" role="alert" data-export-result>{e}</p> }.into_any(),
            })}
        </div>
    }
}
