//! The code fetched on first use: the record form (with creating a record
//! and the scan screen), the patient self-check, the code every screen
//! fetches after its first paint (`later`: the tabs' watch, the lock screen
//! and the patient's code sheet), and the records list's tools (import,
//! exports, passcode offer, settings, the unreadable-entries report, the
//! buttons under a long list). The build splits each into its own wasm
//! module (`tools/post-build.mjs`, see ARCHITECTURE.md), so the first
//! download holds only the app shell, the start page, the records list and
//! the engine. The list's tools wait until the list is painted.
//!
//! A screen that cannot be fetched (offline before the service worker kept
//! the app, or the server gone) shows a message and a "Try again" button;
//! it never stops the app, and nothing typed is lost (drafts are in
//! storage, not in the screen).

use super::state::AppState;
use super::tools;
use super::words::tr;
use crate::drafts::Draft;
use leptos::prelude::*;
use leptos::wasm_split::{SplitLoaderError, wasm_split};
use std::pin::Pin;

/// A screen's code could not be fetched.
struct Unavailable;

impl From<SplitLoaderError> for Unavailable {
    fn from(_: SplitLoaderError) -> Self {
        Unavailable
    }
}

#[wasm_split(record, wasm_split_path = ::leptos::wasm_split, fallible)]
fn record_view(id: String) -> Result<AnyView, Unavailable> {
    super::js::ensure_style("record");
    Ok(view! { <super::record::RecordScreen id=id /> }.into_any())
}

/// The record form's style sheet (`style/record.css`), added when its code
/// is prefetched, so a record opens styled.
#[wasm_split(record, wasm_split_path = ::leptos::wasm_split, fallible)]
fn record_style() -> Result<(), Unavailable> {
    super::js::ensure_style("record");
    Ok(())
}

#[wasm_split(record, wasm_split_path = ::leptos::wasm_split, fallible)]
fn create_now(
    state: AppState,
    creation: Creation,
    errors: RwSignal<Vec<String>>,
) -> Result<(), Unavailable> {
    // Every new record gets a random id here (not in the list, whose code
    // is in the first download); without randomness nothing is created.
    let Some(id) = super::random::new_id() else {
        errors.set(vec![
            state
                .lang
                .get_untracked()
                .screens()
                .random_failed
                .to_string(),
        ]);
        return Ok(());
    };
    let now = super::clock::now_iso();
    let (draft, kind, note) = match creation {
        Creation::New => (
            Draft::new(&id, &super::clock::today().to_string(), &now),
            crate::history::Kind::Created,
            String::new(),
        ),
        Creation::Duplicate(mut draft) => {
            let source = draft.label.clone();
            if !draft.label.is_empty() {
                draft
                    .label
                    .push_str(state.lang.get_untracked().screens().copy_suffix);
            }
            draft.id = id;
            draft.created.clone_from(&now);
            draft.updated = now;
            (draft, crate::history::Kind::Duplicated, source)
        }
    };
    super::history::create(state, draft, kind, note, 0);
    Ok(())
}

#[wasm_split(patient, wasm_split_path = ::leptos::wasm_split, fallible)]
fn patient_view() -> Result<AnyView, Unavailable> {
    super::js::ensure_style("patient");
    Ok(view! { <super::patient::PatientCheck /> }.into_any())
}

/// The patient check's style sheet (`style/patient.css`), added when its
/// code is prefetched.
#[wasm_split(patient, wasm_split_path = ::leptos::wasm_split, fallible)]
fn patient_style() -> Result<(), Unavailable> {
    super::js::ensure_style("patient");
    Ok(())
}

/// The patient result's handoff: what to do next (with `site.json`'s
/// contact details) and "Show my answers to the study team" with its code
/// sheet (`super::handoff`). It comes with the code every screen fetches
/// after its first paint (the lock screen and the tabs' watch, started by
/// `App`), so it is here long before the result, and so that a
/// link to `#patient` does not wait for the code's encoder, the sheet and
/// their words (42 KB, brotli) before the first question, and without a
/// module of its own (a fifth module made the splitter cut 25 files
/// instead of 15, the patient check's 12 instead of 8).
#[wasm_split(later, wasm_split_path = ::leptos::wasm_split, fallible)]
fn handoff_view(draft: RwSignal<Draft>) -> Result<AnyView, Unavailable> {
    super::handoff::style();
    Ok(view! {
        <super::handoff::NextStep />
        <super::handoff::ShowToTeam draft=draft />
    }
    .into_any())
}

// The scan screen comes with the record form's code (which it opens, and
// which is prefetched once the list is painted): a module of its own made
// the splitter cut twice as many shared chunks, each one more request on
// a slow link, for the patient check too.
#[wasm_split(record, wasm_split_path = ::leptos::wasm_split, fallible)]
fn scan_view() -> Result<AnyView, Unavailable> {
    Ok(view! { <super::scan::ScanScreen /> }.into_any())
}

#[wasm_split(later, wasm_split_path = ::leptos::wasm_split, fallible)]
fn notice_view() -> Result<AnyView, Unavailable> {
    Ok(view! { <super::lock::NoticeBar /> }.into_any())
}

#[wasm_split(later, wasm_split_path = ::leptos::wasm_split, fallible)]
fn lock_view() -> Result<AnyView, Unavailable> {
    Ok(view! { <super::lock::LockScreen /> }.into_any())
}

#[wasm_split(later, wasm_split_path = ::leptos::wasm_split, fallible)]
fn watch_now(state: AppState) -> Result<(), Unavailable> {
    super::watch::start(state);
    Ok(())
}

#[wasm_split(tools, wasm_split_path = ::leptos::wasm_split, fallible)]
fn lock_offer_view() -> Result<AnyView, Unavailable> {
    Ok(view! { <super::passcode::LockOffer /> }.into_any())
}

#[wasm_split(tools, wasm_split_path = ::leptos::wasm_split, fallible)]
fn reminders_view() -> Result<AnyView, Unavailable> {
    Ok(view! { <tools::Reminders /> }.into_any())
}

#[wasm_split(tools, wasm_split_path = ::leptos::wasm_split, fallible)]
fn broken_entries_view() -> Result<AnyView, Unavailable> {
    Ok(view! { <tools::BrokenEntries /> }.into_any())
}

#[wasm_split(tools, wasm_split_path = ::leptos::wasm_split, fallible)]
fn settings_view() -> Result<AnyView, Unavailable> {
    Ok(view! { <tools::Settings /> }.into_any())
}

#[wasm_split(tools, wasm_split_path = ::leptos::wasm_split, fallible)]
fn delete_form_view(id: String, open: RwSignal<bool>) -> Result<AnyView, Unavailable> {
    Ok(view! { <tools::DeleteForm id=id open=open /> }.into_any())
}

#[wasm_split(tools, wasm_split_path = ::leptos::wasm_split, fallible)]
fn list_more_view(shown: RwSignal<u32>, page: u32) -> Result<AnyView, Unavailable> {
    Ok(view! { <tools::ListMore shown=shown page=page /> }.into_any())
}

/// How a record the list asks for comes to be.
pub enum Creation {
    /// A new, empty record ("New screening").
    New,
    /// A copy of this stored record ("Duplicate").
    Duplicate(Draft),
}

/// Something the records list asks of code fetched on first use.
pub enum ListAction {
    /// Create a record, under a new random id, and open it (the record
    /// form's code).
    Create(Creation),
    /// One of the list's tools (their module).
    Tool(tools::Tool),
    /// Start the tabs' common idle clock and lock (`watch`, with the lock's
    /// code), once the first screen is painted: from `App`, not the list.
    /// (An action like the others so the first download carries no second
    /// copy of this dispatch.)
    Watch,
}

#[wasm_split(tools, wasm_split_path = ::leptos::wasm_split, fallible)]
fn tool_now(
    state: AppState,
    tool: tools::Tool,
    errors: RwSignal<Vec<String>>,
) -> Result<(), Unavailable> {
    tools::run(state, tool, errors);
    Ok(())
}

/// When a part's code is fetched.
#[derive(Clone, Copy, PartialEq)]
enum When {
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
async fn after_paint() {
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
type Loading = Pin<Box<dyn Future<Output = Result<AnyView, Unavailable>> + Send>>;

/// How to start fetching a part: one type for every part, so the drawing
/// below is compiled once rather than once per part (each copy was about
/// 1 KB of the first download).
type Load = Box<dyn Fn() -> Loading + Send + Sync>;

/// Draws what `load` gives once its code is here; until then nothing (from
/// the service worker's cache that is a few milliseconds). If it cannot be
/// fetched, draws `failed`, which gets a signal that tries again when set.
fn deferred(load: Load, when: When, failed: fn(RwSignal<u32>) -> AnyView) -> AnyView {
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
fn screen(load: Load) -> AnyView {
    deferred(load, When::Now, unavailable)
}

/// A notice above the records list, fetched once the list is painted: on
/// failure, left out quietly (the settings below the list say that the
/// tools could not be fetched).
fn notice(load: Load) -> AnyView {
    deferred(load, When::AfterPaint, |_| ().into_any())
}

fn unavailable(attempt: RwSignal<u32>) -> AnyView {
    let lang = expect_context::<AppState>().lang;
    view! {
        <div class="alert error" role="alert" data-unavailable>
            <p>{tr(lang, |u| u.part_unavailable)}</p>
            <button on:click=move |_| attempt.update(|n| *n += 1)>{tr(lang, |u| u.try_again)}</button>
        </div>
    }
    .into_any()
}

/// The record form for record `id`.
pub fn record(id: String) -> AnyView {
    screen(Box::new(move || Box::pin(record_view(id.clone()))))
}

/// The patient self-check.
pub fn patient() -> AnyView {
    screen(Box::new(|| Box::pin(patient_view())))
}

/// The handoff on the patient's result (see `handoff_view`): until its
/// code is here nothing; if it cannot be fetched, the generic next step
/// and a "Try again" for the code.
pub fn handoff(draft: RwSignal<Draft>) -> AnyView {
    deferred(
        Box::new(move || Box::pin(handoff_view(draft))),
        When::Now,
        handoff_unavailable,
    )
}

fn handoff_unavailable(attempt: RwSignal<u32>) -> AnyView {
    let lang = expect_context::<AppState>().lang;
    view! {
        <p>{move || lang.get().screens().p_next_steps}</p>
        {unavailable(attempt)}
    }
    .into_any()
}

/// "Scan a patient's code" (with the record form's code: the QR reader).
pub fn scan() -> AnyView {
    screen(Box::new(|| Box::pin(scan_view())))
}

/// A notice this tab must give once, above every screen (`AppState::notice`).
pub fn tab_notice() -> AnyView {
    screen(Box::new(|| Box::pin(notice_view())))
}

/// The lock screen.
pub fn lock() -> AnyView {
    screen(Box::new(|| Box::pin(lock_view())))
}

/// The passcode offer, above the records list (first use only).
pub fn lock_offer() -> AnyView {
    notice(Box::new(|| Box::pin(lock_offer_view())))
}

/// Stored entries that cannot be read, above the records list.
pub fn broken_entries() -> AnyView {
    notice(Box::new(|| Box::pin(broken_entries_view())))
}

/// Reminders above the records list: records past the retention period,
/// storage nearly full (`tools::Reminders`).
pub fn reminders() -> AnyView {
    notice(Box::new(|| Box::pin(reminders_view())))
}

/// The retention and lock settings and "wipe this device", below the
/// records list.
pub fn settings() -> AnyView {
    deferred(
        Box::new(|| Box::pin(settings_view())),
        When::AfterPaint,
        unavailable,
    )
}

/// Under a long records list: how many are drawn, and buttons to draw
/// `page` more or all (see [`tools::ListMore`]). Below the table, so its
/// arriving after the first paint moves nothing on screen.
pub fn list_more(shown: RwSignal<u32>, page: u32) -> AnyView {
    deferred(
        Box::new(move || Box::pin(list_more_view(shown, page))),
        When::AfterPaint,
        unavailable,
    )
}

/// In a row of the records list: who deletes the record and why, then
/// the deletion (see [`tools::DeleteForm`]); `open` is cleared when done
/// or cancelled.
pub fn delete_form(id: String, open: RwSignal<bool>) -> AnyView {
    deferred(
        Box::new(move || Box::pin(delete_form_view(id.clone(), open))),
        When::Now,
        unavailable,
    )
}

/// Does `action` once its code is here: creating a record comes with the
/// record form (which it opens), the rest with the list's tools. What goes
/// wrong is listed in `errors`, including code that cannot be fetched (and
/// then nothing was done).
pub fn run(state: AppState, action: ListAction, errors: RwSignal<Vec<String>>) {
    leptos::task::spawn_local(async move {
        let loaded = match action {
            ListAction::Create(creation) => create_now(state, creation, errors).await,
            ListAction::Watch => watch_now(state).await,
            ListAction::Tool(tool) => tool_now(state, tool, errors).await,
        };
        if loaded.is_err() {
            let ui = state.lang.get_untracked().ui();
            errors.set(vec![ui.part_unavailable.to_string()]);
        }
    });
}

/// Fetches the record form's code and style sheet in the background once
/// the records list is painted, so opening a record does not wait for the
/// network (on a first visit the service worker is still caching the app).
/// A failure here is silent: opening the record tries again and says so.
pub fn prefetch_record() {
    leptos::task::spawn_local(async {
        after_paint().await;
        let _ = record_style().await;
    });
}

/// Fetches the patient self-check's code in the background once the start
/// page is painted (see [`prefetch_record`]).
pub fn prefetch_patient() {
    leptos::task::spawn_local(async {
        after_paint().await;
        let _ = patient_style().await;
    });
}
