//! One tab's lock session, pure: whether it may be handed the data key
//! ([`Trust`]), asking the other tabs for it and answering their requests
//! ([`TabMessage`]), which key it takes, and the idle clock the tabs share.
//! The browser side (`ui::lock::watch`) feeds it what happens (a message,
//! a screen shown, a keystroke, the time) and carries out what it answers:
//! messages to send, a key to adopt (after the vault's key check), a lock
//! to make. Every rule is here, with native tests.

use crate::app::route::Screen;
use crate::security::tabs::{TabMessage, Trust, hex, unhex};

/// Activity on an unlocked coordinator's screen is told to the other tabs
/// at most this often (ms): their idle clocks follow.
pub const TELL_EVERY_MS: f64 = 10_000.0;

/// What the tab looks like now, as the session needs to know it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tab {
    /// The screen it shows.
    pub screen: Screen,
    /// A passcode protects the records on this device.
    pub has_vault: bool,
    /// The data key this tab holds (unlocked), if any.
    pub key: Option<[u8; 32]>,
}

impl Tab {
    fn locked(&self) -> bool {
        self.has_vault && self.key.is_none()
    }
}

/// What the browser side does after the session decided.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Act {
    /// Tell the other tabs.
    Send(TabMessage),
    /// Take this key, if the vault's key check passes (`vault::key_fits`).
    Adopt([u8; 32]),
}

/// One tab's lock session.
#[derive(Clone, Debug, PartialEq)]
pub struct LockSession {
    /// This tab's random id on the channel (`None`: no randomness, so the
    /// tab neither asks for nor takes a key).
    id: Option<String>,
    trust: Trust,
    /// This tab asked for the key and waits for it.
    waiting: bool,
    /// The last activity seen in any tab of the app (ms since 1970).
    last_active: f64,
    /// When this tab last told the others it is in use (ms since 1970).
    last_told: f64,
}

impl LockSession {
    /// The session of a tab with id `id`, opened on `screen` at `now`.
    pub fn new(id: Option<String>, screen: &Screen, now: f64) -> LockSession {
        LockSession {
            id,
            trust: Trust::opened_on(screen),
            waiting: false,
            last_active: now,
            last_told: f64::NEG_INFINITY,
        }
    }

    /// The tab now shows `screen`: the start page or the patient check
    /// ends its right to be handed a key.
    pub fn shown(&mut self, screen: &Screen) {
        self.trust = self.trust.shown(screen);
    }

    /// The tab was unlocked with the passcode typed in it: it may take keys
    /// again, and the tabs waiting on a coordinator's screen are told.
    pub fn unlocked_by_passcode(&mut self) -> Act {
        self.trust = self.trust.unlocked_by_passcode();
        self.waiting = false;
        Act::Send(TabMessage::Unlocked)
    }

    /// Asks the other tabs for the key, if the tab is locked on a
    /// coordinator's screen and may take one.
    pub fn ask(&mut self, tab: &Tab) -> Option<Act> {
        if !tab.locked() || !self.trust.may_take_key(&tab.screen) {
            return None;
        }
        let from = self.id.clone()?;
        self.waiting = true;
        Some(Act::Send(TabMessage::KeyWanted { from }))
    }

    /// What to do about a message from another tab, received at `now`.
    pub fn received(&mut self, message: TabMessage, tab: &Tab, now: f64) -> Option<Act> {
        match message {
            // Only an unlocked tab answers, and only while it is on a
            // coordinator's screen (leaving them locks it anyway).
            TabMessage::KeyWanted { from } => {
                let key = tab.key.filter(|_| tab.screen.is_coordinator())?;
                Some(Act::Send(TabMessage::Key {
                    to: from,
                    key: hex(&key),
                }))
            }
            // Only the tab it is for, while it still waits for it, may
            // take a key; and only if it may take one now.
            TabMessage::Key { to, key } => {
                let mine = self.id.as_deref() == Some(to.as_str());
                if !mine || !self.waiting || tab.key.is_some() {
                    return None;
                }
                self.waiting = false;
                if !self.trust.may_take_key(&tab.screen) {
                    return None;
                }
                unhex(&key).map(Act::Adopt)
            }
            TabMessage::Unlocked => self.ask(tab),
            TabMessage::Active => {
                self.last_active = self.last_active.max(now);
                None
            }
        }
    }

    /// Someone used this tab at `now` (a key, a tap, an input). Only a
    /// coordinator at work on an unlocked screen keeps the other tabs
    /// awake: a patient typing in another tab keeps nothing awake.
    pub fn touched(&mut self, tab: &Tab, now: f64) -> Option<Act> {
        self.last_active = self.last_active.max(now);
        let at_work = tab.screen.is_coordinator() && !tab.locked();
        if at_work && now - self.last_told >= TELL_EVERY_MS {
            self.last_told = now;
            return Some(Act::Send(TabMessage::Active));
        }
        None
    }

    /// Whether the idle time has run out at `now` (then the tabs lock, or
    /// without a passcode the screener's session ends).
    pub fn idle(&self, now: f64, idle_minutes: u32) -> bool {
        now - self.last_active >= f64::from(idle_minutes) * 60_000.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: [u8; 32] = [7; 32];

    fn tab(screen: Screen, key: Option<[u8; 32]>) -> Tab {
        Tab {
            screen,
            has_vault: true,
            key,
        }
    }

    fn session(screen: &Screen) -> LockSession {
        LockSession::new(Some("me".into()), screen, 0.0)
    }

    #[test]
    fn a_locked_tab_on_the_records_asks_and_takes_the_key_meant_for_it() {
        let here = tab(Screen::List, None);
        let mut s = session(&Screen::List);
        assert_eq!(
            s.ask(&here),
            Some(Act::Send(TabMessage::KeyWanted { from: "me".into() }))
        );
        let key = TabMessage::Key {
            to: "me".into(),
            key: hex(&KEY),
        };
        assert_eq!(s.received(key.clone(), &here, 1.0), Some(Act::Adopt(KEY)));
        // Once only: a second copy of the answer is not taken.
        assert_eq!(s.received(key, &here, 2.0), None);
    }

    #[test]
    fn a_key_for_another_tab_or_one_never_asked_for_is_dropped() {
        let here = tab(Screen::List, None);
        let mut s = session(&Screen::List);
        let for_other = TabMessage::Key {
            to: "other".into(),
            key: hex(&KEY),
        };
        assert_eq!(s.received(for_other, &here, 1.0), None);
        let unasked = TabMessage::Key {
            to: "me".into(),
            key: hex(&KEY),
        };
        assert_eq!(s.received(unasked, &here, 1.0), None);
    }

    #[test]
    fn a_tab_that_showed_the_patient_check_never_asks_nor_takes_a_key() {
        let mut s = session(&Screen::Patient);
        s.shown(&Screen::List);
        let here = tab(Screen::List, None);
        assert_eq!(s.ask(&here), None);
        assert_eq!(s.received(TabMessage::Unlocked, &here, 1.0), None);
        // Its own passcode gives it back the right.
        assert_eq!(s.unlocked_by_passcode(), Act::Send(TabMessage::Unlocked));
        assert!(s.ask(&here).is_some());
    }

    #[test]
    fn only_an_unlocked_tab_on_the_records_answers_a_request() {
        let wanted = || TabMessage::KeyWanted {
            from: "them".into(),
        };
        let mut s = session(&Screen::List);
        assert_eq!(
            s.received(wanted(), &tab(Screen::List, Some(KEY)), 1.0),
            Some(Act::Send(TabMessage::Key {
                to: "them".into(),
                key: hex(&KEY)
            }))
        );
        assert_eq!(s.received(wanted(), &tab(Screen::List, None), 1.0), None);
        assert_eq!(
            s.received(wanted(), &tab(Screen::Home, Some(KEY)), 1.0),
            None
        );
    }

    #[test]
    fn only_an_unlocked_coordinators_screen_keeps_the_other_tabs_awake() {
        let mut patient = session(&Screen::Patient);
        assert_eq!(patient.touched(&tab(Screen::Patient, None), 1.0), None);
        let mut locked = session(&Screen::List);
        assert_eq!(locked.touched(&tab(Screen::List, None), 1.0), None);
        let mut team = session(&Screen::List);
        let at_work = tab(Screen::Record("r".into()), Some(KEY));
        assert_eq!(
            team.touched(&at_work, 1.0),
            Some(Act::Send(TabMessage::Active))
        );
        // At most every ten seconds.
        assert_eq!(team.touched(&at_work, 5_000.0), None);
        assert!(team.touched(&at_work, 10_001.0).is_some());
    }

    #[test]
    fn the_idle_time_counts_from_the_last_activity_in_any_tab() {
        let mut s = session(&Screen::List);
        assert!(!s.idle(4.0 * 60_000.0, 5));
        assert!(s.idle(5.0 * 60_000.0, 5));
        s.received(
            TabMessage::Active,
            &tab(Screen::List, Some(KEY)),
            4.0 * 60_000.0,
        );
        assert!(!s.idle(5.0 * 60_000.0, 5));
        assert!(s.idle(9.0 * 60_000.0, 5));
    }
}
