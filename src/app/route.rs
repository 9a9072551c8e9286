//! The app's screens and the URL fragment each is kept under (`""` start
//! page, `#patient`, `#coordinator` for the records list and any record),
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
}

impl Screen {
    /// The screen a URL fragment names (the start page for any other).
    pub fn from_hash(hash: &str) -> Screen {
        match hash {
            "#coordinator" => Screen::List,
            "#patient" => Screen::Patient,
            _ => Screen::Home,
        }
    }

    /// The URL fragment this screen is kept under (`""`: none).
    pub fn hash(&self) -> &'static str {
        match self {
            Screen::Home => "",
            Screen::Patient => "#patient",
            Screen::List | Screen::Record(_) | Screen::Scan => "#coordinator",
        }
    }

    /// Whether this is one of the coordinator's screens (behind the passcode).
    pub fn is_coordinator(&self) -> bool {
        matches!(self, Screen::List | Screen::Record(_) | Screen::Scan)
    }
}
