//! Interoperability exports, all generated from the data dictionary and the
//! engine (one source of truth): the pseudonymised screening log (CSV) and
//! FHIR R4 `Questionnaire` / `QuestionnaireResponse` resources, with the
//! import of a `QuestionnaireResponse` back into a record.
//!
//! Nothing here sends anything anywhere: the URIs below are identifiers that
//! FHIR requires (code systems, extensions), never fetched.

use crate::engine::dictionary::{Applies, FIELDS, Field, FieldDef, Kind, Section};
use crate::engine::record::{FORMAT, PlateletUnit, Record, Value};
use crate::engine::{CRITERIA, CriterionId, Status, calendar, evaluate};
use crate::text::Lang;
use serde_json::{Map, Value as Json, json};

/// The Questionnaire's canonical URL (an identifier; nothing is served there).
pub const QUESTIONNAIRE_URL: &str = "urn:ctit-screening:questionnaire:ctit-screening-1";
/// The code system of this app's own codes (serology results, platelet units).
const CODES: &str = "urn:ctit-screening:codes";
/// The identifier system of coordinator labels.
const LABEL_SYSTEM: &str = "urn:ctit-screening:label";
/// UCUM, the unit code system FHIR quantities use (identifier only).
const UCUM: &str = "http://unitsofmeasure.org";
/// FHIR administrative gender (identifier only).
const GENDER: &str = "http://hl7.org/fhir/administrative-gender";
/// FHIR core extensions for item limits and unit options (identifiers only).
const EXT_MIN: &str = "http://hl7.org/fhir/StructureDefinition/minValue";
const EXT_MAX: &str = "http://hl7.org/fhir/StructureDefinition/maxValue";
const EXT_UNIT_OPTION: &str = "http://hl7.org/fhir/StructureDefinition/questionnaire-unitOption";

// --- Screening log -------------------------------------------------------

/// One line of the screening log: pseudonymised (the coordinator's label,
/// no answer values, no dates but the screening date and a month).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogRow {
    /// The coordinator's label (screening number).
    pub label: String,
    /// The screening date as recorded.
    pub screening_date: String,
    /// `eligible`, `not_eligible`, `incomplete`, or `invalid` when the
    /// record cannot be judged (no valid screening date).
    pub outcome: String,
    /// Ids of failing criteria.
    pub failing: Vec<&'static str>,
    /// Ids of unknown criteria.
    pub unknown: Vec<&'static str>,
    /// The month (`YYYY-MM`) from which the record is eligible if nothing
    /// else changes, if known. Only the month: the day would give away the
    /// date it counts from (chemotherapy, infarction plus N months). Empty
    /// whenever age is one of the obstacles time removes: the day, and even
    /// the month, of an 18th birthday is a date of birth.
    pub earliest_eligible: Option<String>,
    /// For a deleted record: when, by whom and why (its tombstone).
    pub deleted: Option<Deleted>,
}

/// A deleted record's row: when, by whom and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deleted {
    /// When (ISO 8601, UTC).
    pub at: String,
    /// Who (initials).
    pub by: String,
    /// Why: the reason's id, and the screener's words after ": " if any.
    pub reason: String,
}

/// The log row of a deleted record, from its tombstone: its label, date
/// and outcome when deleted, and when, by whom and why.
pub fn deleted_row(t: &crate::records::Tombstone) -> LogRow {
    let reason = if t.reason_text.is_empty() {
        t.reason.id().to_string()
    } else {
        format!("{}: {}", t.reason.id(), t.reason_text)
    };
    LogRow {
        label: t.label.clone(),
        screening_date: t.screening_date.clone(),
        outcome: t.outcome.clone(),
        failing: Vec::new(),
        unknown: Vec::new(),
        earliest_eligible: None,
        deleted: Some(Deleted {
            at: t.at.clone(),
            by: t.by.clone(),
            reason,
        }),
    }
}

/// The log row of a record JSON (as a draft builds it).
pub fn log_row(label: &str, screening_date: &str, record_json: &Json) -> LogRow {
    let mut row = LogRow {
        label: label.to_string(),
        screening_date: screening_date.to_string(),
        outcome: "invalid".to_string(),
        failing: Vec::new(),
        unknown: Vec::new(),
        earliest_eligible: None,
        deleted: None,
    };
    if let Ok(record) = Record::from_json_value(record_json) {
        let report = evaluate(&record);
        let ids = |s: Status| -> Vec<&'static str> {
            CRITERIA
                .iter()
                .zip(&report.criteria)
                .filter(|(_, r)| r.status == s)
                .map(|(c, _)| c.code)
                .collect()
        };
        row.outcome = report.outcome.as_str().to_string();
        row.failing = ids(Status::Fail);
        row.unknown = ids(Status::Unknown);
        let cal = calendar(&record, &report);
        let waits_for_age = cal.time_fixes.iter().any(|f| f.id == CriterionId::I1);
        row.earliest_eligible = cal
            .earliest_eligible
            .filter(|_| !waits_for_age)
            .map(|d| d.to_string()[..7].to_string());
    }
    row
}

/// The log's columns, in order (documented in the README). The last three
/// are filled only for a deleted record.
pub const LOG_COLUMNS: [&str; 11] = [
    "label",
    "screening_date",
    "outcome",
    "failing_criteria",
    "unknown_criteria",
    "earliest_eligible",
    "criteria_text_version",
    "app_version",
    "deleted_at",
    "deleted_by",
    "deletion_reason",
];

/// A CSV field: quoted when needed; a leading `= + - @` (or tab/CR) is
/// prefixed with `'` so a spreadsheet never runs a label as a formula.
fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// The screening log as CSV: UTF-8 with a byte-order mark (so spreadsheet
/// programs read Chinese labels correctly), CRLF line ends, one row per
/// record, then one per deleted record ([`deleted_row`]).
pub fn screening_log_csv(rows: &[LogRow]) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&LOG_COLUMNS.join(","));
    out.push_str("\r\n");
    for r in rows {
        let cells = [
            csv_field(&r.label),
            csv_field(&r.screening_date),
            r.outcome.clone(),
            r.failing.join(" "),
            r.unknown.join(" "),
            r.earliest_eligible.clone().unwrap_or_default(),
            csv_field(crate::PROTOCOL_TEXT_VERSION),
            crate::APP_VERSION.to_string(),
            r.deleted
                .as_ref()
                .map_or(String::new(), |d| csv_field(&d.at)),
            r.deleted
                .as_ref()
                .map_or(String::new(), |d| csv_field(&d.by)),
            r.deleted
                .as_ref()
                .map_or(String::new(), |d| csv_field(&d.reason)),
        ];
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

// --- FHIR Questionnaire -------------------------------------------------

fn section_id(s: Section) -> String {
    format!("section-{}", s.id())
}

fn platelet_coding(u: PlateletUnit) -> Json {
    let code = match u {
        PlateletUnit::E9PerL => "10*9/L",
        PlateletUnit::E3PerUl => "10*3/uL",
        PlateletUnit::PerUl => "/uL",
    };
    json!({"system": UCUM, "code": code, "display": u.as_str()})
}

fn coding(kind: Kind, text: &str) -> Json {
    match kind {
        Kind::Sex => json!({"system": GENDER, "code": text}),
        _ => json!({"system": CODES, "code": text}),
    }
}

fn enable_when(def: &FieldDef) -> Option<Json> {
    Some(match def.applies {
        Applies::Always => return None,
        Applies::WithoutBirthDate => {
            json!([{"question": "birth_date", "operator": "exists", "answerBoolean": false}])
        }
        Applies::AfterRadiotherapy => {
            json!([{"question": "had_radiotherapy", "operator": "=", "answerBoolean": true}])
        }
        Applies::AfterHeartAttack => {
            json!([{"question": "had_mi", "operator": "=", "answerBoolean": true}])
        }
        Applies::UnlessMale => {
            json!([{"question": "sex", "operator": "!=", "answerCoding": coding(Kind::Sex, "male")}])
        }
    })
}

fn question_item(def: &FieldDef) -> Json {
    let m = Lang::En.messages();
    let mut item = Map::new();
    item.insert("linkId".into(), json!(def.id));
    item.insert("text".into(), json!(m.field_label(def.field)));
    match def.kind {
        Kind::Bool => {
            item.insert("type".into(), json!("boolean"));
        }
        Kind::Date => {
            item.insert("type".into(), json!("date"));
        }
        Kind::Int { min, max } => {
            item.insert("type".into(), json!("integer"));
            item.insert(
                "extension".into(),
                json!([{"url": EXT_MIN, "valueInteger": min}, {"url": EXT_MAX, "valueInteger": max}]),
            );
        }
        Kind::Number { min, max } => {
            item.insert("type".into(), json!("decimal"));
            item.insert(
                "extension".into(),
                json!([{"url": EXT_MIN, "valueDecimal": min}, {"url": EXT_MAX, "valueDecimal": max}]),
            );
        }
        Kind::Platelets => {
            item.insert("type".into(), json!("quantity"));
            let options: Vec<Json> = PlateletUnit::ALL
                .iter()
                .map(|u| json!({"url": EXT_UNIT_OPTION, "valueCoding": platelet_coding(*u)}))
                .collect();
            item.insert("extension".into(), Json::Array(options));
        }
        Kind::Lab => {
            item.insert("type".into(), json!("group"));
            item.insert(
                "item".into(),
                json!([
                    {"linkId": format!("{}.value", def.id), "text": "Result", "type": "decimal"},
                    {"linkId": format!("{}.uln", def.id), "text": "Upper limit of normal (same unit)", "type": "decimal"},
                ]),
            );
        }
        Kind::Serology => {
            item.insert("type".into(), json!("choice"));
            item.insert(
                "answerOption".into(),
                json!([{"valueCoding": coding(Kind::Serology, "positive")}, {"valueCoding": coding(Kind::Serology, "negative")}]),
            );
        }
        Kind::Sex => {
            item.insert("type".into(), json!("choice"));
            item.insert(
                "answerOption".into(),
                json!([{"valueCoding": coding(Kind::Sex, "female")}, {"valueCoding": coding(Kind::Sex, "male")}]),
            );
        }
    }
    if let Some(when) = enable_when(def) {
        item.insert("enableWhen".into(), when);
    }
    Json::Object(item)
}

/// The data dictionary as a FHIR R4 `Questionnaire`: one group per form
/// section, one item per field (`linkId` = field id), with types, ranges,
/// platelet units and `enableWhen` for the fields that do not always apply.
pub fn questionnaire() -> Json {
    let m = Lang::En.messages();
    let groups: Vec<Json> = Section::ALL
        .iter()
        .map(|&s| {
            let items: Vec<Json> = FIELDS.iter().filter(|d| d.section == s).map(question_item).collect();
            json!({"linkId": section_id(s), "text": m.section_title(s), "type": "group", "item": items})
        })
        .collect();
    json!({
        "resourceType": "Questionnaire",
        "id": "ctit-screening-1",
        "url": QUESTIONNAIRE_URL,
        "version": FORMAT,
        "name": "CtitScreening",
        "title": format!("Eligibility screening for {} (romiplostim N01, refractory CTIT)", crate::TRIAL_ID),
        "status": "active",
        "subjectType": ["Patient"],
        "description": format!("Screening questions for the 25 published criteria ({}). Generated from the app's data dictionary.", crate::PROTOCOL_TEXT_VERSION),
        "item": groups,
    })
}

// --- FHIR QuestionnaireResponse ------------------------------------------

fn decimal(d: &crate::engine::Decimal) -> Json {
    serde_json::from_str(&d.to_string()).unwrap_or(Json::Null)
}

fn answer_item(def: &FieldDef, v: &Value) -> Json {
    let answer = |a: Json| json!({"linkId": def.id, "answer": [a]});
    match v {
        Value::Bool(b) => answer(json!({"valueBoolean": b})),
        Value::Date(d) => answer(json!({"valueDate": d.to_string()})),
        Value::Number(n) => match def.kind {
            Kind::Int { .. } => answer(json!({"valueInteger": n.to_i64()})),
            _ => answer(json!({"valueDecimal": decimal(n)})),
        },
        Value::Platelets(p) => {
            let c = platelet_coding(p.unit);
            answer(
                json!({"valueQuantity": {"value": decimal(&p.value), "unit": p.unit.as_str(), "system": UCUM, "code": c["code"]}}),
            )
        }
        Value::Lab(l) => json!({
            "linkId": def.id,
            "item": [
                {"linkId": format!("{}.value", def.id), "answer": [{"valueDecimal": decimal(&l.value)}]},
                {"linkId": format!("{}.uln", def.id), "answer": [{"valueDecimal": decimal(&l.uln)}]},
            ],
        }),
        Value::Serology(s) => answer(json!({"valueCoding": coding(Kind::Serology, s.as_str())})),
        Value::Sex(s) => answer(json!({"valueCoding": coding(Kind::Sex, s.as_str())})),
    }
}

/// A record as a FHIR R4 `QuestionnaireResponse` against [`questionnaire`]:
/// every known, applicable answer; `authored` is the screening date; the
/// label is the identifier; `completed` when every criterion could be
/// decided, else `in-progress`.
pub fn questionnaire_response(record: &Record, label: &str) -> Json {
    let groups: Vec<Json> = Section::ALL
        .iter()
        .filter_map(|&s| {
            let items: Vec<Json> = FIELDS
                .iter()
                .filter(|d| d.section == s)
                .filter_map(|d| record.answers.get(d.field).map(|v| answer_item(d, v)))
                .collect();
            (!items.is_empty()).then(|| json!({"linkId": section_id(s), "item": items}))
        })
        .collect();
    let complete = evaluate(record)
        .with_status(Status::Unknown)
        .next()
        .is_none();
    let mut qr = json!({
        "resourceType": "QuestionnaireResponse",
        "questionnaire": QUESTIONNAIRE_URL,
        "status": if complete { "completed" } else { "in-progress" },
        "authored": record.screening_date.to_string(),
        "item": groups,
    });
    if !label.is_empty() {
        qr["identifier"] = json!({"system": LABEL_SYSTEM, "value": label});
    }
    qr
}

/// The extension that carries the screening date when `authored` is the
/// time of the record's last change (`with_trail`).
pub const SCREENING_DATE_EXT: &str = "urn:ctit-screening:screening-date";

/// Makes a `QuestionnaireResponse` say what the app knows about the record
/// as kept: `status` is the record's (`in-progress` until marked complete,
/// `completed`, `amended` when changed after that); `author` (the
/// screener's initials, as a display-only reference) and `authored` (the
/// time) are those of the newest history entry. The screening date, which
/// `authored` otherwise carries, moves to an extension (read back by
/// [`record_from_questionnaire_response`]).
pub fn with_trail(qr: &mut Json, record: &Record, trail: &crate::export::Trail) {
    qr["status"] = json!(trail.status.as_str());
    if let Some((at, by)) = crate::history::last_change(trail.history) {
        qr["extension"] = json!([{
            "url": SCREENING_DATE_EXT,
            "valueDate": record.screening_date.to_string(),
        }]);
        qr["authored"] = json!(at);
        if !by.is_empty() {
            qr["author"] = json!({"display": by});
        }
    }
}

/// Why a `QuestionnaireResponse` cannot be read back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FhirImportError(pub String);

fn first_answer(item: &Json) -> Option<&Json> {
    item.get("answer")
        .and_then(Json::as_array)
        .and_then(|a| a.first())
}

/// Reads a `QuestionnaireResponse` made by [`questionnaire_response`] back
/// into a spec §1 record JSON (with the label as `label`). Answers are copied
/// as given, so the engine validates them exactly as for any record.
pub fn record_from_questionnaire_response(qr: &Json) -> Result<Json, FhirImportError> {
    if qr.get("resourceType").and_then(Json::as_str) != Some("QuestionnaireResponse") {
        return Err(FhirImportError("not a QuestionnaireResponse".into()));
    }
    if qr.get("questionnaire").and_then(Json::as_str) != Some(QUESTIONNAIRE_URL) {
        return Err(FhirImportError(format!(
            "answers another questionnaire (expected {QUESTIONNAIRE_URL})"
        )));
    }
    let extension = qr
        .get("extension")
        .and_then(Json::as_array)
        .and_then(|a| {
            a.iter()
                .find(|e| e.get("url").and_then(Json::as_str) == Some(SCREENING_DATE_EXT))
        })
        .and_then(|e| e.get("valueDate"));
    let date = extension
        .or_else(|| qr.get("authored"))
        .and_then(Json::as_str)
        .map(|a| a.get(..10).unwrap_or(a).to_string())
        .ok_or_else(|| FhirImportError("no authored date (the screening date)".into()))?;
    let mut answers = Map::new();
    let mut stack: Vec<&Json> = qr
        .get("item")
        .and_then(Json::as_array)
        .map(|a| a.iter().collect())
        .unwrap_or_default();
    while let Some(item) = stack.pop() {
        let link = item.get("linkId").and_then(Json::as_str).unwrap_or("");
        let Some(field) = Field::from_id(link) else {
            // A section group: read its items.
            if let Some(children) = item.get("item").and_then(Json::as_array) {
                stack.extend(children.iter());
            }
            continue;
        };
        let value = match field.def().kind {
            Kind::Lab => {
                let part = |suffix: &str| {
                    item.get("item")
                        .and_then(Json::as_array)
                        .and_then(|kids| {
                            kids.iter().find(|k| {
                                k.get("linkId").and_then(Json::as_str)
                                    == Some(&format!("{link}.{suffix}"))
                            })
                        })
                        .and_then(first_answer)
                        .and_then(|a| a.get("valueDecimal").cloned())
                        .unwrap_or(Json::Null)
                };
                json!({"value": part("value"), "uln": part("uln")})
            }
            kind => {
                let Some(a) = first_answer(item) else {
                    continue;
                };
                match kind {
                    Kind::Bool => a.get("valueBoolean").cloned(),
                    Kind::Date => a.get("valueDate").cloned(),
                    Kind::Int { .. } => a.get("valueInteger").cloned(),
                    Kind::Number { .. } => a.get("valueDecimal").cloned(),
                    Kind::Platelets => a.get("valueQuantity").map(|q| {
                        let unit = q.get("unit").cloned().unwrap_or(Json::Null);
                        json!({"value": q.get("value").cloned().unwrap_or(Json::Null), "unit": unit})
                    }),
                    Kind::Serology | Kind::Sex => a.get("valueCoding").and_then(|c| c.get("code")).cloned(),
                    Kind::Lab => None,
                }
                .unwrap_or(Json::Null)
            }
        };
        answers.insert(link.to_string(), value);
    }
    let mut record = json!({"format": FORMAT, "screening_date": date, "answers": answers});
    if let Some(label) = qr
        .get("identifier")
        .and_then(|i| i.get("value"))
        .and_then(Json::as_str)
    {
        record["label"] = json!(label);
    }
    Ok(record)
}
