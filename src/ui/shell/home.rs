//! The start page: what the study is, and the choice between the patient
//! self-check and coordinator screening.

use crate::ui::common::route::Screen;
use crate::ui::common::state::AppState;
use crate::ui::common::words::tr;
use crate::ui::shell::words;
use leptos::prelude::*;

/// The start page.
#[component]
pub fn Home() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    Effect::new(|_| crate::ui::patient::door::prefetch());
    view! {
        <section class="home" aria-labelledby="home-title">
            <h1 id="home-title">{tr(lang, |l| words::of(l).home_title)}</h1>
            <p>{tr(lang, |l| words::of(l).home_intro)}</p>
            <div class="modes">
                <button class="mode primary" on:click=move |_| state.go(Screen::Patient)>
                    <span class="mode-title">{tr(lang, |l| words::of(l).patient_mode)}</span>
                    <span class="mode-help">{tr(lang, |l| words::of(l).patient_mode_help)}</span>
                </button>
                <button class="mode" on:click=move |_| state.go(Screen::List)>
                    <span class="mode-title">{tr(lang, |l| words::of(l).coordinator_mode)}</span>
                    <span class="mode-help">{tr(lang, |l| words::of(l).coordinator_mode_help)}</span>
                </button>
            </div>
        </section>
    }
}
