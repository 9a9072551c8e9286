//! A criteria pack as its JSON document reads: the serde shapes of
//! `criteria-pack.schema.json`, nothing resolved yet (fields are ids,
//! numbers are as written). `load.rs` checks a document and turns it into a
//! [`Pack`](super::Pack); `build.rs` reads the shipped documents with this
//! same file to compile them in, so it depends on serde alone.

use serde::{Deserialize, Serialize};
use serde_json::Number;

/// The format a pack document declares.
pub const PACK_FORMAT: &str = "ctit-criteria-pack/1";

/// A whole pack document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackDoc {
    /// The schema's file, for editors (ignored).
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Always [`PACK_FORMAT`].
    pub format: String,
    /// The trial's registry id.
    pub trial: String,
    /// The pack's version, from 1.
    pub version: u32,
    /// The version's date, `YYYY-MM-DD`.
    pub date: String,
    /// Which text of the criteria this version implements (the screening
    /// log and the exports say it for each record).
    pub source: String,
    /// What this version is, in both languages (an amendment says what it changed).
    pub summary: Words,
    /// The criteria, inclusion first, in published order.
    pub criteria: Vec<CriterionDoc>,
}

/// A text in both languages.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Words {
    /// English.
    pub en: String,
    /// Simplified Chinese.
    pub zh: String,
}

/// One criterion of a pack document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CriterionDoc {
    /// Its id as published (`I1`, `E15`).
    pub id: String,
    /// `inclusion` or `exclusion`.
    pub kind: KindDoc,
    /// Its short title, as the app lists it.
    pub title: Words,
    /// The published text (`en`, verbatim) and its translation (`zh`).
    pub text: Words,
    /// The reading note, when the criterion needs one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Words>,
    /// The rule.
    pub rule: RuleDoc,
}

/// Inclusion or exclusion.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KindDoc {
    /// Must be met.
    Inclusion,
    /// Must be absent.
    Exclusion,
}

/// A rule as written: one key naming what it is.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum RuleDoc {
    /// Every part.
    All(Vec<RuleDoc>),
    /// Any part.
    Any(Vec<RuleDoc>),
    /// The opposite of a part.
    Not(Box<RuleDoc>),
    /// When a field has an answer, the criterion does not apply.
    Unless(UnlessDoc),
    /// A yes/no answer that must be `wanted`.
    YesNo(YesNoDoc),
    /// A yes/no answer that excludes when yes.
    ExcludesIfYes(FieldDoc),
    /// A serology result that must be negative.
    Negative(FieldDoc),
    /// A serology result that excludes when positive.
    ExcludesIfPositive(FieldDoc),
    /// A number at least `value`.
    AtLeast(CompareDoc),
    /// A number at most `value`.
    AtMost(CompareDoc),
    /// A platelet count below `value` in `unit`.
    PlateletsBelow(PlateletsDoc),
    /// A lab result below `times` × ULN.
    BelowUlnTimes(UlnDoc),
    /// Age in full years at least `years`.
    AgeAtLeast(AgeDoc),
    /// More than a span since a date.
    TimeSince(TimeSinceDoc),
    /// The pregnancy test.
    PregnancyTest(EmptyDoc),
    /// QTc at most `ms`, or `with_bundle_branch_block_ms` with block.
    QtcAtMost(QtcDoc),
}

/// `unless`'s body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnlessDoc {
    /// The field.
    pub field: String,
    /// The answer that makes the criterion not apply (`"male"`, `true`).
    pub is: serde_json::Value,
    /// The rule when it applies.
    pub then: Box<RuleDoc>,
}

/// A check of one field.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldDoc {
    /// The field.
    pub field: String,
}

/// `yes_no`'s body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YesNoDoc {
    /// The field.
    pub field: String,
    /// The answer that lets the criterion pass.
    pub wanted: bool,
}

/// `at_least` / `at_most`'s body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompareDoc {
    /// The field.
    pub field: String,
    /// The limit, in the field's unit.
    pub value: Number,
}

/// `platelets_below`'s body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlateletsDoc {
    /// The field.
    pub field: String,
    /// The limit.
    pub value: Number,
    /// Its unit: `10^9/L`, `10^3/uL` or `/uL`.
    pub unit: String,
}

/// `below_uln_times`'s body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UlnDoc {
    /// The field.
    pub field: String,
    /// How many times the ULN.
    pub times: Number,
}

/// `age_at_least`'s body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgeDoc {
    /// The minimum age in full years.
    pub years: u32,
}

/// `time_since`'s body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimeSinceDoc {
    /// The date field.
    pub field: String,
    /// How long must have passed.
    pub more_than: SpanDoc,
    /// The yes/no question that says whether the event happened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub if_yes: Option<String>,
}

/// A span: calendar months or days.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum SpanDoc {
    /// Calendar months.
    Months(i32),
    /// Days.
    Days(i32),
}

/// `qtc_at_most`'s body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QtcDoc {
    /// The limit without bundle branch block, in ms.
    pub ms: Number,
    /// The limit with bundle branch block, in ms.
    pub with_bundle_branch_block_ms: Number,
}

/// A check with nothing to say (`{}`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmptyDoc {}

/// A number as written (`"1.5"`) as digits and a power of ten, if it is
/// one `i64` can hold: `(15, -1)`.
pub fn exact_parts(number: &Number) -> Option<(i64, i32)> {
    let text = number.to_string();
    let (digits, exp) = match text.split_once(['e', 'E']) {
        Some((d, e)) => (d.to_string(), e.parse::<i32>().ok()?),
        None => (text.clone(), 0),
    };
    let (int, frac) = digits.split_once('.').unwrap_or((&digits, ""));
    let mantissa: i64 = format!("{int}{frac}").parse().ok()?;
    let exp = exp.checked_sub(i32::try_from(frac.len()).ok()?)?;
    Some((mantissa, exp))
}
