//! The patient's side of the handoff to the study team (in `later`, the
//! module every screen fetches after its first paint, so a link to
//! `#patient` does not wait for it): "Show my answers to the study team" opens the code
//! sheet, which draws the answers as a QR code on the screen (`crate::handoff` writes its text, `crate::handoff::qr`
//! its modules), says plainly that anyone who scans it can read them, names
//! the questions whose answers are not valid and so are left out of the
//! code (`crate::handoff`'s choice: the code carries only valid answers),
//! and prints as one page with the code, the answers in the patient's
//! language and the site's contact details. Also the site's own words (`site.json`,
//! read by `crate::handoff::site`): fetched once per page, cached by the service
//! worker for offline use; absent or not valid, the generic text stays and
//! the console says why.

use crate::app::sheet::Sheet;
use crate::engine::Field;
use crate::engine::dictionary::Kind;
use crate::engine::record::PlateletUnit;
use crate::handoff::site::{Site, read_site};
use crate::handoff::{Handoff, MAX_QR_VERSION};
use crate::patient::{DontKnow, STEPS, asked};
use crate::record::draft::{Draft, unit_key};
use crate::text::{Lang, platelet_unit_text};
use crate::ui::common;
use crate::ui::common::state::AppState;
use crate::ui::patient::words;
use crate::ui::platform::clock::today;
use crate::ui::platform::js;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Adds the style sheet of the handoff's screens (`style/handoff.css`:
/// the code, the printed page, the scan screen, the patient-reported
/// marks), a file of its own so the first download does not carry it.
pub fn style() {
    js::ensure_style(Sheet::Handoff);
}

thread_local! {
    /// `site.json` as read this page (`None` until read, or when absent or
    /// not valid), shared by every place that shows it.
    static SITE: ArcRwSignal<Option<Site>> = ArcRwSignal::new(None);
    /// Whether it has been asked for: it is fetched once per page.
    static ASKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The site's contact details from `site.json` next to `index.html`:
/// `None` until read, and when it is absent or not valid (with a console
/// warning naming the problem). Fetched once per page, however many places
/// show it; the service worker answers from the network first and keeps
/// the last good copy for offline use, so a changed file is picked up on
/// the next page load.
fn site() -> ArcRwSignal<Option<Site>> {
    let site = SITE.with(ArcRwSignal::clone);
    if !ASKED.with(|a| a.replace(true)) {
        let found = site.clone();
        leptos::task::spawn_local(async move {
            let read = match fetch_text("./site.json").await {
                Ok(text) => read_site(&text)
                    .map_err(|e| js::warn(&format!("{e}: the generic contact text is shown")))
                    .ok(),
                Err(e) => {
                    js::warn(&format!(
                        "site.json: {e}: the generic contact text is shown"
                    ));
                    None
                }
            };
            found.set(read);
        });
    }
    site
}

/// A same-origin file's text.
async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|e| format!("could not be fetched ({})", js::describe(&e)))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "no response")?;
    let status = response.status();
    if !(200..300).contains(&status) {
        return Err(format!("not found (HTTP {status})"));
    }
    let text = JsFuture::from(response.text().map_err(|e| js::describe(&e))?)
        .await
        .map_err(|e| js::describe(&e))?;
    text.as_string().ok_or_else(|| "not text".into())
}

/// "What to do next", naming the site's team and its contact details when
/// `site.json` gives them, else the generic sentence.
#[component]
pub fn NextStep() -> impl IntoView {
    let lang = expect_context::<AppState>().lang;
    let site_now = site();
    move || {
        let l = lang.get();
        match site_now.get() {
            Some(s) => view! {
                <p data-site-next>{(words::of(l).next_step_site)(s.team.get(l))}</p>
                <Contact site=s lang=l />
            }
            .into_any(),
            None => view! { <p>{words::of(l).p_next_steps}</p> }.into_any(),
        }
    }
}

/// The site's contact details as a definition list.
#[component]
fn Contact(site: Site, lang: Lang) -> impl IntoView {
    let h = words::of(lang);
    let rows = [
        (h.phone, site.phone.clone()),
        (h.email, site.email.clone()),
        (
            h.address,
            site.address.as_ref().map(|a| a.get(lang).to_string()),
        ),
        (
            h.hours,
            site.hours.as_ref().map(|a| a.get(lang).to_string()),
        ),
    ];
    view! {
        <dl class="site-contact" data-site-contact>
            <dt>{h.contact_title}</dt>
            <dd>{site.team.get(lang).to_string()}</dd>
            {rows.into_iter().filter_map(|(label, value)| value.map(|v| view! { <dt>{label}</dt><dd>{v}</dd> })).collect_view()}
        </dl>
    }
}

/// "Show my answers to the study team" on the patient's result: a button
/// that opens the code sheet ([`CodeSheet`]).
#[component]
pub fn ShowToTeam(draft: RwSignal<Draft>, dont_know: RwSignal<DontKnow>) -> impl IntoView {
    let lang = expect_context::<AppState>().lang;
    // The sheet's style sheet comes now, so the sheet opens styled.
    style();
    let open = RwSignal::new(false);
    let toggle = move |_| open.update(|o| *o = !*o);
    view! {
        <div class="handoff">
            <button class="primary big" aria-expanded=move || open.get().to_string() on:click=toggle data-show-code>
                {move || { let h = words::of(lang.get()); if open.get() { h.hide_code } else { h.show_code } }}
            </button>
            <Show when=move || open.get()><CodeSheet draft=draft dont_know=dont_know /></Show>
        </div>
    }
}

/// The code, the warning, the answers it holds and "Print / save as PDF",
/// drawn from the answers with today's date as the self-check's; printed,
/// only this sheet shows (`style/handoff.css`). An answer "I don't know"
/// is listed as such; the code carries it as no answer (its format has
/// none), and the study team asks every unanswered question anyway.
#[component]
pub fn CodeSheet(draft: RwSignal<Draft>, dont_know: RwSignal<DontKnow>) -> impl IntoView {
    let lang = expect_context::<AppState>().lang;
    style();
    js::focus_after_frame("handoff-title");
    // What "Print" did, said under it: the dialog opened (browsers say no
    // more: not whether a page came out), or why not.
    let printed = RwSignal::new(None::<Result<(), String>>);
    let print = move |_| {
        printed.set(Some(match web_sys::window() {
            Some(w) => w.print().map_err(|e| js::describe(&e)),
            None => Err("no window".into()),
        }));
    };
    // Drawn once, from the answers as they are when the sheet opens: only
    // the valid ones (`crate::handoff`'s choice); the questions left out
    // are named above the code.
    let checked_on = today();
    let carried = draft.with_untracked(|d| Handoff::from_draft(d, checked_on));
    let text = carried.handoff.encode();
    let left_out = carried.left_out;
    let checked_on = checked_on.to_string();
    let grid = crate::handoff::qr::draw(&text, MAX_QR_VERSION).ok();
    move || {
        let l = lang.get();
        let h = words::of(l);
        let m = l.messages();
        let answers = draft.with(|d| dont_know.with(|k| answers(l, d, k, &left_out)));
        let left_out_view = (!left_out.is_empty()).then(|| {
            view! {
                <div class="alert warning" data-left-out>
                    <p>{(h.left_out)(h.p_change_answers)}</p>
                    <ul>
                        {left_out.iter().map(|&f| view! { <li data-left-out-field=f.id()>{m.patient_question(f)}</li> }).collect_view()}
                    </ul>
                </div>
            }
        });
        let code = match &grid {
            Some(grid) => {
                let side = (grid.size + 8).to_string();
                let view_box = format!("0 0 {side} {side}");
                view! {
                    <svg class="qr" viewBox=view_box role="img" aria-label=h.code_label
                        data-code=text.clone() data-version=grid.version.to_string()>
                        <rect width=side.clone() height=side fill="#fff" />
                        <path d=grid.svg_path() fill="#000" />
                    </svg>
                }
                .into_any()
            }
            None => view! { <p class="alert error" role="alert">{h.code_failed}</p> }.into_any(),
        };
        view! {
            <section class="handoff-sheet" data-print aria-labelledby="handoff-title">
                <h3 id="handoff-title" tabindex="-1">{h.sheet_title}</h3>
                <p>{(h.sheet_date)(&checked_on)}</p>
                <p class="no-print">{h.code_help}</p>
                <p class="alert warning" data-code-warning><strong>{h.code_warning}</strong></p>
                {left_out_view}
                {code}
                <button class="big no-print" on:click=print>{h.print}</button>
                {move || printed.get().map(|r| match r {
                    Ok(()) => view! { <p class="status-line no-print" role="status" data-print-result>{h.print_opened}</p> }.into_any(),
                    Err(e) => view! { <p class="field-error no-print" role="alert" data-print-result>{(h.print_failed)(&e)}</p> }.into_any(),
                })}
                <h4>{h.sheet_answers}</h4>
                <dl class="answers">
                    {answers.into_iter().map(|(q, a)| view! { <dt>{q}</dt><dd>{a}</dd> }).collect_view()}
                </dl>
                <div class="print-only-contact"><NextStep /></div>
            </section>
        }
    }
}

/// Each question the self-check asked, with the answer as the patient sees
/// it ("I don't know", or "not answered"; an answer in `left_out` is marked
/// as not in the code), in the patient's language.
fn answers(
    lang: Lang,
    draft: &Draft,
    dont_know: &DontKnow,
    left_out: &[Field],
) -> Vec<(&'static str, String)> {
    let m = lang.messages();
    let sc = common::answers::of(lang);
    let record = crate::engine::Record::from_json_value(&draft.record_json()).ok();
    STEPS
        .iter()
        .flat_map(|s| s.iter().copied())
        .filter(|&f| record.as_ref().is_none_or(|r| asked(r, f)))
        .map(|f| {
            let raw = draft.input(f.id()).trim();
            let shown = match (f.def().kind, raw) {
                (_, "") if dont_know.contains(f) => words::of(lang).p_dont_know.to_string(),
                (_, "") => words::of(lang).not_answered.to_string(),
                (Kind::Bool, "yes") => sc.yes.to_string(),
                (Kind::Bool, "no") => sc.no.to_string(),
                (Kind::Sex, "female") => sc.female.to_string(),
                (Kind::Sex, "male") => sc.male.to_string(),
                (_, g) if f == Field::Ecog && g.len() == 1 => match g.as_bytes()[0] {
                    b @ b'0'..=b'4' => m.ecog_plain(b - b'0').to_string(),
                    _ => g.to_string(),
                },
                (Kind::Platelets, v) => {
                    let unit = PlateletUnit::parse(draft.input(&unit_key(f)))
                        .unwrap_or(crate::record::draft::DEFAULT_UNIT);
                    format!("{v} {}", platelet_unit_text(unit))
                }
                (Kind::Int { .. } | Kind::Number { .. }, v) => {
                    format!("{v}{}", m.unit_suffix(f)).trim().to_string()
                }
                (_, v) => v.to_string(),
            };
            let shown = if left_out.contains(&f) {
                (words::of(lang).not_in_code)(&shown)
            } else {
                shown
            };
            (m.patient_question(f), shown)
        })
        .collect()
}
