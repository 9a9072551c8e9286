//! The passcode's key derivation, run in a Web Worker (`web/kdf-worker.js`
//! with the `ctit-kdf` crate's own wasm module): Argon2id at the vault's
//! cost needs tens of MiB, and a wasm memory never shrinks, so derived in
//! the app's own module that memory would stay with the app. The worker is
//! ended after each derivation and its memory returned.
//!
//! The messages are strings (JSON there, hex back). A derivation that runs
//! past [`TIME_LIMIT`] is stopped: the cost comes from the vault or a
//! backup file (only the app's own costs are accepted, `KdfCost::WRITTEN`),
//! and a tablet must never be held by one.

use crate::security::vault::{KdfCost, Kek};
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// The worker script, next to the page (version 1 of its interface: see
/// `web/kdf-worker.js`).
const WORKER: &str = "./kdf-worker-v1.js";

/// The longest a derivation may run before it is stopped. The app's own
/// costs take about 1.5 s at 4× CPU throttling (README, "Passcode lock");
/// twenty times that still leaves a slow tablet room, and a derivation
/// that runs longer is stopped rather than left to hold the tablet.
pub const TIME_LIMIT: Duration = Duration::from_secs(30);

/// Why no key was derived.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KdfError {
    /// The worker could not start or failed (the browser's reason).
    Failed(String),
    /// It ran past [`TIME_LIMIT`] and was stopped.
    TooLong,
}

impl KdfError {
    /// What went wrong, in the user's language.
    pub fn words(&self, sc: &crate::ui::common::operations::Words) -> String {
        match self {
            KdfError::Failed(why) => (sc.kdf_failed)(why),
            KdfError::TooLong => sc.kdf_too_long.to_string(),
        }
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<[u8; 32]> {
    let bytes: Vec<u8> = (0..text.len())
        .step_by(2)
        .map(|i| {
            text.get(i..i + 2)
                .and_then(|b| u8::from_str_radix(b, 16).ok())
        })
        .collect::<Option<_>>()?;
    bytes.try_into().ok()
}

/// Argon2id of `passcode` with `salt` at `cost`, in a worker, stopped
/// after [`TIME_LIMIT`].
pub async fn derive(passcode: &str, salt: &[u8], cost: KdfCost) -> Result<Kek, KdfError> {
    let failed = |e: wasm_bindgen::JsValue| KdfError::Failed(crate::ui::platform::js::describe(&e));
    let worker = web_sys::Worker::new(WORKER).map_err(failed)?;
    let (tx, rx) = futures_channel::oneshot::channel::<Result<Kek, KdfError>>();
    let tx = std::rc::Rc::new(std::cell::Cell::new(Some(tx)));
    let send = move |r: Result<Kek, KdfError>| {
        if let Some(tx) = tx.take() {
            let _ = tx.send(r);
        }
    };
    let on_error = {
        let send = send.clone();
        Closure::<dyn FnMut(web_sys::Event)>::new(move |_: web_sys::Event| {
            send(Err(KdfError::Failed(
                "the key-derivation worker failed to start".into(),
            )));
        })
    };
    let on_message = {
        let send = send.clone();
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let text = ev.data().as_string().unwrap_or_default();
            send(match unhex(&text) {
                Some(k) => Ok(Kek(k)),
                None => Err(KdfError::Failed(text.trim_start_matches('!').to_string())),
            });
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let timer =
        leptos::prelude::set_timeout_with_handle(move || send(Err(KdfError::TooLong)), TIME_LIMIT);
    let request = serde_json::json!({
        "passcode": passcode,
        "salt": hex(salt),
        "m": cost.m_kib,
        "t": cost.t,
        "p": cost.p,
    })
    .to_string();
    let result = match worker.post_message(&request.into()) {
        Ok(()) => rx
            .await
            .unwrap_or_else(|_| Err(KdfError::Failed("cancelled".into()))),
        Err(e) => Err(failed(e)),
    };
    if let Ok(t) = timer {
        t.clear();
    }
    // Ends the worker (also one that ran too long): its memory goes back
    // to the system.
    worker.terminate();
    drop((on_message, on_error));
    result
}
