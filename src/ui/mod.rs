//! The browser app (Leptos CSR). It renders what the engine decides and
//! never re-implements a rule.

use crate::engine::{Date, Record, evaluate};
use crate::text::Lang;
use leptos::prelude::*;

/// Today's date from the browser's clock (the only clock the app reads).
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date::new(
        now.get_full_year() as i32,
        (now.get_month() + 1) as u8,
        now.get_date() as u8,
    )
    .unwrap_or_else(|| Date::new(2026, 1, 1).expect("valid date"))
}

/// Mounts the app on the page's body.
pub fn mount() {
    leptos::mount::mount_to_body(App);
}

/// The app's root.
#[component]
pub fn App() -> impl IntoView {
    let record = Record::new(today());
    let report = evaluate(&record);
    let m = Lang::En.messages();
    view! {
        <main>
            <h1>"Screening for " {crate::TRIAL_ID}</h1>
            <p>"Romiplostim N01 for refractory chemotherapy-induced thrombocytopenia"</p>
            <p class="verdict" data-outcome=report.outcome.as_str()>{m.outcome_headline(report.outcome)}</p>
        </main>
    }
}
