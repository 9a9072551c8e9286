//! Interface text that follows the language, as closures: [`tr`] for the
//! shell, start page and list ([`crate::text::UiText`]), [`trs`] for the
//! screens fetched later ([`crate::text::ScreenText`]).

use crate::text::Lang;
use leptos::prelude::*;

/// Interface text that follows the language: `tr(lang, |u| u.save)`.
///
/// Every call returns the same closure type (the text is chosen through a
/// function pointer), so the app carries one copy of the code that draws
/// and updates reactive text instead of one per string: in a Leptos app
/// that per-closure code is a large share of the wasm.
pub fn tr(
    lang: RwSignal<Lang>,
    pick: fn(&'static crate::text::UiText) -> &'static str,
) -> impl Fn() -> &'static str + Send + Sync + Copy + 'static {
    move || pick(lang.get().ui())
}

/// [`tr`] for the words of the parts fetched on first use
/// ([`crate::text::ScreenText`]): `trs(lang, |s| s.unlock)`.
pub fn trs(
    lang: RwSignal<Lang>,
    pick: fn(&'static crate::text::ScreenText) -> &'static str,
) -> impl Fn() -> &'static str + Send + Sync + Copy + 'static {
    // first-module: allowed (a generic closure: its code is made where
    // `trs` is called, in the lazily loaded screens).
    move || pick(lang.get().screens())
}
