//! The eligibility calendar and "what would change the verdict".
//!
//! Four criteria depend on time: age (I1), time since the last chemo- and
//! radiotherapy (I3), time with low platelets (I5) and time since a heart
//! attack (E14). Time only moves forward, and each of them can only go from
//! fail to pass as it does, so for a record judged on its screening date:
//!
//! - every failing criterion whose failing checks are all about time gets the
//!   first date on which none of them fails any more (spec §3 calendar rules);
//! - a failing check that time does not change (a diabetes, a QTc, an age
//!   given only in whole years, so with no birthday to count to) blocks any
//!   date;
//! - otherwise the record is re-judged on the latest of those dates: if it is
//!   eligible then, that is the earliest eligible date ("if nothing else
//!   changes"); if some criteria are still unknown, it is a "not before"
//!   date and the missing fields are listed.
//!
//! The dates are checked, not trusted: each is the day the engine itself
//! (re-run with that screening date) stops failing the criterion.

use super::criteria::CriterionId;
use super::date::{Date, first_day_more_than_days_after, first_day_more_than_months_after};
use super::decimal::Decimal;
use super::dictionary::{Field, FieldSet, Kind};
use super::finding::{Detail, Finding};
use super::logic::Status;
use super::pack::{Pack, Span};
use super::record::{LabResult, PlateletUnit, Platelets, Record, Serology, Sex, Slot, Value};
use super::report::{Outcome, Report, evaluate_criterion, evaluate_with};

/// A failing criterion that time will fix, and from when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimeFix {
    /// The criterion.
    pub id: CriterionId,
    /// The first screening date on which it no longer fails.
    pub from: Date,
}

/// What the calendar says about a record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Calendar {
    /// Failing criteria that time alone will fix, with their dates.
    pub time_fixes: Vec<TimeFix>,
    /// Failing criteria that time will not fix.
    pub blocked: Vec<CriterionId>,
    /// The earliest date the record could be eligible, when no criterion is
    /// blocked: the latest of the `time_fixes` dates, or the screening date.
    pub not_before: Option<Date>,
    /// The earliest date the record is eligible if nothing else changes:
    /// `not_before`, when the record judged on that date is eligible.
    pub earliest_eligible: Option<Date>,
    /// Fields still needed on `not_before` (criteria still unknown then).
    pub still_needed: Vec<Field>,
}

/// The record as if screened on another date (answers unchanged).
fn on_date(record: &Record, date: Date) -> Record {
    Record {
        screening_date: date,
        answers: record.answers.clone(),
        problems: record.problems.clone(),
    }
}

/// The date a bad time-based finding stops being bad, if time fixes it.
fn fixed_from(finding: &Finding) -> Option<Date> {
    match &finding.detail {
        Detail::Age {
            birth_date: Some(b),
            min,
            ..
        } => {
            let year = b.year() + i32::try_from(*min).ok()?;
            // Born on 29 February: the birthday is 1 March in a common year.
            Date::new(year, b.month(), b.day()).or_else(|| Date::new(year, 3, 1))
        }
        Detail::Since {
            date: Some(d),
            span: Span::Months(months),
            ..
        } => first_day_more_than_months_after(*d, *months),
        Detail::Since {
            date: Some(d),
            span: Span::Days(days),
            ..
        } => first_day_more_than_days_after(*d, *days),
        _ => None,
    }
}

/// The calendar of a record, from its report under the current pack.
pub fn calendar(record: &Record, report: &Report) -> Calendar {
    calendar_with(Pack::current(), record, report)
}

/// The calendar of a record, from its report under `pack`.
pub fn calendar_with(pack: &Pack, record: &Record, report: &Report) -> Calendar {
    let mut time_fixes = Vec::new();
    let mut blocked = Vec::new();
    for result in report.with_status(Status::Fail) {
        let dates: Option<Vec<Date>> = result
            .findings
            .iter()
            .filter(|f| f.bad.is_true())
            .map(fixed_from)
            .collect();
        let fix = dates.and_then(|d| d.into_iter().max()).and_then(|from| {
            // Verify with the engine: on `from` the criterion no longer fails.
            let later = evaluate_criterion(pack.criterion(result.id), &on_date(record, from));
            (later.status != Status::Fail).then_some(from)
        });
        match fix {
            Some(from) => time_fixes.push(TimeFix {
                id: result.id,
                from,
            }),
            None => blocked.push(result.id),
        }
    }
    if !blocked.is_empty() {
        return Calendar {
            time_fixes,
            blocked,
            not_before: None,
            earliest_eligible: None,
            still_needed: Vec::new(),
        };
    }
    let not_before = time_fixes
        .iter()
        .map(|t| t.from)
        .max()
        .unwrap_or(record.screening_date);
    let then = if not_before == record.screening_date {
        report.clone()
    } else {
        evaluate_with(pack, &on_date(record, not_before))
    };
    Calendar {
        time_fixes,
        blocked,
        not_before: Some(not_before),
        earliest_eligible: (then.outcome == Outcome::Eligible).then_some(not_before),
        still_needed: then.missing_fields(),
    }
}

/// The missing fields of one unknown criterion.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NeededFor {
    /// The unknown criterion.
    pub id: CriterionId,
    /// The fields that would decide it.
    pub fields: Vec<Field>,
    /// Whether one of these answers, on its own, could rule the patient out.
    pub could_rule_out: bool,
}

/// Values worth trying for a field when asking "could this answer alone
/// rule the patient out?".
fn trial_values(field: Field, on: Date) -> Vec<Value> {
    let d = |n: i64| Decimal::from_i64(n);
    match field.def().kind {
        Kind::Bool => vec![Value::Bool(true), Value::Bool(false)],
        Kind::Serology => vec![
            Value::Serology(Serology::Positive),
            Value::Serology(Serology::Negative),
        ],
        Kind::Sex => vec![Value::Sex(Sex::Female), Value::Sex(Sex::Male)],
        Kind::Int { min, max } | Kind::Number { min, max } => {
            vec![Value::Number(d(min)), Value::Number(d(max))]
        }
        Kind::Date => vec![Value::Date(on)],
        Kind::Platelets => [0, 1000]
            .into_iter()
            .map(|n| {
                Value::Platelets(Platelets {
                    value: d(n),
                    unit: PlateletUnit::E9PerL,
                })
            })
            .collect(),
        Kind::Lab => vec![Value::Lab(LabResult {
            value: d(1000),
            uln: d(1),
        })],
    }
}

/// For an unknown criterion: could a single one of its missing answers make
/// it fail? `trial` is a scratch copy of the record; each field is restored
/// after its trials, so one copy serves every criterion.
fn could_rule_out(pack: &Pack, trial: &mut Record, id: CriterionId, missing: FieldSet) -> bool {
    missing.iter().any(|field| {
        let saved = trial.answers.slot(field).clone();
        let hit = trial_values(field, trial.screening_date)
            .into_iter()
            .any(|v| {
                trial.answers.set(field, Slot::Known(v));
                evaluate_criterion(pack.criterion(id), trial).status == Status::Fail
            });
        trial.answers.set(field, saved);
        hit
    })
}

/// What would change the verdict of an undecided record: the missing fields
/// grouped by the unknown criterion they decide, those that could rule the
/// patient out first, then fewest fields first, then published order
/// (under the current pack).
pub fn what_is_needed(record: &Record, report: &Report) -> Vec<NeededFor> {
    what_is_needed_with(Pack::current(), record, report)
}

/// What would change the verdict of an undecided record under `pack`.
pub fn what_is_needed_with(pack: &Pack, record: &Record, report: &Report) -> Vec<NeededFor> {
    let mut trial = Record {
        screening_date: record.screening_date,
        answers: record.answers.clone(),
        problems: Vec::new(),
    };
    let mut needed: Vec<NeededFor> = report
        .with_status(Status::Unknown)
        .map(|r| {
            let missing = r.missing();
            NeededFor {
                id: r.id,
                fields: missing.iter().collect(),
                could_rule_out: could_rule_out(pack, &mut trial, r.id, missing),
            }
        })
        .collect();
    needed.sort_by_key(|n| (!n.could_rule_out, n.fields.len(), n.id));
    needed
}
