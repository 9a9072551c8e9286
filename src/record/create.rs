//! How a record comes to be, in one place: new, a copy, a file imported,
//! a patient's code scanned. [`create`] takes the [`Origin`], the new
//! record's random id, who creates it and when, and gives the draft to
//! store, its history begun with the entry that says so. Pure: the id,
//! the time and the initials come in. (A restore from a backup brings
//! records back as they were, each with its own entry: `security::backup`.)

use crate::record::draft::Draft;
use crate::record::history::{self, Kind, Refused};

/// Where a new record comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// A new, empty record screened on `screening_date`.
    New {
        /// The screening date (`YYYY-MM-DD`, today's by default).
        screening_date: String,
    },
    /// A copy of a stored record: its answers, a new history.
    Duplicate {
        /// The record copied.
        source: Draft,
        /// Added to the copy's label (" (copy)"), when it has one.
        label_suffix: String,
    },
    /// A record file read by `record::import`: its answers and its history
    /// (as stated in the file).
    Imported {
        /// The draft read from the file.
        draft: Draft,
        /// The file's name.
        file_name: String,
        /// How many of the file's history entries this version could not read.
        left_out: usize,
    },
    /// A patient's self-check code: the draft `handoff::Handoff::into_draft`
    /// makes of its answers, each marked as the patient's.
    Scanned {
        /// The draft of the code's answers.
        draft: Draft,
    },
}

/// A record waiting to be created: its id and where it comes from (while
/// the screener's initials are asked).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pending {
    /// The new record's id.
    pub id: String,
    /// Where it comes from.
    pub origin: Origin,
}

impl Origin {
    /// The history's kind for this origin.
    pub fn kind(&self) -> Kind {
        match self {
            Origin::New { .. } => Kind::Created,
            Origin::Duplicate { .. } => Kind::Duplicated,
            Origin::Imported { .. } => Kind::Imported,
            Origin::Scanned { .. } => Kind::Scanned,
        }
    }
}

/// The new record with id `id`, created by `by` (initials) at `at`: the
/// draft its origin gives, its history begun with the entry saying how it
/// came to be (and, for an import, after the file's own entries). Refused
/// without valid initials: nothing is created then.
pub fn create(origin: Origin, id: &str, by: &str, at: &str) -> Result<Draft, Refused> {
    if history::initials(by).as_deref() != Some(by) {
        return Err(Refused::NoInitials);
    }
    let kind = origin.kind();
    let (mut draft, note, left_out) = match origin {
        Origin::New { screening_date } => (Draft::new(id, &screening_date, at), String::new(), 0),
        Origin::Duplicate {
            mut source,
            label_suffix,
        } => {
            let copied = source.label.clone();
            if !source.label.is_empty() {
                source.label.push_str(&label_suffix);
            }
            source.id = id.to_string();
            source.created = at.to_string();
            source.updated = at.to_string();
            (source, copied, 0)
        }
        Origin::Imported {
            mut draft,
            file_name,
            left_out,
        } => {
            draft.id = id.to_string();
            (draft, file_name, left_out)
        }
        Origin::Scanned { mut draft } => {
            draft.id = id.to_string();
            let checked_on = draft.patient_checked_on.clone();
            (draft, checked_on, 0)
        }
    };
    history::begin(&mut draft, kind, &note, left_out, by, at);
    Ok(draft)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::history::{Status, entries};

    const AT: &str = "2026-12-06T09:00:00.000Z";

    fn kinds(d: &Draft) -> Vec<Kind> {
        entries(&d.history).iter().map(|e| e.kind).collect()
    }

    #[test]
    fn a_new_record_says_created_and_nothing_else() {
        let d = create(
            Origin::New {
                screening_date: "2026-12-06".into(),
            },
            "r1",
            "LM",
            AT,
        )
        .unwrap();
        assert_eq!(
            (d.id.as_str(), d.screening_date.as_str()),
            ("r1", "2026-12-06")
        );
        assert_eq!(kinds(&d), [Kind::Created]);
        assert_eq!(Status::of(&d), Status::InProgress);
    }

    #[test]
    fn a_copy_gets_a_new_id_a_marked_label_and_a_history_of_its_own() {
        let mut source = create(
            Origin::New {
                screening_date: "2026-12-01".into(),
            },
            "r1",
            "LM",
            "2026-12-01T09:00:00.000Z",
        )
        .unwrap();
        source.label = "S-012".into();
        source.set_input("ecog", "1");
        history::complete(&mut source, "LM", "2026-12-01T10:00:00.000Z", "incomplete").unwrap();
        let copy = create(
            Origin::Duplicate {
                source,
                label_suffix: " (copy)".into(),
            },
            "r2",
            "CD",
            AT,
        )
        .unwrap();
        assert_eq!(
            (copy.id.as_str(), copy.label.as_str()),
            ("r2", "S-012 (copy)")
        );
        assert_eq!(copy.input("ecog"), "1");
        assert_eq!(kinds(&copy), [Kind::Duplicated]);
        assert_eq!(entries(&copy.history)[0].note, "S-012");
        assert_eq!(
            Status::of(&copy),
            Status::InProgress,
            "a copy starts afresh"
        );
        assert_eq!(copy.created, AT);
    }

    #[test]
    fn an_import_keeps_the_files_history_before_its_own_entry() {
        let mut draft = Draft::new("file-id", "2026-11-25", "x");
        draft.history = "2026-11-25T08:00:00.000Z|AB|created\n".into();
        let d = create(
            Origin::Imported {
                draft,
                file_name: "S-7.json".into(),
                left_out: 2,
            },
            "r3",
            "CD",
            AT,
        )
        .unwrap();
        assert_eq!(d.id, "r3");
        assert_eq!(kinds(&d), [Kind::Created, Kind::Imported]);
        assert_eq!(entries(&d.history)[1].after.as_deref(), Some("2"));
    }

    #[test]
    fn without_initials_nothing_is_created() {
        for by in ["", "Alice Smith", "l"] {
            let made = create(
                Origin::New {
                    screening_date: "2026-12-06".into(),
                },
                "r1",
                by,
                AT,
            );
            assert_eq!(made, Err(Refused::NoInitials), "{by}");
        }
    }
}
