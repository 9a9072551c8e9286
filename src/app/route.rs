//! The app's screens and the URL fragment each is kept under (`""` start
//! page, `#patient`, `#coordinator` for the records list and any record,
//! `#settings` for the device's settings),
//! pure, so a reload returns to the mode and the fragment never holds an
//! answer or a record id. The browser's address is `ui::route`'s.

/// What the user is looking at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Screen {
    /// The start page: choose patient self-check or coordinator screening.
    Home,
    /// The patient self-check.
    Patient,
    /// The records list.
    List,
    /// One record, by id.
    Record(String),
    /// Scanning a patient's self-check code into a new record.
    Scan,
    /// The device's settings (passcode, idle time, retention, backup and
    /// restore, storage, wipe).
    Settings,
}

impl Screen {
    /// The screen a URL fragment names (the start page for any other).
    pub fn from_hash(hash: &str) -> Screen {
        match hash {
            "#coordinator" => Screen::List,
            "#patient" => Screen::Patient,
            "#settings" => Screen::Settings,
            _ => Screen::Home,
        }
    }

    /// The URL fragment this screen is kept under (`""`: none).
    pub fn hash(&self) -> &'static str {
        match self {
            Screen::Home => "",
            Screen::Patient => "#patient",
            Screen::List | Screen::Record(_) | Screen::Scan => "#coordinator",
            Screen::Settings => "#settings",
        }
    }

    /// Whether this is one of the coordinator's screens (behind the passcode).
    pub fn is_coordinator(&self) -> bool {
        matches!(
            self,
            Screen::List | Screen::Record(_) | Screen::Scan | Screen::Settings
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_screen_with_a_fragment_of_its_own_comes_back_from_it() {
        for screen in [
            Screen::Home,
            Screen::Patient,
            Screen::List,
            Screen::Settings,
        ] {
            assert_eq!(Screen::from_hash(screen.hash()), screen);
        }
        // A record or the scan screen keeps the records list's fragment: the
        // address never holds a record id.
        assert_eq!(Screen::Record("r1".into()).hash(), "#coordinator");
        assert_eq!(Screen::Scan.hash(), "#coordinator");
    }

    #[test]
    fn the_settings_are_behind_the_passcode_like_every_records_screen() {
        assert!(Screen::Settings.is_coordinator());
        assert!(!Screen::Patient.is_coordinator() && !Screen::Home.is_coordinator());
    }
}
