//! What an amendment of the criteria changes for one record. A record is
//! judged by the criteria version it was created under (`Draft::criteria`);
//! when the build judges new records by a newer version, [`Amendment`]
//! holds the record's verdict under both and the criteria whose status
//! differs. Nothing here re-judges a record: the record screen shows both,
//! and the list's filter asks [`changed_by_amendment`]. Pure.

use crate::engine::pack::Pack;
use crate::engine::{CriterionId, Record, Status};
use crate::record::draft::Draft;
use crate::record::export::Verdict;

/// One criterion whose status an amendment changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// The criterion.
    pub id: CriterionId,
    /// Its status under the record's own version.
    pub before: Status,
    /// Its status under the newer version.
    pub after: Status,
}

/// A record under its own criteria version and under the build's newer one.
#[derive(Clone, Debug, PartialEq)]
pub struct Amendment {
    /// The version that judges the record.
    pub from: &'static Pack,
    /// The newer version new records are judged by.
    pub to: &'static Pack,
    /// The verdict under `from` (what the record says).
    pub before: Verdict,
    /// The verdict under `to`.
    pub after: Verdict,
    /// The criteria whose status differs, in published order.
    pub changes: Vec<Change>,
}

impl Amendment {
    /// The amendment's view of a record judged by `from`: `None` when that
    /// is the build's current version (nothing to compare).
    pub fn of(from: &'static Pack, record: &Record) -> Option<Amendment> {
        Amendment::between(from, Pack::current(), record)
    }

    /// A record judged by `from` seen under `to`: `None` unless `to` is a
    /// newer version of the same trial's criteria.
    pub fn between(from: &'static Pack, to: &'static Pack, record: &Record) -> Option<Amendment> {
        if from.trial != to.trial || from.version >= to.version {
            return None;
        }
        let before = Verdict::under(from, record);
        let after = Verdict::under(to, record);
        let changes = before
            .report
            .criteria
            .iter()
            .zip(&after.report.criteria)
            .filter(|(b, a)| b.status != a.status)
            .map(|(b, a)| Change {
                id: b.id,
                before: b.status,
                after: a.status,
            })
            .collect();
        Some(Amendment {
            from,
            to,
            before,
            after,
            changes,
        })
    }

    /// Whether the newer version says something else about this record:
    /// its outcome, a criterion's status or the earliest eligible date.
    pub fn changes_anything(&self) -> bool {
        !self.changes.is_empty()
            || self.before.report.outcome != self.after.report.outcome
            || self.before.earliest_eligible != self.after.earliest_eligible
    }
}

/// Whether the build's newer criteria would judge this stored record
/// otherwise than its own version does (false when it is judged by the
/// current version, or has no valid screening date to judge on).
pub fn changed_by_amendment(draft: &Draft) -> bool {
    let from = draft.criteria();
    if std::ptr::eq(from, Pack::current()) {
        return false;
    }
    Record::from_json_value(&draft.record_json())
        .ok()
        .and_then(|r| Amendment::of(from, &r))
        .is_some_and(|a| a.changes_anything())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::pack::builtin;

    fn record(platelets: &str, chemo: &str) -> Record {
        let case: serde_json::Value = serde_json::from_str(include_str!(
            "../../tests/cases/01-eligible-full-record.json"
        ))
        .unwrap();
        let mut json = case["record"].clone();
        json["answers"]["platelet_count"] =
            serde_json::json!({"value": platelets.parse::<f64>().unwrap(), "unit": "10^9/L"});
        json["answers"]["last_chemo_date"] = serde_json::Value::String(chemo.into());
        Record::from_json_value(&json).unwrap()
    }

    #[test]
    fn a_record_judged_by_the_current_version_has_no_amendment_to_show() {
        let r = record("21", "2026-08-10");
        assert_eq!(Amendment::of(Pack::current(), &r), None);
        let d = Draft::new("a", "2026-11-25", "2026-11-25T08:00:00Z");
        assert!(!changed_by_amendment(&d));
        assert_eq!(d.criteria_version, Pack::current().version);
    }

    #[test]
    fn a_new_record_is_judged_by_the_current_version_and_one_stored_without_a_version_by_version_1()
    {
        let d = Draft::new("a", "2026-11-25", "2026-11-25T08:00:00Z");
        assert!(std::ptr::eq(d.criteria(), Pack::current()));
        let old: Draft = serde_json::from_str(r#"{"id": "b"}"#).unwrap();
        assert_eq!(old.criteria_version, 1);
        assert_eq!(old.criteria().version, 1);
        // Version 1 is left out of the stored entry, as before versions were kept.
        assert!(
            !serde_json::to_string(&old)
                .unwrap()
                .contains("criteria_version")
        );
        let future: Draft = serde_json::from_str(r#"{"id": "c", "criteria_version": 99}"#).unwrap();
        assert!(!future.judged_by_own_version());
        assert!(std::ptr::eq(future.criteria(), Pack::current()));
    }

    #[test]
    fn the_amendment_shows_both_verdicts_and_only_the_criteria_it_changes() {
        let (v1, v2) = (
            &builtin::nct07063225_v1::PACK,
            &builtin::nct07063225_v2::PACK,
        );
        let a = Amendment::between(v1, v2, &record("27", "2026-10-14")).expect("newer");
        assert_eq!(a.before.report.outcome, crate::engine::Outcome::Eligible);
        assert_eq!(a.after.report.outcome, crate::engine::Outcome::NotEligible);
        assert_eq!(
            a.changes,
            [
                Change {
                    id: CriterionId::I3,
                    before: Status::Pass,
                    after: Status::Fail
                },
                Change {
                    id: CriterionId::I4,
                    before: Status::Pass,
                    after: Status::Fail
                },
            ]
        );
        assert!(a.changes_anything());
        // Case 01 as it is: both versions agree.
        let same = Amendment::between(v1, v2, &record("21", "2026-08-10")).expect("newer");
        assert!(same.changes.is_empty());
        assert!(!same.changes_anything());
        // Never backwards, never across trials' versions that are not newer.
        assert_eq!(
            Amendment::between(v2, v1, &record("21", "2026-08-10")),
            None
        );
        assert_eq!(
            Amendment::between(v1, v1, &record("21", "2026-08-10")),
            None
        );
    }

    #[test]
    fn only_the_date_can_change_too() {
        let (v1, v2) = (
            &builtin::nct07063225_v1::PACK,
            &builtin::nct07063225_v2::PACK,
        );
        // Chemotherapy 30 days back fails I3 under both, but from different dates.
        let a = Amendment::between(v1, v2, &record("21", "2026-10-26")).expect("newer");
        assert!(a.changes.is_empty());
        assert_ne!(a.before.earliest_eligible, a.after.earliest_eligible);
        assert!(a.changes_anything());
    }

    #[test]
    fn every_version_the_build_judges_by_ends_with_the_current_one_and_has_its_words() {
        let versions: Vec<&Pack> = Pack::versions().collect();
        assert!(std::ptr::eq(*versions.last().unwrap(), Pack::current()));
        for p in versions {
            assert!(p.words().is_some());
        }
        assert!(builtin::nct07063225_v2::PACK.words().is_none() || cfg!(criteria_v2));
    }
}
