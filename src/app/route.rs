//! The app's screens and the URL fragment each is kept under (`""` start
//! page, `#patient`, `#coordinator` for the records list and any record,
//! `#settings` for the device's settings),
//! pure, so a reload returns to the mode and the fragment never holds an
//! answer or a record id. The browser's address is `ui::route`'s.

use crate::engine::dictionary::Section;

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
    /// The screen a URL fragment names, if it names one: the start page for
    /// none at all, `None` for a fragment that is not a screen's (a place
    /// within a page, such as `#c-I4`, which must never move the user to
    /// another screen).
    pub fn from_fragment(hash: &str) -> Option<Screen> {
        match hash {
            "" | "#" => Some(Screen::Home),
            "#coordinator" => Some(Screen::List),
            "#patient" => Some(Screen::Patient),
            "#settings" => Some(Screen::Settings),
            _ => None,
        }
    }

    /// The screen an address opens on: the one its fragment names, else
    /// the start page.
    pub fn from_hash(hash: &str) -> Screen {
        Screen::from_fragment(hash).unwrap_or(Screen::Home)
    }

    /// Where the header's title leads from this screen: on the study
    /// team's screens, their records list (leaving them would lock the
    /// records); elsewhere, the start page.
    pub fn title_leads_to(&self) -> Screen {
        if self.is_coordinator() {
            Screen::List
        } else {
            Screen::Home
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

/// A place within a record's screen that its section jump leads to: the
/// record's own fields (label, date), a section of the form, or the
/// criteria. Its `value` is the jump's `<option value>`, read back with
/// `from_value`; its `heading` is the element id that takes the focus.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordPlace {
    /// The record's label and screening date.
    Record,
    /// A section of the form.
    Section(Section),
    /// The criteria, with the verdict's reasons.
    Criteria,
}

impl RecordPlace {
    /// The `<option value>` that names it.
    pub fn value(self) -> &'static str {
        match self {
            RecordPlace::Record => "record",
            RecordPlace::Section(s) => s.id(),
            RecordPlace::Criteria => "criteria",
        }
    }

    /// The place an option's value names (`None` for the prompt, `""`).
    pub fn from_value(value: &str) -> Option<RecordPlace> {
        match value {
            "record" => Some(RecordPlace::Record),
            "criteria" => Some(RecordPlace::Criteria),
            _ => Section::ALL
                .into_iter()
                .find(|s| s.id() == value)
                .map(RecordPlace::Section),
        }
    }

    /// The id of the heading that takes the focus there.
    pub fn heading(self) -> String {
        match self {
            RecordPlace::Criteria => "criteria-title".to_string(),
            place => format!("s-{}", place.value()),
        }
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
    fn a_place_within_a_page_is_no_screen_and_an_unknown_address_opens_the_start_page() {
        assert_eq!(Screen::from_fragment("#c-I4"), None);
        assert_eq!(Screen::from_fragment("#s-labs"), None);
        assert_eq!(Screen::from_fragment(""), Some(Screen::Home));
        assert_eq!(Screen::from_hash("#c-I4"), Screen::Home);
    }

    #[test]
    fn the_title_leads_to_the_records_list_from_the_study_teams_screens() {
        for s in [
            Screen::List,
            Screen::Record("r".into()),
            Screen::Scan,
            Screen::Settings,
        ] {
            assert_eq!(s.title_leads_to(), Screen::List, "{s:?}");
        }
        assert_eq!(Screen::Patient.title_leads_to(), Screen::Home);
        assert_eq!(Screen::Home.title_leads_to(), Screen::Home);
    }

    #[test]
    fn every_place_of_the_section_jump_reads_back_from_its_value() {
        let places = [RecordPlace::Record, RecordPlace::Criteria]
            .into_iter()
            .chain(Section::ALL.into_iter().map(RecordPlace::Section));
        for place in places {
            assert_eq!(RecordPlace::from_value(place.value()), Some(place));
        }
        assert_eq!(RecordPlace::from_value(""), None);
        assert_eq!(RecordPlace::from_value("c-I4"), None);
        assert_eq!(RecordPlace::Section(Section::Labs).heading(), "s-labs");
        assert_eq!(RecordPlace::Record.heading(), "s-record");
        assert_eq!(RecordPlace::Criteria.heading(), "criteria-title");
    }

    #[test]
    fn the_settings_are_behind_the_passcode_like_every_records_screen() {
        assert!(Screen::Settings.is_coordinator());
        assert!(!Screen::Patient.is_coordinator() && !Screen::Home.is_coordinator());
    }
}
