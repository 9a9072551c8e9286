//! The lock's doors: the lock screen, the tabs' watch and a tab's notice
//! come with `later`, the module every screen fetches after its first
//! paint; the passcode offer above the records list with the list's tools
//! (`src/ui/features.json`).

use crate::app::list_problem::ListProblem;
use crate::app::sheet::Sheet;
use crate::ui::common::deferred::{self, Unavailable, When};
use crate::ui::common::state::AppState;
use crate::ui::platform::js;
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

#[wasm_split(later, wasm_split_path = ::leptos::wasm_split, fallible)]
fn lock_view() -> Result<AnyView, Unavailable> {
    Ok(view! { <super::LockScreen /> }.into_any())
}

#[wasm_split(later, wasm_split_path = ::leptos::wasm_split, fallible)]
fn notice_view() -> Result<AnyView, Unavailable> {
    Ok(view! { <super::NoticeBar /> }.into_any())
}

#[wasm_split(later, wasm_split_path = ::leptos::wasm_split, fallible)]
fn watch_now(state: AppState) -> Result<(), Unavailable> {
    super::watch::start(state, super::adopt_key);
    Ok(())
}

#[wasm_split(tools, wasm_split_path = ::leptos::wasm_split, fallible)]
fn lock_offer_view(problem: RwSignal<Option<ListProblem>>) -> Result<AnyView, Unavailable> {
    Ok(view! { <super::passcode::LockOffer problem=problem /> }.into_any())
}

/// The lock screen.
pub fn lock() -> AnyView {
    js::ensure_style(Sheet::Settings);
    deferred::screen(Box::new(|| Box::pin(lock_view())))
}

/// A notice this tab must give once, above every screen (`AppState::notice`).
pub fn tab_notice() -> AnyView {
    deferred::screen(Box::new(|| Box::pin(notice_view())))
}

/// The passcode offer, above the records list (first use only), fetched
/// once the list is painted. Its style sheet comes at once while the offer
/// is open, so the offer never shows unstyled; once it has been answered
/// (every later start) the sheet waits for the offer's code, after the
/// first paint, where it no longer costs the start a style recalculation
/// and a fetch. A record asked for before the offer was answered is
/// created once it is; what that meets is kept in the list's `problem`.
pub fn lock_offer(problem: RwSignal<Option<ListProblem>>) -> AnyView {
    if expect_context::<AppState>().offer_open_untracked() {
        js::ensure_style(Sheet::Settings);
    }
    deferred::deferred(
        Box::new(move || {
            Box::pin(async move {
                js::ensure_style(Sheet::Settings);
                lock_offer_view(problem).await
            })
        }),
        When::AfterPaint,
        |_| ().into_any(),
    )
}

/// Starts the tabs' common idle clock and lock in this tab, once the first
/// screen is painted. (If its code cannot be fetched, the records still
/// lock when leaving the coordinator's screens, on "Lock now" and when
/// another tab sets a passcode; the service worker keeps the code after
/// the first visit.)
pub fn start_watch(state: AppState) {
    leptos::task::spawn_local(async move {
        deferred::after_paint().await;
        let _ = watch_now(state).await;
    });
}
