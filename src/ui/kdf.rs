//! The passcode's key derivation, run in a Web Worker (`web/kdf-worker.js`
//! with the `ctit-kdf` crate's own wasm module): Argon2id at the vault's
//! cost needs tens of MiB, and a wasm memory never shrinks, so derived in
//! the app's own module that memory would stay with the app. The worker is
//! ended after each derivation and its memory returned.
//!
//! The messages are strings (JSON there, hex back), sent through `js`'s
//! generic calls so the page's start carries no glue for them.

use super::js;
use crate::vault::{KdfCost, Kek};
use js_sys::Reflect;
use wasm_bindgen::JsValue;
use wasm_bindgen::closure::Closure;

/// The worker script, next to the page (version 1 of its interface: see
/// `web/kdf-worker.js`).
const WORKER: &str = "./kdf-worker-v1.js";

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

/// Argon2id of `passcode` with `salt` at `cost`, in a worker. The error is
/// the browser's reason (the worker's code could not be fetched, or memory
/// ran out).
pub async fn derive(passcode: &str, salt: &[u8], cost: KdfCost) -> Result<Kek, String> {
    let worker =
        js::construct("Worker", &JsValue::from_str(WORKER)).map_err(|e| js::describe(&e))?;
    let (tx, rx) = futures_channel::oneshot::channel::<Result<Kek, String>>();
    let tx = std::rc::Rc::new(std::cell::Cell::new(Some(tx)));
    let send = move |r: Result<Kek, String>| {
        if let Some(tx) = tx.take() {
            let _ = tx.send(r);
        }
    };
    let on_error = {
        let send = send.clone();
        Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| {
            send(Err("the key-derivation worker failed to start".into()));
        })
    };
    let on_message = Closure::<dyn FnMut(JsValue)>::new(move |ev: JsValue| {
        let text = Reflect::get(&ev, &"data".into())
            .ok()
            .and_then(|d| d.as_string())
            .unwrap_or_default();
        send(match unhex(&text) {
            Some(k) => Ok(Kek(k)),
            None => Err(text.trim_start_matches('!').to_string()),
        });
    });
    js::set(&worker, "onmessage", on_message.as_ref());
    js::set(&worker, "onerror", on_error.as_ref());
    let request = serde_json::json!({
        "passcode": passcode,
        "salt": hex(salt),
        "m": cost.m_kib,
        "t": cost.t,
        "p": cost.p,
    })
    .to_string();
    js::call(&worker, "postMessage", &JsValue::from_str(&request)).map_err(|e| js::describe(&e))?;
    let result = rx.await.unwrap_or_else(|_| Err("cancelled".into()));
    // Ends the worker: its memory goes back to the system.
    let _ = js::call(&worker, "terminate", &JsValue::UNDEFINED);
    drop((on_message, on_error));
    result
}
