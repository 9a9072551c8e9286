//! The browser's address for the app's screens (`crate::app::route` says which
//! fragment each is kept under): the screen the address names, and keeping
//! a screen's fragment in the address.

pub use crate::app::route::{RecordPlace, Screen};

/// The address's fragment now.
fn fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The screen the address names now (the start page for any other).
pub fn current() -> Screen {
    Screen::from_hash(&fragment())
}

/// The screen the address names now, if its fragment is a screen's.
pub fn named() -> Option<Screen> {
    Screen::from_fragment(&fragment())
}

/// Keeps `screen`'s fragment in the address without a new history entry.
pub fn show_in_address(screen: &Screen) {
    let hash = screen.hash();
    if let Some(w) = web_sys::window()
        && w.location().hash().ok().as_deref() != Some(hash)
        && let Ok(history) = w.history()
    {
        let url = if hash.is_empty() { "./" } else { hash };
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url));
    }
}
