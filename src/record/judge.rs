//! Judging a draft as typed, for both modes: its record (when it has a valid
//! screening date), which fields apply, and the problem at each field. The
//! one place a form asks the engine about a draft; the coordinator's form
//! and the patient check both render what [`judge`] returns. Pure.

use crate::engine::dictionary::FIELDS;
use crate::engine::{Date, Field, ProblemKind, Record, Slot};
use crate::record::draft::Draft;

/// Whose screening date a draft is judged on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum On {
    /// The draft's own (the coordinator's form): when it is not a valid
    /// date there is no verdict, and fields are checked against today.
    Draft,
    /// Today (the patient check: a self-check is about now).
    Today,
}

/// What the engine says of a draft as typed.
#[derive(Clone, Debug, PartialEq)]
pub struct Judged {
    /// The record, when the screening date is valid: what the verdict is of.
    pub record: Option<Record>,
    /// The fields that apply, in dictionary order (all of them when the
    /// draft cannot be read at all).
    pub applicable: Vec<Field>,
    /// What is wrong at each field, in the record's order.
    pub problems: Vec<(Field, ProblemKind)>,
    /// What is wrong with the screening date (only [`On::Draft`]).
    pub date_problem: Option<ProblemKind>,
}

impl Judged {
    /// The problem at `field`, if any.
    pub fn problem(&self, field: Field) -> Option<&ProblemKind> {
        self.problems
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, k)| k)
    }
}

/// Judges `draft` on its own screening date or on `today` (see [`On`]).
/// Never fails: what cannot be read is a problem at its field.
pub fn judge(draft: &Draft, on: On, today: Date) -> Judged {
    let mut json = draft.record_json();
    if on == On::Today {
        json["screening_date"] = serde_json::Value::String(today.to_string());
    }
    match Record::from_json_value(&json) {
        Ok(record) => Judged {
            applicable: applicable(&record),
            problems: field_problems(&record),
            date_problem: None,
            record: Some(record),
        },
        Err(problems) => {
            // No valid screening date: no verdict, but field validity and
            // applicability are judged against today.
            let date_problem = problems
                .into_iter()
                .find(|p| p.path == "screening_date")
                .map(|p| p.kind);
            json["screening_date"] = serde_json::Value::String(today.to_string());
            let fallback = Record::from_json_value(&json).ok();
            Judged {
                applicable: fallback
                    .as_ref()
                    .map_or_else(|| FIELDS.iter().map(|d| d.field).collect(), applicable),
                problems: fallback.as_ref().map(field_problems).unwrap_or_default(),
                date_problem,
                record: None,
            }
        }
    }
}

fn applicable(record: &Record) -> Vec<Field> {
    FIELDS
        .iter()
        .map(|d| d.field)
        .filter(|f| *record.answers.slot(*f) != Slot::NotApplicable)
        .collect()
}

fn field_problems(record: &Record) -> Vec<(Field, ProblemKind)> {
    record
        .problems
        .iter()
        .filter_map(|p| p.field.map(|f| (f, p.kind.clone())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Date {
        Date::parse("2026-11-25").unwrap()
    }

    #[test]
    fn a_draft_with_a_valid_date_gives_its_record_and_field_problems() {
        let mut d = Draft::new("a", "2026-11-20", "2026-11-20T08:00:00Z");
        d.set_input("ecog", "7");
        let j = judge(&d, On::Draft, today());
        assert!(j.problem(Field::from_id("ecog").unwrap()).is_some());
        let record = j.record.expect("a record");
        assert_eq!(record.screening_date.to_string(), "2026-11-20");
        assert_eq!(j.date_problem, None);
    }

    #[test]
    fn a_bad_screening_date_gives_no_verdict_but_still_judges_fields_against_today() {
        let mut d = Draft::new("a", "2026-13-40", "2026-11-20T08:00:00Z");
        d.set_input("ecog", "7");
        let j = judge(&d, On::Draft, today());
        assert!(j.record.is_none());
        assert!(j.date_problem.is_some());
        assert!(j.problem(Field::from_id("ecog").unwrap()).is_some());
        assert!(!j.applicable.is_empty());
    }

    #[test]
    fn the_patient_check_is_judged_on_today_whatever_the_draft_says() {
        let d = Draft::new("patient", "", "");
        let j = judge(&d, On::Today, today());
        assert_eq!(j.record.expect("a record").screening_date, today());
        assert_eq!(j.date_problem, None);
    }
}
