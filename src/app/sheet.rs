//! The style sheets of the screens fetched later, by name: each is
//! `style/<name>.css`, copied into the site by the build because a module
//! of `src/ui/features.json` lists it (a test holds the two together), and
//! added to the page once by the screen that needs it
//! (`ui::platform::js::ensure_style`), like its code kept out of the first
//! download.

/// A lazily added style sheet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sheet {
    /// The record screen, the scan screen and the list's reminders.
    Record,
    /// The patient's code sheet and a scanned record's review.
    Handoff,
    /// The patient's self-check.
    Patient,
    /// The settings, the lock screen and the passcode offer.
    Settings,
}

impl Sheet {
    /// Every sheet.
    pub const ALL: [Sheet; 4] = [
        Sheet::Record,
        Sheet::Handoff,
        Sheet::Patient,
        Sheet::Settings,
    ];

    /// Its name: the file is `<name>.css` in the site, `style/<name>.css`
    /// in the repository.
    pub fn name(self) -> &'static str {
        match self {
            Sheet::Record => "record",
            Sheet::Handoff => "handoff",
            Sheet::Patient => "patient",
            Sheet::Settings => "settings",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sheet_is_a_file_of_the_style_folder() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        for sheet in Sheet::ALL {
            let file = root.join("style").join(format!("{}.css", sheet.name()));
            assert!(file.is_file(), "{} is missing", file.display());
        }
    }
}
