//! The record bar, kept in view at the top of a record while the form
//! scrolls under it: back to the records list, the record's label, when it
//! was last saved, once complete its status (a tap goes to amending),
//! "Print", a jump to any section of the form, and the verdict in one line.

use crate::engine::dictionary::Section;
use crate::record::history::Status;
use crate::ui::common;
use crate::ui::common::route::{RecordPlace, Screen};
use crate::ui::common::state::AppState;
use crate::ui::common::words::tr;
use crate::ui::platform::clock::local_time;
use crate::ui::record::verdict::{Headline, Verdict, VerdictStrip, focus_element};
use crate::ui::record::words;
use leptos::prelude::*;

/// The record bar (see the module's documentation).
#[component]
pub fn RecordBar(
    /// The record's label as typed.
    label: Signal<String>,
    /// When the record was last stored (ISO 8601).
    saved_at: Signal<String>,
    /// Where the record stands.
    status: RwSignal<Status>,
    /// The live verdict.
    verdict: Memo<Option<Verdict>>,
    /// Its headline, shared with the banner.
    headline: Memo<Option<Headline>>,
    /// The criteria version the record keeps.
    criteria: &'static crate::engine::Pack,
    /// The form's sections that have a field to show, in order.
    sections: Signal<Vec<Section>>,
    /// Prints the record's summary.
    print: Callback<()>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let title = move || {
        let l = label.get();
        if l.trim().is_empty() {
            common::words::of(lang.get()).no_label.to_string()
        } else {
            l
        }
    };
    // "Saved 10:42" (the day too, when it was not today).
    let saved = move || {
        let at = local_time(&saved_at.get());
        let today = crate::ui::platform::clock::today().to_string();
        let shown = at
            .strip_prefix(&format!("{today} "))
            .unwrap_or(&at)
            .to_string();
        (!shown.is_empty()).then(|| (words::of(lang.get()).saved_at)(&shown))
    };
    let status_word = move || {
        let h = words::of(lang.get());
        match status.get() {
            Status::InProgress | Status::Completed => h.status_completed,
            Status::Amended => h.amended,
        }
    };
    let jump = move |ev: leptos::ev::Event| {
        if let Some(place) = RecordPlace::from_value(&event_target_value(&ev)) {
            focus_element(&place.heading());
        }
        // Back to the prompt, so the same section can be chosen again.
        if let Some(select) = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlSelectElement>(t).ok())
        {
            select.set_value("");
        }
    };
    view! {
        <div class="record-bar no-print">
            <div class="bar-row">
                <button class="back" on:click=move |_| state.go(Screen::List)>{tr(lang, |l| common::words::of(l).all_screenings)}</button>
                <h2 class="record-title">{title}</h2>
                <span class="saved" role="status" data-saved-at>{saved}</span>
                // (In progress is every record's usual state: said only at the end.)
                <Show when=move || status.get().is_complete()>
                    <button class="status-chip" data-status-chip=move || status.get().as_str()
                        on:click=move |_| focus_element("record-status-title")>{status_word}</button>
                </Show>
                <button class="print" on:click=move |_| print.run(())>{tr(lang, |l| words::of(l).print_summary)}</button>
                <label class="visually-hidden" for="section-jump">{tr(lang, |l| words::of(l).go_to_section)}</label>
                <select id="section-jump" class="section-jump" on:change=jump>
                    <option value="">{tr(lang, |l| words::of(l).go_to_section)}</option>
                    <option value=RecordPlace::Record.value()>{tr(lang, |l| words::of(l).label_field)}</option>
                    {move || {
                        let m = lang.get().messages();
                        sections.get().into_iter().map(|sec| view! {
                            <option value=RecordPlace::Section(sec).value()>{m.section_title(sec)}</option>
                        }).collect_view()
                    }}
                    <option value=RecordPlace::Criteria.value()>{tr(lang, |l| words::of(l).criteria_title)}</option>
                </select>
            </div>
            <VerdictStrip verdict=verdict headline=headline criteria=criteria />
        </div>
    }
}
