//! Small browser helpers for the screens fetched later: a thrown value in
//! words, a console warning for site IT, a screen's style sheet added
//! once, and moving focus after the next frame.

use crate::app::sheet::Sheet;
use wasm_bindgen::{JsCast, JsValue};

/// Says `message` on the browser's console as a warning (for site IT).
pub fn warn(message: &str) {
    web_sys::console::warn_1(&message.into());
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
pub fn ensure_style(sheet: Sheet) {
    let name = sheet.name();
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
