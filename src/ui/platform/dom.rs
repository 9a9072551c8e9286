//! Small DOM helpers shared by the first download and the screens fetched
//! later.

use wasm_bindgen::JsCast;

/// The file chosen in the file input that fired `ev`, taken: the input is
/// cleared, so choosing the same file again fires again.
pub fn take_chosen_file(ev: &leptos::ev::Event) -> Option<web_sys::File> {
    let input = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())?;
    let file = input.files().and_then(|f| f.get(0))?;
    input.set_value("");
    Some(file)
}
