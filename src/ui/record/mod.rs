//! One screening record, made for a tablet: the record bar stays in view
//! (back, the label, when it was saved, print, the verdict in one line,
//! the sections); the form comes first, every applicable field grouped the
//! way a coordinator works through a chart; then completing, the exports
//! and "Done"; then the 25 criteria with their reasons. Every change is
//! saved at once; a save that another tab has overtaken is never written
//! over silently.

pub mod amendment;
pub mod bar;
pub mod creating;
pub mod door;
pub mod field;
pub mod marks;
pub mod readback;
pub mod trail;
pub mod verdict;
pub mod words;

use crate::engine::dictionary::{FIELDS, Section};
use crate::engine::{Field, Record};
use crate::record::draft::{Draft, field_of};
use crate::record::export;
use crate::record::history::{Reason, Status};
use crate::record::judge::{On, judge};
use crate::record::review::BeforeCompleting;
use crate::record::session::{Elsewhere, RecordSession};
use crate::record::stored;
use crate::record::stored::{SaveError, Stored};
use crate::storage::keys::record_key;
use crate::text::Lang;
use crate::ui::common;
use crate::ui::common::route::{RecordPlace, Screen};
use crate::ui::common::state::AppState;
use crate::ui::common::words::tr;
use crate::ui::list;
use crate::ui::platform::clock::{now_iso, today};
use crate::ui::platform::files::download;
use crate::ui::record::field::{FieldInput, FormDraft};
use crate::ui::record::verdict::{Banner, CriteriaList, Verdict, criterion_rows, headline};
use crate::ui::record::words::{Exported, StoredNotice};
use leptos::prelude::*;

/// The record screen for the record with `id`; for a new record waiting
/// for the screener's initials, the question first (`history::StartGate`).
#[component]
pub fn RecordScreen(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    // A new record never stored is dropped once its screen is left.
    on_cleanup({
        let id = id.clone();
        move || creating::left(state, id)
    });
    move || {
        // (Stored, the catalogue has it: created now, it is drawn again.)
        let waiting = state.creating.with(|c| creating::waiting(c.as_ref(), &id));
        match state.stored(&id).or_else(|| creating::unsaved(state, &id)) {
            Some(stored) => record_form(state, stored),
            None if waiting => view! { <creating::StartGate /> }.into_any(),
            None => view! {
                <section class="missing">
                    <p role="alert">{tr(lang, |l| words::of(l).record_missing)}</p>
                    <button on:click=move |_| state.go(Screen::List)>{tr(lang, |l| common::words::of(l).all_screenings)}</button>
                </section>
            }
            .into_any(),
        }
    }
}

/// The form of a stored record.
fn record_form(state: AppState, stored: Stored) -> AnyView {
    let lang = state.lang;
    let shared = move || common::words::of(lang.get());
    let read_only = stored.read_only;
    let id = stored.draft.id.clone();
    // What a change is recorded against, and every rule of editing the
    // record: `crate::record::session` (tested natively). The signals
    // below only draw what it says.
    let session = StoredValue::new(RecordSession::open(stored.clone()));
    let history_text = RwSignal::new(stored.draft.history.clone());
    let status = RwSignal::new(Status::of(&stored.draft));
    let amending = RwSignal::new(None::<(Reason, String)>);
    let conflicted = RwSignal::new(false);
    // When the record was last stored (shown in the record bar).
    let saved_at = RwSignal::new(stored.draft.updated.clone());
    let form = FormDraft::new(stored.draft);
    let draft = form.draft;
    let notice = RwSignal::new(None::<StoredNotice>);
    // Changes need the screener's initials and, once the record is
    // complete, a reason (Amend).
    let editable = Memo::new(move |_| {
        // (Tracks what the session's answer depends on.)
        let initials = state.initials.get();
        status.track();
        amending.track();
        session.with_value(|s| s.editable(&initials))
    });
    // Whether this tab holds what the store does not
    // (`RecordSession::unsaved`): the shell offers no reload over it.
    let note_unsaved = move || {
        let now = draft.with_untracked(|form| session.with_value(|s| s.unsaved(form)));
        if state.record_unsaved.get_untracked() != now {
            state.record_unsaved.set(now);
        }
    };
    // Leaving the record leaves nothing of it to lose.
    on_cleanup(move || state.record_unsaved.set(false));
    // Draws what the session now holds as stored.
    let redraw = move || {
        note_unsaved();
        session.with_value(|s| {
            history_text.set(s.saved().history.clone());
            if status.get_untracked() != s.status() {
                status.set(s.status());
            }
            conflicted.set(s.conflict().is_some());
        });
    };

    let parsed = Memo::new(move |_| form.judged(|d| judge(d, On::Draft, today())));
    // The criteria version the record keeps: never changed while it is open.
    let criteria = draft.with_untracked(Draft::criteria);
    let verdict: Memo<Option<Verdict>> =
        Memo::new(move |_| parsed.with(|p| p.record.as_ref().map(|r| Verdict::under(criteria, r))));
    let applicable = Signal::derive(move || parsed.with(|p| p.applicable.clone()));
    let rows = criterion_rows(criteria, verdict);
    let headline = headline(verdict);

    // Stores `d` (its history already written) over the current revision.
    let keep = move |d: Draft| {
        // The form's copy carries the history too (without a redraw).
        draft.update_untracked(|x| {
            x.history.clone_from(&d.history);
            x.status = d.status;
        });
        match state.save(&d, session.with_value(RecordSession::rev)) {
            Ok(rev) => {
                saved_at.set(d.updated.clone());
                session.update_value(|s| s.stored(d, rev));
            }
            Err(SaveError::Conflict { stored }) => session.update_value(|s| s.conflicted(*stored)),
            Err(
                SaveError::Unreadable(_) | SaveError::HistoryRewritten | SaveError::Unrecorded(_),
            ) => {
                // (Said once: each keystroke meets it again, and a live
                // region says again whatever is put in it.)
                if notice.with_untracked(|n| n.as_ref() != Some(&StoredNotice::Unreadable)) {
                    notice.set(Some(StoredNotice::Unreadable));
                }
            }
            // The app-wide banner says so; a new record never stored
            // stays in the list, in memory, as one created then would.
            Err(SaveError::Store(_)) if !session.with_value(RecordSession::is_stored) => {
                state.keep_in_memory(d);
            }
            Err(SaveError::Store(_)) => {}
        }
        redraw();
    };
    // Each change is written in the history against the stored version;
    // refused (no initials, complete without a reason, read-only, a
    // conflict waiting), nothing is stored.
    let persist = move || {
        let by = state.initials.get_untracked();
        let change =
            draft.with_untracked(|form| session.with_value(|s| s.change(form, &by, &now_iso())));
        match change {
            Some(d) => keep(d),
            // Nothing stored: paused by a conflict, or nothing changed.
            None => note_unsaved(),
        }
    };
    let complete = Callback::new(move |()| {
        let outcome =
            verdict.with_untracked(|v| v.as_ref().map_or("", |v| v.report.outcome.as_str()));
        let by = state.initials.get_untracked();
        if let Ok(d) = session.with_value(|s| s.complete(&by, &now_iso(), outcome)) {
            form.edit(|x| x.updated.clone_from(&d.updated));
            keep(d);
        }
    });
    let start_amending = Callback::new(move |(reason, words): (Option<Reason>, String)| {
        let started = session.try_update_value(|s| {
            s.start_amending(reason, &words)
                .map(|()| s.amending().cloned())
        });
        match started {
            Some(Ok(now)) => {
                amending.set(now);
                Ok(())
            }
            Some(Err(problem)) => Err(problem),
            None => Ok(()),
        }
    });
    let stop_amending = Callback::new(move |()| {
        session.update_value(RecordSession::stop_amending);
        amending.set(None);
    });
    let initials_given = Callback::new(move |()| persist());
    let edit = Callback::new(move |(key, value): (String, String)| {
        // Performance marks for the benchmark: the whole handler (the save is
        // measured in `AppState::save`).
        crate::ui::platform::perf::mark("ctit-edit");
        form.edit(|d| {
            d.set_input(&key, &value);
            // Changed by the coordinator: no longer only the patient's word.
            d.confirm(&key);
            d.updated = now_iso();
        });
        persist();
        crate::ui::platform::perf::measure("ctit-edit", "ctit-edit");
    });
    let edit_meta = move |f: fn(&mut Draft, String), value: String| {
        form.edit(|d| {
            f(d, value);
            d.updated = now_iso();
        });
        persist();
    };

    // Another tab saved this record: take its version when everything typed
    // here is stored, else it waits as a conflict (`RecordSession::elsewhere`).
    let key = record_key(&id);
    let handle = window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().as_deref() != Some(key.as_str()) {
            return;
        }
        match ev.new_value() {
            Some(text) => {
                let Ok(theirs) = stored::parse_entry(&key, &text) else {
                    return;
                };
                let seen = draft
                    .with_untracked(|form| session.try_update_value(|s| s.elsewhere(theirs, form)));
                if let Some(Elsewhere::Taken(d)) = seen {
                    form.replace(*d);
                    let at = crate::ui::platform::clock::local_time(&now_iso());
                    notice.set(Some(StoredNotice::UpdatedElsewhere(at)));
                }
                redraw();
            }
            None => notice.set(Some(StoredNotice::DeletedElsewhere)),
        }
    });
    on_cleanup(move || handle.remove());

    let use_theirs = move |_| {
        if let Some(theirs) = session
            .try_update_value(RecordSession::use_theirs)
            .flatten()
        {
            form.replace(theirs);
        }
        redraw();
    };
    let keep_mine = move |_| {
        // Ours is written over theirs, each difference an entry of its history.
        if session.try_update_value(RecordSession::keep_mine) == Some(true) {
            redraw();
            persist();
        }
    };

    let exported = RwSignal::new(None::<Exported>);
    // One export for both formats: the files are `crate::record::export`'s.
    let export_as = move |fhir: bool| {
        let d = draft.get_untracked();
        let Ok(record) = Record::from_json_value(&d.record_json()) else {
            exported.set(Some(Exported::NeedsDate));
            return;
        };
        let trail = export::Trail {
            status: Status::of(&d),
            history: &d.history,
        };
        let (name, kind, text) = if fhir {
            (
                export::file_name(&d.id, &record, ".fhir.json"),
                "application/fhir+json",
                export::fhir_file(&record, &d.label, Some(&trail)),
            )
        } else {
            (
                export::file_name(&d.id, &record, ".json"),
                "application/json",
                export::record_file_by(d.criteria(), &record, &d.label, Some(&trail)),
            )
        };
        let left_out: Vec<Field> = record.problems.iter().filter_map(|p| p.field).collect();
        exported.set(Some(match download(&name, kind, &text) {
            Err(e) => Exported::Failed(e),
            Ok(()) => Exported::Written { name, left_out },
        }));
    };
    let export = move |_| export_as(false);
    let export_fhir = move |_| export_as(true);
    let print_history = RwSignal::new(false);
    let print = move |()| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };

    // Answers a patient reported (a scanned code) and nobody confirmed yet:
    // one memo for the form, so a keystroke re-runs no field's mark.
    let reported = Memo::new(move |_| draft.with(|d| d.patient_reported.clone()));
    // Answers confirmed on this screen: their mark stays, as "Confirmed",
    // so nothing moves under the coordinator's finger.
    let confirmed_here = RwSignal::new(Vec::<crate::engine::Field>::new());
    let confirm = Callback::new(move |key: &'static str| {
        form.edit(|d| {
            d.confirm(key);
            d.updated = now_iso();
        });
        if let Some(f) = crate::engine::Field::from_id(field_of(key)) {
            confirmed_here.update(|c| c.push(f));
        }
        persist();
    });
    // What completing would leave open, read only while it is asked.
    let before_completing = Memo::new(move |_| {
        verdict.with(|v| draft.with(|d| BeforeCompleting::of(d, v.as_ref().map(|v| &v.report))))
    });

    // Each field's judged state in signals of its own (whether it is shown,
    // its problem), each set only when it changes: a keystroke re-judges
    // the form once, and only the fields whose state changed are told (not
    // about 200 closures reading `parsed`, whose subscriber sets the
    // reactive graph copied on every change: README, Performance). Split
    // in two, a field is drawn or not without a memo of its own.
    let field_states: Vec<(Field, FieldSignals)> = parsed.with_untracked(|p| {
        FIELDS
            .iter()
            .map(|d| (d.field, FieldSignals::new(FieldState::of(p, d.field))))
            .collect()
    });
    let state_of = {
        let states = field_states.clone();
        move |f: Field| {
            states
                .iter()
                .find(|(g, _)| *g == f)
                .map(|(_, s)| *s)
                .expect("every field of the dictionary has a state")
        }
    };
    Effect::new(move |_| {
        parsed.with(|p| {
            for (f, s) in &field_states {
                s.set(FieldState::of(p, *f));
            }
        })
    });

    // Whether a section has a field to show, from its fields' states: one
    // memo each, read by the section and by the record bar's section jump.
    let section_visible: Vec<(Section, Memo<bool>)> = Section::ALL
        .iter()
        .map(|&section| {
            let of_section: Vec<RwSignal<bool>> = FIELDS
                .iter()
                .filter(|d| d.section == section)
                .map(|d| state_of(d.field).shown)
                .collect();
            (
                section,
                Memo::new(move |_| of_section.iter().any(|s| s.get())),
            )
        })
        .collect();
    let section_shown = {
        let visible = section_visible.clone();
        move |section: Section| {
            visible
                .iter()
                .find(|(s, _)| *s == section)
                .map(|(_, m)| *m)
                .expect("every section has a visibility")
        }
    };
    // The form's sections, drawn in one language: the words are plain text,
    // so a field costs no reactive node per label, help line or choice (a
    // record open held about 450 KB of the wasm heap in the form's nodes).
    // A change of language draws the form again; what was typed is in the
    // draft, which the inputs read when drawn.
    let sections = move |lang: Lang| {
        let m = lang.messages();
        Section::ALL
            .iter()
            .map(|&section| {
                let visible = section_shown(section);
                let fields = FIELDS
                    .iter()
                    .filter(|d| d.section == section)
                    .map(|def| {
                        let f = def.field;
                        let FieldSignals { shown, problem } = state_of(f);
                        let problem = Signal::derive(move || {
                            problem.with(|p| p.as_ref().map(|k| m.problem_kind(k, Some(f))))
                        });
                        let pending = Signal::derive(move || reported.with(|r| r.marks_field(f)));
                        let marked = move || pending.get() || confirmed_here.with(|c| c.contains(&f));
                        // (`shown` changes only when the field comes or goes:
                        // no memo is needed to keep it from being drawn again.)
                        move || shown.get().then(|| view! {
                            <div class="cell">
                                <FieldInput def=def lang=lang form=form problem=problem edit=edit />
                                <Show when=marked>
                                    <marks::ReportedMark field=f lang=lang pending=pending confirm=confirm />
                                </Show>
                            </div>
                        })
                    })
                    .collect_view();
                let heading = RecordPlace::Section(section).heading();
                view! {
                    <section class="form-section" id=format!("sec-{}", section.id()) aria-labelledby=heading.clone() hidden=move || !visible.get()>
                        <h3 id=heading.clone() tabindex="-1">{m.section_title(section)}</h3>
                        {fields}
                    </section>
                }
            })
            .collect_view()
    };

    // Like the field inputs: re-set only when the draft is replaced.
    let label_value = form.shown(|d| d.label.clone());
    let date_value = form.shown(|d| d.screening_date.clone());
    let date_problem = move || {
        let m = lang.get().messages();
        parsed.with(|p| p.date_problem.as_ref().map(|k| m.problem_kind(k, None)))
    };

    let sections_shown = Memo::new(move |_| {
        section_visible
            .iter()
            .filter(|(_, visible)| visible.get())
            .map(|(section, _)| *section)
            .collect::<Vec<_>>()
    });

    view! {
        <div class="record">
            <bar::RecordBar label=Signal::derive(move || draft.with(|d| d.label.clone())) saved_at=saved_at.into()
                status=status verdict=verdict headline=headline criteria=criteria sections=sections_shown.into() print=Callback::new(move |()| print(())) />
            <crate::ui::common::initials::ScreenerChip />
            <Show when=move || !read_only && state.initials.with(String::is_empty)>
                <crate::ui::common::initials::InitialsForm starting=false on_done=initials_given />
            </Show>
            <Show when=move || reported.with(|r| !r.is_empty()) || !confirmed_here.with(Vec::is_empty)>
                <marks::ReportedReview form=form history=history_text confirm=confirm />
            </Show>
            <Show when=move || conflicted.get()>
                <div class="alert warning no-print" role="alert">
                    <p>{tr(lang, |l| words::of(l).conflict)}</p>
                    <button on:click=use_theirs>{tr(lang, |l| words::of(l).use_theirs)}</button>
                    <button on:click=keep_mine>{tr(lang, |l| words::of(l).keep_mine)}</button>
                </div>
            </Show>
            {read_only.then(|| view! { <p class="alert warning no-print" role="alert">{tr(lang, |l| words::of(l).read_only)}</p> })}
            // (A live region on the page before it speaks, so the notice is heard.)
            <div class="no-print" role="status" data-stored-notice>
                {move || notice.get().map(|n| {
                    let class = if n.warns() { "alert warning" } else { "alert info" };
                    view! { <p class=class>{move || n.text(lang.get())}</p> }
                })}
            </div>
            <form class="form no-print" on:submit=|ev| ev.prevent_default() autocomplete="off">
                <fieldset class="plain" disabled=move || !editable.get()>
                    <section class="form-section meta" id="sec-record" aria-labelledby=RecordPlace::Record.heading()>
                        <h3 id=RecordPlace::Record.heading() tabindex="-1" class="visually-hidden">{tr(lang, |l| words::of(l).label_field)}</h3>
                        <div class="field">
                            <label for="f-label">{tr(lang, |l| words::of(l).label_field)}</label>
                            <input
                                id="f-label"
                                type="text"
                                maxlength=crate::record::import::MAX_LABEL_CHARS.to_string()
                                autocomplete="off"
                                spellcheck="false"
                                prop:value=label_value
                                on:input=move |ev| edit_meta(|d, v| d.label = v, event_target_value(&ev))
                            />
                            {readback::same_label(form)}
                        </div>
                        <div class="field">
                            <label for="f-screening_date">{tr(lang, |l| common::words::of(l).screening_date)}</label>
                            <p class="help" id="h-screening_date">{tr(lang, |l| words::of(l).screening_date_help)}</p>
                            <input
                                id="f-screening_date"
                                type="text"
                                inputmode="numeric"
                                autocomplete="off"
                                spellcheck="false"
                                aria-describedby="h-screening_date r-screening_date"
                                aria-invalid=move || date_problem().is_some().to_string()
                                prop:value=date_value
                                on:input=move |ev| edit_meta(|d, v| d.screening_date = v, event_target_value(&ev))
                            />
                            {readback::screening_date(form)}
                            {move || date_problem().map(|p| view! { <p class="field-error">{format!("{}: {p}", shared().screening_date)}</p> })}
                        </div>
                    </section>
                    {move || sections(lang.get())}
                </fieldset>
            </form>
            <section class="record-end no-print" id="record-status" aria-labelledby="record-status-title">
                <h3 id="record-status-title" class="visually-hidden" tabindex="-1">{tr(lang, |l| words::of(l).status)}</h3>
                <crate::ui::record::trail::StatusBar history=history_text status=status amending=amending
                    complete=complete start_amending=start_amending stop_amending=stop_amending
                    before=before_completing />
                <div class="actions">
                    <button on:click=export>{tr(lang, |l| words::of(l).export_json)}</button>
                    <button on:click=export_fhir>{tr(lang, |l| words::of(l).export_fhir)}</button>
                    <button on:click=move |_| print(())>{tr(lang, |l| words::of(l).print_summary)}</button>
                    <label class="choice">
                        <input type="checkbox" prop:checked=move || print_history.get()
                            on:change=move |ev| print_history.set(event_target_checked(&ev)) />
                        {move || words::of(lang.get()).print_with_history}
                    </label>
                </div>
                {move || exported.get().map(|said| view! { <p class="status-line" role="status">{move || said.text(lang.get())}</p> })}
                <button class="primary done" on:click=move |_| state.go(Screen::List)>{tr(lang, |l| words::of(l).done)}</button>
            </section>
            <section class="verdict no-print" id="criteria" aria-labelledby=RecordPlace::Criteria.heading()>
                <h2 id=RecordPlace::Criteria.heading() tabindex="-1">{tr(lang, |l| words::of(l).criteria_title)}</h2>
                <amendment::AmendmentPanel criteria=criteria unknown_version=draft.with_untracked(|d| (!d.judged_by_own_version()).then_some(d.criteria_version)) record=Signal::derive(move || parsed.with(|p| p.record.clone())) />
                <Banner headline=headline criteria=criteria />
                {
                    let rows = rows.clone();
                    move || view! { <CriteriaList lang=lang.get() rows=rows.clone() applicable=applicable criteria=criteria /> }
                }
            </section>
            <crate::ui::record::trail::HistoryPanel history=history_text />
            {move || view! { <PrintSummary lang=lang.get() draft=draft verdict=verdict rows=rows.clone() criteria=criteria /> }}
            <Show when=move || print_history.get()>
                <section class="print-only" aria-hidden="true">
                    <crate::ui::record::trail::PrintHistory history=history_text />
                </section>
            </Show>
        </div>
    }
    .into_any()
}

/// One field's state as the form was last judged: shown (it applies) and
/// its problem, if any.
#[derive(Debug)]
struct FieldState {
    shown: bool,
    problem: Option<crate::engine::ProblemKind>,
}

/// A field's [`FieldState`] as the form reads it: a signal for each part,
/// set only when that part changes.
#[derive(Clone, Copy)]
struct FieldSignals {
    shown: RwSignal<bool>,
    problem: RwSignal<Option<crate::engine::ProblemKind>>,
}

impl FieldSignals {
    fn new(state: FieldState) -> FieldSignals {
        FieldSignals {
            shown: RwSignal::new(state.shown),
            problem: RwSignal::new(state.problem),
        }
    }

    /// Sets each part of `state` that changed, and only those.
    fn set(self, state: FieldState) {
        if self.shown.get_untracked() != state.shown {
            self.shown.set(state.shown);
        }
        if self.problem.with_untracked(|was| *was != state.problem) {
            self.problem.set(state.problem);
        }
    }
}

impl FieldState {
    fn of(judged: &crate::record::judge::Judged, field: Field) -> FieldState {
        FieldState {
            shown: judged.applicable.contains(&field),
            problem: judged.problem(field).cloned(),
        }
    }
}

/// The one-page summary that only shows when printing, drawn in one
/// language (again when the language changes).
#[component]
fn PrintSummary(
    lang: Lang,
    draft: RwSignal<Draft>,
    verdict: Memo<Option<Verdict>>,
    rows: Vec<Memo<Option<crate::engine::CriterionResult>>>,
    criteria: &'static crate::engine::Pack,
) -> impl IntoView {
    let (m, shared, sc, lw) = (
        lang.messages(),
        common::words::of(lang),
        words::of(lang),
        list::words::of(lang),
    );
    let calendar_line = move || {
        verdict.with(|v| {
            v.as_ref()
                .and_then(|v| m.calendar_summary(&v.calendar, v.report.screening_date))
                .unwrap_or_default()
        })
    };
    view! {
        <section class="print-only" aria-hidden="true">
            <h1>{(sc.summary_title)(crate::TRIAL_ID)}</h1>
            <p>{format!("{} — {}", shared.trial_title, shared.site)}</p>
            <dl>
                <dt>{lw.col_label}</dt><dd>{move || draft.with(|d| d.label.clone())}</dd>
                <dt>{shared.screening_date}</dt><dd>{move || draft.with(|d| d.screening_date.clone())}</dd>
                <dt>{sc.criteria_text}</dt><dd>{criteria.source}</dd>
                <dt>{sc.app_version}</dt><dd>{crate::APP_VERSION}</dd>
                <dt>{shared.outcome}</dt>
                <dd>{move || verdict.with(|v| v.as_ref().map_or(sc.incomplete_no_date.to_string(), |v| m.outcome_headline(v.report.outcome).to_string()))}</dd>
                <dt>{sc.earliest_eligible}</dt><dd>{move || verdict.with(|v| v.as_ref().and_then(|v| v.calendar.earliest_eligible).map_or("—".to_string(), |d| d.to_string()))}" "{calendar_line}</dd>
            </dl>
            <table>
                <thead><tr><th>{sc.criterion}</th><th>{sc.status}</th><th>{sc.reason}</th></tr></thead>
                <tbody>
                    {criteria.criteria.iter().zip(rows).map(|(c, row)| {
                        let id = c.id;
                        view! {
                            <tr>
                                <td>{format!("{} {}", c.code, crate::text::by_pack::title(lang, criteria, id))}</td>
                                <td>{move || row.with(|r| m.status(r.as_ref().map_or(crate::engine::Status::Unknown, |r| r.status)))}</td>
                                <td>{move || row.with(|r| r.as_ref().map(|r| m.reason(r)).unwrap_or_default())}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            <p class="confirm">{sc.signature_line}</p>
        </section>
    }
}
