//! The patient self-check: a few plain questions per step, large targets, a
//! progress indicator, back and forward without losing answers, and the
//! spec's patient wording for the result (decided in `crate::patient`).
//!
//! Privacy: by default the answers live only in this page's memory. The
//! patient may choose to keep them on the device (key `ctit/patient`);
//! "delete my answers" removes everything the app stored for them.

pub mod door;
pub mod sheet;
pub mod words;

use crate::engine::Field;
use crate::engine::dictionary::Kind;
use crate::patient::{DontKnow, Kept, PatientResult, STEPS, asked, result, visible_steps};
use crate::record::draft::Draft;
use crate::record::judge::{On, judge};
use crate::storage::keys::{LANG_KEY, PATIENT_KEY};
use crate::ui::common::state::AppState;
use crate::ui::common::words::tr;
use crate::ui::platform::clock::today;
use crate::ui::platform::storage::with_store;
use crate::ui::record::field::{FormDraft, TextBox, UnitSelect};

use crate::ui::common;
use leptos::prelude::*;

/// The shown text of one choice, following the language.
type ChoiceText = Box<dyn Fn() -> String + Send + Sync>;

fn load_kept() -> Option<Kept> {
    let text = with_store(|kv| kv.get(PATIENT_KEY).ok().flatten())?;
    serde_json::from_str(&text).ok()
}

fn focus_heading() {
    // After the step has rendered, move focus to its heading.
    crate::ui::platform::js::focus_after_frame("p-step-title");
}

/// The patient self-check.
#[component]
pub fn PatientCheck() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let sc = move || words::of(lang.get());
    let kept = load_kept();
    let keep = RwSignal::new(kept.is_some());
    let (draft, dont_know) = kept.map_or_else(
        || (Draft::new("patient", "", ""), DontKnow::default()),
        |k| (k.draft, k.dont_know),
    );
    let form = FormDraft::new(draft);
    let draft = form.draft;
    let dont_know = RwSignal::new(dont_know);
    // 0 = introduction; 1..=n = steps; n + 1 = result.
    let page = RwSignal::new(0usize);
    // The answers were just deleted here (said in the language shown).
    let deleted = RwSignal::new(false);

    let judged = Memo::new(move |_| form.judged(|d| judge(d, On::Today, today())));
    let steps = Memo::new(move |_| {
        judged.with(|j| {
            j.record
                .as_ref()
                .map_or_else(|| (0..STEPS.len()).collect(), visible_steps)
        })
    });
    let problems = Memo::new(move |_| {
        let m = lang.get().messages();
        judged.with(|j| {
            j.problems
                .iter()
                .map(|(f, k)| (*f, m.problem_kind(k, Some(*f))))
                .collect::<Vec<_>>()
        })
    });

    let save_kept = move || {
        if keep.get_untracked() {
            let kept = Kept {
                draft: draft.get_untracked(),
                dont_know: dont_know.get_untracked(),
            };
            let text = serde_json::to_string(&kept).unwrap_or_default();
            if let Err(e) = with_store(|kv| kv.set(PATIENT_KEY, &text)) {
                state.store_failed(e);
            }
        }
    };
    let edit = Callback::new(move |(key, value): (String, String)| {
        form.edit(|d| d.set_input(&key, &value));
        if dont_know.with_untracked(|k| !k.is_empty()) {
            dont_know.update(|k| k.answered(&key));
        }
        save_kept();
    });
    // "I don't know": the answer given is cleared, and every input shows
    // the draft again (the one cleared among them).
    let choose_dont_know = Callback::new(move |field: Field| {
        let mut d = draft.get_untracked();
        dont_know.update(|k| k.choose(field, &mut d));
        form.replace(d);
        save_kept();
    });
    let unchoose_dont_know = Callback::new(move |field: Field| {
        dont_know.update(|k| k.answered(field.id()));
        save_kept();
    });
    let set_keep = move |on: bool| {
        keep.set(on);
        if on {
            save_kept();
        } else {
            let _ = with_store(|kv| kv.remove(PATIENT_KEY));
        }
    };
    let delete_all = move |_| {
        let _ = with_store(|kv| {
            let _ = kv.remove(LANG_KEY);
            kv.remove(PATIENT_KEY)
        });
        keep.set(false);
        form.replace(Draft::new("patient", "", ""));
        dont_know.set(DontKnow::default());
        page.set(0);
        deleted.set(true);
        focus_heading();
    };
    let go = move |to: usize| {
        form.settle_now();
        page.set(to);
        deleted.set(false);
        focus_heading();
    };

    let intro = move || {
        view! {
            <section class="patient-intro" aria-labelledby="p-step-title">
                <h2 id="p-step-title" tabindex="-1">{tr(lang, |l| words::of(l).p_title)}</h2>
                {move || deleted.get().then(|| view! { <p class="alert info" role="status">{tr(lang, |l| words::of(l).p_deleted)}</p> })}
                <p>{tr(lang, |l| words::of(l).p_about)}</p>
                <p>{tr(lang, |l| words::of(l).p_privacy)}</p>
                <p>{tr(lang, |l| words::of(l).p_expect)}</p>
                <Show when=move || !state.has_vault.get()>
                    <KeepChoice keep=keep set_keep=Callback::new(set_keep) />
                </Show>
                <div class="p-nav">
                    <button class="primary big" on:click=move |_| go(1)>{tr(lang, |l| words::of(l).p_start)}</button>
                </div>
            </section>
        }
    };

    let step_view = move |n: usize| {
        let all = steps.get();
        let total = all.len();
        let Some(&step) = all.get(n - 1) else {
            return view! { <p>{tr(lang, |l| words::of(l).p_not_finished)}</p> }.into_any();
        };
        let fields = STEPS[step];
        let questions = fields
            .iter()
            .map(|&f| {
                let shown = move || judged.with(|j| j.record.as_ref().is_none_or(|r| asked(r, f)));
                let problem = Signal::derive(move || {
                    problems.with(|p| p.iter().find(|(pf, _)| *pf == f).map(|(_, m)| m.clone()))
                });
                view! {
                    <Show when=shown>
                        <Question field=f form=form problem=problem edit=edit dont_know=dont_know
                            choose_dont_know=choose_dont_know unchoose_dont_know=unchoose_dont_know />
                    </Show>
                }
            })
            .collect_view();
        let last = n == total;
        view! {
            <section class="patient-step" aria-labelledby="p-step-title">
                <p class="progress-text">{move || (sc().p_step)(n, total)}</p>
                <progress max=total value=n aria-hidden="true"></progress>
                <h2 id="p-step-title" tabindex="-1">{move || sc().p_steps[step]}</h2>
                <form class="p-questions" on:submit=|ev| ev.prevent_default() autocomplete="off">{questions}</form>
                <div class="p-nav">
                    <button class="big" on:click=move |_| go(n - 1)>{tr(lang, |l| words::of(l).p_back)}</button>
                    <button class="primary big" on:click=move |_| go(n + 1)>
                        {move || if last { sc().p_see_result } else { sc().p_next }}
                    </button>
                </div>
            </section>
        }
        .into_any()
    };

    let result_view = move || {
        let l = lang.get();
        let (sc, m) = (words::of(l), l.messages());
        let outcome = judged.with(|j| j.record.as_ref().map(|r| dont_know.with(|k| result(r, k))));
        let questions = move |fields: &[Field]| {
            fields
                .iter()
                .map(|&f| view! { <li data-field=f.id()>{m.patient_question(f)}</li> })
                .collect_view()
        };
        let (kind, body, checks, not_known) = match outcome {
            Some(PatientResult::NotRight {
                reasons,
                check_again_from,
                team_checks,
                not_known,
            }) => (
                "not_right",
                view! {
                    <p class="lead">{sc.p_not_right}</p>
                    <ul class="reasons">
                        {reasons.iter().map(|r| view! { <li data-reason=r.id.as_str()>{m.patient_reason(&r.finding)}</li> }).collect_view()}
                    </ul>
                    {check_again_from.map(|d| view! { <p data-check-again=d.to_string()>{m.patient_check_again(d)}</p> })}
                    <p>{sc.p_check_with_team}</p>
                }
                .into_any(),
                team_checks,
                not_known,
            ),
            Some(PatientResult::NotFinished { unanswered }) => (
                "not_finished",
                view! {
                    <p class="lead">{sc.p_not_finished}</p>
                    <ul class="unanswered">
                        {unanswered.iter().map(|&f| {
                            let to = STEPS.iter().position(|s| s.contains(&f)).and_then(|s| steps.with_untracked(|v| v.iter().position(|&x| x == s))).map_or(1, |i| i + 1);
                            view! { <li><button class="link" on:click=move |_| go(to)>{m.patient_question(f)}</button></li> }
                        }).collect_view()}
                    </ul>
                }
                .into_any(),
                Vec::new(),
                Vec::new(),
            ),
            Some(PatientResult::MayTakePart {
                team_checks,
                not_known,
            }) => (
                "may_take_part",
                view! { <p class="lead">{sc.p_may_take_part}</p> }.into_any(),
                team_checks,
                not_known,
            ),
            None => (
                "not_finished",
                view! { <p class="lead">{sc.p_not_finished}</p> }.into_any(),
                Vec::new(),
                Vec::new(),
            ),
        };
        let checks_title = if kind == "may_take_part" {
            None
        } else {
            Some(sc.p_ask_doctor)
        };
        view! {
            <section class="patient-result" data-patient-result=kind aria-labelledby="p-step-title">
                <h2 id="p-step-title" tabindex="-1">{sc.p_result_title}</h2>
                {body}
                {(!checks.is_empty()).then(|| view! {
                    {checks_title.map(|t| view! { <p>{t}</p> })}
                    <ul class="team-checks">{checks.iter().map(|&id| view! { <li>{m.team_check(id)}</li> }).collect_view()}</ul>
                })}
                {(!not_known.is_empty()).then(|| view! {
                    <p>{sc.p_not_known}</p>
                    <ul class="not-known">{questions(&not_known)}</ul>
                })}
                <p><strong>{sc.p_never_final}</strong></p>
                {crate::ui::patient::door::handoff(draft, dont_know)}
                {(!state.has_vault.get()).then(|| view! { <KeepChoice keep=keep set_keep=Callback::new(set_keep) /> })}
                <div class="p-nav">
                    <button class="big" on:click=move |_| go(1)>{sc.p_change_answers}</button>
                    <button class="danger big" on:click=delete_all>{sc.p_delete}</button>
                </div>
            </section>
        }
    };

    // (The introduction needs no verdict: the answers are first judged when
    // the questions start, so a link's first screen paints sooner.)
    view! {
        <div class="patient">
            {move || {
                let n = page.get();
                if n == 0 {
                    intro().into_any()
                } else if n <= steps.with(Vec::len) {
                    step_view(n)
                } else {
                    result_view().into_any()
                }
            }}
        </div>
    }
}

/// "Keep my answers on this device", off by default.
#[component]
fn KeepChoice(keep: RwSignal<bool>, set_keep: Callback<bool>) -> impl IntoView {
    let lang = expect_context::<AppState>().lang;
    view! {
        <div class="keep">
            <label class="choice">
                <input type="checkbox" id="p-keep" prop:checked=move || keep.get() on:change=move |ev| set_keep.run(event_target_checked(&ev)) />
                <span>{tr(lang, |l| words::of(l).p_keep)}</span>
            </label>
            <p class="help">{tr(lang, |l| words::of(l).p_keep_help)}</p>
        </div>
    }
}

/// One plain-word question, its input fitted to the field, and "I don't
/// know" (a choice among the others, or a box under a typed answer).
#[component]
fn Question(
    field: Field,
    form: FormDraft,
    problem: Signal<Option<String>>,
    edit: Callback<(String, String)>,
    dont_know: RwSignal<DontKnow>,
    choose_dont_know: Callback<Field>,
    unchoose_dont_know: Callback<Field>,
) -> impl IntoView {
    let lang = expect_context::<AppState>().lang;
    let sc = move || words::of(lang.get());
    let id = field.id();
    let dom_id = format!("p-{id}");
    let question = move || lang.get().messages().patient_question(field);
    let help = move || {
        let m = lang.get().messages();
        let date_help = matches!(field.def().kind, Kind::Date).then_some(sc().p_date_help);
        let extra = (field == Field::AgeYears).then_some(sc().p_age_instead);
        [m.patient_help(field), date_help, extra]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let help_id = format!("ph-{id}");
    let err_id = format!("pe-{id}");
    // Re-read only when the answers are replaced: the input already shows what was chosen or typed.
    let value = form.input(id.to_string());
    let set = move |v: String| edit.run((id.to_string(), v));
    let described = {
        let (help_id, err_id) = (help_id.clone(), err_id.clone());
        move || {
            if problem.with(Option::is_some) {
                format!("{help_id} {err_id}")
            } else {
                help_id.clone()
            }
        }
    };
    let error = move || {
        problem
            .get()
            .map(|p| view! { <p class="field-error" id=err_id.clone()>{p}</p> })
    };
    let help_view = move || {
        let h = help();
        (!h.is_empty()).then(|| view! { <p class="help" id=help_id.clone()>{h}</p> })
    };

    let not_known = move || dont_know.with(|k| k.contains(field));
    let dont_know_text = move || words::of(lang.get()).p_dont_know;
    let radios = |options: Vec<(&'static str, ChoiceText)>| {
        let count = options.len();
        let answers = options
            .into_iter()
            .enumerate()
            .map(|(i, (v, text))| {
                let input_id = if i == 0 { dom_id.clone() } else { format!("{dom_id}-{i}") };
                view! {
                    <label class="choice big-choice">
                        <input type="radio" id=input_id name=format!("p-{id}") value=v prop:checked=form.holds(id, v) on:change=move |_| set(v.to_string()) />
                        <span>{text}</span>
                    </label>
                }
            })
            .collect_view();
        view! {
            {answers}
            <label class="choice big-choice dont-know">
                <input type="radio" id=format!("{dom_id}-{count}") name=format!("p-{id}") value="dont-know" data-dont-know
                    prop:checked=not_known on:change=move |_| choose_dont_know.run(field) />
                <span>{dont_know_text}</span>
            </label>
        }
    };
    // Under a typed answer: ticking clears it, typing unticks it.
    let box_id = format!("{dom_id}-dont-know");
    let dont_know_box = move || {
        view! {
            <label class="choice dont-know">
                <input type="checkbox" id=box_id.clone() data-dont-know prop:checked=not_known
                    on:change=move |ev| if event_target_checked(&ev) { choose_dont_know.run(field) } else { unchoose_dont_know.run(field) } />
                <span>{dont_know_text}</span>
            </label>
        }
    };
    let boxed = |f: fn(&'static common::answers::Words) -> &'static str| -> ChoiceText {
        Box::new(move || f(common::answers::of(lang.get())).to_string())
    };

    let input = match field.def().kind {
        Kind::Bool => radios(vec![("yes", boxed(|u| u.yes)), ("no", boxed(|u| u.no))]).into_any(),
        Kind::Sex => radios(vec![("female", boxed(|u| u.female)), ("male", boxed(|u| u.male))]).into_any(),
        Kind::Int { .. } if field == Field::Ecog => radios(
            (0u8..=4)
                .map(|g| {
                    let v: &'static str = ["0", "1", "2", "3", "4"][usize::from(g)];
                    let text: ChoiceText =
                        Box::new(move || lang.get().messages().ecog_plain(g).to_string());
                    (v, text)
                })
                .collect(),
        )
        .into_any(),
        Kind::Date => view! {
            <input type="date" id=dom_id.clone() max=today().to_string() aria-describedby=described.clone()
                prop:value=value on:input=move |ev| set(event_target_value(&ev)) />
            {dont_know_box()}
        }
        .into_any(),
        Kind::Platelets => view! {
            <div class="inline">
                <TextBox id=dom_id.clone() key=id.to_string() form=form edit=edit described=Signal::derive(described.clone()) />
                <UnitSelect field=field form=form edit=edit label=Signal::derive(move || common::answers::of(lang.get()).unit.to_string()) />
            </div>
            {dont_know_box()}
        }
        .into_any(),
        _ => view! {
            <div class="inline">
                <TextBox id=dom_id.clone() key=id.to_string() form=form edit=edit mode="numeric" described=Signal::derive(described.clone()) />
                <span class="unit">{move || lang.get().messages().unit_suffix(field).trim()}</span>
            </div>
            {dont_know_box()}
        }
        .into_any(),
    };
    let grouped = matches!(field.def().kind, Kind::Bool | Kind::Sex) || field == Field::Ecog;
    if grouped {
        view! {
            <fieldset class="p-question" data-question=id aria-describedby=described>
                <legend>{question}</legend>
                {help_view}
                <div class="choice-col">{input}</div>
                {error}
            </fieldset>
        }
        .into_any()
    } else {
        view! {
            <div class="p-question" data-question=id>
                <label for=dom_id.clone()>{question}</label>
                {help_view}
                {input}
                {error}
            </div>
        }
        .into_any()
    }
}
