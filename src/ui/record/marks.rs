//! The answers a patient reported (a record made from a scanned code,
//! `crate::ui::scan`): the review above the form (every such answer in
//! one list, with "Confirm" or "Change" and how many are left), and under
//! each such field "Reported by the patient" with "Confirm". A confirmed
//! answer stays in its place, marked "Confirmed", so nothing moves under
//! the coordinator's finger; which rows the review holds is
//! `crate::record::review`'s.

use crate::engine::Field;
use crate::record::history::{self, Kind};
use crate::record::review::ReportedReview as Review;
use crate::text::Lang;
use crate::ui::common::state::AppState;
use crate::ui::record::field::FormDraft;
use crate::ui::record::trail::shown_value;
use crate::ui::record::verdict::focus_field;
use crate::ui::record::words;
use leptos::prelude::*;

/// Above a record made from a patient's code: where its answers came from,
/// each answer with "Confirm" (or "Confirmed") and "Change", and how many
/// are still to confirm. A record just made from a code (nothing else in
/// its history yet) first says the code was read and asks for the label.
#[component]
pub fn ReportedReview(
    form: FormDraft,
    /// The record's history, to know whether it was just made from a code.
    history: RwSignal<String>,
    /// Confirms one answer (its input key).
    confirm: Callback<&'static str>,
) -> impl IntoView {
    let lang = expect_context::<AppState>().lang;
    crate::ui::platform::js::ensure_style(crate::app::sheet::Sheet::Handoff);
    let draft = form.draft;
    // The rows it opened with stay, confirmed or not.
    let review = draft.with_untracked(Review::open);
    let fresh = history.with_untracked(|t| {
        let entries = history::entries(t);
        entries.len() == 1 && entries[0].kind == Kind::Scanned
    });
    if fresh {
        // The label first: its field has focus, with the keyboard up.
        crate::ui::platform::js::focus_after_frame("f-label");
    }
    let date = form.shown(|d| d.patient_checked_on.clone());
    let review = StoredValue::new(review);
    let rows = Memo::new(move |_| draft.with(|d| review.with_value(|r| r.rows(d))));
    let remaining = move || {
        let (left, n) = draft.with(|d| review.with_value(|r| r.remaining(d)));
        (words::of(lang.get()).review_remaining)(left, n)
    };
    let row = move |(field, pending): (Field, bool)| {
        let l = lang.get();
        let (h, m) = (words::of(l), l.messages());
        let id = field.id();
        let answer = draft.with_untracked(|d| shown_value(l, id, d.input(id)));
        let action = if pending {
            view! {
                <button class="confirm" aria-label=(h.confirm_field)(m.field_label(field))
                    on:click=move |_| confirm.run(id)>{h.confirm}</button>
            }
            .into_any()
        } else {
            view! { <span class="confirmed">{h.confirmed_mark}</span> }.into_any()
        };
        view! {
            <li class="review-row" data-review=id data-pending=pending.to_string()>
                <span class="q">{m.field_label(field)}</span>
                <span class="a">{answer}</span>
                {action}
                <button class="change" aria-label=format!("{}: {}", h.change, m.field_label(field))
                    on:click=move |_| focus_field(field)>{h.change}</button>
            </li>
        }
    };
    view! {
        <section class="reported-review no-print" data-reported-banner aria-labelledby="review-title">
            {fresh.then(|| view! {
                <p class="alert info" role="status" data-code-read>
                    {move || (words::of(lang.get()).code_read)(review.with_value(|r| r.remaining(&draft.get_untracked()).1))}
                </p>
            })}
            <h3 id="review-title">{move || (words::of(lang.get()).review_title)(&date())}</h3>
            <p class="remaining" role="status" data-remaining>{remaining}</p>
            <ol class="review-list">{move || rows.get().into_iter().map(row).collect_view()}</ol>
        </section>
    }
}

/// Under one field of a record made from a patient's code: "Reported by
/// the patient" and "Confirm" while `pending`, then "Confirmed" in the
/// same place (`confirm` clears the mark; an edit of the field clears it
/// too). Drawn in `lang`, as the form's fields are.
#[component]
pub fn ReportedMark(
    field: Field,
    lang: Lang,
    pending: Signal<bool>,
    confirm: Callback<&'static str>,
) -> impl IntoView {
    let w = words::of(lang);
    let id = field.id();
    let confirm_label = (w.confirm_field)(lang.messages().field_label(field));
    view! {
        <p class="reported" data-reported=id data-pending=move || pending.get().to_string()>
            <span class="badge reported-badge">{w.reported_mark}</span>
            " "
            {move || if pending.get() {
                view! {
                    <button
                        class="confirm"
                        aria-label=confirm_label.clone()
                        on:click=move |_| confirm.run(id)
                    >
                        {w.confirm}
                    </button>
                }.into_any()
            } else {
                view! { <span class="confirmed">{w.confirmed_mark}</span> }.into_any()
            }}
        </p>
    }
}
