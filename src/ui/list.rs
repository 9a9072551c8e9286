//! The start screen: every screening record, newest first, with its outcome;
//! create, open, duplicate, delete (with confirmation) and import.

use super::files::read_file_text;
use super::state::{AppState, Screen, local_time, new_id, now_iso, today};
use crate::drafts::{Draft, ImportError, Unreadable, import_record};
use crate::engine::{Record, evaluate};
use crate::text::Lang;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// One row of the list, derived from a stored draft.
#[derive(Clone, Debug, PartialEq)]
struct Row {
    id: String,
    label: String,
    date: String,
    outcome: Option<&'static str>,
    updated: String,
}

fn row(d: &Draft) -> Row {
    let outcome = Record::from_json_value(&d.record_json())
        .ok()
        .map(|r| evaluate(&r).outcome.as_str());
    Row {
        id: d.id.clone(),
        label: d.label.clone(),
        date: d.screening_date.clone(),
        outcome,
        updated: local_time(&d.updated),
    }
}

fn outcome_badge(outcome: Option<&'static str>) -> (&'static str, &'static str) {
    match outcome {
        Some("eligible") => ("badge eligible", "Meets all recorded criteria"),
        Some("not_eligible") => ("badge not-eligible", "Not eligible"),
        Some(_) => ("badge incomplete", "Incomplete"),
        None => ("badge incomplete", "Screening date needed"),
    }
}

fn unreadable_text(why: &Unreadable) -> String {
    match why {
        Unreadable::NotJson(e) => format!("not valid JSON ({e})"),
        Unreadable::WrongShape(e) => format!("not a record of this app ({e})"),
        Unreadable::NewerSchema(v) => {
            format!("written by a newer version of this app (storage schema {v})")
        }
        Unreadable::IdMismatch => "its content names another record".to_string(),
    }
}

/// The records list.
#[component]
pub fn RecordsList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let rows = Memo::new(move |_| {
        state
            .catalogue
            .with(|c| c.drafts.iter().map(|s| row(&s.draft)).collect::<Vec<_>>())
    });
    let confirming = RwSignal::new(None::<String>);
    let import_errors = RwSignal::new(Vec::<String>::new());

    let new_record = move |_| {
        let draft = Draft::new(&new_id(), &today().to_string(), &now_iso());
        state.create(draft);
    };
    let duplicate = move |id: String| {
        if let Some(s) = state.stored(&id) {
            let mut copy = s.draft.clone();
            copy.id = new_id();
            copy.label = if copy.label.is_empty() {
                String::new()
            } else {
                format!("{} (copy)", copy.label)
            };
            copy.created = now_iso();
            copy.updated = copy.created.clone();
            state.create(copy);
        }
    };
    let on_import = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        let name = file.name();
        leptos::task::spawn_local(async move {
            let text = match read_file_text(&file).await {
                Ok(t) => t,
                Err(e) => {
                    import_errors.set(vec![format!("{name}: could not be read ({e})")]);
                    return;
                }
            };
            let m = Lang::En.messages();
            match import_record(&text, &name, &new_id(), &now_iso(), &|p| m.problem(p)) {
                Ok(draft) => {
                    import_errors.set(Vec::new());
                    state.create(draft);
                }
                Err(ImportError::NotARecord(problems)) => {
                    import_errors.set(
                        std::iter::once(format!("{name} was not imported; nothing was changed:"))
                            .chain(problems)
                            .collect(),
                    );
                }
            }
        });
    };

    view! {
        <section class="list" aria-labelledby="list-title">
            <div class="list-head">
                <h2 id="list-title">"Screening records"</h2>
                <div class="actions">
                    <button class="primary" on:click=new_record>"New screening"</button>
                    <label class="button file">
                        "Import"
                        <input type="file" accept=".json,application/json" on:change=on_import />
                    </label>
                </div>
            </div>
            <Show when=move || import_errors.with(|e| !e.is_empty())>
                <div class="alert error" role="alert">
                    <ul>{move || import_errors.get().into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}</ul>
                </div>
            </Show>
            <BrokenEntries />
            <Show
                when=move || rows.with(|r| !r.is_empty())
                fallback=|| view! { <p class="empty">"No screenings yet. Start one with “New screening”, or import an exported record."</p> }
            >
                <table class="records">
                    <thead>
                        <tr>
                            <th scope="col">"Label"</th>
                            <th scope="col">"Screening date"</th>
                            <th scope="col">"Outcome"</th>
                            <th scope="col">"Last saved"</th>
                            <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || rows.get() key=|r| (r.id.clone(), r.label.clone(), r.date.clone(), r.outcome, r.updated.clone()) let:r>
                            {
                                let (class, text) = outcome_badge(r.outcome);
                                let id_open = r.id.clone();
                                let id_dup = r.id.clone();
                                let id_del = r.id.clone();
                                let id_confirm = r.id.clone();
                                let id_yes = r.id.clone();
                                let label = if r.label.is_empty() { "(no label)".to_string() } else { r.label.clone() };
                                let label_del = label.clone();
                                view! {
                                    <tr data-record=r.id.clone()>
                                        <td>
                                            <button class="link" on:click=move |_| state.screen.set(Screen::Record(id_open.clone()))>
                                                {label}
                                            </button>
                                        </td>
                                        <td>{r.date.clone()}</td>
                                        <td><span class=class data-outcome-badge=r.outcome.unwrap_or("none")>{text}</span></td>
                                        <td>{r.updated.clone()}</td>
                                        <td class="row-actions">
                                            <Show
                                                when=move || confirming.get().as_deref() == Some(id_confirm.as_str())
                                                fallback={
                                                    let id_dup = id_dup.clone();
                                                    let id_del = id_del.clone();
                                                    move || {
                                                        let id_dup = id_dup.clone();
                                                        let id_del = id_del.clone();
                                                        view! {
                                                            <button on:click=move |_| duplicate(id_dup.clone())>"Duplicate"</button>
                                                            <button class="danger" on:click=move |_| confirming.set(Some(id_del.clone()))>"Delete"</button>
                                                        }
                                                    }
                                                }
                                            >
                                                {
                                                    let id_yes = id_yes.clone();
                                                    let label_del = label_del.clone();
                                                    view! {
                                                        <span role="alert">{format!("Delete “{label_del}” for good?")}</span>
                                                        <button class="danger" on:click=move |_| { state.delete(&id_yes); confirming.set(None); }>"Yes, delete"</button>
                                                        <button on:click=move |_| confirming.set(None)>"Cancel"</button>
                                                    }
                                                }
                                            </Show>
                                        </td>
                                    </tr>
                                }
                            }
                        </For>
                    </tbody>
                </table>
            </Show>
        </section>
    }
}

/// Stored entries that could not be read: reported, never deleted.
#[component]
fn BrokenEntries() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <Show when=move || state.catalogue.with(|c| !c.broken.is_empty())>
            <div class="alert warning" role="alert" data-broken-entries>
                <p>
                    <strong>{move || format!("{} stored entr{} could not be read.", state.catalogue.with(|c| c.broken.len()), if state.catalogue.with(|c| c.broken.len()) == 1 { "y" } else { "ies" })}</strong>
                    " They have been set aside and kept exactly as they are; nothing was deleted. Site IT can recover them from this browser's storage."
                </p>
                <ul>
                    {move || state.catalogue.with(|c| c.broken.iter().map(|b| {
                        let text = format!("{}: {}", b.key, unreadable_text(&b.why));
                        view! { <li><code>{text}</code></li> }
                    }).collect_view())}
                </ul>
            </div>
        </Show>
    }
}
