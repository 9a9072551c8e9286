//! A typed date as the form understands it, shown beside its input (the
//! element `r-<input id>`, which the input names in its
//! `aria-describedby`): "= 15 March 1958" / "= 1958年3月15日", or how to
//! type a date that is read two ways. Nothing for an empty or half-typed
//! date: the engine's problem at the field says what is wrong.

use super::words;
use crate::record::dates::{Typed, read, understood};
use crate::record::draft::Draft;
use crate::text::Lang;
use crate::ui::common::state::AppState;
use crate::ui::record::field::FormDraft;
use leptos::prelude::*;

/// The id of the element that shows how the input `key` is understood.
pub fn id_of(key: &str) -> String {
    format!("r-{key}")
}

/// The date as understood, for the text of input `key` (a date field),
/// in `lang` (the form's fields are drawn in one language).
pub fn input_date(form: FormDraft, key: &'static str, lang: Lang) -> impl IntoView {
    as_read(
        form,
        key,
        move || lang,
        move |d: &Draft| d.input(key).to_string(),
    )
}

/// The screening date as understood, in the app's language as it changes.
pub fn screening_date(form: FormDraft) -> impl IntoView {
    let lang = expect_context::<AppState>().lang;
    as_read(
        form,
        "screening_date",
        move || lang.get(),
        |d: &Draft| d.screening_date.clone(),
    )
}

/// Re-read when the form has settled after an edit (as the verdict is),
/// not on every keystroke; its words in the language `lang` gives.
fn as_read(
    form: FormDraft,
    key: &'static str,
    lang: impl Fn() -> Lang + Send + Sync + 'static,
    text: impl Fn(&Draft) -> String + Send + Sync + 'static,
) -> impl IntoView {
    let typed = Memo::new(move |_| form.judged(&text));
    let shown = move || {
        let w = words::of(lang());
        typed.with(|t| match read(t) {
            Typed::Ambiguous => w.date_ambiguous.to_string(),
            Typed::Read { .. } => understood(t).map(w.date_as_read).unwrap_or_default(),
            Typed::Unreadable => String::new(),
        })
    };
    view! { <span class="status-line as-read" id=id_of(key) data-as-read=key>{shown}</span> }
}
