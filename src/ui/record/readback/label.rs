//! The other records with the same label as this one (`record::labels`:
//! case, spaces and punctuation ignored), each named with its screening
//! date and a button to open it. A warning, never a refusal: two
//! screenings of one person are legitimate.

use super::words;
use crate::record::dates::understood;
use crate::record::labels::others_with_label;
use crate::ui::common::route::Screen;
use crate::ui::common::state::AppState;
use crate::ui::record::field::FormDraft;
use leptos::prelude::*;

/// Under the label field: the other records with this label, if any.
pub fn same_label(form: FormDraft) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let mine = Memo::new(move |_| form.judged(|d| (d.id.clone(), d.label.clone())));
    // (id, label, screening date as understood, else as typed)
    let others = Memo::new(move |_| {
        mine.with(|(id, label)| {
            state.catalogue.with(|c| {
                others_with_label(c.drafts.iter().map(|s| &s.draft), id, label)
                    .into_iter()
                    .map(|d| {
                        let date = understood(&d.screening_date)
                            .map_or_else(|| d.screening_date.clone(), |d| d.to_string());
                        (d.id.clone(), d.label.clone(), date)
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    move || {
        let found = others.get();
        (!found.is_empty()).then(|| {
            let w = words::of(lang.get());
            let rows = found
                .into_iter()
                .map(|(id, label, date)| {
                    let open = (w.open_record)(&label, &date);
                    view! {
                        <li>
                            {(w.same_label_row)(&label, &date)}" "
                            <button class="link" aria-label=open on:click=move |_| state.go(Screen::Record(id.clone()))>
                                {w.open}
                            </button>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="alert warning no-print" role="status" data-same-label>
                    <p>{w.same_label}</p>
                    <ul>{rows}</ul>
                </div>
            }
        })
    }
}
