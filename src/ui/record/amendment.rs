//! The amendment panel above a record's verdict: when the build judges new
//! records by a newer criteria version than the one this record keeps, the
//! record's verdict under both and the criteria that change
//! (`record::amendment` decides; this only draws). Draws nothing, and
//! makes no reactive work, for a record judged by the current version.

use crate::engine::{Pack, Record};
use crate::record::amendment::Amendment;
use crate::text::by_pack;
use crate::ui::common::state::AppState;
use crate::ui::record::words;
use leptos::prelude::*;

/// The panel (see the module's documentation).
#[component]
pub fn AmendmentPanel(
    /// The criteria version the record keeps.
    criteria: &'static Pack,
    /// The version the record names, when this app does not carry it.
    unknown_version: Option<u32>,
    /// The record as typed, when it has a valid screening date.
    record: Signal<Option<Record>>,
) -> impl IntoView {
    let lang = expect_context::<AppState>().lang;
    let unknown = unknown_version.map(|v| {
        view! {
            <p class="amendment" role="note" data-unknown-criteria-version=v.to_string()>
                {move || (words::of(lang.get()).amendment_unknown_version)(v)}
            </p>
        }
    });
    if std::ptr::eq(criteria, Pack::current()) {
        return unknown.into_any();
    }
    let amendment =
        Memo::new(move |_| record.with(|r| r.as_ref().and_then(|r| Amendment::of(criteria, r))));
    let body = move || {
        let l = lang.get();
        let (m, sc) = (l.messages(), words::of(l));
        amendment.with(|a| {
            let a = a.as_ref()?;
            let changes = a
                .changes
                .iter()
                .map(|c| {
                    view! {
                        <li data-changed-criterion=c.id.as_str()>
                            {format!(
                                "{} — {}: {} → {}",
                                c.id.as_str(),
                                by_pack::title(l, a.to, c.id),
                                m.status(c.before),
                                m.status(c.after)
                            )}
                        </li>
                    }
                })
                .collect_view();
            let date = |d: Option<crate::engine::Date>| d.map_or("—".to_string(), |d| d.to_string());
            let date_line = (a.before.earliest_eligible != a.after.earliest_eligible).then(|| {
                view! { <p>{(sc.amendment_date)(&date(a.before.earliest_eligible), &date(a.after.earliest_eligible))}</p> }
            });
            Some(view! {
                <p>{(sc.amendment_judged_by)(a.from.version, &a.from.date.to_string(), a.from.source)}</p>
                <p>{(sc.amendment_newer)(a.to.version, &a.to.date.to_string())}</p>
                <p class="headline" data-outcome-after=a.after.report.outcome.as_str()>{m.outcome_headline(a.after.report.outcome)}</p>
                {if a.changes.is_empty() {
                    view! { <p>{sc.amendment_no_change}</p> }.into_any()
                } else {
                    view! {
                        <p>{(sc.amendment_changes)(a.changes.len())}</p>
                        <ul class="ids">{changes}</ul>
                    }
                    .into_any()
                }}
                {date_line}
                <p>{sc.amendment_not_rejudged}</p>
            })
        })
    };
    view! {
        {unknown}
        <section class="amendment" aria-labelledby="amendment-title" data-criteria-version=criteria.version.to_string() data-current-version=Pack::current().version.to_string()>
            <h3 id="amendment-title">{move || words::of(lang.get()).amendment_title}</h3>
            {body}
        </section>
    }
    .into_any()
}
