//! Storage the browser keeps: asking for persistent storage when the
//! coordinator's list is shown, how much of the browser's ~5 MB local-storage quota the
//! app uses, and a warning at 80 %. In the list's tools module.
//!
//! Sizes are read without copying values into the app's memory (a wasm
//! memory never shrinks): each value's length is asked of the browser.

use crate::ui::common::state::AppState;
use crate::ui::common::words::trs;
use crate::ui::platform::js;
use js_sys::Reflect;
use leptos::prelude::*;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// Browsers give a site about 5 million characters of local storage.
pub const QUOTA_CHARS: f64 = 5_000_000.0;
/// The share of the quota at which the list warns.
pub const WARN_AT: f64 = 0.8;

/// Characters this site keeps in local storage (keys and values).
pub fn used_chars() -> f64 {
    let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
        return 0.0;
    };
    let storage = JsValue::from(storage);
    let n = Reflect::get(&storage, &"length".into())
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0) as u32;
    let mut total = 0.0;
    for i in 0..n {
        let Ok(key) = js::call(&storage, "key", &JsValue::from(i)) else {
            continue;
        };
        // A string's length, without copying it: boxed (`new Object(s)`),
        // since `Reflect.get` needs an object and a typed `length` binding
        // would add glue to the page's start.
        let len = |v: &JsValue| {
            js::construct("Object", v)
                .and_then(|boxed| Reflect::get(&boxed, &"length".into()))
                .ok()
                .and_then(|l| l.as_f64())
                .unwrap_or(0.0)
        };
        total += len(&key);
        if let Ok(value) = js::call(&storage, "getItem", &key) {
            total += len(&value);
        }
    }
    total
}

/// `navigator.storage[method]()`, awaited: `Some(true)` if the browser
/// keeps this site's storage, `None` where the API is missing.
async fn storage_call(method: &str) -> Option<bool> {
    let navigator = web_sys::window()?.navigator();
    let storage = Reflect::get(&navigator, &"storage".into()).ok()?;
    if storage.is_undefined() {
        return None;
    }
    let promise = js::call(&storage, method, &JsValue::UNDEFINED).ok()?;
    let answer = JsFuture::from(js_sys::Promise::from(promise)).await.ok()?;
    // (Truthiness: `as_bool` would add glue to the page's start.)
    Some(answer.is_truthy())
}

/// Whether the browser keeps this site's storage, asking it to if it does
/// not yet. Browsers remember their answer (Firefox asks the user once;
/// Chromium decides by itself), so asking at every coordinator start costs
/// nothing, and the app stores nothing to remember it by (a wiped device
/// stays empty).
pub async fn persisted_or_ask() -> Option<bool> {
    if storage_call("persisted").await? {
        return Some(true);
    }
    storage_call("persist").await
}

/// Above the records list: asks for persistent storage, and warns
/// when the app's storage is 80 % full.
#[component]
pub fn StorageWarning() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    leptos::task::spawn_local(async {
        let _ = persisted_or_ask().await;
    });
    // Counted again whenever the records change.
    let share = Memo::new(move |_| {
        state.catalogue.with(|c| c.drafts.len());
        used_chars() / QUOTA_CHARS
    });
    view! {
        <Show when=move || { share.get() >= WARN_AT }>
            <p class="alert warning" role="alert" data-storage-nearly-full>
                {move || (lang.get().screens().storage_nearly_full)((share.get() * 100.0) as u32)}
            </p>
        </Show>
    }
}

/// In the settings: storage used, and whether the browser keeps it.
#[component]
pub fn StorageUse() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let kept = RwSignal::new(None::<bool>);
    leptos::task::spawn_local(async move {
        kept.set(storage_call("persisted").await);
    });
    let used = Memo::new(move |_| {
        state.catalogue.with(|c| c.drafts.len());
        used_chars()
    });
    view! {
        <p class="help" data-storage-use>
            {move || (lang.get().screens().storage_used)((used.get() / 1000.0) as u32, (used.get() / QUOTA_CHARS * 100.0) as u32)}
            " "
            {move || {
                let sc = lang.get().screens();
                match kept.get() {
                    Some(true) => sc.storage_kept,
                    Some(false) => sc.storage_not_kept,
                    None => sc.storage_unknown,
                }
            }}
        </p>
        <p class="help">{trs(lang, |s| s.storage_advice)}</p>
    }
}
