//! The doors to the records list's tools: the wasm module `tools`, fetched
//! once the list is painted (`src/ui/features.json`): the notices above the
//! list, a row's delete question, the buttons under a long list, importing
//! a file, and what the list's last action met.

use crate::app::delete_question::DeleteQuestion;
use crate::app::list_problem::ListProblem;
use crate::ui::common::deferred::{self, Unavailable, When};
use crate::ui::common::state::AppState;
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

#[wasm_split(tools, wasm_split_path = ::leptos::wasm_split, fallible)]
fn reminders_view() -> Result<AnyView, Unavailable> {
    Ok(view! { <super::Reminders /> }.into_any())
}

#[wasm_split(tools, wasm_split_path = ::leptos::wasm_split, fallible)]
fn delete_form_view(
    id: String,
    question: RwSignal<Option<DeleteQuestion>>,
) -> Result<AnyView, Unavailable> {
    Ok(view! { <super::DeleteForm id=id question=question /> }.into_any())
}

#[wasm_split(tools, wasm_split_path = ::leptos::wasm_split, fallible)]
fn list_more_view(shown: RwSignal<u32>, page: u32) -> Result<AnyView, Unavailable> {
    Ok(view! { <super::ListMore shown=shown page=page /> }.into_any())
}

#[wasm_split(tools, wasm_split_path = ::leptos::wasm_split, fallible)]
fn problem_view(problem: RwSignal<Option<ListProblem>>) -> Result<AnyView, Unavailable> {
    Ok(view! { <super::Problem problem=problem /> }.into_any())
}

#[wasm_split(tools, wasm_split_path = ::leptos::wasm_split, fallible)]
fn import_now(
    state: AppState,
    file: web_sys::File,
    problem: RwSignal<Option<ListProblem>>,
) -> Result<(), Unavailable> {
    leptos::task::spawn_local(super::import_file(state, file, problem));
    Ok(())
}

/// Above the records list: stored entries that cannot be read, records
/// past the retention period, a backup due, storage nearly full; then the
/// search box, filters and exports. Fetched once the list is painted; on
/// failure, left out quietly.
pub fn reminders() -> AnyView {
    deferred::deferred(
        Box::new(|| Box::pin(reminders_view())),
        When::AfterPaint,
        |_| ().into_any(),
    )
}

/// Under a long records list: how many are drawn, and buttons to draw
/// `page` more or all. Below the table, so its arriving after the first
/// paint moves nothing on screen.
pub fn list_more(shown: RwSignal<u32>, page: u32) -> AnyView {
    deferred::deferred(
        Box::new(move || Box::pin(list_more_view(shown, page))),
        When::AfterPaint,
        deferred::unavailable,
    )
}

/// In the row of the record `id`: who deletes it and why (the list's open
/// `question`, what is answered kept there), then the deletion; the
/// question is closed when done or cancelled.
pub fn delete_form(id: String, question: RwSignal<Option<DeleteQuestion>>) -> AnyView {
    deferred::deferred(
        Box::new(move || Box::pin(delete_form_view(id.clone(), question))),
        When::Now,
        deferred::unavailable,
    )
}

/// What the list's last action met (`problem`, read where it is kept,
/// never copied), said in the language shown (if the list's tools cannot
/// be fetched: that a part of the app could not be).
pub fn problem(problem: RwSignal<Option<ListProblem>>) -> AnyView {
    deferred::deferred(
        Box::new(move || Box::pin(problem_view(problem))),
        When::Now,
        deferred::unavailable,
    )
}

/// Imports `file` as a new record (opened at once); what goes wrong is
/// kept in `problem`.
pub fn import(state: AppState, file: web_sys::File, problem: RwSignal<Option<ListProblem>>) {
    deferred::spawn(import_now(state, file, problem), problem);
}
