//! One tab's lock session, pure: whether it may be handed the data key
//! ([`Trust`]), asking the other tabs for it and answering their requests
//! ([`TabMessage`]), which key it takes, the idle clock the tabs share
//! with its warning before the lock ([`Idle`]), and where the coordinator
//! is taken back to once the tab is theirs again ([`Return`]).
//! The browser side (`ui::lock::watch`) feeds it what happens (a message,
//! a screen shown, a keystroke, the time) and carries out what it answers:
//! messages to send, a key to adopt (after the vault's key check), a lock
//! to make. Every rule is here, with native tests.

use crate::app::route::Screen;
use crate::security::tabs::{TabMessage, Trust, hex, unhex};

/// Activity on an unlocked coordinator's screen is told to the other tabs
/// at most this often (ms): their idle clocks follow.
pub const TELL_EVERY_MS: f64 = 10_000.0;

/// The warning comes this long before the idle lock (ms): long enough to
/// reach the tablet from the next bed, short enough not to nag.
pub const WARN_MS: f64 = 30_000.0;

/// What the idle clock says at a tick (see [`LockSession::tick`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Idle {
    /// Warn: the tabs lock in this many seconds unless someone uses one.
    Warn(u32),
    /// Someone did (in any tab), or the warning no longer applies: it goes.
    Stay,
    /// The idle time has run out: the tabs lock, or without a passcode the
    /// screener's session ends.
    Expired,
}

/// Where the coordinator is taken back to once the tab is theirs again
/// (unlocked, see [`LockSession::returning`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Return {
    /// The screener's initials when the idle lock came: an idle lock is a
    /// pause, not a hand-over, so the session goes on with them (the head
    /// shows them, with "Change initials").
    Resume(String),
    /// First the screener's initials: the record asks them before any
    /// change (its "Continue as …" offer takes the focus).
    Initials,
    /// The element focused when the lock came (its id).
    Focus(String),
}

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
    /// The idle warning is showing.
    warned: bool,
    /// The element focused last while at work (its screen and id).
    focus: Option<(Screen, String)>,
    /// The screener's initials while the tab is theirs (empty: none).
    initials: String,
    /// Where to go back to after an interruption (a lock, the idle time).
    back: Option<Back>,
}

/// Where a coordinator was when the tab locked or idled.
#[derive(Clone, Debug, PartialEq)]
struct Back {
    /// The screen they were on.
    screen: Screen,
    /// The element they were in (its id), if any.
    focus: Option<String>,
    /// Their initials, kept through an idle lock (never through a lock
    /// made on purpose).
    initials: Option<String>,
    /// Whether the initials were asked for it already.
    asked: bool,
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
            warned: false,
            focus: None,
            initials: String::new(),
            back: None,
        }
    }

    /// The tab now shows `screen`: the start page or the patient check
    /// ends its right to be handed a key.
    pub fn shown(&mut self, screen: &Screen) {
        self.trust = self.trust.shown(screen);
    }

    /// The element with id `id` took the focus: remembered while a
    /// coordinator is at work (an unlocked coordinator's screen), as where
    /// to come back to after a lock.
    pub fn focused(&mut self, tab: &Tab, id: &str) {
        if tab.screen.is_coordinator() && !tab.locked() && !id.is_empty() {
            self.focus = Some((tab.screen.clone(), id.to_string()));
        }
    }

    /// The screener's initials are now `initials` (empty: none): followed
    /// while the tab is unlocked (a lock forgets them on screen, not here).
    pub fn signed(&mut self, tab: &Tab, initials: &str) {
        if !tab.locked() {
            self.initials = initials.to_string();
        }
    }

    /// The tab locked, or the idle time ended the screener's session, at
    /// `now`: the screen and the element focused then are where the
    /// coordinator comes back to. When the lock is the idle lock (the
    /// shared idle clock has run out, give or take how late another tab's
    /// activity may be told, [`TELL_EVERY_MS`]), the screener's initials
    /// are kept for the unlock: the same person is usually the one who
    /// comes back, and the passcode was asked. Without a passcode nothing
    /// locks, and the initials are asked again (the tablet may have been
    /// handed on); a lock made on purpose ("Lock now", leaving the study
    /// team's screens) ends the session too.
    pub fn interrupted(&mut self, tab: &Tab, now: f64, idle_minutes: u32) {
        self.warned = false;
        if self.back.is_some() {
            return;
        }
        let left = f64::from(idle_minutes) * 60_000.0 - (now - self.last_active);
        let idle_lock = tab.has_vault && left <= TELL_EVERY_MS;
        let initials = (idle_lock && !self.initials.is_empty()).then(|| self.initials.clone());
        let focus = self
            .focus
            .take()
            .filter(|(screen, _)| *screen == tab.screen)
            .map(|(_, id)| id);
        if focus.is_some() || initials.is_some() {
            self.back = Some(Back {
                screen: tab.screen.clone(),
                focus,
                initials,
                asked: false,
            });
        }
    }

    /// Where to take the coordinator now, if anywhere: never once on
    /// another screen than the one left (locked or not); nothing while
    /// locked; the
    /// initials kept through an idle lock, taken back (once); else, on a
    /// record without the screener's initials, to the initials first (once;
    /// the other screens ask them only before a change); then to the
    /// element focused when the lock came (once).
    pub fn returning(&mut self, tab: &Tab, has_initials: bool) -> Option<Return> {
        let back = self.back.as_mut()?;
        if back.screen != tab.screen {
            self.back = None;
            return None;
        }
        if tab.locked() {
            return None;
        }
        if !has_initials {
            if let Some(initials) = back.initials.take() {
                return Some(Return::Resume(initials));
            }
            if matches!(tab.screen, Screen::Record(_)) {
                if back.asked {
                    return None;
                }
                back.asked = true;
                return Some(Return::Initials);
            }
        }
        self.back.take()?.focus.map(Return::Focus)
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

    /// The idle clock at `now`, ticked every second: [`Idle::Expired`] once
    /// the idle time has run out (at every tick until someone uses a tab);
    /// [`Idle::Warn`] once when [`WARN_MS`] or less are left and the tab
    /// would lock (a passcode, unlocked, a coordinator's screen), and
    /// [`Idle::Stay`] once when that no longer holds (someone used a tab).
    pub fn tick(&mut self, tab: &Tab, now: f64, idle_minutes: u32) -> Option<Idle> {
        let left = f64::from(idle_minutes) * 60_000.0 - (now - self.last_active);
        if left <= 0.0 {
            self.warned = false;
            return Some(Idle::Expired);
        }
        let warn = left <= WARN_MS && tab.has_vault && !tab.locked() && tab.screen.is_coordinator();
        if warn == self.warned {
            return None;
        }
        self.warned = warn;
        Some(if warn {
            Idle::Warn((left / 1000.0).ceil() as u32)
        } else {
            Idle::Stay
        })
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

    const MIN: f64 = 60_000.0;

    #[test]
    fn the_idle_time_counts_from_the_last_activity_in_any_tab() {
        let here = tab(Screen::List, Some(KEY));
        let mut s = session(&Screen::List);
        assert_ne!(s.tick(&here, 4.0 * MIN, 5), Some(Idle::Expired));
        assert_eq!(s.tick(&here, 5.0 * MIN, 5), Some(Idle::Expired));
        s.received(TabMessage::Active, &here, 4.0 * MIN);
        assert_ne!(s.tick(&here, 5.0 * MIN, 5), Some(Idle::Expired));
        assert_eq!(s.tick(&here, 9.0 * MIN, 5), Some(Idle::Expired));
    }

    #[test]
    fn a_warning_comes_thirty_seconds_before_the_idle_lock_once_and_goes_with_any_tabs_activity() {
        let here = tab(Screen::Record("r".into()), Some(KEY));
        let mut s = session(&Screen::List);
        assert_eq!(s.tick(&here, 4.0 * MIN, 5), None);
        assert_eq!(s.tick(&here, 4.5 * MIN - 1.0, 5), None);
        assert_eq!(s.tick(&here, 4.5 * MIN, 5), Some(Idle::Warn(30)));
        assert_eq!(s.tick(&here, 4.5 * MIN + 1_000.0, 5), None, "once");
        // "Stay" (or any tap) in this tab, or activity told by another.
        s.touched(&here, 4.6 * MIN);
        assert_eq!(s.tick(&here, 4.6 * MIN + 500.0, 5), Some(Idle::Stay));
        assert_eq!(s.tick(&here, 4.7 * MIN, 5), None);
        assert_eq!(s.tick(&here, 9.1 * MIN, 5), Some(Idle::Warn(30)));
        s.received(TabMessage::Active, &tab(Screen::List, None), 9.2 * MIN);
        assert_eq!(s.tick(&here, 9.3 * MIN, 5), Some(Idle::Stay));
        // Run out: the lock, at every tick until someone comes back.
        assert_eq!(s.tick(&here, 14.2 * MIN, 5), Some(Idle::Expired));
        assert_eq!(s.tick(&here, 14.3 * MIN, 5), Some(Idle::Expired));
    }

    #[test]
    fn no_warning_where_nothing_would_lock() {
        for here in [
            // No passcode: nothing locks (the initials are asked again).
            Tab {
                screen: Screen::Record("r".into()),
                has_vault: false,
                key: None,
            },
            // Locked already, or the patient check.
            tab(Screen::List, None),
            tab(Screen::Patient, Some(KEY)),
        ] {
            let mut s = session(&Screen::List);
            assert_eq!(s.tick(&here, 4.9 * MIN, 5), None, "{here:?}");
            assert_eq!(s.tick(&here, 5.0 * MIN, 5), Some(Idle::Expired));
        }
        // A lock from another tab while warning: the warning goes.
        let mut s = session(&Screen::List);
        assert_eq!(
            s.tick(&tab(Screen::List, Some(KEY)), 4.9 * MIN, 5),
            Some(Idle::Warn(6))
        );
        assert_eq!(
            s.tick(&tab(Screen::List, None), 4.95 * MIN, 5),
            Some(Idle::Stay)
        );
    }

    #[test]
    fn after_a_lock_made_on_purpose_the_coordinator_returns_to_the_field_they_were_in_after_their_initials()
     {
        let record = Screen::Record("r".into());
        let mut s = session(&Screen::List);
        let at_work = tab(record.clone(), Some(KEY));
        s.signed(&at_work, "LM");
        s.focused(&at_work, "f-ecog");
        s.focused(&at_work, "");
        // "Lock now" a minute in: not the idle lock.
        s.interrupted(&at_work, MIN, 5);
        let locked = tab(record.clone(), None);
        s.signed(&locked, "");
        // Focus on the lock screen's passcode is not where they were.
        s.focused(&locked, "unlock-passcode");
        assert_eq!(s.returning(&locked, false), None);
        assert_eq!(s.returning(&at_work, false), Some(Return::Initials));
        assert_eq!(s.returning(&at_work, false), None, "asked once");
        assert_eq!(
            s.returning(&at_work, true),
            Some(Return::Focus("f-ecog".into()))
        );
        assert_eq!(s.returning(&at_work, true), None, "once");
    }

    #[test]
    fn through_the_idle_lock_the_session_goes_on_with_the_same_initials_and_field() {
        let record = Screen::Record("r".into());
        let at_work = tab(record.clone(), Some(KEY));
        let locked = tab(record.clone(), None);
        // This tab's own clock ran out, or another tab's did a few seconds
        // earlier (its activity told at most every 10 s).
        for now in [5.0 * MIN, 5.0 * MIN - 9_000.0, 7.0 * MIN] {
            let mut s = session(&Screen::List);
            s.signed(&at_work, "LM");
            s.focused(&at_work, "f-qtc_ms");
            s.interrupted(&at_work, now, 5);
            s.signed(&locked, "");
            s.interrupted(&locked, now + 100.0, 5);
            assert_eq!(s.returning(&locked, false), None);
            assert_eq!(
                s.returning(&at_work, false),
                Some(Return::Resume("LM".into())),
                "{now}"
            );
            s.signed(&at_work, "LM");
            assert_eq!(
                s.returning(&at_work, true),
                Some(Return::Focus("f-qtc_ms".into()))
            );
            assert_eq!(s.returning(&at_work, true), None);
        }
        // Nothing focused: the initials all the same, on any screen.
        let list = tab(Screen::List, Some(KEY));
        let mut s = session(&Screen::List);
        s.signed(&list, "JW");
        s.interrupted(&list, 5.0 * MIN, 5);
        assert_eq!(s.returning(&list, false), Some(Return::Resume("JW".into())));
        assert_eq!(s.returning(&list, true), None);
        // Without a passcode nothing locks: the session ends, the initials
        // are asked again before a change.
        let open = Tab {
            screen: record.clone(),
            has_vault: false,
            key: None,
        };
        let mut s = session(&Screen::List);
        s.signed(&open, "LM");
        s.focused(&open, "f-ecog");
        s.interrupted(&open, 5.0 * MIN, 5);
        assert_eq!(s.returning(&open, false), Some(Return::Initials));
        // Left for another screen while locked: forgotten, initials too.
        let mut s = session(&Screen::List);
        s.signed(&at_work, "LM");
        s.interrupted(&at_work, 5.0 * MIN, 5);
        assert_eq!(s.returning(&tab(Screen::Home, None), false), None);
        assert_eq!(s.returning(&at_work, false), None);
    }

    #[test]
    fn off_the_records_screen_the_focus_returns_at_once_and_a_new_screen_forgets_it() {
        let mut s = session(&Screen::List);
        let list = tab(Screen::List, Some(KEY));
        s.focused(&list, "list-search");
        s.interrupted(&list, MIN, 5);
        assert_eq!(
            s.returning(&list, false),
            Some(Return::Focus("list-search".into()))
        );
        s.focused(&list, "list-search");
        s.interrupted(&list, MIN, 5);
        assert_eq!(s.returning(&tab(Screen::Settings, Some(KEY)), true), None);
        assert_eq!(s.returning(&list, true), None, "forgotten");
        // Nothing focused, nothing to return to; a patient's screen never
        // counts, nor a field of a screen left before the lock.
        let mut s = session(&Screen::Patient);
        s.focused(&tab(Screen::Patient, None), "p-birth_date");
        s.interrupted(&list, MIN, 5);
        assert_eq!(s.returning(&list, true), None);
        let mut s = session(&Screen::List);
        s.focused(&list, "list-search");
        s.interrupted(&tab(Screen::Settings, Some(KEY)), MIN, 5);
        assert_eq!(s.returning(&tab(Screen::Settings, Some(KEY)), true), None);
    }
}
