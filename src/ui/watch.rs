//! The tablet's watch, shared by every tab of the app: one idle clock (a
//! tab's activity counts for all), locking and unlocking together over a
//! `BroadcastChannel`, and handing the data key to a tab that opens while
//! another is unlocked. Fetched once the first screen is painted (its own
//! wasm module, see `lazy::watch`): the first download only locks and
//! follows a passcode set elsewhere (`state`).
//!
//! Messages on the channel `ctit-lock` (strings): `H` a new tab asks an
//! unlocked one for the key; `K` followed by the 32 key bytes as characters
//! U+0000–U+00FF (in memory only, never stored); `A` someone is using the
//! app. (Locking needs no message: a tab that locks changes
//! `keys::LOCK_SIGNAL_KEY`, and every tab follows the storage event.)

use super::route::Screen;
use super::state::AppState;
use leptos::prelude::*;
use std::cell::Cell;
use std::time::Duration;
use wasm_bindgen::JsValue;

thread_local! {
    /// The channel (a `BroadcastChannel`) the app's tabs unlock and report
    /// activity on.
    static CHANNEL: Option<JsValue> = super::js::construct("BroadcastChannel", &"ctit-lock".into()).ok();
    /// The last activity seen in any tab of the app (ms since 1970).
    static LAST_ACTIVE: Cell<f64> = Cell::new(js_sys::Date::now());
    /// When this tab last told the others it is in use.
    static LAST_TOLD: Cell<f64> = const { Cell::new(0.0) };
}

/// Starts the watch in this tab.
pub fn start(state: AppState) {
    on_broadcast(move |message| {
        let mut chars = message.chars();
        match chars.next() {
            Some('H') => hand_over_key(),
            Some('A') => LAST_ACTIVE.with(|l| l.set(js_sys::Date::now())),
            Some('K') if super::storage::held_key().is_none() => {
                let bytes: Vec<u8> = chars
                    .filter_map(|c| u8::try_from(u32::from(c)).ok())
                    .collect();
                if let Ok(key) = <[u8; 32]>::try_from(bytes) {
                    super::lock::adopt_key(state, key);
                }
            }
            _ => {}
        }
    });
    let had_vault = state.has_vault.get_untracked();
    if had_vault && super::storage::held_key().is_none() {
        // An unlocked tab of this app may hand over the key.
        broadcast("H");
    }
    // A passcode set in another tab reaches this one twice: as that tab's
    // key on the channel and as a storage event, which locks this tab
    // (`AppState::recheck_vault`). The storage may come second, so the key
    // could not be checked against the vault when it came (or came before
    // this module was running): ask again once the vault is seen.
    Effect::new(move |was: Option<bool>| {
        let has = state.has_vault.get();
        if has && !was.unwrap_or(had_vault) && super::storage::held_key().is_none() {
            broadcast("H");
        }
        has
    });
    start_idle_lock(state);
}

/// Tells the app's other tabs.
fn broadcast(message: &str) {
    CHANNEL.with(|c| {
        if let Some(c) = c {
            let _ = super::js::call(c, "postMessage", &JsValue::from_str(message));
        }
    });
}

/// Listens to the app's other tabs.
fn on_broadcast(f: impl Fn(String) + 'static) {
    CHANNEL.with(|c| {
        if let Some(c) = c {
            let handler =
                wasm_bindgen::closure::Closure::<dyn Fn(JsValue)>::new(move |ev: JsValue| {
                    let data = js_sys::Reflect::get(&ev, &"data".into()).ok();
                    if let Some(text) = data.and_then(|d| d.as_string()) {
                        f(text);
                    }
                });
            super::js::set(c, "onmessage", handler.as_ref());
            // The listener lives as long as the page.
            handler.forget();
        }
    });
}

/// Sends this tab's data key to the others, if it holds one.
pub fn hand_over_key() {
    if let Some(key) = super::storage::held_key() {
        let text: String = std::iter::once('K')
            .chain(key.iter().map(|&b| char::from(b)))
            .collect();
        broadcast(&text);
    }
}

/// Watches for activity (in this tab and, through the channel, the
/// others) and, after the idle time: locks every tab, and takes a
/// patient's unsaved answers off the screen (back to the start page). The
/// check also runs when the page becomes visible again (a tablet woken
/// from sleep, whose timers were paused), so the lock shows first. Uses
/// the page's clock and timers, so tests can drive it with a controlled
/// clock.
fn start_idle_lock(state: AppState) {
    let touch = move || {
        let now = js_sys::Date::now();
        LAST_ACTIVE.with(|l| l.set(now));
        // Tell the other tabs at most every 10 s: their idle clocks follow.
        if now - LAST_TOLD.with(Cell::get) >= 10_000.0 {
            LAST_TOLD.with(|t| t.set(now));
            broadcast("A");
        }
    };
    let check = move || {
        let idle_ms = f64::from(state.idle_minutes.get_untracked()) * 60_000.0;
        if js_sys::Date::now() - LAST_ACTIVE.with(Cell::get) < idle_ms {
            return;
        }
        if state.has_vault.get_untracked() && !state.locked.get_untracked() {
            state.lock();
        }
        if state.screen.get_untracked() == Screen::Patient {
            state.go(Screen::Home);
        }
    };
    // The listeners and the timer live as long as the page.
    std::mem::forget((
        window_event_listener(leptos::ev::keydown, move |_| touch()),
        window_event_listener(leptos::ev::pointerdown, move |_| touch()),
        window_event_listener(leptos::ev::input, move |_| touch()),
        window_event_listener_untyped("visibilitychange", move |_| check()),
        window_event_listener(leptos::ev::pageshow, move |_| check()),
    ));
    let _ = set_interval_with_handle(check, Duration::from_secs(5));
}
