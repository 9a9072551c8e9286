//! The record format of spec §1: reading a screening record from JSON,
//! validating every answer against the data dictionary, and writing the core
//! back out.
//!
//! Reading never stops at the first problem: every bad field is reported with
//! its id and what is wrong ([`Problem`]), and a bad field counts as unknown
//! for that field only. Fields that do not apply (pregnancy questions for a
//! man, …) are skipped entirely: not validated, not evaluated, not written.
//!
//! Choices where the spec is silent (written down here, tested in
//! `tests/record_format.rs`):
//! - A whole number written with a zero fraction (`14.0`, `1.4e1`) is an int,
//!   as in JSON Schema; `14.5` is not.
//! - `age_years` applies only when `birth_date` is absent or `null`. A birth
//!   date that is present but invalid is reported, and `age_years` is not
//!   used in its place: the coordinator fixes the date.
//! - Extra top-level members beside `format`, `screening_date` and `answers`
//!   (an app's label, id or timestamps) are ignored when reading.
//! - In a platelet or lab object, a missing part or an extra member is an
//!   error for that field.

use super::date::Date;
use super::decimal::Decimal;
use super::dictionary::{Applies, FIELD_COUNT, FIELDS, Field, FieldDef, Kind};
use serde_json::{Map, Value as Json};

/// The schema this app reads and writes.
pub const FORMAT: &str = "ctit-screening/1";
/// The prefix shared by every version of the schema.
const FORMAT_PREFIX: &str = "ctit-screening/";

/// Units accepted for a platelet count.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlateletUnit {
    /// `10^9/L`.
    E9PerL,
    /// `10^3/uL`, the same scale as 10⁹/L.
    E3PerUl,
    /// `/uL`, 1000 times larger numbers.
    PerUl,
}

impl PlateletUnit {
    /// Every unit, in the order a form offers them.
    pub const ALL: [PlateletUnit; 3] = [
        PlateletUnit::E9PerL,
        PlateletUnit::E3PerUl,
        PlateletUnit::PerUl,
    ];

    /// The unit as written in records.
    pub fn as_str(self) -> &'static str {
        match self {
            PlateletUnit::E9PerL => "10^9/L",
            PlateletUnit::E3PerUl => "10^3/uL",
            PlateletUnit::PerUl => "/uL",
        }
    }

    /// The unit written in a record, exactly.
    pub fn parse(text: &str) -> Option<PlateletUnit> {
        PlateletUnit::ALL.into_iter().find(|u| u.as_str() == text)
    }
}

/// A platelet count with its unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Platelets {
    /// The number as written.
    pub value: Decimal,
    /// Its unit.
    pub unit: PlateletUnit,
}

impl Platelets {
    /// The count in ×10⁹/L, exactly (`/uL` divided by 1000).
    pub fn per_e9_l(&self) -> Decimal {
        match self.unit {
            PlateletUnit::E9PerL | PlateletUnit::E3PerUl => self.value.clone(),
            PlateletUnit::PerUl => self.value.scale10(-3),
        }
    }
}

/// A laboratory result and the reporting laboratory's upper limit of normal,
/// in the same unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LabResult {
    /// The result.
    pub value: Decimal,
    /// The upper limit of normal (> 0).
    pub uln: Decimal,
}

/// A serology (or pregnancy test) result.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Serology {
    /// `"positive"`.
    Positive,
    /// `"negative"`.
    Negative,
}

impl Serology {
    /// As written in records.
    pub fn as_str(self) -> &'static str {
        match self {
            Serology::Positive => "positive",
            Serology::Negative => "negative",
        }
    }
}

/// Sex, as recorded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Sex {
    /// `"female"`.
    Female,
    /// `"male"`.
    Male,
}

impl Sex {
    /// As written in records.
    pub fn as_str(self) -> &'static str {
        match self {
            Sex::Female => "female",
            Sex::Male => "male",
        }
    }
}

/// A valid answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// A yes/no answer.
    Bool(bool),
    /// A date.
    Date(Date),
    /// An int or number field.
    Number(Decimal),
    /// A platelet count.
    Platelets(Platelets),
    /// A lab result with its ULN.
    Lab(LabResult),
    /// A serology result.
    Serology(Serology),
    /// Sex.
    Sex(Sex),
}

/// What a record says about one field.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum Slot {
    /// Absent or `null`.
    #[default]
    Unknown,
    /// A valid answer.
    Known(Value),
    /// Present but not valid (reported as a [`Problem`]); counts as unknown.
    Invalid,
    /// The field does not apply to this record and was ignored.
    NotApplicable,
}

/// Every field's answer, indexed by [`Field`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answers {
    slots: Vec<Slot>,
}

impl Default for Answers {
    fn default() -> Self {
        Answers {
            slots: vec![Slot::Unknown; FIELD_COUNT],
        }
    }
}

impl Answers {
    /// What the record says about a field.
    pub fn slot(&self, field: Field) -> &Slot {
        &self.slots[field as usize]
    }

    /// The valid answer to a field, if there is one.
    pub fn get(&self, field: Field) -> Option<&Value> {
        match self.slot(field) {
            Slot::Known(v) => Some(v),
            _ => None,
        }
    }

    /// Sets a field's answer (used by tests and by migrations).
    pub fn set(&mut self, field: Field, slot: Slot) {
        self.slots[field as usize] = slot;
    }
}

/// What is wrong with a record or one of its fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// The text is not JSON (with serde_json's description of where).
    NotJson(String),
    /// The record is not a JSON object.
    NotAnObject,
    /// The `format` member is missing.
    MissingFormat,
    /// `format` names a schema this app does not know.
    UnknownFormat(String),
    /// `format` names a newer version of the schema than this app reads.
    NewerFormat(String),
    /// A required member (`screening_date`) is missing.
    Missing,
    /// `answers` is not a JSON object.
    AnswersNotAnObject,
    /// The answer's id is not in the data dictionary.
    UnknownField,
    /// Not the JSON type the field needs.
    WrongType(Kind),
    /// Not a real date written `YYYY-MM-DD`.
    BadDate,
    /// A date later than the screening date.
    DateAfterScreening {
        /// The date given.
        date: Date,
        /// The screening date.
        screening: Date,
    },
    /// A number with a fraction where a whole number is needed.
    NotWholeNumber,
    /// Outside the field's range.
    OutOfRange {
        /// Smallest valid value.
        min: i64,
        /// Largest valid value.
        max: i64,
    },
    /// A number too long or too large to be a measurement.
    UnreadableNumber,
    /// A count or result below zero.
    Negative,
    /// An upper limit of normal that is zero or below.
    UlnNotPositive,
    /// A platelet unit other than the three accepted.
    UnknownUnit(String),
    /// A part of a platelet or lab object is missing (`value`, `unit`, `uln`).
    MissingPart(&'static str),
    /// A part of a platelet or lab object (`value`, `uln`) is not a number.
    PartNotANumber(&'static str),
    /// A member that a platelet or lab object does not have.
    UnexpectedPart(String),
    /// A string that is not one of the allowed choices.
    BadChoice(String),
}

/// One problem found while reading a record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where: `format`, `screening_date`, `answers`, or the field id as
    /// written (also for ids not in the dictionary). Empty for the whole record.
    pub path: String,
    /// The dictionary field, when the path names one.
    pub field: Option<Field>,
    /// What is wrong.
    pub kind: ProblemKind,
}

impl Problem {
    fn at(path: &str, kind: ProblemKind) -> Problem {
        Problem {
            path: path.to_string(),
            field: Field::from_id(path),
            kind,
        }
    }
}

/// A screening record that could be read: its date, its answers and the
/// problems of individual fields (each of which counts as unknown).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    /// The day the criteria are judged on.
    pub screening_date: Date,
    /// Every field's answer.
    pub answers: Answers,
    /// Problems with individual fields, in dictionary order of the field
    /// (unknown ids last, in the order written).
    pub problems: Vec<Problem>,
}

impl Record {
    /// An empty record for a screening date.
    pub fn new(screening_date: Date) -> Record {
        Record {
            screening_date,
            answers: Answers::default(),
            problems: Vec::new(),
        }
    }

    /// Reads a record from JSON text. `Err` holds every problem when the
    /// record as a whole cannot be read (not JSON, unknown format, no valid
    /// screening date), together with any field problems found on the way.
    pub fn from_json(text: &str) -> Result<Record, Vec<Problem>> {
        match serde_json::from_str::<Json>(text) {
            Ok(json) => Record::from_json_value(&json),
            Err(e) => Err(vec![Problem::at("", ProblemKind::NotJson(e.to_string()))]),
        }
    }

    /// Reads a record from parsed JSON (what the app builds from its form).
    pub fn from_json_value(json: &Json) -> Result<Record, Vec<Problem>> {
        let Some(obj) = json.as_object() else {
            return Err(vec![Problem::at("", ProblemKind::NotAnObject)]);
        };
        let mut fatal = Vec::new();
        match obj.get("format") {
            None | Some(Json::Null) => {
                fatal.push(Problem::at("format", ProblemKind::MissingFormat))
            }
            Some(Json::String(f)) if f == FORMAT => {}
            Some(Json::String(f)) => {
                let newer = f
                    .strip_prefix(FORMAT_PREFIX)
                    .and_then(|v| v.parse::<u32>().ok())
                    .is_some_and(|v| v > 1);
                let kind = if newer {
                    ProblemKind::NewerFormat(f.clone())
                } else {
                    ProblemKind::UnknownFormat(f.clone())
                };
                // A record of another schema is not read further.
                return Err(vec![Problem::at("format", kind)]);
            }
            Some(_) => fatal.push(Problem::at(
                "format",
                ProblemKind::UnknownFormat(String::new()),
            )),
        }
        let screening_date = match obj.get("screening_date") {
            None | Some(Json::Null) => {
                fatal.push(Problem::at("screening_date", ProblemKind::Missing));
                None
            }
            Some(Json::String(s)) => {
                let d = Date::parse(s);
                if d.is_none() {
                    fatal.push(Problem::at("screening_date", ProblemKind::BadDate));
                }
                d
            }
            Some(_) => {
                fatal.push(Problem::at(
                    "screening_date",
                    ProblemKind::WrongType(Kind::Date),
                ));
                None
            }
        };
        let empty = Map::new();
        let answers_obj = match obj.get("answers") {
            None | Some(Json::Null) => &empty,
            Some(Json::Object(m)) => m,
            Some(_) => {
                fatal.push(Problem::at("answers", ProblemKind::AnswersNotAnObject));
                &empty
            }
        };
        let (answers, problems) = read_answers(answers_obj, screening_date);
        match screening_date {
            Some(screening_date) if fatal.is_empty() => Ok(Record {
                screening_date,
                answers,
                problems,
            }),
            _ => {
                fatal.extend(problems);
                Err(fatal)
            }
        }
    }

    /// Writes the record's core (spec §1) with every applicable known answer,
    /// in dictionary order. Unknown and non-applicable fields are left out.
    pub fn to_json_value(&self) -> Json {
        let mut answers = Map::new();
        for def in FIELDS {
            if let Some(v) = self.answers.get(def.field) {
                answers.insert(def.id.to_string(), value_to_json(v));
            }
        }
        let mut obj = Map::new();
        obj.insert("format".into(), Json::String(FORMAT.into()));
        obj.insert(
            "screening_date".into(),
            Json::String(self.screening_date.to_string()),
        );
        obj.insert("answers".into(), Json::Object(answers));
        Json::Object(obj)
    }
}

/// Reads and validates every answer. Fields that control whether others apply
/// (`birth_date`, `sex`, `had_radiotherapy`, `had_mi`) are read first.
fn read_answers(obj: &Map<String, Json>, screening: Option<Date>) -> (Answers, Vec<Problem>) {
    let mut answers = Answers::default();
    let mut problems = Vec::new();
    // One pass over the record's answers: each present, non-null answer
    // filed under its field's row (no map lookup per field), and the keys
    // that name no field.
    let mut present: [Option<&Json>; FIELD_COUNT] = [None; FIELD_COUNT];
    let mut unknown = Vec::new();
    for (key, json) in obj {
        match Field::from_id(key) {
            Some(f) => present[f as usize] = Some(json).filter(|v| !v.is_null()),
            None => unknown.push(key),
        }
    }
    let given = |f: Field| present[f as usize];

    let read = |def: &FieldDef, answers: &mut Answers, problems: &mut Vec<Problem>| {
        let slot = match given(def.field) {
            None => Slot::Unknown,
            Some(json) => match read_value(def, json, screening) {
                Ok(v) => Slot::Known(v),
                Err(kind) => {
                    problems.push(Problem::at(def.id, kind));
                    Slot::Invalid
                }
            },
        };
        answers.set(def.field, slot);
    };
    // The fields that decide whether others apply are read first. Their
    // problems wait in `early` and are listed at their own rows, so every
    // problem comes out in dictionary order without a sort.
    const DECIDING: [Field; 4] = [
        Field::BirthDate,
        Field::Sex,
        Field::HadRadiotherapy,
        Field::HadMi,
    ];
    let mut early = Vec::new();
    for f in DECIDING {
        read(f.def(), &mut answers, &mut early);
    }
    for def in FIELDS {
        if DECIDING.contains(&def.field) {
            let at = early
                .iter()
                .position(|p: &Problem| p.field == Some(def.field));
            problems.extend(at.map(|i| early.swap_remove(i)));
            continue;
        }
        let applies = match def.applies {
            Applies::Always => true,
            Applies::WithoutBirthDate => given(Field::BirthDate).is_none(),
            Applies::AfterRadiotherapy => {
                answers.get(Field::HadRadiotherapy) == Some(&Value::Bool(true))
            }
            Applies::AfterHeartAttack => answers.get(Field::HadMi) == Some(&Value::Bool(true)),
            Applies::UnlessMale => answers.get(Field::Sex) != Some(&Value::Sex(Sex::Male)),
        };
        if applies {
            read(def, &mut answers, &mut problems);
        } else {
            answers.set(def.field, Slot::NotApplicable);
        }
    }
    problems.extend(
        unknown
            .into_iter()
            .map(|key| Problem::at(key, ProblemKind::UnknownField)),
    );
    (answers, problems)
}

/// Validates one present, non-null answer against its dictionary row.
pub fn read_value(
    def: &FieldDef,
    json: &Json,
    screening: Option<Date>,
) -> Result<Value, ProblemKind> {
    let wrong = || ProblemKind::WrongType(def.kind);
    match def.kind {
        Kind::Bool => json.as_bool().map(Value::Bool).ok_or_else(wrong),
        Kind::Date => {
            let s = json.as_str().ok_or_else(wrong)?;
            let date = Date::parse(s).ok_or(ProblemKind::BadDate)?;
            match screening {
                Some(on) if date > on => Err(ProblemKind::DateAfterScreening {
                    date,
                    screening: on,
                }),
                _ => Ok(Value::Date(date)),
            }
        }
        Kind::Int { min, max } | Kind::Number { min, max } => {
            let n = number(json).ok_or_else(wrong)??;
            if matches!(def.kind, Kind::Int { .. }) && !n.is_integer() {
                return Err(ProblemKind::NotWholeNumber);
            }
            if n < Decimal::from_i64(min) || n > Decimal::from_i64(max) {
                return Err(ProblemKind::OutOfRange { min, max });
            }
            Ok(Value::Number(n))
        }
        Kind::Platelets => {
            let obj = json.as_object().ok_or_else(wrong)?;
            check_members(obj, &["value", "unit"])?;
            let value = non_negative(obj.get("value"))?;
            let unit = match obj.get("unit") {
                None | Some(Json::Null) => return Err(ProblemKind::MissingPart("unit")),
                Some(Json::String(u)) => {
                    PlateletUnit::parse(u).ok_or_else(|| ProblemKind::UnknownUnit(u.clone()))?
                }
                Some(other) => return Err(ProblemKind::UnknownUnit(other.to_string())),
            };
            Ok(Value::Platelets(Platelets { value, unit }))
        }
        Kind::Lab => {
            let obj = json.as_object().ok_or_else(wrong)?;
            check_members(obj, &["value", "uln"])?;
            let value = non_negative(obj.get("value"))?;
            let uln = match obj.get("uln") {
                None | Some(Json::Null) => return Err(ProblemKind::MissingPart("uln")),
                Some(j) => number(j).ok_or(ProblemKind::PartNotANumber("uln"))??,
            };
            if uln.is_negative() || uln.is_zero() {
                return Err(ProblemKind::UlnNotPositive);
            }
            Ok(Value::Lab(LabResult { value, uln }))
        }
        Kind::Serology => match json.as_str() {
            Some("positive") => Ok(Value::Serology(Serology::Positive)),
            Some("negative") => Ok(Value::Serology(Serology::Negative)),
            Some(other) => Err(ProblemKind::BadChoice(other.to_string())),
            None => Err(wrong()),
        },
        Kind::Sex => match json.as_str() {
            Some("female") => Ok(Value::Sex(Sex::Female)),
            Some("male") => Ok(Value::Sex(Sex::Male)),
            Some(other) => Err(ProblemKind::BadChoice(other.to_string())),
            None => Err(wrong()),
        },
    }
}

/// A JSON number as an exact decimal: `None` if not a number, `Some(Err)` if
/// a number too long or large to read.
fn number(json: &Json) -> Option<Result<Decimal, ProblemKind>> {
    match json {
        Json::Number(n) => {
            Some(Decimal::parse(&n.to_string()).ok_or(ProblemKind::UnreadableNumber))
        }
        _ => None,
    }
}

fn non_negative(json: Option<&Json>) -> Result<Decimal, ProblemKind> {
    let json = match json {
        None | Some(Json::Null) => return Err(ProblemKind::MissingPart("value")),
        Some(j) => j,
    };
    let n = number(json).ok_or(ProblemKind::PartNotANumber("value"))??;
    if n.is_negative() {
        return Err(ProblemKind::Negative);
    }
    Ok(n)
}

fn check_members(obj: &Map<String, Json>, allowed: &[&str]) -> Result<(), ProblemKind> {
    match obj.keys().find(|k| !allowed.contains(&k.as_str())) {
        Some(extra) => Err(ProblemKind::UnexpectedPart(extra.clone())),
        None => Ok(()),
    }
}

fn decimal_json(d: &Decimal) -> Json {
    // serde_json keeps the text of a number under arbitrary_precision.
    serde_json::from_str(&d.to_string()).unwrap_or(Json::Null)
}

/// A valid answer as record JSON.
pub fn value_to_json(v: &Value) -> Json {
    match v {
        Value::Bool(b) => Json::Bool(*b),
        Value::Date(d) => Json::String(d.to_string()),
        Value::Number(n) => decimal_json(n),
        Value::Platelets(p) => {
            let mut m = Map::new();
            m.insert("value".into(), decimal_json(&p.value));
            m.insert("unit".into(), Json::String(p.unit.as_str().into()));
            Json::Object(m)
        }
        Value::Lab(l) => {
            let mut m = Map::new();
            m.insert("value".into(), decimal_json(&l.value));
            m.insert("uln".into(), decimal_json(&l.uln));
            Json::Object(m)
        }
        Value::Serology(s) => Json::String(s.as_str().into()),
        Value::Sex(s) => Json::String(s.as_str().into()),
    }
}
