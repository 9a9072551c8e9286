//! Drafts: what a coordinator typed, kept exactly (even half-typed), and how
//! it becomes a spec §1 record for the engine. Pure. How drafts are stored
//! is `records`'s; importing a file, `import`'s; the storage trait, `store`'s.

use crate::engine::dictionary::{FIELDS, Field, FieldDef, Kind};
use crate::engine::record::{FORMAT, PlateletUnit, read_value};
use crate::engine::{Date, Pack, ProblemKind};
use crate::record::dates;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value as Json};
use std::collections::BTreeMap;

/// The unit a platelet count is read in when none was chosen.
pub const DEFAULT_UNIT: PlateletUnit = PlateletUnit::E9PerL;

/// The input key of a platelet field's unit (`platelet_count.unit`).
pub fn unit_key(field: Field) -> String {
    format!("{}.unit", field.id())
}

/// The input key of a lab field's ULN (`alt.uln`).
pub fn uln_key(field: Field) -> String {
    format!("{}.uln", field.id())
}

/// The field id an input key belongs to (`platelet_count.unit` →
/// `platelet_count`).
pub fn field_of(key: &str) -> &str {
    key.split('.').next().unwrap_or(key)
}

/// The input keys a patient reported (a scanned self-check code) that the
/// coordinator has not yet confirmed or changed, each marked at most once; a
/// field is marked while any of its keys is (`platelet_count.unit` marks
/// `platelet_count`). Stored as the keys, space-separated, and kept as
/// that text: the first download reads every stored draft, and a set
/// type's generic code would add about 3 KB to it for a list that is
/// nearly always empty. Only these methods read or change it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Reported(String);

impl Reported {
    /// Whether no input is marked.
    pub fn is_empty(&self) -> bool {
        self.keys().next().is_none()
    }

    /// The input keys marked, in the order they were marked.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.split_whitespace()
    }

    /// Whether the field of the input key `key` is marked.
    pub fn marks(&self, key: &str) -> bool {
        self.marks_field_id(field_of(key))
    }

    /// Whether `field` is marked (by its value or its unit).
    pub fn marks_field(&self, field: Field) -> bool {
        self.marks_field_id(field.id())
    }

    fn marks_field_id(&self, field: &str) -> bool {
        self.keys().any(|k| field_of(k) == field)
    }

    /// Marks the input key `key`. A key that is empty or holds a space
    /// would not read back as itself from the stored text: it is never
    /// marked (the handoff marks only the dictionary's keys it set).
    fn mark(&mut self, key: &str) {
        if !key.is_empty() && !key.contains(char::is_whitespace) && !self.keys().any(|k| k == key) {
            if !self.0.is_empty() {
                self.0.push(' ');
            }
            self.0.push_str(key);
        }
    }

    /// Unmarks the field of the input key `key`: every key of it. A field
    /// not marked leaves the text exactly as it is.
    fn unmark_field_of(&mut self, key: &str) {
        if !self.marks(key) {
            return;
        }
        let field = field_of(key);
        let kept: Vec<&str> = self.keys().filter(|k| field_of(k) != field).collect();
        self.0 = kept.join(" ");
    }
}

/// Where a record stands, as stored (`"completed"`, `"amended"`; nothing
/// while in progress) and as FHIR's `QuestionnaireResponse.status` says it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Not yet marked complete.
    #[default]
    InProgress,
    /// Marked complete and not changed since.
    Completed,
    /// Changed (with a reason) after it was marked complete.
    Amended,
}

impl Status {
    /// The record's status.
    pub fn of(draft: &Draft) -> Status {
        draft.status
    }

    /// As stored, and as FHIR's `QuestionnaireResponse.status` says it.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::InProgress => "in-progress",
            Status::Completed => "completed",
            Status::Amended => "amended",
        }
    }

    /// Whether it was marked complete (amended or not).
    pub fn is_complete(self) -> bool {
        self != Status::InProgress
    }

    /// Whether it is still in progress (not stored then).
    pub fn is_in_progress(&self) -> bool {
        *self == Status::InProgress
    }
}

/// One screening as typed: raw text for every input, so nothing the user
/// typed is ever lost, valid or not.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    /// Stable id (also the storage key's suffix).
    pub id: String,
    /// The coordinator's label: a screening number, never a name.
    #[serde(default)]
    pub label: String,
    /// When it was created (ISO 8601).
    #[serde(default)]
    pub created: String,
    /// When it was last saved (ISO 8601).
    #[serde(default)]
    pub updated: String,
    /// The screening date as typed.
    #[serde(default)]
    pub screening_date: String,
    /// Raw text per input: the field id for the main input, plus
    /// `<id>.unit` and `<id>.uln` for platelet units and lab ULNs. Yes/no
    /// answers are `"yes"` / `"no"`; an empty or absent input is unknown.
    #[serde(default)]
    pub inputs: BTreeMap<String, String>,
    /// Inputs whose text the patient reported (from a scanned self-check
    /// code, `handoff`) and the coordinator has not yet confirmed or
    /// changed: the form marks each one. Left out of the stored entry when
    /// empty, so records without a scan are stored as before.
    #[serde(default, skip_serializing_if = "Reported::is_empty")]
    pub patient_reported: Reported,
    /// The date of the patient's self-check the answers came from (a
    /// scanned code); empty otherwise.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub patient_checked_on: String,
    /// Where the record stands: what its history says (the storage layer
    /// refuses a save where the two disagree, `history::check_save`). Left
    /// out of the stored entry while in progress.
    #[serde(default, skip_serializing_if = "Status::is_in_progress")]
    pub status: Status,
    /// The record's history, as lines of text (`crate::record::history`): kept as
    /// text so the records list, in the first download, reads and keeps it
    /// without parsing it. Left out when empty (records from before it).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub history: String,
    /// The version of the trial's criteria pack that judges this record:
    /// the build's current one when it was created, kept after (a newer
    /// pack never re-judges it silently; the record screen shows both).
    /// Records from before versions were kept were all judged by version
    /// 1, which is also left out of the stored entry.
    #[serde(
        default = "first_criteria_version",
        skip_serializing_if = "is_first_criteria_version"
    )]
    pub criteria_version: u32,
}

/// The criteria version of a record stored without one.
fn first_criteria_version() -> u32 {
    1
}

fn is_first_criteria_version(version: &u32) -> bool {
    *version == first_criteria_version()
}

impl Draft {
    /// A new, empty draft.
    pub fn new(id: &str, screening_date: &str, now: &str) -> Draft {
        Draft {
            id: id.to_string(),
            label: String::new(),
            created: now.to_string(),
            updated: now.to_string(),
            screening_date: screening_date.to_string(),
            inputs: BTreeMap::new(),
            patient_reported: Reported::default(),
            patient_checked_on: String::new(),
            status: Status::InProgress,
            history: String::new(),
            criteria_version: Pack::current().version,
        }
    }

    /// The criteria pack this record is judged by: its own version when the
    /// build carries it, else the build's current pack (a record from a
    /// newer build; [`Draft::judged_by_own_version`] says which).
    pub fn criteria(&self) -> &'static Pack {
        Pack::version(self.criteria_version).unwrap_or(Pack::current())
    }

    /// Whether this build carries the criteria version the record names.
    pub fn judged_by_own_version(&self) -> bool {
        Pack::version(self.criteria_version).is_some()
    }

    /// The raw text of one input ("" when never typed).
    pub fn input(&self, key: &str) -> &str {
        self.inputs.get(key).map_or("", String::as_str)
    }

    /// The coordinator confirms (or has changed) an input the patient
    /// reported: it is no longer marked. Confirming one input of a field
    /// confirms the field (its unit with its count).
    pub fn confirm(&mut self, key: &str) {
        self.patient_reported.unmark_field_of(key);
    }

    /// Marks an input as reported by the patient (a scanned code).
    pub fn mark_reported(&mut self, key: &str) {
        self.patient_reported.mark(key);
    }

    /// The input keys still marked as reported by the patient.
    pub fn reported_keys(&self) -> impl Iterator<Item = &str> {
        self.patient_reported.keys()
    }

    /// Whether the field of this input key was reported by the patient and
    /// not yet confirmed.
    pub fn is_patient_reported(&self, key: &str) -> bool {
        self.patient_reported.marks(key)
    }

    /// Sets one input's raw text (an empty text removes it).
    pub fn set_input(&mut self, key: &str, text: &str) {
        if text.is_empty() {
            self.inputs.remove(key);
        } else {
            self.inputs.insert(key.to_string(), text.to_string());
        }
    }

    /// The draft as a spec §1 record for the engine. A date typed in a form
    /// the app reads (`19580315`, `1958/3/15`, `1958年3月15日`: see
    /// [`dates`]) is given as `YYYY-MM-DD`, the screening date too; the
    /// draft keeps what was typed. Other text that is not a valid value is
    /// passed on as it is, so the engine names the problem at its field;
    /// empty inputs are left out (unknown).
    pub fn record_json(&self) -> Json {
        let mut answers = Map::new();
        for def in FIELDS {
            if let Some(v) = self.answer_json(def) {
                answers.insert(def.id.to_string(), v);
            }
        }
        object([
            ("format", Json::String(FORMAT.into())),
            (
                "screening_date",
                Json::String(dates::for_record(&self.screening_date)),
            ),
            ("answers", Json::Object(answers)),
        ])
    }

    /// The engine's problem with one field's input as typed (with its unit
    /// or ULN), judged as on `on` (a date after it is not valid): exactly
    /// what [`Draft::record_json`] and the engine's validation
    /// (`engine::record::read_value`) make of it. `None` when it is valid
    /// or not answered. Whether the field applies is not judged here.
    pub fn problem_at(&self, field: Field, on: Date) -> Option<ProblemKind> {
        let def = field.def();
        read_value(def, &self.answer_json(def)?, Some(on)).err()
    }

    fn answer_json(&self, def: &FieldDef) -> Option<Json> {
        let text = self.input(def.id).trim();
        match def.kind {
            Kind::Bool => match text {
                "" => None,
                "yes" => Some(Json::Bool(true)),
                "no" => Some(Json::Bool(false)),
                other => Some(Json::String(other.to_string())),
            },
            Kind::Int { .. } | Kind::Number { .. } => {
                (!text.is_empty()).then(|| number_or_text(text))
            }
            Kind::Date => (!text.is_empty()).then(|| Json::String(dates::for_record(text))),
            Kind::Serology | Kind::Sex => {
                (!text.is_empty()).then(|| Json::String(text.to_string()))
            }
            Kind::Platelets => {
                if text.is_empty() {
                    return None;
                }
                let unit = self.input(&unit_key(def.field)).trim();
                let unit = if unit.is_empty() {
                    DEFAULT_UNIT.as_str()
                } else {
                    unit
                };
                Some(object([
                    ("value", number_or_text(text)),
                    ("unit", Json::String(unit.into())),
                ]))
            }
            Kind::Lab => {
                let uln = self.input(&uln_key(def.field)).trim();
                if text.is_empty() && uln.is_empty() {
                    return None;
                }
                let part = |t: &str| {
                    if t.is_empty() {
                        Json::Null
                    } else {
                        number_or_text(t)
                    }
                };
                Some(object([("value", part(text)), ("uln", part(uln))]))
            }
        }
    }
}

/// A JSON object of these members. (Built by hand rather than with `json!`,
/// which turns every value through `serde_json::to_value`: a serializer
/// and a panic path in the browser app's first download for nothing.)
fn object<const N: usize>(members: [(&str, Json); N]) -> Json {
    let mut map = Map::new();
    for (key, value) in members {
        map.insert(key.to_string(), value);
    }
    Json::Object(map)
}

/// A JSON number when the text is one (kept exactly as written), else the text.
fn number_or_text(text: &str) -> Json {
    match serde_json::from_str::<Json>(text) {
        Ok(n @ Json::Number(_)) => n,
        _ => Json::String(text.to_string()),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::engine::{Record, Status, evaluate};
    use serde_json::json;

    /// A new record `r1` screened on 2026-11-25, its history begun (for
    /// the stored records' tests too: storage keeps no record without it).
    pub(crate) fn draft() -> Draft {
        created(Draft::new("r1", "2026-11-25", "2026-11-25T09:00:00Z"))
    }

    /// `d` with input `key` set to `value`, the change in its history (by
    /// `TS`, as the form records it).
    pub(crate) fn edited(d: &Draft, key: &str, value: &str) -> Draft {
        let mut after = d.clone();
        match key {
            "label" => after.label = value.to_string(),
            _ => after.set_input(key, value),
        }
        let who = crate::record::history::Who {
            by: "TS".into(),
            at: "2026-11-25T09:30:00.000Z".into(),
            reason: None,
        };
        crate::record::history::apply(d, &mut after, &who).expect("recorded");
        after
    }

    /// `d` with its history begun as a new record, as the app creates one.
    pub(crate) fn created(mut d: Draft) -> Draft {
        let at = d.created.clone();
        crate::record::history::begin(
            &mut d,
            crate::record::history::Kind::Created,
            "",
            0,
            "TS",
            &at,
        );
        d
    }

    #[test]
    fn half_typed_values_are_kept_and_reported_by_the_engine() {
        let mut d = draft();
        d.set_input("birth_date", "1961-04");
        d.set_input("ecog", "1.5");
        d.set_input("alt", "35");
        let rec = Record::from_json_value(&d.record_json()).unwrap();
        let bad: Vec<&str> = rec.problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(bad, ["birth_date", "alt", "ecog"]);
        assert_eq!(d.input("birth_date"), "1961-04");
    }

    #[test]
    fn yes_no_and_empty_inputs_map_to_true_false_and_unknown() {
        let mut d = draft();
        d.set_input("diabetes", "no");
        d.set_input("sepsis", "yes");
        d.set_input("platelet_count", "25000");
        d.set_input(&unit_key(Field::PlateletCount), "/uL");
        let j = d.record_json();
        assert_eq!(j["answers"]["diabetes"], json!(false));
        assert_eq!(j["answers"]["sepsis"], json!(true));
        assert!(j["answers"].get("ecog").is_none());
        let report = evaluate(&Record::from_json_value(&j).unwrap());
        assert_eq!(report.criteria[3].status, Status::Pass);
    }

    #[test]
    fn confirming_or_changing_an_input_clears_its_fields_patient_mark() {
        let mut d = draft();
        for k in ["sex", "platelet_count", "platelet_count.unit", "sex"] {
            d.mark_reported(k);
        }
        assert_eq!(d.reported_keys().count(), 3);
        assert!(d.is_patient_reported("platelet_count.unit"));
        d.confirm("platelet_count.unit");
        assert!(
            !d.is_patient_reported("platelet_count"),
            "the count goes with its unit"
        );
        assert!(d.is_patient_reported("sex"));
        d.confirm("sex");
        assert!(d.patient_reported.is_empty());
    }

    #[test]
    fn a_draft_without_patient_marks_is_stored_as_before() {
        let text = serde_json::to_string(&draft()).unwrap();
        assert!(!text.contains("patient_"), "{text}");
        let mut d = draft();
        d.mark_reported("sex");
        d.patient_checked_on = "2026-12-01".into();
        let back: Draft = serde_json::from_str(&serde_json::to_string(&d).unwrap()).unwrap();
        assert_eq!(back, d);
    }

    #[test]
    fn patient_marks_are_stored_as_their_keys_space_separated() {
        let mut d = draft();
        d.mark_reported("sex");
        d.mark_reported("platelet_count.unit");
        let text = serde_json::to_string(&d).unwrap();
        assert!(
            text.contains(r#""patient_reported":"sex platelet_count.unit""#),
            "{text}"
        );
        // Stored text with stray spaces (edited by hand) reads as its keys.
        let hand: Draft = serde_json::from_str(
            &text.replace("sex platelet_count.unit", "  sex   platelet_count.unit "),
        )
        .unwrap();
        assert!(hand.patient_reported.marks_field(Field::PlateletCount));
        assert_eq!(
            hand.reported_keys().collect::<Vec<_>>(),
            ["sex", "platelet_count.unit"]
        );
        let blank: Draft =
            serde_json::from_str(&text.replace("sex platelet_count.unit", "   ")).unwrap();
        assert!(blank.patient_reported.is_empty());
    }

    #[test]
    fn confirming_a_field_not_marked_leaves_the_stored_marks_as_they_were() {
        let mut d = draft();
        d.mark_reported("sex");
        let text = serde_json::to_string(&d)
            .unwrap()
            .replace(r#""sex""#, r#""sex  ecog ""#);
        let mut hand: Draft = serde_json::from_str(&text).unwrap();
        // (The form confirms the field of every input typed into.)
        hand.confirm("alt");
        assert_eq!(serde_json::to_string(&hand).unwrap(), text);
        hand.confirm("ecog");
        assert_eq!(hand.reported_keys().collect::<Vec<_>>(), ["sex"]);
    }

    #[test]
    fn a_key_that_is_empty_or_holds_a_space_is_never_marked() {
        let mut d = draft();
        for key in ["", " ", "sex ecog", "sex\tecog"] {
            d.mark_reported(key);
        }
        assert!(d.patient_reported.is_empty());
        assert!(!d.is_patient_reported("ecog"));
        d.mark_reported("ecog");
        assert_eq!(d.reported_keys().collect::<Vec<_>>(), ["ecog"]);
    }

    #[test]
    fn a_fields_problem_is_the_engines_for_the_text_as_typed() {
        let on = Date::parse("2026-12-01").expect("a date");
        let mut d = draft();
        for (key, text) in [
            ("ecog", "7"),
            ("rhtpo_days", "2x"),
            ("last_chemo_date", "2026-12-02"),
            ("sex", "f"),
            ("platelet_count", "21"),
            ("platelet_count.unit", "mL"),
            ("diabetes", "no"),
            ("age_years", " 60 "),
        ] {
            d.set_input(key, text);
        }
        let problem = |id| d.problem_at(Field::from_id(id).expect("a field"), on);
        assert_eq!(
            problem("ecog"),
            Some(ProblemKind::OutOfRange { min: 0, max: 4 })
        );
        assert!(matches!(
            problem("rhtpo_days"),
            Some(ProblemKind::WrongType(_))
        ));
        assert!(matches!(
            problem("last_chemo_date"),
            Some(ProblemKind::DateAfterScreening { .. })
        ));
        assert_eq!(problem("sex"), Some(ProblemKind::BadChoice("f".into())));
        assert_eq!(
            problem("platelet_count"),
            Some(ProblemKind::UnknownUnit("mL".into()))
        );
        assert_eq!(problem("diabetes"), None);
        assert_eq!(problem("age_years"), None, "trimmed, as the form reads it");
        assert_eq!(problem("hiv"), None, "not answered");
    }

    #[test]
    fn a_date_typed_on_a_numeric_keypad_reaches_the_engine_as_yyyy_mm_dd_and_stays_as_typed() {
        let on = Date::parse("2026-11-25").expect("a date");
        let mut d = draft();
        d.screening_date = "20261125".into();
        d.set_input("birth_date", "19580315");
        d.set_input("last_chemo_date", "２０２６年１１月１日");
        d.set_input("low_platelets_since", "2026/11/2");
        let j = d.record_json();
        assert_eq!(j["screening_date"], json!("2026-11-25"));
        assert_eq!(j["answers"]["birth_date"], json!("1958-03-15"));
        assert_eq!(j["answers"]["last_chemo_date"], json!("2026-11-01"));
        assert_eq!(j["answers"]["low_platelets_since"], json!("2026-11-02"));
        let record = Record::from_json_value(&j).expect("a valid screening date");
        assert!(record.problems.is_empty(), "{:?}", record.problems);
        for key in ["birth_date", "last_chemo_date", "low_platelets_since"] {
            let f = Field::from_id(key).expect("a field");
            assert_eq!(d.problem_at(f, on), None, "{key}");
        }
        // The draft keeps what was typed.
        assert_eq!(d.input("birth_date"), "19580315");
        assert_eq!(d.input("last_chemo_date"), "２０２６年１１月１日");
        assert_eq!(d.screening_date, "20261125");
    }

    #[test]
    fn a_date_readable_two_ways_is_not_guessed_and_the_engine_names_it() {
        let on = Date::parse("2026-11-25").expect("a date");
        let mut d = draft();
        for typed in ["15.03.1958", "03/15/1958", "580315"] {
            d.set_input("birth_date", typed);
            assert_eq!(
                d.problem_at(Field::BirthDate, on),
                Some(ProblemKind::BadDate),
                "{typed}"
            );
            assert_eq!(d.record_json()["answers"]["birth_date"], json!(typed));
        }
        d.screening_date = "25/11/2026".into();
        assert!(Record::from_json_value(&d.record_json()).is_err());
    }

    #[test]
    fn numbers_keep_their_exact_text() {
        let mut d = draft();
        d.set_input("creatinine", "0.15");
        d.set_input(&uln_key(Field::Creatinine), "0.1");
        assert_eq!(
            d.record_json()["answers"]["creatinine"]["value"].to_string(),
            "0.15"
        );
    }
}
