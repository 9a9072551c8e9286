//! Storage the browser keeps: asking for persistent storage when the
//! coordinator's list is shown, how much of the browser's ~5 MB local-storage quota the
//! app uses, and a warning at 80 %. In the list's tools module.
//!
//! Sizes are read without copying values into the app's memory (a wasm
//! memory never shrinks): each value's length is asked of the browser.
//! The warning and the request for persistent storage are above the
//! records list; the figures on the settings screen.

use crate::ui::common::state::AppState;
use crate::ui::common::words::tr;
use crate::ui::platform::bridge::JsStorage;
use crate::ui::settings::words;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Browsers give a site about 5 million characters of local storage.
pub const QUOTA_CHARS: f64 = 5_000_000.0;
/// The share of the quota at which the list warns.
pub const WARN_AT: f64 = 0.8;

/// Characters this site keeps in local storage (keys and values), each
/// value's length asked of the browser (`JsString::length`) rather than
/// the value copied into the app's memory.
pub fn used_chars() -> f64 {
    let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
        return 0.0;
    };
    let n = storage.length().unwrap_or(0);
    let js: &JsStorage = storage.unchecked_ref();
    let mut total = 0.0;
    for i in 0..n {
        let Ok(Some(key)) = storage.key(i) else {
            continue;
        };
        total += key.encode_utf16().count() as f64;
        if let Ok(Some(value)) = js.get_item_js(&key) {
            total += f64::from(value.length());
        }
    }
    total
}

/// Which question `navigator.storage` is asked.
#[derive(Clone, Copy)]
enum Persistence {
    /// `persisted()`: whether the browser keeps this site's storage.
    Asked,
    /// `persist()`: asks the browser to keep it.
    Ask,
}

/// `navigator.storage.persisted()` or `.persist()`, awaited: `Some(true)`
/// if the browser keeps this site's storage, `None` where the API is
/// missing.
async fn storage_call(which: Persistence) -> Option<bool> {
    let storage = web_sys::window()?.navigator().storage();
    // (Missing where the browser has no StorageManager.)
    if JsValue::from(&storage).is_undefined() {
        return None;
    }
    let promise = match which {
        Persistence::Asked => storage.persisted().ok()?,
        Persistence::Ask => storage.persist().ok()?,
    };
    JsFuture::from(promise).await.ok()?.as_bool()
}

/// Whether the browser keeps this site's storage, asking it to if it does
/// not yet. Browsers remember their answer (Firefox asks the user once;
/// Chromium decides by itself), so asking at every coordinator start costs
/// nothing, and the app stores nothing to remember it by (a wiped device
/// keeps nothing of the app's but, while IndexedDB cannot open, the typing
/// journal's counter: web/journal.js).
pub async fn persisted_or_ask() -> Option<bool> {
    if storage_call(Persistence::Asked).await? {
        return Some(true);
    }
    storage_call(Persistence::Ask).await
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
                {move || (words::of(lang.get()).storage_nearly_full)((share.get() * 100.0) as u32)}
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
        kept.set(storage_call(Persistence::Asked).await);
    });
    let used = Memo::new(move |_| {
        state.catalogue.with(|c| c.drafts.len());
        used_chars()
    });
    view! {
        <p class="help" data-storage-use>
            {move || (words::of(lang.get()).storage_used)((used.get() / 1000.0) as u32, (used.get() / QUOTA_CHARS * 100.0) as u32)}
            " "
            {move || {
                let sc = words::of(lang.get());
                match kept.get() {
                    Some(true) => sc.storage_kept,
                    Some(false) => sc.storage_not_kept,
                    None => sc.storage_unknown,
                }
            }}
        </p>
        <p class="help">{tr(lang, |l| words::of(l).storage_advice)}</p>
    }
}
