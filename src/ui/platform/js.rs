//! Small browser calls for the code fetched later: `obj.name(arg)` and
//! `new Global(arg)` through `Reflect` (for the key-derivation worker and
//! the tabs' channel: typed `web-sys` bindings would add one piece of
//! JavaScript glue per method to the page's start, which every first screen
//! downloads; these reuse glue the page already has), adding a screen's
//! style sheet, and moving focus.

use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// `obj[name](arg)`.
pub fn call(obj: &JsValue, name: &str, arg: &JsValue) -> Result<JsValue, JsValue> {
    let f = Reflect::get(obj, &name.into())?;
    if !f.is_function() {
        return Err(JsValue::from_str(name));
    }
    f.unchecked_into::<Function>().call1(obj, arg)
}

/// `new globalThis[name](arg)`.
pub fn construct(name: &str, arg: &JsValue) -> Result<JsValue, JsValue> {
    let ctor = Reflect::get(&js_sys::global(), &name.into())?;
    if !ctor.is_function() {
        return Err(JsValue::from_str(name));
    }
    Reflect::construct(ctor.unchecked_ref::<Function>(), &js_sys::Array::of1(arg))
}

/// Says `message` on the browser's console as a warning (for site IT).
pub fn warn(message: &str) {
    if let Ok(console) = Reflect::get(&js_sys::global(), &"console".into()) {
        let _ = call(&console, "warn", &JsValue::from_str(message));
    }
}

/// A JS error or thrown value in words.
pub fn describe(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "the browser refused".into())
}

/// Adds the style sheet `./{name}.css` to the page once (element id
/// `style-{name}`): the styles of screens fetched later, kept out of the
/// first download like their code. It stays for the page's life.
pub fn ensure_style(name: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let id = format!("style-{name}");
    if document.get_element_by_id(&id).is_some() {
        return;
    }
    if let (Ok(link), Some(body)) = (document.create_element("link"), document.body()) {
        let _ = link.set_attribute("id", &id);
        let _ = link.set_attribute("rel", "stylesheet");
        let _ = link.set_attribute("href", &format!("./{name}.css"));
        let _ = body.insert_before(&link, None);
    }
}

/// Moves focus to the element with this id once the next frame is drawn
/// (it may be rendering now).
pub fn focus_after_frame(id: &'static str) {
    leptos::prelude::request_animation_frame(move || {
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(id))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
}
