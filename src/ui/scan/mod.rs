//! The coordinator's side of the handoff: "Scan a patient's code" (its own
//! lazily loaded module). The camera starts only on a tap and stops when
//! the screen is left; a photo can be chosen instead. Each frame is read
//! by the browser's `BarcodeDetector` where there is one, else by `quircs`
//! here (`crate::handoff::qr`); `crate::handoff` decides what the text holds. A good
//! code creates a **new** record (never overwriting one) whose answers are
//! marked as reported by the patient, and opens it; any other code says
//! why and creates nothing. The marks and their banner on the record form
//! are here too.
//!
//! The camera and canvas plumbing is `web/scan-v1.js`, loaded with this
//! screen, so the page's start carries no glue for them. No frame is kept:
//! each is read and dropped.

pub mod door;
pub mod words;

use crate::handoff::{Handoff, Refusal};
use crate::text::Lang;
use crate::ui::common;
use crate::ui::common::route::Screen;
use crate::ui::common::state::AppState;
use crate::ui::platform::bridge::{self, ScanHelper};
use crate::ui::platform::clock::{now_iso, today};
use crate::ui::platform::js;
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The helper script's file (a fixed, versioned name like the key
/// derivation's worker: its interface changes only with the name).
const HELPER: &str = "./scan-v1.js";
/// The id of the camera's video element.
const VIDEO_ID: &str = "scan-video";
/// Time between two frames read from the camera.
const FRAME_GAP: Duration = Duration::from_millis(150);

/// The scan helper (`web/scan-v1.js`), loaded first if needed.
async fn helper() -> Result<ScanHelper, String> {
    if let Some(h) = bridge::global().ctit_scan() {
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
    let settle = {
        let sent = sent.clone();
        Closure::<dyn FnMut()>::new(move || {
            if let Some(s) = sent.borrow_mut().take() {
                let _ = s.send(());
            }
        })
    };
    let target: &web_sys::EventTarget = script.as_ref();
    for event in ["load", "error"] {
        let _ = target.add_event_listener_with_callback(event, settle.as_ref().unchecked_ref());
    }
    let body = document.body().ok_or("no body")?;
    body.insert_before(&script, None)
        .map_err(|e| js::describe(&e))?;
    let _ = done.await;
    drop(settle);
    bridge::global()
        .ctit_scan()
        .ok_or_else(|| format!("{HELPER} could not be loaded"))
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

/// The codes in `source` (the video, or a picture), each read as a
/// handoff or refused: the browser's detector where there is one, else
/// `quircs` on its greyscale pixels (timed for the benchmark:
/// `ctit-scan-decode`).
async fn read_codes(helper: &ScanHelper, source: &JsValue) -> Vec<Read> {
    let texts = match frame_of(helper, source).await {
        Frame::Texts(texts) => texts,
        Frame::Pixels(width, height, luma) => {
            crate::ui::platform::perf::mark("ctit-scan-decode");
            let found = crate::handoff::qr::read(width, height, &luma);
            crate::ui::platform::perf::measure("ctit-scan-decode", "ctit-scan-decode");
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

async fn frame_of(helper: &ScanHelper, source: &JsValue) -> Frame {
    if helper.native()
        && let Ok(found) = helper.detect(source).await
        && let Ok(found) = found.dyn_into::<js_sys::Array>()
    {
        return Frame::Texts(found.iter().filter_map(|v| v.as_string()).collect());
    }
    match helper.luma(source) {
        Some(frame) => Frame::Pixels(
            frame.width() as usize,
            frame.height() as usize,
            frame.luma().to_vec(),
        ),
        None => Frame::Nothing,
    }
}

/// What a refused code means to the coordinator.
fn refusal_text(lang: Lang, refusal: &Refusal) -> String {
    let h = words::of(lang);
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
                // A new record every time, under a new id: a second scan of
                // the same code makes a second record, never changes the first.
                let draft = handoff.into_draft("", &today().to_string(), &now_iso());
                let origin = crate::record::create::Origin::Scanned { draft };
                if crate::ui::record::creating::begin(state, origin).is_err() {
                    status.set(Status::NoRandomness);
                }
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

/// The camera's video element, if the screen shows it.
fn video() -> Option<web_sys::HtmlVideoElement> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(VIDEO_ID))
        .and_then(|e| e.dyn_into().ok())
}

/// Stops the camera shown in `video` (every track), if the helper is loaded.
fn stop_camera(video: &web_sys::HtmlVideoElement) {
    if let Some(h) = bridge::global().ctit_scan() {
        h.stop(video);
    }
}

/// "Scan a patient's code".
#[component]
pub fn ScanScreen() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let h = move || words::of(lang.get());
    crate::ui::patient::sheet::style();
    let status = RwSignal::new(Status::Idle);
    let camera = RwSignal::new(false);
    // Bumped to end a camera loop (stop, leave, a new start).
    let generation = StoredValue::new(0u32);
    // The video the camera plays into, kept for the whole screen: leaving
    // stops its tracks even once the element is gone from the page.
    let shown_video = StoredValue::new_local(None::<web_sys::HtmlVideoElement>);
    on_cleanup(move || {
        generation.try_update_value(|g| *g += 1);
        if let Some(Some(v)) = shown_video.try_get_value() {
            stop_camera(&v);
        }
    });

    let stop = move || {
        generation.update_value(|g| *g += 1);
        camera.set(false);
        if let Some(v) = shown_video.get_value() {
            stop_camera(&v);
        }
    };
    let start = move |_| {
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        status.set(Status::Looking);
        leptos::task::spawn_local(async move {
            let (helper, video) = match (helper().await, video()) {
                (Ok(h), Some(v)) => (h, v),
                (Err(e), _) => return status.set(Status::NoCamera(e)),
                (_, None) => return,
            };
            shown_video.set_value(Some(video.clone()));
            camera.set(true);
            let started = helper.start(&video).await;
            let current = || generation.try_get_value() == Some(mine);
            if !current() {
                // Stopped, or the screen left, while the camera was
                // starting (a permission prompt can take a while): the
                // camera that has just started stops at once.
                helper.stop(&video);
                return;
            }
            if let Err(e) = started {
                camera.set(false);
                helper.stop(&video);
                status.set(Status::NoCamera(js::describe(&e)));
                return;
            }
            let source = JsValue::from(video.clone());
            while current() {
                let read = read_codes(&helper, &source).await;
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
        let Some(file) = crate::ui::platform::dom::take_chosen_file(&ev) else {
            return;
        };
        leptos::task::spawn_local(async move {
            let helper = match helper().await {
                Ok(h) => h,
                Err(e) => return status.set(Status::NoCamera(e)),
            };
            let Ok(picture) = helper.picture(&file).await else {
                return status.set(Status::BadPhoto);
            };
            let read = read_codes(&helper, &picture).await;
            if let Some(bitmap) = picture.dyn_ref::<web_sys::ImageBitmap>() {
                bitmap.close();
            }
            if read.is_empty() {
                status.set(Status::NoCodeInPhoto);
            } else {
                take(state, status, read);
            }
        });
    };

    let message = move || {
        let l = lang.get();
        let h = words::of(l);
        let (class, text) = match status.get() {
            Status::Idle => return None,
            Status::Looking => ("status-line", h.scan_looking.to_string()),
            Status::Refused(r) => ("alert error", refusal_text(l, &r)),
            Status::NoCamera(why) => ("alert error", (h.scan_no_camera)(&why)),
            Status::NoCodeInPhoto => ("alert error", h.scan_none_in_photo.to_string()),
            Status::BadPhoto => ("alert error", h.scan_bad_photo.to_string()),
            Status::NoRandomness => (
                "alert error",
                common::operations::of(l).random_failed.to_string(),
            ),
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
