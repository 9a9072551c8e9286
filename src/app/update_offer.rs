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
    /// A record on its way to storage, if any.
    pub creating: Option<&'a Pending>,
}

impl PageNow<'_> {
    /// Whether the offer may show: on the study team's screens (a patient
    /// may hold the device elsewhere, and a reload loses a patient's
    /// answers; the start page is where a tablet is handed over), while a
    /// reload loses nothing (storage works, and no record waits for the
    /// screener's initials holding the code or file it comes from in this
    /// tab only).
    pub fn may_offer_update(&self) -> bool {
        self.screen.is_coordinator()
            && !self.kept_in_tab_only
            && !matches!(self.creating, Some(Pending::Initials { .. }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::create::Origin;

    fn page(screen: &Screen) -> PageNow<'_> {
        PageNow {
            screen,
            kept_in_tab_only: false,
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
    fn no_offer_while_a_patients_code_waits_for_the_screeners_initials_but_an_empty_new_record_loses_nothing()
     {
        let screen = Screen::Record("r1".into());
        let waiting = Pending::Initials {
            id: "r1".into(),
            origin: Origin::Scanned {
                draft: crate::record::draft::Draft::new("r1", "2026-11-25", "2026-11-25T09:00:00Z"),
            },
        };
        let asking = PageNow {
            creating: Some(&waiting),
            ..page(&screen)
        };
        assert!(!asking.may_offer_update());
        let empty = Pending::Unsaved(crate::record::draft::Draft::new(
            "r1",
            "2026-11-25",
            "2026-11-25T09:00:00Z",
        ));
        let open = PageNow {
            creating: Some(&empty),
            ..page(&screen)
        };
        assert!(open.may_offer_update());
    }
}
