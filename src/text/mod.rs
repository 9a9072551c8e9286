//! User-facing wording: how findings, problems, fields and criteria read in
//! each language. Pure (no browser), so the `screen` command and the app
//! share it.
//!
//! Each language implements [`Messages`]; every field label and criterion
//! title is an exhaustive `match`, so a field or criterion added without its
//! wording fails to compile.

mod en;

use crate::engine::calendar::Calendar;
use crate::engine::criteria::CriterionId;
use crate::engine::date::Date;
use crate::engine::dictionary::Field;
use crate::engine::finding::Finding;
use crate::engine::logic::Status;
use crate::engine::record::{Problem, ProblemKind};
use crate::engine::report::{CriterionResult, Outcome};

pub use en::English;

/// A platelet unit as people write it (`×10^9/L`, `×10^3/µL`, `/µL`).
pub fn platelet_unit_text(u: crate::engine::record::PlateletUnit) -> &'static str {
    en::platelet_unit(u)
}

/// A language the app speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
}

impl Lang {
    /// The wording of this language.
    pub fn messages(self) -> &'static dyn Messages {
        match self {
            Lang::En => &English,
        }
    }
}

/// Everything the engine's data needs to be said in one language.
pub trait Messages: Send + Sync {
    /// A field's short label, as a coordinator reads it.
    fn field_label(&self, field: Field) -> &'static str;
    /// A criterion's short title.
    fn criterion_title(&self, id: CriterionId) -> &'static str;
    /// The spec's reading note (§5) for a criterion, if it has one.
    fn reading_note(&self, id: CriterionId) -> Option<&'static str>;
    /// One finding in words, naming the values it used.
    fn finding(&self, finding: &Finding) -> String;
    /// What is wrong, without the field's name (shown at the field).
    fn problem_kind(&self, problem: &ProblemKind, field: Option<Field>) -> String;
    /// A status in one word.
    fn status(&self, status: Status) -> &'static str;
    /// The outcome headline for coordinators (spec §3 wording).
    fn outcome_headline(&self, outcome: Outcome) -> &'static str;

    /// The eligibility calendar in one sentence, when it has something to
    /// say beyond today's verdict.
    fn calendar_summary(&self, calendar: &Calendar, screening: Date) -> Option<String>;
    /// "I3 passes from 2026-12-02".
    fn passes_from(&self, id: CriterionId, date: Date) -> String;

    /// A problem with the field it concerns, for a list of problems.
    fn problem(&self, problem: &Problem) -> String {
        let what = self.problem_kind(&problem.kind, problem.field);
        if problem.path.is_empty() {
            what
        } else {
            format!("{}: {}", problem.path.escape_debug(), what)
        }
    }

    /// A criterion's reason: the findings that explain its status.
    fn reason(&self, result: &CriterionResult) -> String {
        let parts: Vec<String> = result.reason().map(|f| self.finding(f)).collect();
        parts.join("; ")
    }
}
