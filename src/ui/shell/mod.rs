//! The app's shell: the header (the trial, the privacy line, the language
//! switch), the storage warnings and notices, and which screen is drawn;
//! the start page (`home`). Every other screen is a feature's, reached
//! through its door.

pub mod home;
pub mod words;

use crate::app::update_offer::PageNow;
use crate::storage::keys::RECORD_PREFIX;
use crate::ui::common;
use crate::ui::common::route::{self, Screen};
use crate::ui::common::state::{AppState, StorageWarning};
use crate::ui::common::words::tr;
use leptos::prelude::*;

/// The app's root: header with the language switch, storage warnings, and
/// the current screen.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    let lang = state.lang;

    // The page's root follows the app: its language (for screen readers
    // and fonts), its title, and whether the offer of a new version, drawn
    // outside the app (web/sw-register.js), must not show now
    // (`data-no-offer`, style/app.css; `crate::app::update_offer` says when).
    Effect::new(move |_| {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        if let Some(el) = doc.document_element() {
            let _ = el.set_attribute("lang", words::of(lang.get()).html_lang);
            let offer = state.screen.with(|screen| {
                state.creating.with(|creating| {
                    PageNow {
                        screen,
                        kept_in_tab_only: state.warning.with(Option::is_some),
                        record_unsaved: state.record_unsaved.get(),
                        creating: creating.as_ref(),
                    }
                    .may_offer_update()
                })
            });
            let _ = el.toggle_attribute_with_force("data-no-offer", !offer);
        }
        doc.set_title(&format!(
            "{} — {}",
            crate::TRIAL_ID,
            common::words::of(lang.get()).trial_title
        ));
    });

    // Keep the list current when another tab saves or deletes a record;
    // follow a passcode set or removed in another tab at once.
    let handle = window_event_listener(leptos::ev::storage, move |ev| {
        let key = ev.key();
        if key.as_deref() == Some(crate::storage::keys::LOCK_SIGNAL_KEY) {
            state.lock_here();
        }
        if key
            .as_deref()
            .is_none_or(|k| k == crate::storage::keys::VAULT_KEY)
        {
            state.recheck_vault();
        }
        if key.is_none_or(|k| k.starts_with(RECORD_PREFIX)) {
            state.reload();
        }
    });
    on_cleanup(move || handle.remove());

    // The tabs' common idle clock and lock, fetched after the first paint.
    // (If its code cannot be fetched, the records still lock when leaving
    // the coordinator's screens, on "Lock now" and when another tab sets a
    // passcode; the service worker keeps the code after the first visit.)
    request_animation_frame(move || crate::ui::lock::door::start_watch(state));
    // What to draw changes only when the screen or the lock really changes.
    let shown = Memo::new(move |_| (state.screen.get(), state.locked.get()));

    // Following a link or the browser's back button between the modes.
    let nav = window_event_listener(leptos::ev::hashchange, move |_| {
        // A fragment that is no screen's (a place within a page) moves nobody.
        let Some(target) = route::named() else {
            return;
        };
        let here = state.screen.get_untracked();
        let same_mode = matches!(
            (&here, &target),
            (Screen::Record(_) | Screen::Scan, Screen::List)
        );
        if here != target && !same_mode {
            state.lock_if_leaving(&target);
            state.screen.set(target);
        }
    });
    on_cleanup(move || nav.remove());

    let warning = move || {
        state.warning.get().map(|w| {
            let ui = words::of(lang.get());
            let text = match w {
                StorageWarning::Blocked(why) => (ui.storage_blocked)(&why),
                StorageWarning::Full(why) => (ui.storage_full)(&why),
            };
            view! { <div class="alert error no-print" role="alert" data-storage-warning>{text}</div> }
        })
    };
    // (Drawn by code fetched after the first paint: a notice is rare.)
    let notice = move || {
        state
            .notice
            .with(Option::is_some)
            .then(crate::ui::lock::door::tab_notice)
    };
    let switch = move |_| state.set_lang(lang.get_untracked().other());

    view! {
        <header class="app-head no-print">
            <p class="trial">
                <button class="home-link" on:click=move |_| state.go(state.screen.get_untracked().title_leads_to())>
                    <strong>{crate::TRIAL_ID}</strong>
                    <span class="visually-hidden">{move || {
                        let w = words::of(lang.get());
                        let to = if state.screen.get().is_coordinator() { w.to_records } else { w.to_start };
                        format!(" — {to}")
                    }}</span>
                </button>
                " · "{tr(lang, |l| common::words::of(l).trial_title)}" · "{tr(lang, |l| common::words::of(l).site)}
            </p>
            <p class="head-right">
                <span class="privacy">{tr(lang, |l| words::of(l).privacy_short)}</span>
                <button
                    class="lang-switch"
                    on:click=switch
                    lang=move || words::of(lang.get().other()).html_lang
                    aria-label=move || format!("{}: {}", words::of(lang.get()).language, words::of(lang.get()).other_language)
                >
                    {tr(lang, |l| words::of(l).other_language)}
                </button>
            </p>
        </header>
        <main id="main">
            {warning}
            {notice}
            {move || match shown.get() {
                (Screen::Home, _) => view! { <home::Home /> }.into_any(),
                (Screen::Patient, _) => crate::ui::patient::door::patient(),
                // Locked: nothing of any record is shown.
                (Screen::List | Screen::Record(_) | Screen::Scan | Screen::Settings, true) => crate::ui::lock::door::lock(),
                (Screen::List, false) => view! { <crate::ui::list::RecordsList /> }.into_any(),
                (Screen::Record(id), false) => crate::ui::record::door::record(id),
                (Screen::Scan, false) => crate::ui::scan::door::scan(),
                (Screen::Settings, false) => crate::ui::settings::door::settings(),
            }}
        </main>
    }
}
