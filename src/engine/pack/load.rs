//! Reading a criteria pack at run time (`screen --criteria FILE`): the
//! document checked against the data dictionary and this build's criteria,
//! and turned into a [`Pack`]. A malformed pack is refused with every
//! problem, each naming the criterion, the path in the document (a JSON
//! Pointer) and what is wrong; nothing here panics.
//!
//! A pack read this way lives until the program ends (its rules are
//! `'static`, like the packs compiled in): `screen` reads one per run, and
//! the parts of a refused one are not given back either (the command ends).

use super::doc::{CriterionDoc, KindDoc, PACK_FORMAT, PackDoc, RuleDoc, SpanDoc, exact_parts};
use super::{Check, Choice, Criterion, Exact, Pack, Rule, Span};
use crate::engine::criteria::{CRITERIA, CriterionId, CriterionKind};
use crate::engine::date::Date;
use crate::engine::dictionary::{Field, Kind};
use crate::engine::record::{PlateletUnit, Serology, Sex};
use std::fmt;

/// One thing wrong with a pack.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackProblem {
    /// The criterion it is in (`"I4"`), when it is in one.
    pub criterion: Option<String>,
    /// Where in the document, as a JSON Pointer (`/criteria/3/rule/platelets_below/unit`).
    pub path: String,
    /// What is wrong.
    pub problem: String,
}

impl fmt::Display for PackProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.criterion {
            Some(c) => write!(f, "criterion {c}: {}: {}", self.path, self.problem),
            None => write!(f, "{}: {}", self.path, self.problem),
        }
    }
}

/// Reads a pack document's text: the pack, or every problem found.
pub fn from_json(text: &str) -> Result<&'static Pack, Vec<PackProblem>> {
    let doc: PackDoc = serde_json::from_str(text).map_err(|e| {
        vec![PackProblem {
            criterion: None,
            path: format!("line {}, column {}", e.line(), e.column()),
            problem: format!("not a criteria pack: {e}"),
        }]
    })?;
    from_doc(&doc)
}

/// Checks a pack document and turns it into a [`Pack`].
pub fn from_doc(doc: &PackDoc) -> Result<&'static Pack, Vec<PackProblem>> {
    let mut r = Reader {
        problems: Vec::new(),
        criterion: None,
    };
    if doc.format != PACK_FORMAT {
        r.problem("/format", format!("must be \"{PACK_FORMAT}\""));
    }
    let trial = crate::engine::pack::Pack::current().trial;
    if doc.trial != trial {
        r.problem(
            "/trial",
            format!(
                "this build judges {trial}'s criteria, not \"{}\"",
                doc.trial
            ),
        );
    }
    if doc.summary.en.trim().is_empty() || doc.summary.zh.trim().is_empty() {
        r.problem("/summary", "a summary in both languages is needed".into());
    }
    if doc.source.trim().is_empty() {
        r.problem(
            "/source",
            "must say which text of the criteria this is".into(),
        );
    }
    if doc.version == 0 {
        r.problem("/version", "versions count from 1".into());
    }
    let date = Date::parse(&doc.date);
    if date.is_none() {
        r.problem("/date", "must be a real date, YYYY-MM-DD".into());
    }
    if doc.criteria.len() != CRITERIA.len() {
        r.problem(
            "/criteria",
            format!(
                "must hold this trial's {} criteria in published order ({}); it holds {}",
                CRITERIA.len(),
                CRITERIA
                    .iter()
                    .map(|c| c.code)
                    .collect::<Vec<_>>()
                    .join(", "),
                doc.criteria.len()
            ),
        );
    }
    let mut criteria = Vec::new();
    for (i, (c, expected)) in doc.criteria.iter().zip(CRITERIA).enumerate() {
        r.criterion = Some(c.id.clone());
        if let Some(criterion) = r.criterion_of(i, c, expected.id) {
            criteria.push(criterion);
        }
    }
    match date {
        Some(date) if r.problems.is_empty() => Ok(Box::leak(Box::new(Pack {
            trial: Box::leak(doc.trial.clone().into_boxed_str()),
            version: doc.version,
            date,
            source: Box::leak(doc.source.clone().into_boxed_str()),
            criteria: Box::leak(criteria.into_boxed_slice()),
        }))),
        _ => Err(r.problems),
    }
}

struct Reader {
    problems: Vec<PackProblem>,
    criterion: Option<String>,
}

impl Reader {
    fn problem(&mut self, path: &str, problem: String) {
        self.problems.push(PackProblem {
            criterion: self.criterion.clone(),
            path: path.to_string(),
            problem,
        });
    }

    fn criterion_of(
        &mut self,
        i: usize,
        c: &CriterionDoc,
        expected: CriterionId,
    ) -> Option<Criterion> {
        let at = format!("/criteria/{i}");
        if c.id != expected.as_str() {
            self.problem(
                &format!("{at}/id"),
                format!(
                    "criterion {} of this trial is {}, in published order",
                    i + 1,
                    expected.as_str()
                ),
            );
            return None;
        }
        if c.title.en.trim().is_empty() || c.title.zh.trim().is_empty() {
            self.problem(
                &format!("{at}/title"),
                "a title in both languages is needed".into(),
            );
        }
        if let Some(note) = &c.note
            && (note.en.trim().is_empty() || note.zh.trim().is_empty())
        {
            self.problem(
                &format!("{at}/note"),
                "a reading note is needed in both languages, or none".into(),
            );
        }
        let kind = match c.kind {
            KindDoc::Inclusion => CriterionKind::Inclusion,
            KindDoc::Exclusion => CriterionKind::Exclusion,
        };
        if kind != expected.def().kind {
            self.problem(
                &format!("{at}/kind"),
                format!(
                    "{} is an {} criterion of this trial",
                    expected.as_str(),
                    match expected.def().kind {
                        CriterionKind::Inclusion => "inclusion",
                        CriterionKind::Exclusion => "exclusion",
                    }
                ),
            );
        }
        if c.text.en.trim().is_empty() || c.text.zh.trim().is_empty() {
            self.problem(
                &format!("{at}/text"),
                "the published text and its translation are both needed".into(),
            );
        }
        let before = self.problems.len();
        let rule = self.rule(&format!("{at}/rule"), &c.rule);
        (self.problems.len() == before).then(|| {
            let fields = rule.fields();
            Criterion {
                id: expected,
                code: expected.as_str(),
                kind,
                fields: Box::leak(fields.into_boxed_slice()),
                has_note: c.note.is_some(),
                rule,
            }
        })
    }

    /// A field of the dictionary of one of `kinds`.
    fn field(&mut self, at: &str, id: &str, kinds: &[&str]) -> Field {
        let Some(field) = Field::from_id(id) else {
            self.problem(
                at,
                format!("\"{id}\" is not a field of the data dictionary"),
            );
            return Field::BirthDate;
        };
        let kind = kind_name(field.def().kind);
        if !kinds.contains(&kind) {
            self.problem(
                at,
                format!(
                    "\"{id}\" is a {kind} field; this check needs {}",
                    kinds.join(" or ")
                ),
            );
        }
        field
    }

    fn exact(&mut self, at: &str, n: &serde_json::Number) -> Exact {
        match exact_parts(n) {
            Some((mantissa, exp)) if (-18..=18).contains(&exp) => Exact { mantissa, exp },
            _ => {
                self.problem(at, format!("{n} is not a number a pack can hold"));
                Exact::whole(0)
            }
        }
    }

    fn rule(&mut self, at: &str, rule: &RuleDoc) -> Rule {
        let leak = |parts: Vec<Rule>| -> &'static [Rule] { Box::leak(parts.into_boxed_slice()) };
        let one = |rule: Rule| -> &'static Rule { Box::leak(Box::new(rule)) };
        match rule {
            RuleDoc::All(parts) => {
                let parts = self.parts(&format!("{at}/all"), parts);
                Rule::All(leak(parts))
            }
            RuleDoc::Any(parts) => {
                if parts.is_empty() {
                    self.problem(&format!("{at}/any"), "needs at least one part".into());
                }
                let parts = self.parts(&format!("{at}/any"), parts);
                Rule::Any(leak(parts))
            }
            RuleDoc::Not(part) => {
                if !states_answers_only(part) {
                    self.problem(
                        &format!("{at}/not"),
                        "only yes/no and serology checks (and all/any/not of them) can be negated: their reasons state the answer, while a negated threshold or date would read as its opposite; write the opposite check instead".into(),
                    );
                }
                Rule::Not(one(self.rule(&format!("{at}/not"), part)))
            }
            RuleDoc::Unless(u) => {
                let at = format!("{at}/unless");
                let field = self.field(
                    &format!("{at}/field"),
                    &u.field,
                    &["yes/no", "sex", "serology"],
                );
                let is = match (field.def().kind, &u.is) {
                    (Kind::Bool, serde_json::Value::Bool(b)) => Some(Choice::Bool(*b)),
                    (Kind::Sex, serde_json::Value::String(s)) if s == "male" => {
                        Some(Choice::Sex(Sex::Male))
                    }
                    (Kind::Sex, serde_json::Value::String(s)) if s == "female" => {
                        Some(Choice::Sex(Sex::Female))
                    }
                    (Kind::Serology, serde_json::Value::String(s)) => {
                        [Serology::Positive, Serology::Negative]
                            .into_iter()
                            .find(|v| v.as_str() == s)
                            .map(Choice::Serology)
                    }
                    _ => None,
                };
                let then = self.rule(&format!("{at}/then"), &u.then);
                match is {
                    Some(is) => Rule::Unless {
                        field,
                        is,
                        then: one(then),
                    },
                    None => {
                        self.problem(
                            &format!("{at}/is"),
                            format!("{} is not an answer of \"{}\"", u.is, u.field),
                        );
                        then
                    }
                }
            }
            RuleDoc::YesNo(c) => Rule::Check(Check::YesNo {
                field: self.field(&format!("{at}/yes_no/field"), &c.field, &["yes/no"]),
                wanted: c.wanted,
            }),
            RuleDoc::ExcludesIfYes(c) => Rule::Check(Check::ExcludesIfYes {
                field: self.field(
                    &format!("{at}/excludes_if_yes/field"),
                    &c.field,
                    &["yes/no"],
                ),
            }),
            RuleDoc::Negative(c) => Rule::Check(Check::Negative {
                field: self.field(&format!("{at}/negative/field"), &c.field, &["serology"]),
            }),
            RuleDoc::ExcludesIfPositive(c) => Rule::Check(Check::ExcludesIfPositive {
                field: self.field(
                    &format!("{at}/excludes_if_positive/field"),
                    &c.field,
                    &["serology"],
                ),
            }),
            RuleDoc::AtLeast(c) => Rule::Check(Check::AtLeast {
                field: self.field(&format!("{at}/at_least/field"), &c.field, &["number"]),
                min: self.exact(&format!("{at}/at_least/value"), &c.value),
            }),
            RuleDoc::AtMost(c) => Rule::Check(Check::AtMost {
                field: self.field(&format!("{at}/at_most/field"), &c.field, &["number"]),
                max: self.exact(&format!("{at}/at_most/value"), &c.value),
            }),
            RuleDoc::PlateletsBelow(c) => {
                let at = format!("{at}/platelets_below");
                let field = self.field(&format!("{at}/field"), &c.field, &["platelet count"]);
                let value = self.exact(&format!("{at}/value"), &c.value);
                let scale = match PlateletUnit::parse(&c.unit) {
                    Some(PlateletUnit::PerUl) => -3,
                    Some(_) => 0,
                    None => {
                        self.problem(
                            &format!("{at}/unit"),
                            format!(
                                "\"{}\" is not a platelet unit (10^9/L, 10^3/uL, /uL)",
                                c.unit
                            ),
                        );
                        0
                    }
                };
                Rule::Check(Check::PlateletsBelow {
                    field,
                    limit: Exact {
                        mantissa: value.mantissa,
                        exp: value.exp + scale,
                    },
                })
            }
            RuleDoc::BelowUlnTimes(c) => {
                let at = format!("{at}/below_uln_times");
                let field = self.field(&format!("{at}/field"), &c.field, &["lab result"]);
                let times = self.exact(&format!("{at}/times"), &c.times);
                if !(1..=999_999_999).contains(&times.mantissa) {
                    self.problem(
                        &format!("{at}/times"),
                        format!("{} must be a positive number of at most 9 digits", c.times),
                    );
                }
                Rule::Check(Check::BelowUlnTimes { field, times })
            }
            RuleDoc::AgeAtLeast(a) => {
                if a.years > 150 {
                    self.problem(
                        &format!("{at}/age_at_least/years"),
                        format!("{} years is no one's age", a.years),
                    );
                }
                Rule::Check(Check::AgeAtLeast { years: a.years })
            }
            RuleDoc::TimeSince(t) => {
                let at = format!("{at}/time_since");
                let field = self.field(&format!("{at}/field"), &t.field, &["date"]);
                let if_yes = t
                    .if_yes
                    .as_ref()
                    .map(|had| self.field(&format!("{at}/if_yes"), had, &["yes/no"]));
                let more_than = match t.more_than {
                    SpanDoc::Months(n) if (0..=1200).contains(&n) => Span::Months(n),
                    SpanDoc::Days(n) if (0..=36_500).contains(&n) => Span::Days(n),
                    _ => {
                        self.problem(
                            &format!("{at}/more_than"),
                            "must be 0 to 1200 months or 0 to 36500 days".into(),
                        );
                        Span::Days(0)
                    }
                };
                Rule::Check(Check::TimeSince {
                    field,
                    more_than,
                    if_yes,
                })
            }
            RuleDoc::PregnancyTest(_) => Rule::Check(Check::PregnancyTest),
            RuleDoc::QtcAtMost(q) => {
                let at = format!("{at}/qtc_at_most");
                let ms = self.exact(&format!("{at}/ms"), &q.ms);
                let with_block_ms = self.exact(
                    &format!("{at}/with_bundle_branch_block_ms"),
                    &q.with_bundle_branch_block_ms,
                );
                if with_block_ms.to_decimal() < ms.to_decimal() {
                    self.problem(
                        &format!("{at}/with_bundle_branch_block_ms"),
                        "the limit with bundle branch block is the higher one".into(),
                    );
                }
                Rule::Check(Check::QtcAtMost { ms, with_block_ms })
            }
        }
    }

    fn parts(&mut self, at: &str, parts: &[RuleDoc]) -> Vec<Rule> {
        parts
            .iter()
            .enumerate()
            .map(|(i, p)| self.rule(&format!("{at}/{i}"), p))
            .collect()
    }
}

/// Whether a rule's words state answers only (yes/no and serology checks,
/// and combinations of them): what `not` may turn round.
fn states_answers_only(rule: &RuleDoc) -> bool {
    match rule {
        RuleDoc::All(parts) | RuleDoc::Any(parts) => parts.iter().all(states_answers_only),
        RuleDoc::Not(part) => states_answers_only(part),
        RuleDoc::YesNo(_)
        | RuleDoc::ExcludesIfYes(_)
        | RuleDoc::Negative(_)
        | RuleDoc::ExcludesIfPositive(_) => true,
        _ => false,
    }
}

/// A field kind as a pack's author reads it.
fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Bool => "yes/no",
        Kind::Date => "date",
        Kind::Int { .. } | Kind::Number { .. } => "number",
        Kind::Platelets => "platelet count",
        Kind::Lab => "lab result",
        Kind::Serology => "serology",
        Kind::Sex => "sex",
    }
}
