//! The start page: what the study is, and the choice between the patient
//! self-check and coordinator screening.

use crate::ui::common::route::Screen;
use crate::ui::common::state::AppState;
use crate::ui::common::words::tr;
use leptos::prelude::*;

/// The start page.
#[component]
pub fn Home() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    Effect::new(|_| crate::ui::lazy::prefetch_patient());
    view! {
        <section class="home" aria-labelledby="home-title">
            <h1 id="home-title">{tr(lang, |u| u.home_title)}</h1>
            <p>{tr(lang, |u| u.home_intro)}</p>
            <div class="modes">
                <button class="mode primary" on:click=move |_| state.go(Screen::Patient)>
                    <span class="mode-title">{tr(lang, |u| u.patient_mode)}</span>
                    <span class="mode-help">{tr(lang, |u| u.patient_mode_help)}</span>
                </button>
                <button class="mode" on:click=move |_| state.go(Screen::List)>
                    <span class="mode-title">{tr(lang, |u| u.coordinator_mode)}</span>
                    <span class="mode-help">{tr(lang, |u| u.coordinator_mode_help)}</span>
                </button>
            </div>
        </section>
    }
}
