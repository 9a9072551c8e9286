//! The records list's tools, in the wasm module fetched once the list is
//! painted (`door`): importing a file, the screening log and FHIR
//! Questionnaire exports with the search and filters (`filter`), records
//! past the retention period, a row's delete question, the report of
//! stored entries that cannot be read, and the buttons that draw more of a
//! long list.

pub mod door;
pub mod filter;
pub mod words;

use crate::app::delete_question::{Answer, DeleteQuestion, Missing};
use crate::app::list_problem::{ListProblem, NotImported};
use crate::engine::Outcome;
use crate::record::import::{ImportError, Imported, import_record};
use crate::record::stored::{Broken, DeletionReason, Tombstone};
use crate::storage::Unreadable;
use crate::text::Lang;
use crate::ui::common;
use crate::ui::common::state::AppState;
use crate::ui::common::words::tr;
use crate::ui::platform::clock::{days_ago_iso, now_iso, today};
use crate::ui::platform::files::{download, read_file_text};
use crate::ui::platform::random::new_id;
use crate::ui::platform::storage::with_store;
use crate::ui::settings;
use leptos::prelude::*;

/// Reads `file` and imports it as a new record, opened at once; or keeps
/// in `problem` why it was not (unreadable, or refused).
pub async fn import_file(
    state: AppState,
    file: web_sys::File,
    problem: RwSignal<Option<ListProblem>>,
) {
    let file_name = file.name();
    let not_imported = |why| {
        problem.set(Some(ListProblem::NotImported {
            file: file_name.clone(),
            why,
        }));
    };
    // Refused before it is read into memory.
    let size = file.size();
    if size > crate::record::import::MAX_IMPORT_BYTES as f64 {
        not_imported(NotImported::Refused(ImportError::TooLarge(size as usize)));
        return;
    }
    let text = match read_file_text(&file).await {
        Ok(t) => t,
        Err(e) => {
            not_imported(NotImported::Unreadable(e));
            return;
        }
    };
    let Some(id) = new_id() else {
        problem.set(Some(ListProblem::NoRandomness));
        return;
    };
    match import_record(&text, &file_name, &id, &now_iso()) {
        Ok(Imported { draft, left_out }) => {
            problem.set(None);
            let origin = crate::record::create::Origin::Imported {
                draft,
                file_name: file_name.clone(),
                left_out,
            };
            if crate::ui::record::creating::begin(state, origin).is_err() {
                problem.set(Some(ListProblem::NoRandomness));
            }
        }
        Err(refused) => not_imported(NotImported::Refused(refused)),
    }
}

/// What the list's last action met, as lines in `lang`: for a file not
/// imported, that it was not, then why.
fn problem_lines(problem: &ListProblem, lang: Lang) -> Vec<String> {
    let sc = words::of(lang);
    let (file, why) = match problem {
        ListProblem::PartUnavailable => {
            return vec![common::words::of(lang).part_unavailable.to_string()];
        }
        ListProblem::NoRandomness => {
            return vec![common::operations::of(lang).random_failed.to_string()];
        }
        ListProblem::NotImported { file, why } => (file, why),
    };
    let refused = match why {
        NotImported::Unreadable(e) => return vec![(sc.import_unreadable)(file, e)],
        NotImported::Refused(refused) => refused,
    };
    let reasons = match refused {
        // (These words name the file and say it was not imported.)
        ImportError::UnsignedHistory(entries) => {
            return vec![(sc.unsigned_history)(file, entries)];
        }
        ImportError::NotARecord(problems) => {
            let m = lang.messages();
            problems.iter().map(|p| m.problem(p)).collect()
        }
        ImportError::NotFhirRecord(e) => vec![sc.fhir_refused.of(*e).to_string()],
        ImportError::TooLarge(n) => vec![(sc.import_too_large)(*n)],
        ImportError::LabelTooLong(n) => vec![(sc.import_label_too_long)(*n)],
        ImportError::CriteriaNotCarried(version) => {
            vec![(sc.import_criteria_not_carried)(version)]
        }
    };
    std::iter::once((sc.import_refused)(file))
        .chain(reasons)
        .collect()
}

/// Above the records list: what its last action met, in the language shown.
#[component]
pub fn Problem(problem: RwSignal<Option<ListProblem>>) -> impl IntoView {
    let lang = expect_context::<AppState>().lang;
    let lines = move || {
        problem.with(|p| {
            p.as_ref()
                .map_or_else(Vec::new, |p| problem_lines(p, lang.get()))
        })
    };
    view! {
        <div class="alert error" role="alert" data-list-problem>
            <ul>
                {move || lines().into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
            </ul>
        </div>
    }
}

/// The tombstone of deleting the stored record `id` now: its label, date
/// and outcome, the session's initials, `reason` and its words.
fn tombstone(state: AppState, id: &str, reason: DeletionReason, words: &str) -> Option<Tombstone> {
    let stored = state.stored(id)?;
    let outcome = crate::ui::list::outcome_of(&stored.draft).map_or("invalid", Outcome::as_str);
    Some(Tombstone {
        id: id.to_string(),
        label: stored.draft.label,
        screening_date: stored.draft.screening_date,
        outcome: outcome.to_string(),
        by: state.initials.get_untracked(),
        at: now_iso(),
        reason,
        reason_text: words
            .trim()
            .chars()
            .take(crate::record::history::MAX_REASON_CHARS)
            .collect(),
    })
}

/// What a deletion lacks, in `lang`.
fn missing_text(missing: Missing, lang: Lang) -> &'static str {
    let asked = common::initials::words::of(lang);
    match missing {
        Missing::Reason => words::of(lang).deletion_reason_required,
        Missing::ReasonText => asked.reason_text_required,
        Missing::Initials => asked.initials_invalid,
    }
}

/// Runs `f` on the list's open question if it asks about the record `id`
/// (else on none), tracked.
fn with_asked<R>(
    question: RwSignal<Option<DeleteQuestion>>,
    id: StoredValue<String>,
    f: impl FnOnce(Option<&DeleteQuestion>) -> R,
) -> R {
    question.with(|q| id.with_value(|id| f(DeleteQuestion::about(q, id))))
}

/// The delete form's answer the keyboard is on (its reasons named `name`,
/// its words box `text_id`), if it is on one.
fn keyboard_on(name: &str, text_id: &str) -> Option<Answer> {
    use wasm_bindgen::JsCast;
    let input = document()
        .active_element()?
        .dyn_into::<web_sys::HtmlInputElement>()
        .ok()?;
    if input.id() == text_id {
        return Some(Answer::Words);
    }
    (input.name() == name)
        .then(|| input.value())
        .and_then(|v| DeletionReason::ALL.into_iter().find(|r| r.id() == v))
        .map(Answer::Reason)
}

/// Whether the keyboard is on nothing (the page itself).
fn keyboard_nowhere() -> bool {
    let doc = document();
    doc.active_element()
        .is_none_or(|e| doc.body().is_some_and(|b| e == *b))
}

/// In a row of the records list: why the record is deleted (and the
/// screener's initials, if this session has none), then the deletion,
/// which leaves the record's tombstone (`records::delete`). The question
/// and what is answered are the list's (they outlive the row drawn anew);
/// this form reads and answers it only while it asks about `id`, and
/// closes it when done or cancelled.
#[component]
pub fn DeleteForm(id: String, question: RwSignal<Option<DeleteQuestion>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let h = move || words::of(lang.get());
    // The question is read and answered only while it asks about this
    // record (`DeleteQuestion::about`).
    let this = StoredValue::new(id.clone());
    let close = move || {
        if with_asked(question, this, |q| q.is_some()) {
            question.set(None);
        }
    };
    let answer = move |f: &dyn Fn(&mut DeleteQuestion)| {
        question.update(|q| {
            if let Some(q) = this.with_value(|id| DeleteQuestion::about_mut(q, id)) {
                f(q);
            }
        });
    };
    let name = format!("deletion-reason-{id}");
    let text_id = format!("deletion-text-{id}");
    // The answer the keyboard is on, kept with the question as this form
    // is drawn away (its rows drawn anew by another tab's save or a
    // language switch; read then, while it is still on the page, so a tap
    // elsewhere first leaves nothing to give back), and given back by the
    // form drawn next, if the keyboard is nowhere else by then.
    on_cleanup({
        let (id, name, text_id) = (id.clone(), name.clone(), text_id.clone());
        move || {
            let at = keyboard_on(&name, &text_id);
            question.try_update_untracked(|q| {
                if let Some(q) = DeleteQuestion::about_mut(q, &id) {
                    q.keyboard = at;
                }
            });
        }
    });
    let back = question.with_untracked(|q| {
        this.with_value(|id| DeleteQuestion::about(q, id).and_then(|q| q.keyboard))
    });
    // The answer `at`'s input, `input`: given the keyboard back once it is
    // on the page, if the keyboard was there.
    let keyboard_back = move |at: Answer, input: NodeRef<leptos::html::Input>| {
        if back == Some(at) {
            Effect::new(move |_| {
                if let Some(input) = input.get()
                    && keyboard_nowhere()
                {
                    let _ = input.focus();
                }
            });
        }
    };
    // The reason chosen and what the last refused try lacked, each drawn
    // again only when it changes (not at every keystroke of the words).
    let chosen = Memo::new(move |_| with_asked(question, this, |q| q.and_then(|q| q.reason)));
    let missing = Memo::new(move |_| with_asked(question, this, |q| q.and_then(|q| q.missing)));
    let label = state
        .stored(&id)
        .map(|s| s.draft.label)
        .filter(|l| !l.is_empty());
    let no_initials = move || state.initials.with(String::is_empty);
    let words_input = NodeRef::new();
    keyboard_back(Answer::Words, words_input);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // (Without a reason, the question notes that it is missing.)
        let asked = question.try_update(|q| {
            let q = this.with_value(|id| DeleteQuestion::about_mut(q, id))?;
            Some((q.reason_to_delete()?, q.words.clone()))
        });
        let Some((reason, words)) = asked.flatten() else {
            return;
        };
        let Some(t) = tombstone(state, &id, reason, &words) else {
            close();
            return;
        };
        match state.delete(&t) {
            Ok(()) => close(),
            // (When storage failed, nothing is noted: the storage banner says why.)
            Err(e) => answer(&|q| q.refused(&e)),
        }
    };
    view! {
        <div class="delete-form" data-delete-form>
            <p role="alert">{move || {
                let l = lang.get();
                (words::of(l).deletion_title)(label.as_deref().unwrap_or(common::words::of(l).no_label))
            }}</p>
            <Show when=no_initials>
                <crate::ui::common::initials::InitialsForm starting=false on_done=Callback::new(|()| {}) />
            </Show>
            <form on:submit=submit autocomplete="off">
                <fieldset>
                    <legend class="visually-hidden">{move || h().deletion_reason_required}</legend>
                    {DeletionReason::ALL.iter().map(|&r| {
                        let name = name.clone();
                        let input = NodeRef::new();
                        keyboard_back(Answer::Reason(r), input);
                        view! {
                            <label class="choice">
                                <input type="radio" name=name value=r.id() node_ref=input
                                    prop:checked=move || chosen.get() == Some(r)
                                    on:change=move |_| answer(&|q| q.reason = Some(r)) />
                                {move || h().deletion_reasons.of(r)}
                            </label>
                        }
                    }).collect_view()}
                </fieldset>
                <label for=text_id.clone()>{move || common::initials::words::of(lang.get()).reason_text_label}</label>
                <input id=text_id type="text" node_ref=words_input maxlength=crate::record::history::MAX_REASON_CHARS.to_string()
                    prop:value=move || with_asked(question, this, |q| q.map_or_else(String::new, |q| q.words.clone()))
                    on:input=move |ev| {
                        let typed = event_target_value(&ev);
                        answer(&|q| q.words.clone_from(&typed));
                    } />
                {move || missing.get().map(|m| view! {
                    <p class="field-error" role="alert">{move || missing_text(m, lang.get())}</p>
                })}
                <button type="submit" class="danger" disabled=no_initials>{move || h().deletion_confirm}</button>
                <button type="button" on:click=move |_| close()>{tr(lang, |l| common::words::of(l).cancel)}</button>
            </form>
        </div>
    }
}

/// What one of the list's exports handed to the browser, said in the
/// language of the moment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Written {
    /// The screening log: its file's name and how many rows it holds.
    Log {
        /// The file's name.
        name: String,
        /// Its rows, deleted records' included.
        rows: usize,
    },
    /// Another file, by name.
    File(String),
}

impl Written {
    /// Its words in `lang`; `Err`: the browser's reason it was not written.
    pub fn text(said: &Result<Written, String>, lang: Lang) -> String {
        match said {
            Ok(Written::Log { name, rows }) => (words::of(lang).log_exported)(name, *rows),
            Ok(Written::File(name)) => (words::of(lang).exported)(name),
            Err(e) => (common::operations::of(lang).export_failed)(e),
        }
    }
}

/// Downloads the pseudonymised screening log (CSV) of every stored record
/// and every deleted record's tombstone: what was written, or the
/// browser's reason.
pub fn export_log(state: AppState) -> Result<Written, String> {
    let deleted = with_store(|kv| crate::record::stored::tombstones(kv)).unwrap_or_default();
    let mut rows: Vec<_> = state.catalogue.with_untracked(|c| {
        c.drafts
            .iter()
            .map(|s| {
                crate::interop::log::log_row_by(
                    s.draft.criteria(),
                    &s.draft.label,
                    &s.draft.screening_date,
                    &s.draft.record_json(),
                )
            })
            .collect()
    });
    rows.extend(
        deleted
            .iter()
            .map(crate::record::stored::Tombstone::log_row),
    );
    let csv = crate::interop::log::screening_log_csv(&rows);
    let name = format!("ctit-screening-log-{}.csv", today());
    download(&name, "text/csv;charset=utf-8", &csv)?;
    Ok(Written::Log {
        name,
        rows: rows.len(),
    })
}

/// Downloads the FHIR R4 Questionnaire of the form: what was written, or
/// the browser's reason.
pub fn export_questionnaire() -> Result<Written, String> {
    let text =
        serde_json::to_string_pretty(&crate::interop::fhir::questionnaire()).unwrap_or_default();
    let name = "ctit-screening-questionnaire.fhir.json";
    download(name, "application/fhir+json", &text)?;
    Ok(Written::File(name.to_string()))
}

/// Above the records list: when they need attention, stored entries that
/// cannot be read, records past the retention period, a backup due, and
/// storage nearly full (persistent storage is asked for here); then the
/// search box, filters and exports.
#[component]
pub fn Reminders() -> impl IntoView {
    view! {
        <BrokenEntries />
        <RetentionDue />
        <crate::ui::settings::backup::BackupDue />
        <crate::ui::settings::storage_care::StorageWarning />
        // (Shown by the record form's sheet, so it lays out once, in the
        // room the list keeps for it: style/app.css, .list-tools.)
        <crate::ui::list::tools::filter::ListFilter />
    }
}

/// Records past the retention period: export them, then delete them (after
/// a confirmation). Shown above the records list, only when there are some.
#[component]
pub fn RetentionDue() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let sc = move || words::of(lang.get());
    let confirming = RwSignal::new(false);
    // The file written, or the browser's words why not (said in the
    // language of the moment).
    let exported = RwSignal::new(None::<Result<Written, String>>);
    let old_ids = Memo::new(move |_| {
        let cutoff = days_ago_iso(state.retention_days.get());
        state.catalogue.with(|c| {
            crate::record::stored::older_than(c, &cutoff)
                .iter()
                .map(|s| s.draft.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let export_old = move |_| {
        let records: Vec<serde_json::Value> = state.catalogue.with_untracked(|c| {
            old_ids
                .get_untracked()
                .iter()
                .filter_map(|id| c.drafts.iter().find(|s| &s.draft.id == id))
                .map(|s| {
                    let mut json = s.draft.record_json();
                    json["label"] = serde_json::Value::String(s.draft.label.clone());
                    // As the record's own file: its status and history too.
                    json["status"] = crate::record::history::Status::of(&s.draft).as_str().into();
                    json["history"] = crate::record::history::to_json(&s.draft.history);
                    json
                })
                .collect()
        });
        let text = serde_json::to_string_pretty(&records).unwrap_or_default();
        let name = format!("ctit-old-records-{}.json", today());
        exported.set(Some(
            download(&name, "application/json", &text).map(|()| Written::File(name)),
        ));
    };
    let delete_old = move |_| {
        // Each leaves its tombstone: past the retention period, deleted by
        // this session's screener.
        for id in old_ids.get_untracked() {
            if let Some(t) = tombstone(state, &id, DeletionReason::RetentionPeriod, "") {
                let _ = state.delete(&t);
            }
        }
        confirming.set(false);
    };
    view! {
        <Show when=move || old_ids.with(|v| !v.is_empty())>
            <div class="alert warning" role="region" aria-label=tr(lang, |l| settings::words::of(l).retention_days) data-retention>
                <p>{move || (sc().retention_due)(old_ids.with(Vec::len), state.retention_days.get())}</p>
                <div class="actions">
                    <button on:click=export_old>{tr(lang, |l| words::of(l).export_old)}</button>
                    <button class="danger" on:click=move |_| confirming.set(true)>{tr(lang, |l| words::of(l).delete_old)}</button>
                </div>
                <Show when=move || confirming.get()>
                    <p role="alert">{move || (sc().delete_old_confirm)(old_ids.with(Vec::len))}</p>
                    <Show when=move || state.initials.with(String::is_empty)>
                        <crate::ui::common::initials::InitialsForm starting=false on_done=Callback::new(|()| {}) />
                    </Show>
                    <button class="danger" on:click=delete_old
                        disabled=move || state.initials.with(String::is_empty)>{tr(lang, |l| words::of(l).yes_delete)}</button>
                    <button on:click=move |_| confirming.set(false)>{tr(lang, |l| common::words::of(l).cancel)}</button>
                </Show>
                {move || exported.get().map(|said| view! { <p class="status-line" role="status">{move || Written::text(&said, lang.get())}</p> })}
            </div>
        </Show>
    }
}

/// Under a records list drawn in part: how many of how many records are
/// drawn, and buttons to draw `page` more or all of them. `shown` is how
/// many the list draws; nothing shows once it draws them all.
#[component]
pub fn ListMore(shown: RwSignal<u32>, page: u32) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    move || {
        let drawn = shown.get() as usize;
        let all = state.catalogue.with(|c| c.drafts.len());
        let left = all.saturating_sub(drawn);
        (left > 0).then(|| {
            let sc = words::of(lang.get());
            view! {
                <div class="list-more">
                    <p role="status">{(sc.list_window)(drawn, all)}</p>
                    <button on:click=move |_| shown.update(|n| *n = n.saturating_add(page))>
                        {(sc.show_more)(left.min(page as usize))}
                    </button>
                    <button on:click=move |_| shown.set(u32::MAX)>{(sc.show_all)(all)}</button>
                </div>
            }
        })
    }
}

/// Why a stored entry cannot be read, in the user's language.
fn unreadable_text(why: &Unreadable, sc: &words::Words) -> String {
    match why {
        Unreadable::NotJson(e) => format!("{} ({e})", sc.broken_not_json),
        Unreadable::WrongShape(e) => format!("{} ({e})", sc.broken_wrong_shape),
        Unreadable::NewerSchema(v) => format!("{} (schema {v})", sc.broken_newer),
        Unreadable::IdMismatch => sc.broken_id_mismatch.to_string(),
        Unreadable::CannotOpen => sc.broken_cannot_open.to_string(),
        Unreadable::NotSealed => sc.broken_not_sealed.to_string(),
    }
}

/// Stored entries that could not be read, by key: reported, never deleted.
#[component]
pub fn BrokenEntries() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    move || {
        let sc = words::of(lang.get());
        state.catalogue.with(|c| {
            let mut broken: Vec<&Broken> = c.broken.iter().collect();
            broken.sort_by(|a, b| a.key.cmp(&b.key));
            (!broken.is_empty()).then(|| {
                let items = broken
                    .iter()
                    .map(|b| {
                        let text = format!("{}: {}", b.key, unreadable_text(&b.why, sc));
                        view! { <li><code>{text}</code></li> }
                    })
                    .collect_view();
                view! {
                    <div class="alert warning" role="alert" data-broken-entries>
                        <p>
                            <strong>{(sc.broken_entries)(broken.len())}</strong>
                            {sc.broken_entries_help}
                        </p>
                        <ul>{items}</ul>
                    </div>
                }
            })
        })
    }
}
