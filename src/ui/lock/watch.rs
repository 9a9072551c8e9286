//! The tablet's watch, shared by every tab of the app: one idle clock (the
//! activity of a coordinator's screen counts for all), locking and
//! unlocking together over a `BroadcastChannel`, and handing the data key
//! to a tab on a coordinator's screen that asks while another is unlocked.
//! Fetched once the first screen is painted (with the lock screen, see
//! `super::door::start_watch`): the first download only locks and follows
//! a passcode set elsewhere (`AppState`).
//!
//! The rules of the hand-over (issue 26):
//! - Only a tab that has shown nothing but the coordinator's screens since
//!   it opened (or since it was unlocked with the passcode) asks for the
//!   key; a tab that showed the start page or the patient check never
//!   asks, and reaching the records from it always takes the passcode.
//! - A key is handed only by an unlocked tab, in answer to one tab's
//!   request (addressed to its random id), and that tab takes it only while
//!   it is still waiting for it, and only if it is the vault's own key
//!   (`vault::key_fits`, the key check stored in the vault).
//! - Only an unlocked coordinator's screen counts as activity for the other
//!   tabs: a patient typing in another tab keeps nothing awake.
//!
//! Messages ([`TabMessage`], JSON) never carry anything but the key, and
//! that only in memory. (Locking needs no message: a tab that locks changes
//! `keys::LOCK_SIGNAL_KEY`, and every tab follows the storage event.)

use crate::security::tabs::{TabMessage, Trust, hex, unhex};
use crate::ui::common::route::Screen;
use crate::ui::common::state::AppState;
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// The channel's name.
const CHANNEL_NAME: &str = "ctit-lock";

thread_local! {
    /// The channel the app's tabs unlock and report activity on.
    static CHANNEL: Option<web_sys::BroadcastChannel> = web_sys::BroadcastChannel::new(CHANNEL_NAME).ok();
    /// This tab's id on the channel (random; `None` without randomness:
    /// the tab then neither asks for nor takes a key).
    static TAB_ID: Option<String> = crate::ui::platform::random::new_id();
    /// Whether this tab may take a key handed over.
    static TRUST: Cell<Option<Trust>> = const { Cell::new(None) };
    /// This tab asked for the key and waits for it.
    static WAITING: Cell<bool> = const { Cell::new(false) };
    /// The last activity seen in any tab of the app (ms since 1970).
    static LAST_ACTIVE: Cell<f64> = Cell::new(js_sys::Date::now());
    /// When this tab last told the others it is in use.
    static LAST_TOLD: Cell<f64> = const { Cell::new(0.0) };
    /// The vault description's text this tab's key was last checked
    /// against (so each storage event of another tab's save costs nothing).
    static CHECKED_VAULT: RefCell<Option<String>> = const { RefCell::new(None) };
}

fn trust() -> Trust {
    TRUST.with(Cell::get).unwrap_or(Trust::NONE)
}

/// This tab was unlocked with the passcode typed in it: it may take keys
/// again, and tabs waiting on a coordinator's screen are told.
pub fn unlocked_here() {
    TRUST.with(|t| t.set(Some(trust().unlocked_by_passcode())));
    broadcast(&TabMessage::Unlocked);
}

/// Starts the watch in this tab.
pub fn start(state: AppState) {
    TRUST.with(|t| t.set(Some(Trust::opened_on(&state.screen.get_untracked()))));
    // Every screen shown is remembered: the start page or the patient
    // check ends this tab's right to be handed a key.
    Effect::new(move |_| {
        let screen = state.screen.get();
        TRUST.with(|t| t.set(Some(trust().shown(&screen))));
    });
    on_broadcast(move |message| match message {
        TabMessage::KeyWanted { from } => {
            let here = state.screen.get_untracked();
            if let Some(key) = crate::ui::platform::storage::held_key()
                && here.is_coordinator()
            {
                broadcast(&TabMessage::Key {
                    to: from,
                    key: hex(&key),
                });
            }
        }
        TabMessage::Key { to, key } => {
            let mine = TAB_ID.with(|id| id.as_deref() == Some(to.as_str()));
            if mine && WAITING.with(Cell::get) && crate::ui::platform::storage::held_key().is_none()
            {
                WAITING.with(|w| w.set(false));
                if trust().may_take_key(&state.screen.get_untracked())
                    && let Some(bytes) = unhex(&key)
                {
                    crate::ui::lock::adopt_key(state, bytes);
                }
            }
        }
        TabMessage::Unlocked => ask_for_key(state),
        TabMessage::Active => LAST_ACTIVE.with(|l| l.set(js_sys::Date::now())),
    });
    let had_vault = state.has_vault.get_untracked();
    ask_for_key(state);
    // A passcode set in another tab reaches this one as a storage event,
    // which locks this tab (`AppState::recheck_vault`): ask for the key
    // once the vault is seen.
    Effect::new(move |was: Option<bool>| {
        let has = state.has_vault.get();
        if has && !was.unwrap_or(had_vault) {
            ask_for_key(state);
        }
        has
    });
    // The passcode changed in another tab (a new data key): the key held
    // here no longer opens the vault, so this tab locks and asks again.
    let vault_watch = window_event_listener(leptos::ev::storage, move |ev| {
        if ev
            .key()
            .as_deref()
            .is_none_or(|k| k == crate::storage::keys::VAULT_KEY)
        {
            key_still_fits(state);
        }
    });
    std::mem::forget(vault_watch);
    start_idle_lock(state);
}

/// Asks the other tabs for the key, if this tab is locked on a
/// coordinator's screen and may take one.
fn ask_for_key(state: AppState) {
    let locked =
        state.has_vault.get_untracked() && crate::ui::platform::storage::held_key().is_none();
    if !locked || !trust().may_take_key(&state.screen.get_untracked()) {
        return;
    }
    if let Some(from) = TAB_ID.with(Clone::clone) {
        WAITING.with(|w| w.set(true));
        broadcast(&TabMessage::KeyWanted { from });
    }
}

/// Locks this tab if the key it holds is no longer the vault's (the
/// passcode was changed in another tab), then asks for the new one.
fn key_still_fits(state: AppState) {
    let Some(bytes) = crate::ui::platform::storage::held_key() else {
        return;
    };
    let text = crate::ui::platform::storage::with_store(|kv| {
        kv.get(crate::storage::keys::VAULT_KEY).ok().flatten()
    });
    let Some(text) = text else { return };
    if CHECKED_VAULT.with(|c| c.borrow().as_deref() == Some(text.as_str())) {
        return;
    }
    let fits = crate::security::vault::read_meta(&text).is_ok_and(|meta| {
        meta.check.is_none()
            || crate::security::vault::key_fits(
                &meta,
                &crate::security::vault::DataKey::from_bytes(bytes),
            )
    });
    if fits {
        CHECKED_VAULT.with(|c| *c.borrow_mut() = Some(text));
    } else {
        state.lock_here();
        ask_for_key(state);
    }
}

/// Tells the app's other tabs.
fn broadcast(message: &TabMessage) {
    CHANNEL.with(|c| {
        if let Some(c) = c {
            let _ = c.post_message(&message.text().into());
        }
    });
}

/// Listens to the app's other tabs.
fn on_broadcast(f: impl Fn(TabMessage) + 'static) {
    CHANNEL.with(|c| {
        if let Some(c) = c {
            let handler =
                Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                    if let Some(message) =
                        ev.data().as_string().as_deref().and_then(TabMessage::read)
                    {
                        f(message);
                    }
                });
            c.set_onmessage(Some(handler.as_ref().unchecked_ref()));
            // The listener lives as long as the page.
            handler.forget();
        }
    });
}

/// Watches for activity (on this tab's unlocked coordinator's screens and,
/// through the channel, the other tabs') and, after the idle time: locks
/// every tab, or without a passcode ends the screener's session (the
/// initials are asked again: the tablet may have been handed on), and
/// takes a patient's unsaved answers off the screen (back to the start
/// page). The check also runs when the page becomes visible again (a
/// tablet woken from sleep, whose timers were paused), so the lock shows
/// first. Uses the page's clock and timers, so tests can drive it with a
/// controlled clock.
fn start_idle_lock(state: AppState) {
    let touch = move || {
        let now = js_sys::Date::now();
        LAST_ACTIVE.with(|l| l.set(now));
        // Only a coordinator at work keeps the other tabs awake; tell them
        // at most every 10 s: their idle clocks follow.
        let at_work =
            state.screen.get_untracked().is_coordinator() && !state.locked.get_untracked();
        if at_work && now - LAST_TOLD.with(Cell::get) >= 10_000.0 {
            LAST_TOLD.with(|t| t.set(now));
            broadcast(&TabMessage::Active);
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
        // With or without a passcode, the screener's session ends.
        if !state.initials.with_untracked(String::is_empty) {
            state.initials.set(String::new());
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
