//! The coordinator's side of the handoff: "Scan a patient's code" (its own
//! lazily loaded module). The camera starts only on a tap and stops when
//! the screen is left; a photo can be chosen instead. Each frame is read
//! by the browser's `BarcodeDetector` where there is one, else by `quircs`
//! here (`crate::qr`); `crate::handoff` decides what the text holds. A good
//! code creates a **new** record (never overwriting one) whose answers are
//! marked as reported by the patient, and opens it; any other code says
//! why and creates nothing. The marks and their banner on the record form
//! are here too.
//!
//! The camera and canvas plumbing is `web/scan-v1.js`, loaded with this
//! screen, so the page's start carries no glue for them. No frame is kept:
//! each is read and dropped.

use super::clock::{now_iso, today};
use super::field::FormDraft;
use super::js;
use super::route::Screen;
use super::state::AppState;
use crate::handoff::{Handoff, Refusal};
use crate::text::Lang;
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// The helper script's file (a fixed, versioned name like the key
/// derivation's worker: its interface changes only with the name).
const HELPER: &str = "./scan-v1.js";
/// The id of the camera's video element.
const VIDEO_ID: &str = "scan-video";
/// Time between two frames read from the camera.
const FRAME_GAP: Duration = Duration::from_millis(150);

/// `globalThis.ctitScan`, loading `web/scan-v1.js` first if needed.
async fn helper() -> Result<JsValue, String> {
    let global = js_sys::global();
    let get = || {
        js_sys::Reflect::get(&global, &"ctitScan".into())
            .ok()
            .filter(|v| !v.is_undefined() && !v.is_null())
    };
    if let Some(h) = get() {
        return Ok(h);
    }
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let script = document
        .create_element("script")
        .map_err(|e| js::describe(&e))?;
    script
        .set_attribute("src", HELPER)
        .map_err(|e| js::describe(&e))?;
    let (sent, done) = futures_channel::oneshot::channel::<()>();
    let sent = std::rc::Rc::new(std::cell::RefCell::new(Some(sent)));
    for event in ["onload", "onerror"] {
        let sent = sent.clone();
        let f = wasm_bindgen::closure::Closure::once_into_js(move || {
            if let Some(s) = sent.borrow_mut().take() {
                let _ = s.send(());
            }
        });
        js::set(&script, event, &f);
    }
    let body = document.body().ok_or("no body")?;
    body.insert_before(&script, None)
        .map_err(|e| js::describe(&e))?;
    let _ = done.await;
    get().ok_or_else(|| format!("{HELPER} could not be loaded"))
}

/// Resolves after `gap`.
async fn sleep(gap: Duration) {
    let (sent, done) = futures_channel::oneshot::channel::<()>();
    set_timeout(
        move || {
            let _ = sent.send(());
        },
        gap,
    );
    let _ = done.await;
}

/// Awaits a JS promise returned by `helper.name(arg)`.
async fn call_async(helper: &JsValue, name: &str, arg: &JsValue) -> Result<JsValue, JsValue> {
    let promise = js::call(helper, name, arg)?;
    JsFuture::from(js_sys::Promise::from(promise)).await
}

/// The codes in `source` (the video, or a picture), each read as a
/// handoff or refused: the browser's detector where there is one, else
/// `quircs` on its greyscale pixels (timed for the benchmark:
/// `ctit-scan-decode`).
async fn read_codes(helper: &JsValue, source: &JsValue) -> Vec<Read> {
    let texts = match frame_of(helper, source).await {
        Frame::Texts(texts) => texts,
        Frame::Pixels(width, height, luma) => {
            super::perf::mark("ctit-scan-decode");
            let found = crate::qr::read(width, height, &luma);
            super::perf::measure("ctit-scan-decode", "ctit-scan-decode");
            found
        }
        Frame::Nothing => Vec::new(),
    };
    texts.iter().map(|t| Handoff::decode(t)).collect()
}

/// A handoff read from a code, or why it is refused.
type Read = Result<Handoff, Refusal>;

/// What one look at the camera or a photo gives.
enum Frame {
    /// The browser's detector found these texts.
    Texts(Vec<String>),
    /// Greyscale pixels to read (width, height, one byte each).
    Pixels(usize, usize, Vec<u8>),
    /// No frame yet.
    Nothing,
}

async fn frame_of(helper: &JsValue, source: &JsValue) -> Frame {
    let native = js::call(helper, "native", &JsValue::UNDEFINED).is_ok_and(|v| v.is_truthy());
    if native
        && let Ok(found) = call_async(helper, "detect", source).await
        && !found.is_null()
    {
        // An array of texts, read through `Reflect` (no glue).
        let count = js_sys::Reflect::get(&found, &"length".into())
            .ok()
            .and_then(|n| n.as_f64())
            .map_or(0, |n| n as u32);
        return Frame::Texts(
            (0..count)
                .filter_map(|i| js_sys::Reflect::get(&found, &JsValue::from(i)).ok())
                .filter_map(|v| v.as_string())
                .collect(),
        );
    }
    let Ok(frame) = js::call(helper, "luma", source) else {
        return Frame::Nothing;
    };
    if frame.is_null() || frame.is_undefined() {
        return Frame::Nothing;
    }
    let number = |name: &str| {
        js_sys::Reflect::get(&frame, &name.into())
            .ok()
            .and_then(|v| v.as_f64())
            .map_or(0, |n| n as usize)
    };
    let (width, height) = (number("width"), number("height"));
    let Ok(luma) = js_sys::Reflect::get(&frame, &"luma".into()) else {
        return Frame::Nothing;
    };
    Frame::Pixels(width, height, js_sys::Uint8Array::from(luma).to_vec())
}

/// What a refused code means to the coordinator.
fn refusal_text(lang: Lang, refusal: &Refusal) -> String {
    let h = lang.handoff();
    match refusal {
        Refusal::NotOurs => h.scan_not_ours.to_string(),
        Refusal::OtherTrial(id) => (h.scan_other_trial)(id),
        Refusal::OtherVersion(v) => (h.scan_other_version)(v),
        Refusal::Damaged => h.scan_damaged.to_string(),
        Refusal::BadCheckDate => h.scan_bad_date.to_string(),
        Refusal::BadAnswer { field, .. } => {
            (h.scan_bad_answer)(lang.messages().field_label(*field))
        }
    }
}

/// What the scan screen shows under its buttons.
#[derive(Clone, Debug, PartialEq)]
enum Status {
    Idle,
    Looking,
    Refused(Refusal),
    NoCamera(String),
    NoCodeInPhoto,
    BadPhoto,
    NoRandomness,
}

/// Takes the first good code read: creates its record and opens it
/// (`true`). Otherwise shows why the first one was refused.
fn take(state: AppState, status: RwSignal<Status>, read: Vec<Read>) -> bool {
    let mut refused = None;
    for code in read {
        match code {
            Ok(handoff) => {
                let Some(id) = super::random::new_id() else {
                    status.set(Status::NoRandomness);
                    return true;
                };
                // A new record every time: a second scan of the same code
                // makes a second record, never changes the first.
                let draft = handoff.into_draft(&id, &today().to_string(), &now_iso());
                let checked_on = draft.patient_checked_on.clone();
                super::history::create(state, draft, crate::history::Kind::Scanned, checked_on, 0);
                return true;
            }
            Err(r) => refused = refused.or(Some(r)),
        }
    }
    if let Some(r) = refused {
        status.set(Status::Refused(r));
    }
    false
}

/// Stops the camera the helper started, if it is loaded.
fn stop_camera() {
    if let Ok(h) = js_sys::Reflect::get(&js_sys::global(), &"ctitScan".into())
        && !h.is_undefined()
    {
        let _ = js::call(&h, "stop", &JsValue::UNDEFINED);
    }
}

/// "Scan a patient's code".
#[component]
pub fn ScanScreen() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let h = move || lang.get().handoff();
    super::handoff::style();
    let status = RwSignal::new(Status::Idle);
    let camera = RwSignal::new(false);
    // Bumped to end a camera loop (stop, leave, a new start).
    let generation = StoredValue::new(0u32);
    on_cleanup(move || {
        generation.try_update_value(|g| *g += 1);
        stop_camera();
    });

    let stop = move || {
        generation.update_value(|g| *g += 1);
        camera.set(false);
        stop_camera();
    };
    let start = move |_| {
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        status.set(Status::Looking);
        leptos::task::spawn_local(async move {
            let video = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(VIDEO_ID));
            let (helper, video) = match (helper().await, video) {
                (Ok(h), Some(v)) => (h, JsValue::from(v)),
                (Err(e), _) => return status.set(Status::NoCamera(e)),
                (_, None) => return,
            };
            camera.set(true);
            if let Err(e) = call_async(&helper, "start", &video).await {
                camera.set(false);
                status.set(Status::NoCamera(js::describe(&e)));
                return;
            }
            let current = || generation.try_get_value() == Some(mine);
            while current() {
                let read = read_codes(&helper, &video).await;
                if !current() {
                    break;
                }
                if take(state, status, read) {
                    stop();
                    return;
                }
                sleep(FRAME_GAP).await;
            }
        });
    };
    let photo = move |ev: leptos::ev::Event| {
        let Some(file) = super::dom::take_chosen_file(&ev) else {
            return;
        };
        leptos::task::spawn_local(async move {
            let helper = match helper().await {
                Ok(h) => h,
                Err(e) => return status.set(Status::NoCamera(e)),
            };
            let Ok(picture) = call_async(&helper, "picture", &file.into()).await else {
                return status.set(Status::BadPhoto);
            };
            let read = read_codes(&helper, &picture).await;
            let _ = js::call(&picture, "close", &JsValue::UNDEFINED);
            if read.is_empty() {
                status.set(Status::NoCodeInPhoto);
            } else {
                take(state, status, read);
            }
        });
    };

    let message = move || {
        let l = lang.get();
        let h = l.handoff();
        let (class, text) = match status.get() {
            Status::Idle => return None,
            Status::Looking => ("status-line", h.scan_looking.to_string()),
            Status::Refused(r) => ("alert error", refusal_text(l, &r)),
            Status::NoCamera(why) => ("alert error", (h.scan_no_camera)(&why)),
            Status::NoCodeInPhoto => ("alert error", h.scan_none_in_photo.to_string()),
            Status::BadPhoto => ("alert error", h.scan_bad_photo.to_string()),
            Status::NoRandomness => ("alert error", l.screens().random_failed.to_string()),
        };
        let role = if class == "status-line" {
            "status"
        } else {
            "alert"
        };
        Some(view! { <p class=class role=role data-scan-status>{text}</p> })
    };

    view! {
        <section class="scan" aria-labelledby="scan-title">
            <button class="link back" on:click=move |_| state.go(Screen::List)>{move || h().scan_back}</button>
            <h2 id="scan-title">{move || h().scan_title}</h2>
            <p>{move || h().scan_help}</p>
            <div class="actions">
                <Show
                    when=move || camera.get()
                    fallback=move || view! { <button class="primary big" on:click=start data-scan-camera>{move || h().scan_camera}</button> }
                >
                    <button class="big" on:click=move |_| { stop(); status.set(Status::Idle); }>{move || h().scan_stop}</button>
                </Show>
                <label class="button file big">
                    {move || h().scan_photo}
                    <input type="file" accept="image/*" on:change=photo data-scan-photo />
                </label>
            </div>
            {message}
            <video id=VIDEO_ID class="scan-video" hidden=move || !camera.get() aria-hidden="true"></video>
            <p class="help">{move || h().scan_privacy}</p>
        </section>
    }
}

/// Above a record made from a patient's code: where its answers came from,
/// while any is still marked.
#[component]
pub fn ReportedBanner(form: FormDraft) -> impl IntoView {
    let lang = expect_context::<AppState>().lang;
    super::handoff::style();
    let date = form.shown(|d| d.patient_checked_on.clone());
    view! {
        <p class="alert info reported-banner" data-reported-banner>
            {move || (lang.get().handoff().reported_banner)(&date())}
        </p>
    }
}

/// Under one field of a record made from a patient's code: "Reported by
/// the patient" and "Confirm", until the coordinator confirms or changes it
/// (`confirm` clears the mark; an edit of the field clears it too).
#[component]
pub fn ReportedMark(field: crate::engine::Field, confirm: Callback<&'static str>) -> impl IntoView {
    let lang = expect_context::<AppState>().lang;
    let id = field.id();
    view! {
        <p class="reported" data-reported=id>
            <span class="badge reported-badge">{move || lang.get().handoff().reported_mark}</span>
            " "
            <button
                class="link"
                aria-label=move || { let l = lang.get(); (l.handoff().confirm_field)(l.messages().field_label(field)) }
                on:click=move |_| confirm.run(id)
            >
                {move || lang.get().handoff().confirm}
            </button>
        </p>
    }
}
