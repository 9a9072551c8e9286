//! What went wrong with the records list's last action (creating,
//! duplicating or importing a record), kept as a value and put in words
//! only when drawn, so it reads in the language shown, switched or not.

use crate::record::import::ImportError;

/// What the list's last action met.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ListProblem {
    /// The code that does it could not be fetched (offline before the
    /// app's files were kept): nothing was done.
    PartUnavailable,
    /// The browser's secure random source failed: nothing was created.
    NoRandomness,
    /// A file was not imported.
    NotImported {
        /// The file's name, as the device gave it.
        file: String,
        /// Why.
        why: NotImported,
    },
}

/// Why a file was not imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotImported {
    /// The browser could not read it (its reason, in its own words).
    Unreadable(String),
    /// Read, and refused ([`crate::record::import::import_record`]).
    Refused(ImportError),
}
