//! The worked cases of the shared spec (copied into `tests/cases/`): every
//! case's outcome and every criterion's status must match.

mod common;

use ctit_screening::engine::{CRITERIA, Record, evaluate};
use serde_json::Value;
use std::path::Path;

#[test]
fn every_shared_case_gives_its_expected_outcome_and_statuses() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/cases exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 15,
        "expected the 15 shared cases, found {}",
        files.len()
    );
    let mut failures = Vec::new();
    for path in &files {
        let case: Value =
            serde_json::from_str(&std::fs::read_to_string(path).expect("readable")).expect("json");
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let record = match Record::from_json_value(&case["record"]) {
            Ok(r) => r,
            Err(p) => {
                failures.push(format!("{name}: not readable: {p:?}"));
                continue;
            }
        };
        assert!(record.problems.is_empty(), "{name}: {:?}", record.problems);
        let report = evaluate(&record);
        if report.outcome.as_str() != case["expected"]["outcome"] {
            failures.push(format!(
                "{name}: outcome {} != {}",
                report.outcome.as_str(),
                case["expected"]["outcome"]
            ));
        }
        for (c, r) in CRITERIA.iter().zip(&report.criteria) {
            let want = &case["expected"]["criteria"][c.code];
            if r.status.as_str() != want {
                failures.push(format!(
                    "{name}: {} is {} not {want}",
                    c.code,
                    r.status.as_str()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
