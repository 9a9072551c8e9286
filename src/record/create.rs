//! How a record comes to be, in one place: new, a copy, a file imported,
//! a patient's code scanned. [`create`] takes the [`Origin`], the new
//! record's random id, who creates it and when, and gives the draft to
//! store, its history begun with the entry that says so; a new, empty
//! record is stored only with its first real change
//! ([`Origin::stored_at_once`], [`Pending::Unsaved`]). Pure: the id,
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

/// A record on its way to storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pending {
    /// Waiting for the screener's initials: nothing is made yet.
    Initials {
        /// The new record's id.
        id: String,
        /// Where it comes from.
        origin: Origin,
    },
    /// A new, empty record, made (its history begun with "created") and
    /// open, not stored: it is stored with its first real change
    /// ([`Origin::stored_at_once`]), and dropped if left untouched.
    Unsaved(Draft),
}

impl Pending {
    /// The record's id.
    pub fn id(&self) -> &str {
        match self {
            Pending::Initials { id, .. } => id,
            Pending::Unsaved(draft) => &draft.id,
        }
    }
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

    /// Whether the record is stored as soon as it is made. A new, empty
    /// record is not: nothing typed but its screening date (today's), it
    /// would be a "(no label)" row if left, so it is stored with its first
    /// real change (an input, the label, the date, completing it), its
    /// history then beginning with "created" at the time it was made, by
    /// whom (`history::check_new` holds). Never stored, it leaves nothing:
    /// no tombstone, no row of the screening log. A copy, a file or a
    /// patient's code bring their content with them: they are stored at
    /// once, as the coordinator asked.
    pub fn stored_at_once(&self) -> bool {
        !matches!(self, Origin::New { .. })
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
            // A copy is a new screening: judged by the current criteria.
            source.criteria_version = crate::engine::Pack::current().version;
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
    fn only_a_new_empty_record_waits_for_its_first_change_to_be_stored() {
        let new = Origin::New {
            screening_date: "2026-12-06".into(),
        };
        assert!(!new.stored_at_once());
        let draft = Draft::new("x", "2026-12-06", AT);
        for origin in [
            Origin::Duplicate {
                source: draft.clone(),
                label_suffix: String::new(),
            },
            Origin::Imported {
                draft: draft.clone(),
                file_name: "f.json".into(),
                left_out: 0,
            },
            Origin::Scanned { draft },
        ] {
            assert!(origin.stored_at_once(), "{:?}", origin.kind());
        }
    }

    #[test]
    fn an_untouched_new_record_is_never_stored_and_its_first_change_stores_it_created_then_edited()
    {
        use crate::record::session::RecordSession;
        use crate::record::stored::{Stored, load_all, save, tombstones};
        use crate::storage::{KeyValue, MemoryStore};
        let made = create(
            Origin::New {
                screening_date: "2026-12-06".into(),
            },
            "r1",
            "LM",
            AT,
        )
        .unwrap();
        let mut kv = MemoryStore::default();
        let session = RecordSession::open(Stored::fresh(made.clone(), 0));
        assert!(!session.is_stored());
        // Opened and left: nothing to store, nothing on the device.
        assert_eq!(
            session.change(&made, "LM", "2026-12-06T09:05:00.000Z"),
            None
        );
        assert!(kv.keys().unwrap().is_empty());
        // The first real change stores it, its trail saying so truthfully.
        let mut form = made.clone();
        form.label = "S-001".into();
        let first = session
            .change(&form, "LM", "2026-12-06T09:05:00.000Z")
            .expect("a change to store");
        assert_eq!(save(&mut kv, &first, 0), Ok(1));
        let trail: Vec<(Kind, String, String)> = entries(&first.history)
            .into_iter()
            .map(|e| (e.kind, e.at, e.field))
            .collect();
        assert_eq!(
            trail,
            [
                (Kind::Created, AT.to_string(), String::new()),
                (
                    Kind::Edited,
                    "2026-12-06T09:05:00.000Z".to_string(),
                    "label".to_string()
                ),
            ]
        );
        assert_eq!(load_all(&mut kv).unwrap().drafts.len(), 1);
        assert!(tombstones(&kv).unwrap().is_empty());
        // Completing an untouched new record is a real change too.
        let untouched = RecordSession::open(Stored::fresh(made, 0));
        let done = untouched
            .complete("LM", "2026-12-06T09:06:00.000Z", "incomplete")
            .unwrap();
        let mut other = MemoryStore::default();
        assert_eq!(save(&mut other, &done, 0), Ok(1));
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
