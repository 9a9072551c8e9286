//! Criteria packs: a trial's eligibility criteria as data, and the rules'
//! small typed language the engine evaluates.
//!
//! A pack is one versioned JSON document (`nct07063225-v1.json`, with its
//! JSON Schema `criteria-pack.schema.json` beside it): the trial, the pack's
//! version and date, and per criterion its id, kind, published text and
//! reading note in both languages, and its [`Rule`]. The build compiles the
//! shipped packs into constants (`build.rs` writes them from the JSON, so the
//! JSON is the one source: no fetch, no parse at start); `screen --criteria`
//! reads any pack at run time through [`load`], which refuses a malformed one
//! naming the criterion, the path in the document and the problem.
//!
//! A rule is a tree of [`Rule`]s over [`Check`]s. Each check is one atomic
//! test of the data dictionary's fields with its parameters (a threshold
//! with its unit, a span of calendar months or days) and makes one
//! [`Finding`](super::finding::Finding), the reason as data; `all`, `any`
//! and `not` combine them in three-valued logic and `unless` states when a
//! criterion does not apply. `eval.rs` evaluates them.

pub mod doc;
mod eval;
pub mod load;

use super::criteria::{CriterionId, CriterionKind};
use super::date::Date;
use super::decimal::Decimal;
use super::dictionary::Field;
use super::record::{Serology, Sex};

pub(crate) use eval::findings;

/// A trial's criteria as one versioned document.
#[derive(Debug, PartialEq, Eq)]
pub struct Pack {
    /// The trial's registry id (`"NCT07063225"`).
    pub trial: &'static str,
    /// The pack's version: 1, then one more for each amendment.
    pub version: u32,
    /// The date of this version (the protocol's or the amendment's).
    pub date: Date,
    /// Which text of the criteria this version implements
    /// (`"ClinicalTrials.gov listing of 2025-08-22"`).
    pub source: &'static str,
    /// Every criterion, inclusion first, in published order.
    pub criteria: &'static [Criterion],
}

/// One criterion of a pack.
#[derive(Debug, PartialEq, Eq)]
pub struct Criterion {
    /// Its identifier.
    pub id: CriterionId,
    /// Its code as written (`"I1"`).
    pub code: &'static str,
    /// Inclusion or exclusion.
    pub kind: CriterionKind,
    /// Every field the rule may read, in the order the rule names them.
    pub fields: &'static [Field],
    /// Whether the pack gives a reading note for it.
    pub has_note: bool,
    /// The rule: the findings it makes about a record.
    pub rule: Rule,
}

/// A rule: checks combined in three-valued logic.
///
/// Each part has two truth values, "lets the criterion pass" (`ok`) and
/// "makes it fail" (`bad`); a criterion fails when its rule is bad, else
/// passes when it is ok, else is unknown.
#[derive(Debug, PartialEq, Eq)]
pub enum Rule {
    /// Every part: ok when all are ok, bad when any is bad.
    All(&'static [Rule]),
    /// Any part ("any of"): ok when any is ok, bad when all are bad.
    Any(&'static [Rule]),
    /// The opposite: ok when the part is bad, bad when it is ok.
    Not(&'static Rule),
    /// Applicability: when `field` is `is`, the criterion does not apply
    /// (it passes with that as its reason); otherwise, or when the field is
    /// not known, `then` decides.
    Unless {
        /// The field that can make the criterion not apply.
        field: Field,
        /// The answer that does.
        is: Choice,
        /// The rule when it applies.
        then: &'static Rule,
    },
    /// One check.
    Check(Check),
}

/// An answer a rule can name: one of a field's choices.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Choice {
    /// Yes or no.
    Bool(bool),
    /// A sex.
    Sex(Sex),
    /// A serology result.
    Serology(Serology),
}

/// An exact number as a pack writes it (`1.5` is 15 × 10⁻¹), known when
/// the program is built.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Exact {
    /// The digits, as an integer.
    pub mantissa: i64,
    /// The power of ten they are scaled by.
    pub exp: i32,
}

impl Exact {
    /// A whole number.
    pub const fn whole(n: i64) -> Exact {
        Exact {
            mantissa: n,
            exp: 0,
        }
    }

    /// Whether `value` is below this many times `base`, compared exactly
    /// (`value` × 10⁻ᵉˣᵖ < `base` × mantissa); `None` for a mantissa that
    /// is not positive or does not fit a `u32` (`load` refuses more than
    /// nine digits).
    pub fn below_times(self, value: &Decimal, base: &Decimal) -> Option<bool> {
        let m = u32::try_from(self.mantissa).ok().filter(|m| *m > 0)?;
        Some(value.scale10(-i64::from(self.exp)) < base.mul_small(m))
    }

    /// `base` times this number, exactly (the limit a reason states); `None`
    /// as for [`Exact::below_times`].
    pub fn times(self, base: &Decimal) -> Option<Decimal> {
        let m = u32::try_from(self.mantissa).ok().filter(|m| *m > 0)?;
        Some(base.mul_small(m).scale10(i64::from(self.exp)))
    }

    /// The number as the engine's exact decimal.
    pub fn to_decimal(self) -> Decimal {
        let whole = Decimal::from_i64(self.mantissa);
        match self.exp {
            0 => whole,
            exp => whole.scale10(i64::from(exp)),
        }
    }
}

/// A span of calendar time: "more than 1 month", "more than 14 days".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Span {
    /// Calendar months, with end-of-month clamping (spec §3).
    Months(i32),
    /// Days.
    Days(i32),
}

/// One atomic check: what it reads and what it asks of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Check {
    /// A yes/no answer that must be `wanted`.
    YesNo {
        /// The field.
        field: Field,
        /// The answer that lets the criterion pass.
        wanted: bool,
    },
    /// A yes/no answer that excludes when yes, and is not needed to pass.
    ExcludesIfYes {
        /// The field.
        field: Field,
    },
    /// A serology result that must be negative.
    Negative {
        /// The marker.
        field: Field,
    },
    /// A serology result that excludes when positive, and is not needed to
    /// pass (hepatitis D).
    ExcludesIfPositive {
        /// The marker.
        field: Field,
    },
    /// A number at least `min`, in the field's unit.
    AtLeast {
        /// The field.
        field: Field,
        /// The minimum.
        min: Exact,
    },
    /// A number at most `max`, in the field's unit.
    AtMost {
        /// The field.
        field: Field,
        /// The maximum.
        max: Exact,
    },
    /// A platelet count below `limit`, in ×10⁹/L (a pack may write it in any
    /// platelet unit; it is converted when the pack is read).
    PlateletsBelow {
        /// The field.
        field: Field,
        /// The limit in ×10⁹/L.
        limit: Exact,
    },
    /// A lab result below `times` × its upper limit of normal.
    BelowUlnTimes {
        /// The field.
        field: Field,
        /// How many times the ULN the result must stay below.
        times: Exact,
    },
    /// Full years of age (from `birth_date`, else `age_years`) at least `years`.
    AgeAtLeast {
        /// The minimum age.
        years: u32,
    },
    /// More than `more_than` since the date in `field`; with `if_yes`, only
    /// when that yes/no question says the event happened at all.
    TimeSince {
        /// The date field.
        field: Field,
        /// How long must have passed.
        more_than: Span,
        /// The question that says whether the event happened.
        if_yes: Option<Field>,
    },
    /// The pregnancy test (`childbearing_potential`, `urine_hcg`): passes
    /// when she cannot become pregnant or the test is negative; a positive
    /// test excludes.
    PregnancyTest,
    /// QTc (`qtc_ms`) at most `ms`, or at most `with_block_ms` with bundle
    /// branch block (`bundle_branch_block`).
    QtcAtMost {
        /// The limit without block.
        ms: Exact,
        /// The limit with block.
        with_block_ms: Exact,
    },
}

impl Check {
    /// The fields this check may read, in the order it names them.
    pub fn fields(&self) -> Vec<Field> {
        match *self {
            Check::YesNo { field, .. }
            | Check::ExcludesIfYes { field }
            | Check::Negative { field }
            | Check::ExcludesIfPositive { field }
            | Check::AtLeast { field, .. }
            | Check::AtMost { field, .. }
            | Check::PlateletsBelow { field, .. }
            | Check::BelowUlnTimes { field, .. } => vec![field],
            Check::AgeAtLeast { .. } => vec![Field::BirthDate, Field::AgeYears],
            Check::TimeSince {
                field,
                if_yes: Some(had),
                ..
            } => vec![had, field],
            Check::TimeSince { field, .. } => vec![field],
            Check::PregnancyTest => vec![Field::ChildbearingPotential, Field::UrineHcg],
            Check::QtcAtMost { .. } => vec![Field::QtcMs, Field::BundleBranchBlock],
        }
    }
}

impl Criterion {
    /// The findings the rule makes about the record behind `ctx`.
    pub fn findings(&self, ctx: &super::finding::Ctx) -> Vec<super::finding::Finding> {
        let mut out = Vec::new();
        findings(&self.rule, ctx, &mut out);
        out
    }
}

impl Rule {
    /// The fields this rule may read, each once, in the order it names them.
    pub fn fields(&self) -> Vec<Field> {
        let mut out = Vec::new();
        self.collect_fields(&mut out);
        out
    }

    fn collect_fields(&self, out: &mut Vec<Field>) {
        let mut add = |f: Field| {
            if !out.contains(&f) {
                out.push(f);
            }
        };
        match self {
            Rule::All(parts) | Rule::Any(parts) => {
                parts.iter().for_each(|p| p.collect_fields(out));
            }
            Rule::Not(part) => part.collect_fields(out),
            Rule::Unless { field, then, .. } => {
                add(*field);
                then.collect_fields(out);
            }
            Rule::Check(check) => check.fields().into_iter().for_each(add),
        }
    }
}

impl Pack {
    /// This trial's pack that judges new verdicts in this build: the newest
    /// version the build carries.
    pub fn current() -> &'static Pack {
        &current::PACK
    }

    /// Every version of this trial's pack the build judges by, oldest
    /// first, the current one last (a worked amendment the site has not
    /// adopted is compiled in, for `screen` and the tests, but judges
    /// nothing here).
    pub fn versions() -> impl Iterator<Item = &'static Pack> {
        VERSIONS.iter().copied()
    }

    /// This pack's criteria's words (titles, texts, notes), when the build
    /// judges by it. A lookup rather than a column of `Pack`, so only the
    /// screens that show words carry them.
    pub fn words(&self) -> Option<&'static PackWords> {
        VERSIONS
            .iter()
            .position(|pack| pack.trial == self.trial && pack.version == self.version)
            .and_then(|i| VERSION_WORDS.get(i).copied())
    }

    /// The version of this trial's pack the build judges by, if it does.
    pub fn version(version: u32) -> Option<&'static Pack> {
        Pack::versions().find(|p| p.version == version)
    }

    /// One criterion of this pack.
    pub fn criterion(&self, id: CriterionId) -> &Criterion {
        &self.criteria[id as usize]
    }

    /// The pack's name as the screening log and exports write it
    /// (`NCT07063225 v1`).
    pub fn name(&self) -> String {
        format!("{} v{}", self.trial, self.version)
    }
}

/// The current pack's document as shipped (`screen` exports it); the
/// build compiled this same text, and a test reads it.
pub fn current_document() -> Result<doc::PackDoc, serde_json::Error> {
    serde_json::from_str(current::JSON)
}

/// The versions this build judges by, oldest first, the current one last.
#[cfg(not(criteria_v2))]
const VERSIONS: &[&Pack] = &[&builtin::nct07063225_v1::PACK];
#[cfg(criteria_v2)]
const VERSIONS: &[&Pack] = &[
    &builtin::nct07063225_v1::PACK,
    &builtin::nct07063225_v2::PACK,
];

/// Their words, in the same order: a table of its own, so judging a record
/// (the first download) never reaches a criterion's text.
#[cfg(not(criteria_v2))]
const VERSION_WORDS: &[&PackWords] = &[&builtin::nct07063225_v1::WORDS];
#[cfg(criteria_v2)]
const VERSION_WORDS: &[&PackWords] = &[
    &builtin::nct07063225_v1::WORDS,
    &builtin::nct07063225_v2::WORDS,
];

/// A pack's words for each criterion, in both languages.
pub struct PackWords {
    /// The short title, English.
    pub title_en: fn(CriterionId) -> &'static str,
    /// The short title, Chinese.
    pub title_zh: fn(CriterionId) -> &'static str,
    /// The published text, verbatim.
    pub text_en: fn(CriterionId) -> &'static str,
    /// The app's Chinese translation of it.
    pub text_zh: fn(CriterionId) -> &'static str,
    /// The reading note, English, if any.
    pub note_en: fn(CriterionId) -> Option<&'static str>,
    /// The reading note, Chinese, if any.
    pub note_zh: fn(CriterionId) -> Option<&'static str>,
}

/// The current pack's module: `PACK`, and its criteria's words
/// (`title_en`, `title_zh`, `text_en`, `text_zh`, `note_en`, `note_zh`) and
/// document (`JSON`). Adopting an amendment is this line and the one in
/// `VERSIONS`. `CTIT_CRITERIA_V2=1` at build time (`cfg(criteria_v2)`, set
/// by `build.rs`) builds with the worked amendment adopted, for the browser
/// tests of the amendment view.
#[cfg(not(criteria_v2))]
pub use builtin::nct07063225_v1 as current;
#[cfg(criteria_v2)]
pub use builtin::nct07063225_v2 as current;

/// The packs compiled into the build, written by `build.rs` from the JSON
/// documents beside this file.
pub mod builtin {
    #![allow(clippy::all, missing_docs)]
    use super::*;
    use crate::engine::dictionary::known_field;
    include!(concat!(env!("OUT_DIR"), "/packs.rs"));
}
