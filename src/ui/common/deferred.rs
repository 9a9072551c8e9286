//! The code fetched on first use, drawn when it is here: the one loader
//! every feature's door goes through (`deferred`: a screen, a notice fetched
//! once its screen is painted, or a part with its own fallback), waiting
//! for the first paint, and the message with "Try again" when a part's code
//! cannot be fetched (offline before the service worker kept the app, or
//! the server gone): it never stops the app, and nothing typed is lost
//! (drafts are in storage, not in the screen).
//!
//! The doors themselves (the `#[wasm_split]` functions) are each feature's
//! (`door.rs` in its folder); which feature loads lazily, and in which
//! wasm module, is one table (`src/ui/features.json`) the build reads.

use crate::app::list_problem::ListProblem;
use crate::ui::common;
use crate::ui::common::state::AppState;
use crate::ui::common::words::tr;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use std::pin::Pin;

/// A screen's code could not be fetched.
pub struct Unavailable;

impl From<SplitLoaderError> for Unavailable {
    fn from(_: SplitLoaderError) -> Self {
        Unavailable
    }
}

/// When a part's code is fetched.
#[derive(Clone, Copy, PartialEq)]
pub enum When {
    /// Now: the screen the user asked for.
    Now,
    /// Once the screen around it has been painted: the list's tools.
    AfterPaint,
}

/// Resolves once the browser has painted the frame being built now (a task
/// queued from an animation-frame callback runs after that frame's paint).
///
/// The list's tools and the prefetches wait for it: fetching, compiling and
/// instantiating their modules is main-thread work, and done before the
/// first paint it pushed the records list (and its verdicts) back by about
/// 100 ms at 4x CPU throttling even when the code came from the service
/// worker's cache.
///
/// A hidden tab paints no frame, so this waits until the tab is shown: what
/// must happen in a hidden tab too does not wait for it (the lock's watch
/// tells the other tabs at once when hidden).
pub async fn after_paint() {
    let (painted, done) = futures_channel::oneshot::channel::<()>();
    request_animation_frame(move || {
        set_timeout(
            move || {
                let _ = painted.send(());
            },
            std::time::Duration::ZERO,
        );
    });
    let _ = done.await;
}

/// A part's code being fetched, then drawn (or `Unavailable`).
pub type Loading = Pin<Box<dyn Future<Output = Result<AnyView, Unavailable>> + Send>>;

/// How to start fetching a part: one type for every part, so the drawing
/// below is compiled once rather than once per part (each copy was about
/// 1 KB of the first download).
pub type Load = Box<dyn Fn() -> Loading + Send + Sync>;

/// Draws what `load` gives once its code is here; until then nothing (from
/// the service worker's cache that is a few milliseconds). If it cannot be
/// fetched, draws `failed`, which gets a signal that tries again when set.
pub fn deferred(load: Load, when: When, failed: fn(RwSignal<u32>) -> AnyView) -> AnyView {
    let attempt = RwSignal::new(0u32);
    (move || {
        // A retry is the user's own request: it waits for nothing.
        let first = attempt.get() == 0;
        let wait = when == When::AfterPaint && first;
        // Split functions are `async fn`s: nothing is fetched until polled.
        let loading = load();
        Suspend::new(async move {
            if wait {
                after_paint().await;
            }
            match loading.await {
                Ok(view) => view,
                Err(Unavailable) => failed(attempt),
            }
        })
    })
    .into_any()
}

/// A screen: on failure, the message with a "Try again" button.
pub fn screen(load: Load) -> AnyView {
    deferred(load, When::Now, unavailable)
}

/// Where a part should be: that its code could not be fetched, and "Try
/// again" (which sets `attempt`).
pub fn unavailable(attempt: RwSignal<u32>) -> AnyView {
    let lang = expect_context::<AppState>().lang;
    view! {
        <div class="alert error" role="alert" data-unavailable>
            <p>{tr(lang, |l| common::words::of(l).part_unavailable)}</p>
            <button on:click=move |_| attempt.update(|n| *n += 1)>{tr(lang, |l| common::words::of(l).try_again)}</button>
        </div>
    }
    .into_any()
}

/// Runs a door's split function (`action`: a future that fetches the
/// part's code, then does the work) for one of the records list's
/// actions; if the code cannot be fetched, says so in `problem` (nothing
/// was done).
pub fn spawn(
    action: impl Future<Output = Result<(), Unavailable>> + 'static,
    problem: RwSignal<Option<ListProblem>>,
) {
    leptos::task::spawn_local(async move {
        if action.await.is_err() {
            problem.set(Some(ListProblem::PartUnavailable));
        }
    });
}
