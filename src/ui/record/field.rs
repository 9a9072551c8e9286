//! One form field, drawn from its dictionary row: the input fits the type
//! (yes / no / not known as three distinct choices, dates and numbers as
//! text so half-typed input is kept, platelets with a unit, labs with their
//! ULN). A problem the engine found is shown at the field.

use crate::engine::dictionary::{FieldDef, Kind};
use crate::engine::record::PlateletUnit;
use crate::record::draft::{Draft, uln_key, unit_key};
use crate::text::Lang;
use crate::ui::common;
use leptos::prelude::*;

/// Choices for a three-way field: (stored text, shown text).
fn choices(kind: Kind, lang: Lang) -> [(&'static str, &'static str); 3] {
    let sc = common::answers::of(lang);
    match kind {
        Kind::Serology => [
            ("positive", sc.positive),
            ("negative", sc.negative),
            ("", sc.not_known),
        ],
        Kind::Sex => [("female", sc.female), ("male", sc.male), ("", sc.not_known)],
        _ => [("yes", sc.yes), ("no", sc.no), ("", sc.not_known)],
    }
}

/// The draft a form edits, with two triggers: one fired when the draft is
/// replaced as a whole (another tab's version taken, answers deleted), and
/// one fired when the draft has settled after an edit and should be judged.
///
/// - An input already shows what the user typed, so its text is not re-set
///   from the draft on every keystroke (that would re-run one reactive
///   update per input of the form per keystroke). Inputs re-read the draft
///   only when it is replaced ([`FormDraft::replace`]).
/// - The engine's work (verdict, problems, which fields apply) reads the
///   draft through [`FormDraft::judged`]: after an edit it runs in the task
///   after the next paint, so the typed character is painted at once and
///   the verdict follows in the next frame. Edits made before that task
///   runs are judged together. The draft itself is saved on every edit.
#[derive(Clone, Copy)]
pub struct FormDraft {
    /// The draft being edited.
    pub draft: RwSignal<Draft>,
    replaced: Trigger,
    settled: Trigger,
    pending: StoredValue<bool>,
}

impl FormDraft {
    /// A form over `draft`.
    pub fn new(draft: Draft) -> FormDraft {
        FormDraft {
            draft: RwSignal::new(draft),
            replaced: Trigger::new(),
            settled: Trigger::new(),
            pending: StoredValue::new(false),
        }
    }

    /// Changes the draft, and has it judged after the next paint.
    pub fn edit(self, change: impl FnOnce(&mut Draft)) {
        self.draft.update(change);
        if self.pending.get_value() {
            return; // already scheduled: this edit is judged with it
        }
        self.pending.set_value(true);
        // A task queued from an animation-frame callback runs after that
        // frame is painted.
        request_animation_frame(move || {
            set_timeout(
                move || {
                    if !self.is_pending() {
                        return; // judged already (see `settle_now`), or the form is gone
                    }
                    crate::ui::platform::perf::mark("ctit-verdict");
                    self.settle_now();
                    // Effects run as microtasks: this task runs after them.
                    set_timeout(
                        || crate::ui::platform::perf::measure("ctit-verdict", "ctit-verdict"),
                        std::time::Duration::ZERO,
                    );
                },
                std::time::Duration::ZERO,
            );
        });
    }

    fn is_pending(self) -> bool {
        self.pending.try_get_value().unwrap_or(false)
    }

    /// Judges a pending edit now. Anything that acts on the verdict (moving
    /// to the next step of the patient check) calls this first, so it never
    /// acts on answers judged one edit ago.
    pub fn settle_now(self) {
        if self.is_pending() {
            self.pending.set_value(false);
            self.settled.notify();
        }
    }

    /// Replaces the whole draft, re-sets every input from it and judges it.
    pub fn replace(self, draft: Draft) {
        self.draft.set(draft);
        self.replaced.notify();
        self.settled.notify();
    }

    /// Reads the draft for judging: re-run when an edit has settled or the
    /// draft is replaced, not on every keystroke.
    pub fn judged<T>(self, read: impl FnOnce(&Draft) -> T) -> T {
        self.settled.track();
        self.draft.with_untracked(read)
    }

    /// What `read` takes from the draft, for an input to show: re-read when
    /// the draft is replaced, not when the user types into the input.
    pub fn shown<F>(self, read: F) -> impl Fn() -> String + Send + Sync + Clone + 'static
    where
        F: Fn(&Draft) -> String + Send + Sync + Clone + 'static,
    {
        let FormDraft {
            draft, replaced, ..
        } = self;
        move || {
            replaced.track();
            draft.with_untracked(&read)
        }
    }

    /// The stored text of input `key`, shown like [`FormDraft::shown`].
    pub fn input(self, key: String) -> impl Fn() -> String + Send + Sync + Clone + 'static {
        self.shown(move |d| d.input(&key).to_string())
    }

    /// Reads the draft for drawing a part of the form: that part is drawn
    /// again when the draft is replaced, not when the user types into it
    /// (as [`FormDraft::shown`], for a part with more than one input).
    pub fn drawn<T>(self, read: impl FnOnce(&Draft) -> T) -> T {
        self.replaced.track();
        self.draft.with_untracked(read)
    }

    /// Whether input `key` holds `value` (for a radio button), re-read like
    /// [`FormDraft::shown`].
    pub fn holds(
        self,
        key: &'static str,
        value: &'static str,
    ) -> impl Fn() -> bool + Send + Sync + Clone + 'static {
        let FormDraft {
            draft, replaced, ..
        } = self;
        move || {
            replaced.track();
            draft.with_untracked(|d| d.input(key) == value)
        }
    }
}

/// A text input that keeps exactly what is typed (dates and numbers too, so a
/// half-typed value survives), with no autofill and no spell-check. `key` is
/// the draft input it edits.
#[component]
pub fn TextBox(
    id: String,
    key: String,
    form: FormDraft,
    edit: Callback<(String, String)>,
    #[prop(default = "decimal")] mode: &'static str,
    #[prop(optional)] placeholder: &'static str,
    #[prop(optional, into)] described: Option<Signal<String>>,
    #[prop(optional, into)] invalid: Option<Signal<String>>,
) -> impl IntoView {
    let value = form.input(key.clone());
    view! {
        <input
            type="text"
            inputmode=mode
            placeholder=placeholder
            autocomplete="off"
            spellcheck="false"
            id=id
            aria-describedby=move || described.map(|d| d.get())
            aria-invalid=move || invalid.map(|i| i.get())
            prop:value=value
            on:input=move |ev| edit.run((key.clone(), event_target_value(&ev)))
        />
    }
}

/// The unit choice of a platelet field, with its (visually hidden) label.
/// An unset unit shows as ×10⁹/L, the unit a draft assumes.
#[component]
pub fn UnitSelect(
    field: crate::engine::Field,
    form: FormDraft,
    edit: Callback<(String, String)>,
    #[prop(into)] label: Signal<String>,
) -> impl IntoView {
    let key = unit_key(field);
    let unit = form.input(key.clone());
    let id = format!("f-{}-unit", field.id());
    let shown = move || {
        let u = unit();
        if u.is_empty() {
            crate::record::draft::DEFAULT_UNIT.as_str().to_string()
        } else {
            u
        }
    };
    view! {
        <label class="visually-hidden" for=id.clone()>{label}</label>
        <select id=id prop:value=shown on:change=move |ev| edit.run((key.clone(), event_target_value(&ev)))>
            {PlateletUnit::ALL
                .iter()
                .map(|u| view! { <option value=u.as_str()>{crate::text::platelet_unit_text(*u)}</option> })
                .collect_view()}
        </select>
    }
}

/// A single form field, drawn in one language: its words are plain text,
/// not one reactive node each (the form is drawn again when the language
/// changes: `record_form`'s sections).
///
/// - `def`: the dictionary row it shows;
/// - `lang`: the language it is drawn in;
/// - `form`: the record being edited (read for the current text);
/// - `problem`: the engine's message about this field, if any;
/// - `edit`: called with (input key, new text) on every change.
#[component]
pub fn FieldInput(
    def: &'static FieldDef,
    lang: Lang,
    form: FormDraft,
    problem: Signal<Option<String>>,
    edit: Callback<(String, String)>,
) -> impl IntoView {
    let id = def.id;
    let field = def.field;
    let m = lang.messages();
    let answers = common::answers::of(lang);
    let label = m.field_label(field);
    let help = m.field_help(field);
    let dom_id = format!("f-{id}");
    let help_id = format!("h-{id}");
    let err_id = format!("e-{id}");
    let described = move || {
        let mut ids = Vec::new();
        if help.is_some() {
            ids.push(format!("h-{id}"));
        }
        if problem.with(Option::is_some) {
            ids.push(format!("e-{id}"));
        }
        if def.kind == Kind::Date {
            ids.push(super::readback::date::id_of(id));
        }
        ids.join(" ")
    };
    let invalid = move || problem.with(Option::is_some).to_string();
    let error = move || {
        problem.get().map(
            |p| view! { <p class="field-error" id=err_id.clone()>{format!("{label}: {p}")}</p> },
        )
    };
    let help_view = help.map(|h| view! { <p class="help" id=help_id>{h}</p> });

    match def.kind {
        Kind::Bool | Kind::Serology | Kind::Sex => {
            // The three choices are drawn together, checked as the draft
            // holds when drawn: one reactive node for the three (drawn again
            // when the draft is replaced; a click checks its choice itself).
            let dom_id = dom_id.clone();
            let (values, words) = (choices(def.kind, Lang::En), choices(def.kind, lang));
            let radios = move || {
                let held = form.drawn(|d| d.input(id).to_string());
                (0..3)
                    .map(|i| {
                        let (value, shown) = (values[i].0, words[i].1);
                        let input_id = if i == 0 {
                            dom_id.clone()
                        } else {
                            format!("{dom_id}-{i}")
                        };
                        view! {
                            <label class="choice">
                                <input
                                    type="radio"
                                    id=input_id
                                    name=id
                                    value=value
                                    prop:checked=held == value
                                    on:change=move |_| edit.run((id.to_string(), value.to_string()))
                                />
                                <span>{shown}</span>
                            </label>
                        }
                    })
                    .collect_view()
            };
            view! {
                <fieldset class="field choices" aria-describedby=described aria-invalid=invalid data-field=id>
                    <legend>{label}</legend>
                    {help_view}
                    <div class="choice-row">{radios}</div>
                    {error}
                </fieldset>
            }
            .into_any()
        }
        Kind::Int { min, max } if max - min <= 5 => {
            let current = form.input(id.to_string());
            let options = (min..=max)
                .map(|n| {
                    let v = n.to_string();
                    view! { <option value=v.clone()>{v.clone()}</option> }
                })
                .collect_view();
            view! {
                <div class="field" data-field=id>
                    <label for=dom_id.clone()>{label}</label>
                    {help_view}
                    <select
                        id=dom_id.clone()
                        aria-describedby=described
                        aria-invalid=invalid
                        prop:value=current
                        on:change=move |ev| edit.run((id.to_string(), event_target_value(&ev)))
                    >
                        <option value="">{answers.not_known}</option>
                        {options}
                    </select>
                    {error}
                </div>
            }
            .into_any()
        }
        Kind::Platelets => view! {
            <div class="field" data-field=id>
                <label for=dom_id.clone()>{label}</label>
                {help_view}
                <div class="inline">
                    <TextBox id=dom_id.clone() key=id.to_string() form=form edit=edit
                        described=Signal::derive(described) invalid=Signal::derive(invalid) />
                    <UnitSelect field=field form=form edit=edit label=format!("{label}: {}", answers.unit) />
                </div>
                {error}
            </div>
        }
        .into_any(),
        Kind::Lab => {
            let lkey = uln_key(def.field);
            let uln_id = format!("{dom_id}-uln");
            let ratio = {
                let lkey = lkey.clone();
                let draft = form.draft;
                Memo::new(move |_| {
                    draft.with(|d| crate::text::ratio_text(d.input(id), d.input(&lkey)))
                })
            };
            view! {
                <fieldset class="field" data-field=id aria-describedby=described aria-invalid=invalid>
                    <legend>{label}</legend>
                    // Each input stays beside its label: the row wraps between
                    // the pairs, never inside one (Chinese labels are longer).
                    <div class="inline">
                        <span class="pair">
                            <label class="sub" for=dom_id.clone()>{answers.result}</label>
                            <TextBox id=dom_id.clone() key=id.to_string() form=form edit=edit invalid=Signal::derive(invalid) />
                        </span>
                        <span class="pair">
                            <label class="sub" for=uln_id.clone()>{answers.uln}</label>
                            <TextBox id=uln_id key=lkey form=form edit=edit invalid=Signal::derive(invalid) />
                        </span>
                        <output class="ratio">{ratio}</output>
                    </div>
                    {error}
                </fieldset>
            }
            .into_any()
        }
        _ => {
            let (mode, placeholder) = match def.kind {
                Kind::Date => ("numeric", "YYYY-MM-DD"),
                Kind::Int { .. } => ("numeric", ""),
                _ => ("decimal", ""),
            };
            let unit = m.unit_suffix(field).trim();
            view! {
                <div class="field" data-field=id>
                    <label for=dom_id.clone()>{label}</label>
                    {help_view}
                    <div class="inline">
                        <TextBox id=dom_id.clone() key=id.to_string() form=form edit=edit mode=mode placeholder=placeholder
                            described=Signal::derive(described) invalid=Signal::derive(invalid) />
                        <span class="unit">{unit}</span>
                        {(def.kind == Kind::Date).then(|| super::readback::input_date(form, id, lang))}
                    </div>
                    {error}
                </div>
            }
            .into_any()
        }
    }
}
