//! What the app's tabs say to each other and when a tab may be handed the
//! data key, pure (the browser side is `ui::watch`): a tab that has shown
//! the start page or the patient check is never handed a key, so a
//! patient's tab cannot reach the records while the team's tab is unlocked.

use crate::app::route::Screen;
use serde::{Deserialize, Serialize};

/// What the app's tabs tell each other.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TabMessage {
    /// A locked tab on a coordinator's screen (`from`: its id) asks an
    /// unlocked one for the data key.
    KeyWanted {
        /// The asking tab's id.
        from: String,
    },
    /// The data key, for the tab `to` only (hex; in memory only).
    Key {
        /// The id of the tab that asked.
        to: String,
        /// The key's 32 bytes in hex.
        key: String,
    },
    /// A tab was just unlocked with the passcode: tabs waiting on a
    /// coordinator's screen ask for the key.
    Unlocked,
    /// Someone is using the app on an unlocked coordinator's screen.
    Active,
}

impl TabMessage {
    /// The message as sent.
    pub fn text(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// A message received (`None`: not one of ours).
    pub fn read(text: &str) -> Option<TabMessage> {
        serde_json::from_str(text).ok()
    }
}

/// Whether a tab may ask another for the key, and be handed it: it has
/// shown only the coordinator's screens since it opened or was unlocked
/// with the passcode. Pure, so its rule is tested natively.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Trust {
    /// Nothing but the coordinator's screens shown.
    coordinator_only: bool,
}

impl Trust {
    /// A tab that may not take a key (before it knows its screen).
    pub const NONE: Trust = Trust {
        coordinator_only: false,
    };

    /// A tab opened on `screen`.
    pub fn opened_on(screen: &Screen) -> Trust {
        Trust {
            coordinator_only: screen.is_coordinator(),
        }
    }

    /// The tab now shows `screen`.
    pub fn shown(self, screen: &Screen) -> Trust {
        Trust {
            coordinator_only: self.coordinator_only && screen.is_coordinator(),
        }
    }

    /// The tab was unlocked with the passcode typed in it.
    pub fn unlocked_by_passcode(self) -> Trust {
        Trust {
            coordinator_only: true,
        }
    }

    /// Whether the tab, now on `screen`, may ask for the key and take it.
    pub fn may_take_key(self, screen: &Screen) -> bool {
        self.coordinator_only && screen.is_coordinator()
    }
}

/// Bytes as lower-case hex.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A 32-byte key from 64 hex digits.
pub fn unhex(text: &str) -> Option<[u8; 32]> {
    if text.len() != 64 {
        return None;
    }
    let bytes: Option<Vec<u8>> = (0..32)
        .map(|i| {
            text.get(2 * i..2 * i + 2)
                .and_then(|b| u8::from_str_radix(b, 16).ok())
        })
        .collect();
    bytes?.try_into().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tab_opened_on_the_records_may_take_a_key_until_it_shows_another_screen() {
        let t = Trust::opened_on(&Screen::List);
        assert!(t.may_take_key(&Screen::List));
        assert!(
            t.shown(&Screen::Scan)
                .may_take_key(&Screen::Record("r".into()))
        );
        let handed_on = t.shown(&Screen::Patient).shown(&Screen::List);
        assert!(!handed_on.may_take_key(&Screen::List));
        assert!(handed_on.unlocked_by_passcode().may_take_key(&Screen::List));
    }

    #[test]
    fn a_tab_opened_on_the_start_page_or_the_patient_check_never_takes_a_key() {
        for screen in [Screen::Home, Screen::Patient] {
            let t = Trust::opened_on(&screen);
            assert!(!t.may_take_key(&screen));
            assert!(!t.shown(&Screen::List).may_take_key(&Screen::List));
        }
    }

    #[test]
    fn tab_messages_read_back_and_anything_else_is_ignored() {
        for m in [
            TabMessage::KeyWanted { from: "a1".into() },
            TabMessage::Key {
                to: "a1".into(),
                key: "00".repeat(32),
            },
            TabMessage::Unlocked,
            TabMessage::Active,
        ] {
            assert_eq!(TabMessage::read(&m.text()), Some(m));
        }
        for junk in ["H", "K\u{1}\u{2}", "", "{\"kind\":\"key\"}"] {
            assert_eq!(TabMessage::read(junk), None);
        }
        assert_eq!(unhex(&hex(&[7; 32])), Some([7; 32]));
        assert_eq!(unhex("zz"), None);
    }
}
