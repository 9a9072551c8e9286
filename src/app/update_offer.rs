//! When the offer of a new version of the app may show. The offer is drawn
//! outside the app (web/sw-register.js) and its "Reload now" reloads the
//! page; the shell marks the page's root where it must not show
//! (`data-no-offer`, style/app.css), so an app that never started still
//! shows it.

use crate::app::route::Screen;
use crate::record::create::Pending;

/// What the page holds now, as far as a reload is concerned.
#[derive(Clone, Copy, Debug)]
pub struct PageNow<'a> {
    /// The screen showing.
    pub screen: &'a Screen,
    /// Storage is blocked or full: what was typed is kept in this tab only.
    pub kept_in_tab_only: bool,
    /// The record open holds what its stored copy does not: a conflict
    /// with another tab waiting for a choice, or a change the store refused
    /// (its stored copy unreadable) or could not take.
    pub record_unsaved: bool,
    /// A record on its way to storage, if any.
    pub creating: Option<&'a Pending>,
}

impl PageNow<'_> {
    /// Whether the offer may show: on the study team's screens (a patient
    /// may hold the device elsewhere, and a reload loses a patient's
    /// answers; the start page is where a tablet is handed over), while
    /// storage works and the record open holds nothing unsaved (else what
    /// was typed is kept in this tab only), and not over the
    /// screener's-initials question of a record on its
    /// way (the code or file it comes from is held in this tab only; once
    /// its screen is left, nothing can reach it any more).
    pub fn may_offer_update(&self) -> bool {
        let asking_initials = matches!(
            (self.creating, self.screen),
            (Some(Pending::Initials { id, .. }), Screen::Record(shown)) if id == shown
        );
        self.screen.is_coordinator()
            && !self.kept_in_tab_only
            && !self.record_unsaved
            && !asking_initials
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::create::Origin;
    use crate::record::draft::Draft;

    fn page(screen: &Screen) -> PageNow<'_> {
        PageNow {
            screen,
            kept_in_tab_only: false,
            record_unsaved: false,
            creating: None,
        }
    }

    #[test]
    fn the_offer_shows_on_the_study_teams_screens_only() {
        for screen in [
            Screen::List,
            Screen::Record("r1".into()),
            Screen::Scan,
            Screen::Settings,
        ] {
            assert!(page(&screen).may_offer_update(), "{screen:?}");
        }
        for screen in [Screen::Home, Screen::Patient] {
            assert!(!page(&screen).may_offer_update(), "{screen:?}");
        }
    }

    #[test]
    fn no_offer_while_storage_fails_and_typing_is_kept_in_this_tab_only() {
        let list = Screen::List;
        let failing = PageNow {
            kept_in_tab_only: true,
            ..page(&list)
        };
        assert!(!failing.may_offer_update());
    }

    #[test]
    fn no_offer_while_the_open_record_holds_what_its_stored_copy_does_not() {
        let record = Screen::Record("r1".into());
        let unsaved = PageNow {
            record_unsaved: true,
            ..page(&record)
        };
        assert!(!unsaved.may_offer_update());
    }

    #[test]
    fn no_offer_over_the_initials_question_of_a_record_on_its_way_but_once_it_is_left_or_made() {
        let scanned = Pending::Initials {
            id: "r1".into(),
            origin: Origin::Scanned {
                draft: Draft::new("r1", "2026-11-25", "2026-11-25T09:00:00Z"),
            },
        };
        let asked = Screen::Record("r1".into());
        let asking = PageNow {
            creating: Some(&scanned),
            ..page(&asked)
        };
        assert!(!asking.may_offer_update());
        // Left by the header's title: the question (and the code) is out of reach.
        let list = Screen::List;
        let left = PageNow {
            creating: Some(&scanned),
            ..page(&list)
        };
        assert!(left.may_offer_update());
        // Another record's screen.
        let other = Screen::Record("r2".into());
        assert!(
            PageNow {
                creating: Some(&scanned),
                ..page(&other)
            }
            .may_offer_update()
        );
        // Made: a new, empty record not stored yet loses nothing.
        let empty = Pending::Unsaved(Draft::new("r1", "2026-11-25", "2026-11-25T09:00:00Z"));
        assert!(
            PageNow {
                creating: Some(&empty),
                ..page(&asked)
            }
            .may_offer_update()
        );
    }
}
