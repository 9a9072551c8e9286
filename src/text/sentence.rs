//! Which sentence a finding needs, chosen once for every language: each
//! language's `Messages::finding` is one flat `match` over [`Sentence`]
//! that supplies only words, so the choice (known or not, with a date of
//! birth or without, which QTc limit…) cannot drift between English and
//! Chinese, and a sentence without words in a language fails to compile.

use super::QtcCase;
use crate::engine::dictionary::Field;
use crate::engine::finding::{Detail, Finding};
use crate::engine::logic::Tri;
use crate::engine::pack::{Choice, Span};
use crate::engine::record::{PlateletUnit, Serology, Sex};
use crate::engine::{Date, Decimal};

/// One sentence about one finding, with the values it says. `must`: the
/// finding fails, so the limit is said as a requirement.
#[derive(Clone, Debug, PartialEq)]
pub enum Sentence<'a> {
    /// A yes/no answer.
    YesNo {
        /// The field.
        field: Field,
        /// The answer.
        value: bool,
    },
    /// A serology result.
    Serology {
        /// The field.
        field: Field,
        /// The result.
        value: Serology,
    },
    /// An answer not known (yes/no or serology).
    NotKnown {
        /// The field.
        field: Field,
    },
    /// Age in years, with the date of birth it was computed from.
    AgeBorn {
        /// Full years.
        years: u32,
        /// The date of birth.
        born: Date,
        /// The minimum age.
        min: u32,
        /// The finding fails.
        must: bool,
    },
    /// Age in years as given.
    Age {
        /// Full years.
        years: u32,
        /// The minimum age.
        min: u32,
        /// The finding fails.
        must: bool,
    },
    /// Neither age nor date of birth known.
    AgeNotKnown {
        /// The minimum age.
        min: u32,
    },
    /// A value that must be at least `min`.
    AtLeast {
        /// The field.
        field: Field,
        /// The value.
        value: &'a Decimal,
        /// The minimum.
        min: &'a Decimal,
        /// The finding fails.
        must: bool,
    },
    /// That value not known.
    AtLeastNotKnown {
        /// The field.
        field: Field,
        /// The minimum.
        min: &'a Decimal,
    },
    /// A value that must be at most `max`.
    AtMost {
        /// The field.
        field: Field,
        /// The value.
        value: &'a Decimal,
        /// The maximum.
        max: &'a Decimal,
        /// The finding fails.
        must: bool,
    },
    /// That value not known.
    AtMostNotKnown {
        /// The field.
        field: Field,
        /// The maximum.
        max: &'a Decimal,
    },
    /// A platelet count that must be below `limit` ×10^9/L.
    Platelets {
        /// The field.
        field: Field,
        /// The number as written.
        value: &'a Decimal,
        /// Its unit.
        unit: PlateletUnit,
        /// The count in ×10^9/L when it was written in another scale
        /// (per µL).
        converted: Option<Decimal>,
        /// The limit, ×10^9/L.
        limit: &'a Decimal,
        /// The finding fails.
        must: bool,
    },
    /// That count not known.
    PlateletsNotKnown {
        /// The field.
        field: Field,
        /// The limit, ×10^9/L.
        limit: &'a Decimal,
    },
    /// A lab result that must be below `times` × its ULN.
    Lab {
        /// The field.
        field: Field,
        /// The result.
        value: &'a Decimal,
        /// The upper limit of normal.
        uln: &'a Decimal,
        /// How many times the ULN (1.5 in the published criteria).
        times: Decimal,
        /// `times` × ULN, exactly (`None`: a factor no pack may hold).
        limit: Option<Decimal>,
        /// The finding fails.
        must: bool,
    },
    /// That result (or its ULN) not known.
    LabNotKnown {
        /// The field.
        field: Field,
    },
    /// The event was not had ("had radiotherapy: no").
    HadNot {
        /// The had-it field.
        field: Field,
    },
    /// Whether the event was had is not known.
    HadNotKnown {
        /// The had-it field.
        field: Field,
    },
    /// A date that must be more than `span` before screening.
    DateBefore {
        /// The date field.
        field: Field,
        /// The date.
        date: Date,
        /// The date it must be before (`None`: cannot be computed).
        before: Option<Date>,
        /// How long before.
        span: Span,
        /// The screening date.
        screening: Date,
        /// The finding fails.
        must: bool,
    },
    /// That date not known.
    DateNotKnown {
        /// The date field.
        field: Field,
        /// How long before.
        span: Span,
    },
    /// hCG pregnancy test positive.
    HcgPositive,
    /// hCG pregnancy test negative.
    HcgNegative,
    /// Not of childbearing potential.
    NotChildbearing,
    /// Of childbearing potential, the test result not known.
    ChildbearingTestNotKnown,
    /// Neither known.
    PregnancyNotKnown,
    /// QTc not known.
    QtcNotKnown,
    /// A QTc and which of its sentences applies.
    Qtc {
        /// QTc, ms.
        qtc: &'a Decimal,
        /// Bundle branch block, if known.
        block: Option<bool>,
        /// Which limit is said, and how.
        case: QtcCase,
        /// The limit without block, ms.
        limit: Decimal,
        /// The limit with block, ms.
        with_block: Decimal,
    },
    /// Male: the pregnancy criteria do not apply.
    Male,
    /// Another answer that makes a criterion not apply.
    DoesNotApply {
        /// The field.
        field: Field,
        /// Its answer.
        is: Choice,
    },
}

impl<'a> Sentence<'a> {
    /// The sentence `f` needs.
    pub fn of(f: &'a Finding) -> Sentence<'a> {
        let must = f.bad == Tri::True;
        match &f.detail {
            Detail::YesNo { field, value, .. } => match value {
                Some(v) => Sentence::YesNo {
                    field: *field,
                    value: *v,
                },
                None => Sentence::NotKnown { field: *field },
            },
            Detail::Serology { field, value } => match value {
                Some(v) => Sentence::Serology {
                    field: *field,
                    value: *v,
                },
                None => Sentence::NotKnown { field: *field },
            },
            Detail::Age {
                years,
                birth_date,
                min,
            } => match (years, birth_date) {
                (Some(y), Some(b)) => Sentence::AgeBorn {
                    years: *y,
                    born: *b,
                    min: *min,
                    must,
                },
                (Some(y), None) => Sentence::Age {
                    years: *y,
                    min: *min,
                    must,
                },
                (None, _) => Sentence::AgeNotKnown { min: *min },
            },
            Detail::AtLeast { field, value, min } => match value {
                Some(v) => Sentence::AtLeast {
                    field: *field,
                    value: v,
                    min,
                    must,
                },
                None => Sentence::AtLeastNotKnown { field: *field, min },
            },
            Detail::AtMost { field, value, max } => match value {
                Some(v) => Sentence::AtMost {
                    field: *field,
                    value: v,
                    max,
                    must,
                },
                None => Sentence::AtMostNotKnown { field: *field, max },
            },
            Detail::PlateletsBelow {
                field,
                value,
                limit,
            } => match value {
                Some(p) => Sentence::Platelets {
                    field: *field,
                    value: &p.value,
                    unit: p.unit,
                    converted: (p.unit == PlateletUnit::PerUl).then(|| p.per_e9_l()),
                    limit,
                    must,
                },
                None => Sentence::PlateletsNotKnown {
                    field: *field,
                    limit,
                },
            },
            Detail::LabBelowUln {
                field,
                value,
                times,
            } => match value {
                Some(l) => Sentence::Lab {
                    field: *field,
                    value: &l.value,
                    uln: &l.uln,
                    times: times.to_decimal(),
                    limit: times.times(&l.uln),
                    must,
                },
                None => Sentence::LabNotKnown { field: *field },
            },
            Detail::Since {
                had,
                field,
                date,
                span,
                before,
                screening,
            } => match (had, date) {
                (Some((had_field, Some(false))), _) => Sentence::HadNot { field: *had_field },
                (Some((had_field, None)), _) => Sentence::HadNotKnown { field: *had_field },
                (_, Some(d)) => Sentence::DateBefore {
                    field: *field,
                    date: *d,
                    before: *before,
                    span: *span,
                    screening: *screening,
                    must,
                },
                (_, None) => Sentence::DateNotKnown {
                    field: *field,
                    span: *span,
                },
            },
            Detail::PregnancyTest { childbearing, hcg } => match (childbearing, hcg) {
                (_, Some(Serology::Positive)) => Sentence::HcgPositive,
                (_, Some(Serology::Negative)) => Sentence::HcgNegative,
                (Some(false), None) => Sentence::NotChildbearing,
                (Some(true), None) => Sentence::ChildbearingTestNotKnown,
                (None, None) => Sentence::PregnancyNotKnown,
            },
            Detail::Qtc {
                qtc,
                bbb,
                limit,
                with_block,
            } => match qtc {
                None => Sentence::QtcNotKnown,
                Some(q) => {
                    let (limit, with_block) = (limit.to_decimal(), with_block.to_decimal());
                    Sentence::Qtc {
                        qtc: q,
                        block: *bbb,
                        case: QtcCase::of(f, q, *bbb, &limit, &with_block),
                        limit,
                        with_block,
                    }
                }
            },
            Detail::DoesNotApply {
                field: Field::Sex,
                is: Choice::Sex(Sex::Male),
            } => Sentence::Male,
            Detail::DoesNotApply { field, is } => Sentence::DoesNotApply {
                field: *field,
                is: *is,
            },
        }
    }
}

/// A yes/no answer that rules a patient out, said in plain words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Condition {
    /// Low platelets not caused by chemotherapy.
    NotChemotherapy,
    /// HIV, hepatitis B, C or D, or syphilis.
    Infection,
    /// Serious bleeding now.
    Bleeding,
    /// A heart condition needing treatment now.
    HeartDisease,
    /// A blood clot, a clot in the lungs, or hardened arteries.
    Clot,
    /// A donor stem cell or an organ transplant.
    Transplant,
    /// Diabetes.
    Diabetes,
    /// A stomach ulcer.
    Ulcer,
    /// An active autoimmune disease.
    Autoimmune,
    /// Medicine that stops platelets working.
    Antiplatelet,
    /// Pregnant or may be.
    Pregnant,
    /// Breastfeeding.
    Breastfeeding,
    /// Atrial fibrillation.
    IrregularHeartbeat,
}

/// An event that must be more than some months before the study.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event {
    /// The last chemotherapy.
    Chemotherapy,
    /// The last radiotherapy.
    Radiotherapy,
    /// Platelets low since.
    LowPlatelets,
    /// A heart attack.
    HeartAttack,
}

/// Why the patient check says "this study may not be right for me", one
/// sentence per finding, chosen once for both languages. Each states what
/// the patient answered ("you answered that …"), never a fact about them,
/// and no date: the one date to check again is the result's own
/// (`crate::patient::PatientResult::NotRight`), given only when time
/// resolves every reason.
#[derive(Clone, Debug, PartialEq)]
pub enum PatientSentence<'a> {
    /// Under 18, from the birth date given.
    BornOn {
        /// The birth date answered.
        born: Date,
    },
    /// Under 18, from the age given.
    AgedYears {
        /// The age answered, in full years.
        years: u32,
    },
    /// A yes/no answer that rules the patient out.
    Answer(Condition),
    /// Too few days of rhTPO.
    RhtpoDays {
        /// The days answered.
        days: &'a Decimal,
    },
    /// Not up and about enough (the ECOG sentence chosen).
    Ecog,
    /// The latest platelet count is not low enough.
    Platelets {
        /// The count as written.
        value: &'a Decimal,
        /// Its unit.
        unit: PlateletUnit,
    },
    /// An event too recent.
    TooRecent {
        /// Which event.
        event: Event,
        /// When, as answered.
        date: Date,
    },
    /// No plain sentence: the coordinator's (`Messages::finding`).
    AsCoordinator,
}

impl<'a> PatientSentence<'a> {
    /// The sentence `f` needs.
    pub fn of(f: &'a Finding) -> PatientSentence<'a> {
        match &f.detail {
            Detail::Age {
                birth_date: Some(born),
                ..
            } => PatientSentence::BornOn { born: *born },
            Detail::Age {
                years: Some(years), ..
            } => PatientSentence::AgedYears { years: *years },
            Detail::YesNo { field, .. } => {
                let condition = match field {
                    Field::CitDiagnosis => Condition::NotChemotherapy,
                    Field::KnownInfection => Condition::Infection,
                    Field::SevereBleeding => Condition::Bleeding,
                    Field::HeartDiseaseNeedingTreatment => Condition::HeartDisease,
                    Field::ThromboticDisease => Condition::Clot,
                    Field::PriorAlloTransplant => Condition::Transplant,
                    Field::Diabetes => Condition::Diabetes,
                    Field::GastricUlcer => Condition::Ulcer,
                    Field::ActiveAutoimmuneDisease => Condition::Autoimmune,
                    Field::AntiplateletDrugs => Condition::Antiplatelet,
                    Field::PregnantOrSuspected => Condition::Pregnant,
                    Field::Breastfeeding => Condition::Breastfeeding,
                    Field::AtrialFibrillation => Condition::IrregularHeartbeat,
                    _ => return PatientSentence::AsCoordinator,
                };
                PatientSentence::Answer(condition)
            }
            Detail::AtLeast {
                field: Field::RhtpoDays,
                value: Some(v),
                min,
            } if *min == Decimal::from_i64(14) => PatientSentence::RhtpoDays { days: v },
            Detail::AtMost {
                field: Field::Ecog, ..
            } => PatientSentence::Ecog,
            Detail::PlateletsBelow {
                field: Field::PlateletCount,
                value: Some(p),
                limit,
            } if *limit == Decimal::from_i64(30) => PatientSentence::Platelets {
                value: &p.value,
                unit: p.unit,
            },
            // The plain words name the published spans; a pack with others
            // gets the coordinator's sentence, which states its own.
            Detail::Since {
                field,
                date: Some(d),
                span,
                ..
            } => {
                let event = match (field, span) {
                    (Field::LastChemoDate, Span::Months(1)) => Event::Chemotherapy,
                    (Field::LastRadiotherapyDate, Span::Months(1)) => Event::Radiotherapy,
                    (Field::LowPlateletsSince, Span::Months(1)) => Event::LowPlatelets,
                    (Field::LastMiDate, Span::Months(6)) => Event::HeartAttack,
                    _ => return PatientSentence::AsCoordinator,
                };
                PatientSentence::TooRecent { event, date: *d }
            }
            _ => PatientSentence::AsCoordinator,
        }
    }
}
