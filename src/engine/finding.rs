//! Findings: the atomic checks a rule makes, each with the values it used.
//!
//! A [`Finding`] carries two truth values: `ok` (this part lets the pass
//! condition hold) and `bad` (this part makes the fail condition hold). For
//! most checks `bad` is simply "not ok"; a few parts of a criterion can only
//! exclude and are not needed to pass (hepatitis D, a known infection, a
//! positive hCG), and those have `ok` always true. A criterion is then
//! `fail` if any finding is bad, else `pass` if all are ok, else `unknown`.
//!
//! The [`Detail`] of a finding is the reason as data: the UI and the `screen`
//! command turn it into words (see `crate::text`); the engine holds no text.

use super::date::{Date, must_be_before, must_be_before_days};
use super::decimal::Decimal;
use super::dictionary::{Field, FieldSet};
use super::logic::Tri;
use super::pack::{Choice, Exact, Span};
use super::record::{Answers, LabResult, Platelets, Serology, Slot, Value};
use std::cell::Cell;

/// The values a check used, for the reason shown to the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Detail {
    /// A yes/no answer; `wanted` is the answer that does not stand in the way.
    YesNo {
        /// The field asked.
        field: Field,
        /// The answer, if known.
        value: Option<bool>,
        /// The answer that lets the criterion pass.
        wanted: bool,
    },
    /// A serology result; negative is wanted.
    Serology {
        /// The marker.
        field: Field,
        /// The result, if known.
        value: Option<Serology>,
    },
    /// Age in full years, from the birth date or else the stated age.
    Age {
        /// Full years, if known.
        years: Option<u32>,
        /// The birth date it was counted from, if that was given.
        birth_date: Option<Date>,
        /// The minimum age.
        min: u32,
    },
    /// A number that must be at least `min`.
    AtLeast {
        /// The field.
        field: Field,
        /// Its value, if known.
        value: Option<Decimal>,
        /// The minimum.
        min: Decimal,
    },
    /// A number that must be at most `max`.
    AtMost {
        /// The field.
        field: Field,
        /// Its value, if known.
        value: Option<Decimal>,
        /// The maximum.
        max: Decimal,
    },
    /// A platelet count that must be below `limit` ×10⁹/L.
    PlateletsBelow {
        /// The field.
        field: Field,
        /// The count as recorded, if known.
        value: Option<Platelets>,
        /// The limit in ×10⁹/L.
        limit: Decimal,
    },
    /// A lab result that must be below `times` × its ULN.
    LabBelowUln {
        /// The field.
        field: Field,
        /// The result and ULN, if known.
        value: Option<LabResult>,
        /// How many times the ULN it must stay below.
        times: Exact,
    },
    /// "More than `span` since" a date, optionally only when a yes/no
    /// question says the event happened at all.
    Since {
        /// The yes/no question that says whether the event happened
        /// (radiotherapy, heart attack), with its answer.
        had: Option<(Field, Option<bool>)>,
        /// The date field.
        field: Field,
        /// The date, if known.
        date: Option<Date>,
        /// How long must have passed.
        span: Span,
        /// The event must be before this date.
        before: Option<Date>,
        /// The screening date judged on.
        screening: Date,
    },
    /// The pregnancy test: needed from a woman of childbearing potential.
    PregnancyTest {
        /// Whether she can become pregnant, if known.
        childbearing: Option<bool>,
        /// The hCG result, if known.
        hcg: Option<Serology>,
    },
    /// QTc against `limit` ms, or `with_block` ms with bundle branch block.
    Qtc {
        /// QTc in ms, if known.
        qtc: Option<Decimal>,
        /// Bundle branch block, if known.
        bbb: Option<bool>,
        /// The limit without block, ms.
        limit: Exact,
        /// The limit with block, ms.
        with_block: Exact,
    },
    /// The criterion does not apply: `field` is `is` (pregnancy and
    /// breastfeeding for a man).
    DoesNotApply {
        /// The field.
        field: Field,
        /// Its answer.
        is: Choice,
    },
}

/// One atomic check of a rule, with the values it used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The values used.
    pub detail: Detail,
    /// Whether this part lets the pass condition hold.
    pub ok: Tri,
    /// Whether this part makes the fail condition hold.
    pub bad: Tri,
    /// The unknown fields that keep `ok` from being known.
    pub missing: FieldSet,
    /// False for a check that can only exclude (hepatitis D, a known
    /// infection): it is not needed to pass and is not part of a pass reason
    /// when unanswered.
    pub required: bool,
}

impl Finding {
    /// The fields this finding is about, in dictionary order (for "jump to
    /// the field" and "what is still needed").
    pub fn fields(&self) -> FieldSet {
        match &self.detail {
            Detail::YesNo { field, .. }
            | Detail::Serology { field, .. }
            | Detail::AtLeast { field, .. }
            | Detail::AtMost { field, .. }
            | Detail::PlateletsBelow { field, .. }
            | Detail::LabBelowUln { field, .. } => FieldSet::of(&[*field]),
            Detail::Since {
                had: Some((had, _)),
                field,
                ..
            } => FieldSet::of(&[*had, *field]),
            Detail::Since { field, .. } => FieldSet::of(&[*field]),
            Detail::Age { .. } => FieldSet::of(&[Field::BirthDate, Field::AgeYears]),
            Detail::PregnancyTest { .. } => {
                FieldSet::of(&[Field::ChildbearingPotential, Field::UrineHcg])
            }
            Detail::Qtc { .. } => FieldSet::of(&[Field::QtcMs, Field::BundleBranchBlock]),
            Detail::DoesNotApply { field, .. } => FieldSet::of(&[*field]),
        }
    }

    fn new(detail: Detail, ok: Tri, bad: Tri, missing: FieldSet) -> Finding {
        Finding {
            detail,
            ok,
            bad,
            missing,
            required: true,
        }
    }

    fn exclude_only(mut self) -> Finding {
        self.required = false;
        self
    }
}

/// What a rule reads: the answers and the screening date. Every read is
/// recorded, so tests can check that a rule reads only its declared fields.
pub struct Ctx<'a> {
    answers: &'a Answers,
    /// The screening date.
    pub on: Date,
    reads: Cell<FieldSet>,
}

impl<'a> Ctx<'a> {
    /// A context over a record's answers.
    pub fn new(answers: &'a Answers, on: Date) -> Ctx<'a> {
        Ctx {
            answers,
            on,
            reads: Cell::new(FieldSet::EMPTY),
        }
    }

    /// The fields read so far.
    pub fn reads(&self) -> FieldSet {
        self.reads.get()
    }

    fn value(&self, f: Field) -> Option<&'a Value> {
        self.reads.set(self.reads.get().with(f));
        self.answers.get(f)
    }

    fn slot(&self, f: Field) -> &'a Slot {
        self.reads.set(self.reads.get().with(f));
        self.answers.slot(f)
    }

    fn bool(&self, f: Field) -> Option<bool> {
        match self.value(f) {
            Some(Value::Bool(b)) => Some(*b),
            _ => None,
        }
    }

    fn date(&self, f: Field) -> Option<Date> {
        match self.value(f) {
            Some(Value::Date(d)) => Some(*d),
            _ => None,
        }
    }

    fn number(&self, f: Field) -> Option<Decimal> {
        match self.value(f) {
            Some(Value::Number(n)) => Some(n.clone()),
            _ => None,
        }
    }

    fn serology(&self, f: Field) -> Option<Serology> {
        match self.value(f) {
            Some(Value::Serology(s)) => Some(*s),
            _ => None,
        }
    }

    /// Whether `field`'s answer is `choice`.
    pub fn is(&self, field: Field, choice: Choice) -> bool {
        match (self.value(field), choice) {
            (Some(Value::Bool(b)), Choice::Bool(c)) => *b == c,
            (Some(Value::Sex(s)), Choice::Sex(c)) => *s == c,
            (Some(Value::Serology(s)), Choice::Serology(c)) => *s == c,
            _ => false,
        }
    }

    fn missing_if(f: Field, unknown: bool) -> FieldSet {
        if unknown {
            FieldSet::EMPTY.with(f)
        } else {
            FieldSet::EMPTY
        }
    }

    /// A yes/no answer that must equal `wanted`.
    pub fn yes_no(&self, field: Field, wanted: bool) -> Finding {
        let value = self.bool(field);
        let ok = Tri::from_option(value.map(|v| v == wanted));
        Finding::new(
            Detail::YesNo {
                field,
                value,
                wanted,
            },
            ok,
            ok.not(),
            Self::missing_if(field, value.is_none()),
        )
    }

    /// A yes/no answer that excludes when `true` but is not needed to pass.
    pub fn exclude_if_yes(&self, field: Field) -> Finding {
        let value = self.bool(field);
        let bad = Tri::from_option(value);
        Finding::new(
            Detail::YesNo {
                field,
                value,
                wanted: false,
            },
            Tri::True,
            bad,
            FieldSet::EMPTY,
        )
        .exclude_only()
    }

    /// A serology result that must be negative.
    pub fn negative(&self, field: Field) -> Finding {
        let value = self.serology(field);
        let ok = Tri::from_option(value.map(|v| v == Serology::Negative));
        Finding::new(
            Detail::Serology { field, value },
            ok,
            ok.not(),
            Self::missing_if(field, value.is_none()),
        )
    }

    /// A serology result that excludes when positive but is not needed to pass.
    pub fn exclude_if_positive(&self, field: Field) -> Finding {
        let value = self.serology(field);
        let bad = Tri::from_option(value.map(|v| v == Serology::Positive));
        Finding::new(
            Detail::Serology { field, value },
            Tri::True,
            bad,
            FieldSet::EMPTY,
        )
        .exclude_only()
    }

    /// A number that must be at least `min`.
    pub fn at_least(&self, field: Field, min: Decimal) -> Finding {
        let value = self.number(field);
        let ok = Tri::from_option(value.as_ref().map(|v| *v >= min));
        let missing = Self::missing_if(field, value.is_none());
        Finding::new(Detail::AtLeast { field, value, min }, ok, ok.not(), missing)
    }

    /// A number that must be at most `max`.
    pub fn at_most(&self, field: Field, max: Decimal) -> Finding {
        let value = self.number(field);
        let ok = Tri::from_option(value.as_ref().map(|v| *v <= max));
        let missing = Self::missing_if(field, value.is_none());
        Finding::new(Detail::AtMost { field, value, max }, ok, ok.not(), missing)
    }

    /// A platelet count that must be below `limit` ×10⁹/L.
    pub fn platelets_below(&self, field: Field, limit: Decimal) -> Finding {
        let value = match self.value(field) {
            Some(Value::Platelets(p)) => Some(p.clone()),
            _ => None,
        };
        let ok = Tri::from_option(value.as_ref().map(|p| p.per_e9_l() < limit));
        let missing = Self::missing_if(field, value.is_none());
        Finding::new(
            Detail::PlateletsBelow {
                field,
                value,
                limit,
            },
            ok,
            ok.not(),
            missing,
        )
    }

    /// A lab result that must be below `times` × its ULN, compared exactly
    /// (1.5 × ULN as value × 10 < ULN × 15).
    pub fn below_uln_times(&self, field: Field, times: Exact) -> Finding {
        let value = match self.value(field) {
            Some(Value::Lab(l)) => Some(l.clone()),
            _ => None,
        };
        let ok = Tri::from_option(
            value
                .as_ref()
                .and_then(|l| times.below_times(&l.value, &l.uln)),
        );
        let missing = Self::missing_if(field, value.is_none());
        Finding::new(
            Detail::LabBelowUln {
                field,
                value,
                times,
            },
            ok,
            ok.not(),
            missing,
        )
    }

    /// Full years of age: from `birth_date`, or `age_years` when no birth
    /// date is given; must be at least `min`.
    pub fn age_at_least(&self, min: u32) -> Finding {
        let birth_slot = self.slot(Field::BirthDate);
        let (years, birth_date, missing) = match birth_slot {
            Slot::Known(Value::Date(b)) => {
                (Some(b.full_years_on(self.on)), Some(*b), FieldSet::EMPTY)
            }
            Slot::Invalid => (None, None, FieldSet::of(&[Field::BirthDate])),
            _ => {
                let years = self
                    .number(Field::AgeYears)
                    .and_then(|n| n.to_i64())
                    .and_then(|n| u32::try_from(n).ok());
                let missing = if years.is_some() {
                    FieldSet::EMPTY
                } else {
                    FieldSet::of(&[Field::BirthDate, Field::AgeYears])
                };
                (years, None, missing)
            }
        };
        let ok = Tri::from_option(years.map(|y| y >= min));
        Finding::new(
            Detail::Age {
                years,
                birth_date,
                min,
            },
            ok,
            ok.not(),
            missing,
        )
    }

    /// More than `span` since the date in `field`.
    pub fn time_since(&self, field: Field, span: Span) -> Finding {
        let date = self.date(field);
        self.since(None, field, date, span)
    }

    /// When the yes/no `had` is true, more than `span` since the date in
    /// `field`; when it is false, nothing to wait for.
    pub fn time_since_if(&self, had: Field, field: Field, span: Span) -> Finding {
        let happened = self.bool(had);
        let date = if happened == Some(true) {
            self.date(field)
        } else {
            None
        };
        self.since(Some((had, happened)), field, date, span)
    }

    fn since(
        &self,
        had: Option<(Field, Option<bool>)>,
        field: Field,
        date: Option<Date>,
        span: Span,
    ) -> Finding {
        let before = match span {
            Span::Months(months) => must_be_before(self.on, months),
            Span::Days(days) => must_be_before_days(self.on, days),
        };
        let long_enough = Tri::from_option(date.zip(before).map(|(d, b)| d < b));
        let (ok, missing) = match had {
            None => (long_enough, Self::missing_if(field, date.is_none())),
            Some((_, Some(false))) => (Tri::True, FieldSet::EMPTY),
            Some((_, Some(true))) => (long_enough, Self::missing_if(field, date.is_none())),
            Some((had_field, None)) => (Tri::Unknown, FieldSet::EMPTY.with(had_field)),
        };
        let detail = Detail::Since {
            had,
            field,
            date,
            span,
            before,
            screening: self.on,
        };
        Finding::new(detail, ok, ok.not(), missing)
    }

    /// The pregnancy test: passes when she cannot become pregnant or the
    /// test is negative; excludes when the test is positive.
    pub fn pregnancy_test(&self) -> Finding {
        let childbearing = self.bool(Field::ChildbearingPotential);
        let hcg = self.serology(Field::UrineHcg);
        let ok = Tri::from_option(childbearing.map(|c| !c))
            .or(Tri::from_option(hcg.map(|h| h == Serology::Negative)));
        let bad = Tri::from_option(hcg.map(|h| h == Serology::Positive));
        let mut missing = FieldSet::EMPTY;
        if !ok.is_true() {
            if childbearing.is_none() {
                missing = missing.with(Field::ChildbearingPotential);
            }
            if hcg.is_none() {
                missing = missing.with(Field::UrineHcg);
            }
        }
        Finding::new(
            Detail::PregnancyTest { childbearing, hcg },
            ok,
            bad,
            missing,
        )
    }

    /// QTc at most `limit` ms, or at most `with_block` ms with bundle
    /// branch block (450 and 480 in the published criteria).
    pub fn qtc(&self, limit: Exact, with_block: Exact) -> Finding {
        let qtc = self.number(Field::QtcMs);
        let bbb = self.bool(Field::BundleBranchBlock);
        let (at_most_450, at_most_480) = match &qtc {
            Some(q) => (
                Tri::from_bool(*q <= limit.to_decimal()),
                Tri::from_bool(*q <= with_block.to_decimal()),
            ),
            None => (Tri::Unknown, Tri::Unknown),
        };
        let with_bbb = Tri::from_option(bbb);
        let ok = at_most_450.or(at_most_480.and(with_bbb));
        let bad = at_most_480.not().or(at_most_450.not().and(with_bbb.not()));
        let missing = if qtc.is_none() {
            FieldSet::of(&[Field::QtcMs])
        } else if !ok.is_true() && bbb.is_none() {
            FieldSet::of(&[Field::BundleBranchBlock])
        } else {
            FieldSet::EMPTY
        };
        Finding::new(
            Detail::Qtc {
                qtc,
                bbb,
                limit,
                with_block,
            },
            ok,
            bad,
            missing,
        )
    }

    /// The finding that a criterion does not apply: `field` is `is`.
    pub fn does_not_apply(&self, field: Field, is: Choice) -> Finding {
        Finding::new(
            Detail::DoesNotApply { field, is },
            Tri::True,
            Tri::False,
            FieldSet::EMPTY,
        )
    }
}
