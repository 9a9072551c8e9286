//! Evaluating a record: every criterion's status and reason, and the outcome
//! of spec §3.

use super::criteria::{Criterion, CriterionId};
use super::date::Date;
use super::dictionary::{Field, FieldSet};
use super::finding::{Ctx, Finding};
use super::logic::{Status, Tri};
use super::pack::{self, Pack};
use super::record::Record;
use serde::Serialize;

/// The outcome of a record (spec §3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Every criterion passes: the investigator confirms eligibility.
    Eligible,
    /// At least one criterion fails.
    NotEligible,
    /// None fails, but at least one is unknown.
    Incomplete,
}

impl Outcome {
    /// As written in `screen` output and `data-outcome`.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Eligible => "eligible",
            Outcome::NotEligible => "not_eligible",
            Outcome::Incomplete => "incomplete",
        }
    }
}

/// One criterion's verdict.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CriterionResult {
    /// Which criterion.
    pub id: CriterionId,
    /// Its status.
    pub status: Status,
    /// Every check the rule made, with the values used.
    pub findings: Vec<Finding>,
}

impl CriterionResult {
    /// The findings that explain the status: for a fail, the checks that
    /// exclude; for unknown, the checks still open; for a pass, the checks
    /// that were met (leaving out exclude-only checks with no answer).
    pub fn reason(&self) -> impl Iterator<Item = &Finding> {
        let status = self.status;
        self.findings.iter().filter(move |f| match status {
            Status::Fail => f.bad.is_true(),
            Status::Unknown => !f.ok.is_true(),
            // Under `any`, a failing alternative is no reason for a pass.
            Status::Pass => f.ok.is_true() && (f.required || f.bad == Tri::False),
        })
    }

    /// The unknown fields that keep an unknown criterion from being decided.
    pub fn missing(&self) -> FieldSet {
        if self.status != Status::Unknown {
            return FieldSet::EMPTY;
        }
        self.findings
            .iter()
            .filter(|f| !f.ok.is_true())
            .fold(FieldSet::EMPTY, |s, f| s.union(f.missing))
    }
}

/// The verdict on a whole record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    /// The date the criteria were judged on.
    pub screening_date: Date,
    /// All 25 criteria, in published order.
    pub criteria: Vec<CriterionResult>,
    /// The outcome.
    pub outcome: Outcome,
}

impl Report {
    /// The criteria with a given status.
    pub fn with_status(&self, status: Status) -> impl Iterator<Item = &CriterionResult> {
        self.criteria.iter().filter(move |c| c.status == status)
    }

    /// One criterion's result.
    pub fn get(&self, id: CriterionId) -> &CriterionResult {
        &self.criteria[id as usize]
    }

    /// Every field that would help decide an unknown criterion.
    pub fn missing_fields(&self) -> Vec<Field> {
        self.criteria
            .iter()
            .fold(FieldSet::EMPTY, |s, c| s.union(c.missing()))
            .iter()
            .collect()
    }
}

/// Evaluates one criterion.
pub fn evaluate_criterion(criterion: &Criterion, record: &Record) -> CriterionResult {
    let ctx = Ctx::new(&record.answers, record.screening_date);
    let mut findings = Vec::with_capacity(criterion.fields.len());
    let (pass, fail) = pack::findings(&criterion.rule, &ctx, &mut findings);
    CriterionResult {
        id: criterion.id,
        status: Status::decide(pass, fail),
        findings,
    }
}

/// Evaluates every criterion of the current pack on a record, and its outcome.
pub fn evaluate(record: &Record) -> Report {
    evaluate_with(Pack::current(), record)
}

/// Evaluates every criterion of `pack` on a record, and its outcome.
pub fn evaluate_with(pack: &Pack, record: &Record) -> Report {
    let criteria: Vec<CriterionResult> = pack
        .criteria
        .iter()
        .map(|c| evaluate_criterion(c, record))
        .collect();
    let outcome = if criteria.iter().any(|c| c.status == Status::Fail) {
        Outcome::NotEligible
    } else if criteria.iter().all(|c| c.status == Status::Pass) {
        Outcome::Eligible
    } else {
        Outcome::Incomplete
    };
    Report {
        screening_date: record.screening_date,
        criteria,
        outcome,
    }
}
