//! Screening log and FHIR exports: the log is de-identified and safe in a
//! spreadsheet; every shared case survives a round trip through a
//! QuestionnaireResponse with the same verdicts; the Questionnaire is the
//! data dictionary.

mod common;

use common::{eligible_with, read};
use ctit_screening::engine::{CRITERIA, FIELDS, Record, evaluate};
use ctit_screening::interop::fhir::{
    FhirImportError, questionnaire, questionnaire_response, record_from_questionnaire_response,
};
use ctit_screening::interop::log::{LOG_COLUMNS, log_row, screening_log_csv};
use serde_json::{Value, json};

fn cases() -> Vec<(String, Value)> {
    common::case_records()
}

#[test]
fn every_case_round_trips_through_a_questionnaire_response_with_the_same_verdicts() {
    for (name, json) in cases() {
        let record = read(&json);
        let qr = questionnaire_response(&record, "S-001");
        let back = record_from_questionnaire_response(&qr).expect(&name);
        assert_eq!(back["label"], "S-001");
        let again = Record::from_json_value(&back).expect(&name);
        assert_eq!(again, record, "{name}");
        let (a, b) = (evaluate(&record), evaluate(&again));
        assert_eq!(a.outcome, b.outcome, "{name}");
        for (x, y) in a.criteria.iter().zip(&b.criteria) {
            assert_eq!(x.status, y.status, "{name} {:?}", x.id);
        }
    }
}

#[test]
fn exact_decimals_survive_the_round_trip() {
    let record = read(&eligible_with(
        json!({"creatinine": {"value": 0.15, "uln": 0.1}, "platelet_count": {"value": 29999, "unit": "/uL"}}),
    ));
    let qr = questionnaire_response(&record, "");
    let text = qr.to_string();
    assert!(text.contains("\"valueDecimal\":0.15"), "{text}");
    let back = Record::from_json_value(&record_from_questionnaire_response(&qr).unwrap()).unwrap();
    assert_eq!(back, record);
}

#[test]
fn the_questionnaire_has_one_item_per_dictionary_field() {
    let q = questionnaire();
    let mut link_ids = Vec::new();
    for group in q["item"].as_array().unwrap() {
        for item in group["item"].as_array().unwrap() {
            link_ids.push(item["linkId"].as_str().unwrap().to_string());
        }
    }
    let ids: Vec<String> = FIELDS.iter().map(|d| d.id.to_string()).collect();
    let mut sorted = link_ids.clone();
    sorted.sort();
    let mut want = ids.clone();
    want.sort();
    assert_eq!(sorted, want);
    let text = q.to_string();
    assert!(text.contains("\"enableWhen\":[{\"answerBoolean\":true,\"operator\":\"=\",\"question\":\"had_radiotherapy\"}]"), "{text}");
}

#[test]
fn a_response_to_another_questionnaire_or_another_resource_or_undated_is_refused_saying_which() {
    let qr = json!({"resourceType": "QuestionnaireResponse", "questionnaire": "urn:other", "status": "completed", "authored": "2026-11-25"});
    assert_eq!(
        record_from_questionnaire_response(&qr),
        Err(FhirImportError::OtherQuestionnaire)
    );
    assert_eq!(
        record_from_questionnaire_response(&json!({"resourceType": "Patient"})),
        Err(FhirImportError::NotAQuestionnaireResponse)
    );
    let mut undated = questionnaire_response(&read(&cases()[0].1), "S-1");
    undated.as_object_mut().unwrap().remove("authored");
    undated.as_object_mut().unwrap().remove("extension");
    assert_eq!(
        record_from_questionnaire_response(&undated),
        Err(FhirImportError::NoScreeningDate)
    );
}

#[test]
fn the_log_is_de_identified_spreadsheet_safe_and_lists_criteria_ids() {
    let json = eligible_with(
        json!({"last_chemo_date": "2026-11-10", "consent_signed": null, "birth_date": "1961-04-02"}),
    );
    let row = log_row("=HYPERLINK(\"x\")", "2026-11-25", &json);
    let bad = log_row(
        "S-2, 张三?",
        "2026-13-01",
        &json!({"format": "ctit-screening/1", "screening_date": "2026-13-01"}),
    );
    let csv = screening_log_csv(&[row, bad]);
    assert!(csv.starts_with('\u{feff}'));
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert_eq!(lines[0], LOG_COLUMNS.join(","));
    assert_eq!(
        lines[1],
        format!(
            "\"'=HYPERLINK(\"\"x\"\")\",2026-11-25,not_eligible,I3,I10,,ClinicalTrials.gov listing of 2025-08-22,{},,,",
            env!("CARGO_PKG_VERSION")
        )
    );
    assert!(lines[2].starts_with("\"S-2, 张三?\",2026-13-01,invalid,,,,"));
    assert!(!csv.contains("1961-04-02"), "no date of birth in the log");
    assert_eq!(CRITERIA.len(), 25);
}

#[test]
fn a_screening_date_typed_on_a_keypad_is_logged_as_yyyy_mm_dd() {
    let mut draft = ctit_screening::record::draft::Draft::new("r1", "20261125", "");
    draft.label = "S-1".into();
    let row = log_row(&draft.label, &draft.screening_date, &draft.record_json());
    assert_eq!(row.screening_date, "2026-11-25");
    assert_ne!(row.outcome, "invalid");
    // A tombstone keeps the date as typed; the log reads it the same way.
    let t = ctit_screening::record::stored::Tombstone {
        id: "r1".into(),
        label: "S-1".into(),
        screening_date: "2026/11/25".into(),
        outcome: "incomplete".into(),
        by: "AB".into(),
        at: "2026-12-02T10:00:00.000Z".into(),
        reason: ctit_screening::record::stored::DeletionReason::EnteredInError,
        reason_text: String::new(),
    };
    assert_eq!(t.log_row().screening_date, "2026-11-25");
    // What is not read stays as typed.
    let draft = ctit_screening::record::draft::Draft::new("r2", "25/11/2026", "");
    let row = log_row(&draft.label, &draft.screening_date, &draft.record_json());
    assert_eq!(row.screening_date, "25/11/2026");
}

#[test]
fn a_deleted_record_stays_in_the_log_with_who_deleted_it_when_and_why() {
    let t = ctit_screening::record::stored::Tombstone {
        id: "r1".into(),
        label: "S-9".into(),
        screening_date: "2026-11-25".into(),
        outcome: "not_eligible".into(),
        by: "AB".into(),
        at: "2026-12-02T10:00:00.000Z".into(),
        reason: ctit_screening::record::stored::DeletionReason::Other,
        reason_text: "patient, withdrew".into(),
    };
    let csv = screening_log_csv(&[t.log_row()]);
    let row = csv
        .trim_start_matches('\u{feff}')
        .split("\r\n")
        .nth(1)
        .unwrap()
        .to_string();
    assert!(row.starts_with("S-9,2026-11-25,not_eligible,,,,"), "{row}");
    assert!(
        row.ends_with(",2026-12-02T10:00:00.000Z,AB,\"other: patient, withdrew\""),
        "{row}"
    );
}

#[test]
fn the_log_never_gives_away_a_birthday_through_the_earliest_eligible_date() {
    // A 17-year-old whose only failing criterion is age: the date they
    // become eligible is their 18th birthday, i.e. their date of birth.
    let (_, case) = cases()
        .into_iter()
        .find(|(name, _)| name.contains("04-age-one-day-short"))
        .expect("the age case");
    let row = log_row("S-17", "2026-11-25", &case);
    assert_eq!(row.failing, ["I1"]);
    assert_eq!(row.earliest_eligible, None, "age alone: left empty");
    let csv = screening_log_csv(&[row]);
    assert!(!csv.contains("2026-11-26"), "{csv}");
}

#[test]
fn the_log_gives_the_earliest_eligible_month_not_the_day() {
    // Chemotherapy 2026-11-10: eligible from 2026-12-10, which would give
    // the chemotherapy date away; the log says only the month.
    let json = eligible_with(json!({"last_chemo_date": "2026-11-10"}));
    let row = log_row("S-3", "2026-11-25", &json);
    assert_eq!(row.failing, ["I3"]);
    assert_eq!(row.earliest_eligible.as_deref(), Some("2026-12"));
    let csv = screening_log_csv(&[row]);
    assert!(!csv.contains("2026-12-10"), "{csv}");
}
