//! What a coordinator should see before committing to a record, pure:
//! before marking it complete, what is still unknown and which patient
//! answers nobody has confirmed ([`BeforeCompleting`]); and the review of
//! a scanned record's patient answers, which keeps its rows in place as
//! they are confirmed ([`ReportedReview`]).

use crate::engine::dictionary::{FIELDS, Field};
use crate::engine::{CriterionId, Outcome, Report, Status};
use crate::record::draft::Draft;

/// The fields of a draft still marked as the patient's word (a scanned
/// code) and not yet confirmed or changed, in the form's order (the data
/// dictionary's).
pub fn unconfirmed(draft: &Draft) -> Vec<Field> {
    FIELDS
        .iter()
        .map(|d| d.field)
        .filter(|&f| draft.patient_reported.marks_field(f))
        .collect()
}

/// What marking a record complete would leave open: shown, and asked once,
/// before it is marked (a completed record changes only by an amendment
/// with a reason).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BeforeCompleting {
    /// The verdict it would be completed with (`None`: no valid screening
    /// date, so no verdict).
    pub outcome: Option<Outcome>,
    /// The criteria still unknown, in published order.
    pub unknown: Vec<CriterionId>,
    /// The patient's answers nobody has confirmed, in the form's order.
    pub unconfirmed: Vec<Field>,
}

impl BeforeCompleting {
    /// What completing `draft`, judged as `report`, would leave open.
    pub fn of(draft: &Draft, report: Option<&Report>) -> BeforeCompleting {
        BeforeCompleting {
            outcome: report.map(|r| r.outcome),
            unknown: report.map_or_else(Vec::new, |r| {
                r.with_status(Status::Unknown).map(|c| c.id).collect()
            }),
            unconfirmed: unconfirmed(draft),
        }
    }

    /// Whether nothing is left open: every criterion decided and every
    /// patient answer confirmed.
    pub fn is_settled(&self) -> bool {
        self.outcome.is_some() && self.unknown.is_empty() && self.unconfirmed.is_empty()
    }
}

/// The review of a scanned record's patient answers: the fields it held
/// when opened, each shown as confirmed or still the patient's word, so a
/// row never moves or vanishes under the coordinator's finger.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReportedReview {
    fields: Vec<Field>,
}

impl ReportedReview {
    /// The review of `draft`'s unconfirmed answers, as they are now.
    pub fn open(draft: &Draft) -> ReportedReview {
        ReportedReview {
            fields: unconfirmed(draft),
        }
    }

    /// Every row, in the form's order, with whether it is still to confirm.
    pub fn rows(&self, draft: &Draft) -> Vec<(Field, bool)> {
        let open = unconfirmed(draft);
        self.fields
            .iter()
            .map(|&f| (f, open.contains(&f)))
            .collect()
    }

    /// How many of its rows are still to confirm, of how many.
    pub fn remaining(&self, draft: &Draft) -> (usize, usize) {
        let open = unconfirmed(draft);
        let left = self.fields.iter().filter(|f| open.contains(f)).count();
        (left, self.fields.len())
    }

    /// Whether the review has any row at all.
    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Record, evaluate};

    fn scanned() -> Draft {
        let mut d = Draft::new("r1", "2026-11-25", "2026-11-25T09:00:00Z");
        for (k, v) in [
            ("diabetes", "no"),
            ("birth_date", "1961-04-02"),
            ("ecog", "1"),
        ] {
            d.set_input(k, v);
            d.mark_reported(k);
        }
        d
    }

    fn report(d: &Draft) -> Report {
        evaluate(&Record::from_json_value(&d.record_json()).unwrap())
    }

    #[test]
    fn unconfirmed_answers_come_in_the_forms_order() {
        assert_eq!(
            unconfirmed(&scanned()),
            vec![Field::BirthDate, Field::Ecog, Field::Diabetes]
        );
    }

    #[test]
    fn before_completing_an_incomplete_scanned_record_names_what_is_open() {
        let d = scanned();
        let r = report(&d);
        let before = BeforeCompleting::of(&d, Some(&r));
        assert_eq!(before.outcome, Some(Outcome::Incomplete));
        assert!(before.unknown.contains(&CriterionId::I7));
        assert_eq!(before.unconfirmed.len(), 3);
        assert!(!before.is_settled());
    }

    #[test]
    fn without_a_screening_date_there_is_no_verdict_to_complete_with() {
        let d = Draft::new("r1", "", "");
        let before = BeforeCompleting::of(&d, None);
        assert_eq!(before.outcome, None);
        assert!(!before.is_settled());
    }

    #[test]
    fn a_decided_and_confirmed_record_is_settled() {
        let case: serde_json::Value = serde_json::from_str(include_str!(
            "../../tests/cases/01-eligible-full-record.json"
        ))
        .unwrap();
        let record = Record::from_json_value(&case["record"]).unwrap();
        let r = evaluate(&record);
        let d = Draft::new("r1", "2026-11-25", "");
        let before = BeforeCompleting::of(&d, Some(&r));
        assert!(before.is_settled(), "{before:?}");
    }

    #[test]
    fn a_review_keeps_every_row_in_place_as_answers_are_confirmed() {
        let mut d = scanned();
        let review = ReportedReview::open(&d);
        assert_eq!(review.remaining(&d), (3, 3));
        d.confirm("ecog");
        assert_eq!(
            review.rows(&d),
            vec![
                (Field::BirthDate, true),
                (Field::Ecog, false),
                (Field::Diabetes, true)
            ]
        );
        assert_eq!(review.remaining(&d), (2, 3));
        d.confirm("birth_date");
        d.confirm("diabetes");
        assert_eq!(review.remaining(&d), (0, 3));
        assert_eq!(review.rows(&d).len(), 3);
    }
}
