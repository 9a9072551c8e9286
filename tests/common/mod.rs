//! Shared helpers for the engine's integration tests: a complete eligible
//! record to vary, and one-line checks of a criterion's status.
#![allow(dead_code)]

use ctit_screening::engine::{CRITERIA, CriterionResult, Record, Report, Status, evaluate};
use serde_json::{Value, json};

/// The screening date of every test record.
pub const ON: &str = "2026-11-25";

/// A complete record that meets every criterion: shared case 01's answers.
pub fn eligible_answers() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/cases/01-eligible-full-record.json"
    );
    let case: Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("case 01 readable"))
            .expect("case 01 is JSON");
    case["record"]["answers"].clone()
}

/// A record JSON on [`ON`] with these answers.
pub fn record_json(answers: Value) -> Value {
    json!({"format": "ctit-screening/1", "screening_date": ON, "answers": answers})
}

/// The eligible record with some answers changed (`null` removes one).
pub fn eligible_with(changes: Value) -> Value {
    let mut answers = eligible_answers();
    let map = answers.as_object_mut().expect("object");
    for (k, v) in changes.as_object().expect("changes are an object") {
        if v.is_null() {
            map.remove(k);
        } else {
            map.insert(k.clone(), v.clone());
        }
    }
    record_json(answers)
}

/// Reads a record that must be readable.
pub fn read(json: &Value) -> Record {
    Record::from_json_value(json).unwrap_or_else(|p| panic!("record not readable: {p:?}"))
}

/// Evaluates a record that must be readable.
pub fn report(json: &Value) -> Report {
    evaluate(&read(json))
}

/// One criterion's result by code ("I3").
pub fn criterion<'a>(report: &'a Report, code: &str) -> &'a CriterionResult {
    let i = CRITERIA
        .iter()
        .position(|c| c.code == code)
        .unwrap_or_else(|| panic!("no criterion {code}"));
    &report.criteria[i]
}

/// The status of one criterion for the eligible record with `changes`.
pub fn status_with(code: &str, changes: Value) -> Status {
    criterion(&report(&eligible_with(changes)), code).status
}

/// Asserts one criterion's status for the eligible record with `changes`.
#[track_caller]
pub fn check(code: &str, changes: Value, expected: Status) {
    let got = status_with(code, changes.clone());
    assert_eq!(got, expected, "{code} with {changes}");
}

/// Every shared case's file name and record JSON, in file order.
pub fn case_records() -> Vec<(String, Value)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("tests/cases exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).expect("readable case");
            let v: Value = serde_json::from_str(&text).expect("case is JSON");
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default();
            (name, v["record"].clone())
        })
        .collect()
}
