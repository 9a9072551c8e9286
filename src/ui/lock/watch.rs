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
//! The rules are the session's (`crate::security::session::LockSession`,
//! tested natively); this module listens, keeps time and carries out what
//! it decides. Messages ([`TabMessage`], JSON) never carry anything but the key, and
//! that only in memory. (Locking needs no message: a tab that locks changes
//! `keys::LOCK_SIGNAL_KEY`, and every tab follows the storage event.)

use crate::security::session::{Act, Idle, LockSession, Return, Tab};
use crate::security::tabs::TabMessage;
use crate::ui::common::route::Screen;
use crate::ui::common::state::{AppState, Notice};
use crate::ui::platform::storage::{held_key, with_store};
use leptos::prelude::*;
use std::cell::RefCell;
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// The channel's name.
const CHANNEL_NAME: &str = "ctit-lock";

thread_local! {
    /// The channel the app's tabs unlock and report activity on.
    static CHANNEL: Option<web_sys::BroadcastChannel> = web_sys::BroadcastChannel::new(CHANNEL_NAME).ok();
    /// This tab's lock session (its rules: `crate::security::session`),
    /// once the watch has started.
    static SESSION: RefCell<Option<LockSession>> = const { RefCell::new(None) };
    /// The vault description's text this tab's key was last checked
    /// against (so each storage event of another tab's save costs nothing).
    static CHECKED_VAULT: RefCell<Option<String>> = const { RefCell::new(None) };
    /// What takes a key handed over (the lock's `adopt_key`, given at start).
    static ADOPT: std::cell::Cell<Option<Adopt>> = const { std::cell::Cell::new(None) };
    /// The notice the idle warning took the place of, put back when it goes.
    static BEFORE_WARNING: std::cell::Cell<Option<Notice>> = const { std::cell::Cell::new(None) };
}

/// Unlocks this tab with a key handed over, if it is the vault's own.
pub type Adopt = fn(AppState, [u8; 32]);

/// The tab as the session sees it.
fn tab(state: AppState) -> Tab {
    Tab {
        screen: state.screen.get_untracked(),
        has_vault: state.has_vault.get_untracked(),
        key: held_key(),
    }
}

/// Runs `f` on the session, if the watch has started.
fn with_session<R>(f: impl FnOnce(&mut LockSession) -> R) -> Option<R> {
    SESSION.with(|s| s.borrow_mut().as_mut().map(f))
}

/// Does what the session decided.
fn act(state: AppState, act: Option<Act>) {
    match act {
        Some(Act::Send(message)) => broadcast(&message),
        Some(Act::Adopt(key)) => {
            if let Some(adopt) = ADOPT.with(std::cell::Cell::get) {
                adopt(state, key);
            }
        }
        None => {}
    }
}

/// This tab was unlocked with the passcode typed in it: it may take keys
/// again, and tabs waiting on a coordinator's screen are told.
pub fn unlocked_here(state: AppState) {
    act(state, with_session(LockSession::unlocked_by_passcode));
}

/// Starts the watch in this tab; a key handed over is given to `adopt`.
pub fn start(state: AppState, adopt: Adopt) {
    ADOPT.with(|a| a.set(Some(adopt)));
    let id = crate::ui::platform::random::new_id();
    let session = LockSession::new(id, &state.screen.get_untracked(), js_sys::Date::now());
    SESSION.with(|s| *s.borrow_mut() = Some(session));
    // Every screen shown is remembered: the start page or the patient
    // check ends this tab's right to be handed a key.
    Effect::new(move |_| {
        let screen = state.screen.get();
        with_session(|s| s.shown(&screen));
    });
    on_broadcast(move |message| {
        let now = js_sys::Date::now();
        let here = tab(state);
        act(
            state,
            with_session(|s| s.received(message, &here, now)).flatten(),
        );
    });
    let ask = move || act(state, with_session(|s| s.ask(&tab(state))).flatten());
    let had_vault = state.has_vault.get_untracked();
    ask();
    // A passcode set in another tab reaches this one as a storage event,
    // which locks this tab (`AppState::recheck_vault`): ask for the key
    // once the vault is seen.
    Effect::new(move |was: Option<bool>| {
        let has = state.has_vault.get();
        if has && !was.unwrap_or(had_vault) {
            ask();
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
            && !key_still_fits()
        {
            state.lock_here();
            ask();
        }
    });
    std::mem::forget(vault_watch);
    start_idle_lock(state);
    start_return(state);
}

/// Where the coordinator was: the element focused while at work and the
/// screener's initials are followed, and once the tab is theirs again
/// (unlocked) the session says where to take them
/// (`LockSession::returning`): after the idle lock, the same initials (the
/// session goes on); after a lock made on purpose, the record's
/// "Continue as …" offer first; then the field they were in (which
/// scrolls it into view). The screen itself is kept through a lock
/// (`AppState::lock_here`).
fn start_return(state: AppState) {
    let focusin = window_event_listener(leptos::ev::focusin, move |ev| {
        let id = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .map(|e| e.id())
            .unwrap_or_default();
        let here = tab(state);
        with_session(|s| s.focused(&here, &id));
    });
    std::mem::forget(focusin);
    Effect::new(move |_| {
        let initials = state.initials.get();
        let here = tab(state);
        with_session(|s| s.signed(&here, &initials));
    });
    Effect::new(move |_| {
        if state.locked.get() {
            interrupted(state);
        }
    });
    Effect::new(move |_| {
        let has_initials = !state.initials.with(String::is_empty);
        state.locked.track();
        state.screen.track();
        let here = tab(state);
        match with_session(|s| s.returning(&here, has_initials)).flatten() {
            Some(Return::Resume(initials)) => state.initials.set(initials),
            Some(Return::Initials) => focus_when_drawn(None, 0),
            Some(Return::Focus(id)) => focus_when_drawn(Some(id), 0),
            None => {}
        }
    });
}

/// The tab locked or idled: the session keeps where the coordinator was.
fn interrupted(state: AppState) {
    let here = tab(state);
    let minutes = state.idle_minutes.get_untracked();
    with_session(|s| s.interrupted(&here, js_sys::Date::now(), minutes));
}

/// Focuses the element with this id (or, for `None`, the screener's-
/// initials form's first control: "Continue as …", else its field) once it
/// is drawn and enabled: the screen
/// may still be rendering, its code arriving, or its form waiting for the
/// initials. Tries at each frame for about a second.
fn focus_when_drawn(id: Option<String>, tries: u32) {
    request_animation_frame(move || {
        let document = web_sys::window().and_then(|w| w.document());
        let found = document.and_then(|d| match &id {
            Some(id) => d.get_element_by_id(id),
            None => d
                .query_selector("[data-initials-form] [data-first]")
                .ok()
                .flatten(),
        });
        match found.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            Some(el) if !el.matches(":disabled").unwrap_or(false) => {
                let _ = el.focus();
            }
            _ if tries < 60 => focus_when_drawn(id, tries + 1),
            _ => {}
        }
    });
}

/// Shows the idle warning (`Some(seconds)` before the lock) or takes it
/// away (`None`), keeping a notice it took the place of.
fn warn(state: AppState, seconds: Option<u32>) {
    let showing = matches!(state.notice.get_untracked(), Some(Notice::LockingSoon(_)));
    match seconds {
        Some(s) => {
            if !showing {
                BEFORE_WARNING.with(|b| b.set(state.notice.get_untracked()));
            }
            state.notice.set(Some(Notice::LockingSoon(s)));
        }
        None if showing => state.notice.set(BEFORE_WARNING.with(std::cell::Cell::take)),
        None => {}
    }
}

/// "Stay" on the idle warning: counts as activity (told to the other
/// tabs, whose warnings go too), and the warning goes at once.
pub fn stay(state: AppState) {
    let now = js_sys::Date::now();
    let here = tab(state);
    act(state, with_session(|s| s.touched(&here, now)).flatten());
    tick(state);
}

/// One tick of the idle clock: carries out what the session says.
fn tick(state: AppState) {
    let minutes = state.idle_minutes.get_untracked();
    let here = tab(state);
    match with_session(|s| s.tick(&here, js_sys::Date::now(), minutes)).flatten() {
        Some(Idle::Warn(seconds)) => warn(state, Some(seconds)),
        Some(Idle::Stay) => warn(state, None),
        Some(Idle::Expired) => {
            warn(state, None);
            interrupted(state);
            if state.has_vault.get_untracked() && !state.locked.get_untracked() {
                state.lock();
            }
            // Without a passcode, the screener's session ends (with one, it
            // goes on once unlocked: `LockSession::interrupted`).
            if !state.initials.with_untracked(String::is_empty) {
                state.initials.set(String::new());
            }
            if state.screen.get_untracked() == Screen::Patient {
                state.go(Screen::Home);
            }
        }
        None => {}
    }
}

/// Whether the key this tab holds (if any) is still the vault's: the
/// passcode may have been changed in another tab.
fn key_still_fits() -> bool {
    let (Some(key), Some(text)) = (
        held_key(),
        with_store(|kv| kv.get(crate::storage::keys::VAULT_KEY).ok().flatten()),
    ) else {
        return true;
    };
    if CHECKED_VAULT.with(|c| c.borrow().as_deref() == Some(text.as_str())) {
        return true;
    }
    let fits = crate::security::vault::still_fits(&text, &key);
    if fits {
        CHECKED_VAULT.with(|c| *c.borrow_mut() = Some(text));
    }
    fits
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
/// through the channel, the other tabs') and ticks the idle clock every
/// second ([`tick`]): a warning 30 seconds before the lock ("Locking in
/// 30 s — tap to stay", in every tab that would lock), then, after the
/// idle time, locks every tab, or without a passcode ends the screener's
/// session (the initials are asked again: the tablet may have been handed
/// on), and takes a patient's unsaved answers off the screen (back to the
/// start page). The clock also ticks when the page becomes visible again
/// (a tablet woken from sleep, whose timers were paused), so the lock
/// shows first. Uses the page's clock and timers, so tests can drive it
/// with a controlled clock.
fn start_idle_lock(state: AppState) {
    let touch = move || {
        let now = js_sys::Date::now();
        let here = tab(state);
        let told = with_session(|s| s.touched(&here, now)).flatten();
        if told.is_none() {
            return;
        }
        let hidden = web_sys::window()
            .and_then(|w| w.document())
            .is_some_and(|d| d.hidden());
        if hidden {
            // (A hidden tab draws no frame to wait for.)
            act(state, told);
        } else {
            // The other tabs hear of it after the frame this input draws,
            // in a task of its own: their idle clocks tick by the second,
            // and posting it in the input's task (about 4 ms at 4x CPU,
            // the first keystroke's) kept that keystroke's paint waiting.
            leptos::task::spawn_local(async move {
                crate::ui::common::deferred::after_paint().await;
                act(state, told);
            });
        }
    };
    // The listeners and the timer live as long as the page.
    std::mem::forget((
        window_event_listener(leptos::ev::keydown, move |_| touch()),
        window_event_listener(leptos::ev::pointerdown, move |_| touch()),
        window_event_listener(leptos::ev::input, move |_| touch()),
        window_event_listener_untyped("visibilitychange", move |_| tick(state)),
        window_event_listener(leptos::ev::pageshow, move |_| tick(state)),
    ));
    let _ = set_interval_with_handle(move || tick(state), Duration::from_secs(1));
}
