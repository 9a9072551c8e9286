//! The start page: what the study is, and the choice between the patient
//! self-check and coordinator screening.

use super::state::{AppState, Screen};
use leptos::prelude::*;

/// The start page.
#[component]
pub fn Home() -> impl IntoView {
    let state = expect_context::<AppState>();
    let ui = move || state.lang.get().ui();
    view! {
        <section class="home" aria-labelledby="home-title">
            <h1 id="home-title">{move || ui().home_title}</h1>
            <p>{move || ui().home_intro}</p>
            <div class="modes">
                <button class="mode primary" on:click=move |_| state.go(Screen::Patient)>
                    <span class="mode-title">{move || ui().patient_mode}</span>
                    <span class="mode-help">{move || ui().patient_mode_help}</span>
                </button>
                <button class="mode" on:click=move |_| state.go(Screen::List)>
                    <span class="mode-title">{move || ui().coordinator_mode}</span>
                    <span class="mode-help">{move || ui().coordinator_mode_help}</span>
                </button>
            </div>
        </section>
    }
}
