//! A typed date as the form understands it, shown beside its input (the
//! element `r-<input id>`, which the input names in its
//! `aria-describedby`): "= 15 March 1958" / "= 1958年3月15日", or how to
//! type a date that is read two ways. Nothing for an empty or half-typed
//! date: the engine's problem at the field says what is wrong.

use super::words;
use crate::record::dates::{Typed, read, understood};
use crate::record::draft::Draft;
use crate::ui::common::state::AppState;
use crate::ui::record::field::FormDraft;
use leptos::prelude::*;

/// The id of the element that shows how the input `key` is understood.
pub fn id_of(key: &str) -> String {
    format!("r-{key}")
}

/// The date as understood, for the text of input `key` (a date field).
pub fn input_date(form: FormDraft, key: &'static str) -> impl IntoView {
    as_read(form, key, move |d: &Draft| d.input(key).to_string())
}

/// The screening date as understood.
pub fn screening_date(form: FormDraft) -> impl IntoView {
    as_read(form, "screening_date", |d: &Draft| d.screening_date.clone())
}

/// Re-read when the form has settled after an edit (as the verdict is),
/// not on every keystroke.
fn as_read(
    form: FormDraft,
    key: &'static str,
    text: impl Fn(&Draft) -> String + Send + Sync + 'static,
) -> impl IntoView {
    let lang = expect_context::<AppState>().lang;
    let typed = Memo::new(move |_| form.judged(&text));
    let shown = move || {
        let w = words::of(lang.get());
        typed.with(|t| match read(t) {
            Typed::Ambiguous => w.date_ambiguous.to_string(),
            Typed::Read { .. } => understood(t).map(w.date_as_read).unwrap_or_default(),
            Typed::Unreadable => String::new(),
        })
    };
    view! { <span class="status-line as-read" id=id_of(key) data-as-read=key>{shown}</span> }
}
