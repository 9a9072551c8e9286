//! FHIR R4 from the data dictionary: the `Questionnaire` of the form, a
//! record's `QuestionnaireResponse` (with who last changed it and where it
//! stands, [`with_authorship`]), and a `QuestionnaireResponse` read back
//! into a record. Nothing is fetched: the URIs are identifiers.

use crate::engine::dictionary::{Applies, FIELDS, Field, FieldDef, Kind, Section};
use crate::engine::record::{FORMAT, PlateletUnit, Record, Value};
use crate::engine::{Status, evaluate};
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
/// time of the record's last change (`with_authorship`).
pub const SCREENING_DATE_EXT: &str = "urn:ctit-screening:screening-date";

/// Where a record kept in the app stands and who last changed it: what a
/// `QuestionnaireResponse` says of it ([`with_authorship`]).
pub struct Authorship<'a> {
    /// The record's status as FHIR says it (`in-progress`, `completed`,
    /// `amended`).
    pub status: &'a str,
    /// The time and initials of its newest history entry, if any.
    pub last_change: Option<(String, String)>,
}

/// Makes a `QuestionnaireResponse` say what the app knows about the record
/// as kept: `status` is the record's (`in-progress` until marked complete,
/// `completed`, `amended` when changed after that); `author` (the
/// screener's initials, as a display-only reference) and `authored` (the
/// time) are those of the newest history entry. The screening date, which
/// `authored` otherwise carries, moves to an extension (read back by
/// [`record_from_questionnaire_response`]).
pub fn with_authorship(qr: &mut Json, record: &Record, authorship: &Authorship) {
    qr["status"] = json!(authorship.status);
    if let Some((at, by)) = &authorship.last_change {
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

/// Why a FHIR resource cannot be read back as a record (said in the
/// language of the moment by whoever shows it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FhirImportError {
    /// Another FHIR resource than a `QuestionnaireResponse`.
    NotAQuestionnaireResponse,
    /// A `QuestionnaireResponse` to another questionnaire than this
    /// app's ([`QUESTIONNAIRE_URL`]).
    OtherQuestionnaire,
    /// No screening date: neither the screening-date extension nor
    /// `authored`.
    NoScreeningDate,
}

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
        return Err(FhirImportError::NotAQuestionnaireResponse);
    }
    if qr.get("questionnaire").and_then(Json::as_str) != Some(QUESTIONNAIRE_URL) {
        return Err(FhirImportError::OtherQuestionnaire);
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
        .ok_or(FhirImportError::NoScreeningDate)?;
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
