//! The `screen` command: one JSON line per record, English reasons, and exit
//! status 2 with a message per bad field for bad input.

mod common;

use common::eligible_with;
use serde_json::{Value, json};
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn screen(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_screen"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("screen runs");
    // A command that stops before reading (a refused pack) closes its end:
    // the input it never read is no error of the test's.
    let written = child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes());
    if let Err(e) = written {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
    }
    child.wait_with_output().expect("output")
}

#[test]
fn prints_outcome_statuses_and_reasons_for_each_record() {
    let input = format!(
        "{}\n{}",
        eligible_with(json!({})),
        eligible_with(json!({"last_chemo_date": "2026-10-30"}))
    );
    let out = screen(&["-"], &input);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["outcome"], "eligible");
    assert_eq!(lines[0]["criteria"].as_object().unwrap().len(), 25);
    assert_eq!(lines[1]["outcome"], "not_eligible");
    assert_eq!(lines[1]["criteria"]["I3"], "fail");
    assert_eq!(lines[0]["earliest_eligible"], "2026-11-25");
    assert_eq!(lines[1]["earliest_eligible"], "2026-12-01");
    assert_eq!(
        lines[1]["reasons"]["I3"],
        "Last chemotherapy 2026-10-30: must be before 2026-10-25 (more than one calendar month before screening on 2026-11-25)"
    );
}

#[test]
fn reads_an_array_of_records_and_files() {
    let dir = std::env::temp_dir().join(format!("screen-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("two.json");
    std::fs::write(
        &file,
        Value::Array(vec![
            eligible_with(json!({})),
            eligible_with(json!({"ecog": 4})),
        ])
        .to_string(),
    )
    .unwrap();
    let out = screen(&[file.to_str().unwrap()], "");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 2);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_record_with_bad_fields_is_not_evaluated_and_exits_2() {
    let input = format!(
        "{}\n{}",
        eligible_with(json!({"ecog": 7, "sex": "X"})),
        eligible_with(json!({}))
    );
    let out = screen(&["-"], &input);
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        stdout.lines().count(),
        1,
        "only the good record is evaluated"
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("-#1: sex: \"X\" is not one of \"female\" or \"male\""),
        "{stderr}"
    );
    assert!(
        stderr.contains("-#1: ecog: must be from 0 to 4"),
        "{stderr}"
    );
}

#[test]
fn garbage_missing_files_and_no_arguments_exit_2_without_panic() {
    for input in [
        "",
        "{",
        "\u{0}\u{1}garbage",
        "[1, 2]",
        "{\"format\": \"x\"}",
    ] {
        let out = screen(&["-"], input);
        assert_eq!(out.status.code(), Some(2), "{input:?}");
        assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
    }
    assert_eq!(
        screen(&["/nonexistent/file.json"], "").status.code(),
        Some(2)
    );
    assert_eq!(screen(&[], "").status.code(), Some(2));
}

#[test]
fn a_worked_case_file_is_read_as_its_record() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/cases/07-chemo-exactly-one-month-ago.json"
    );
    let out = screen(&[path], "");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let line: Value = serde_json::from_str(String::from_utf8(out.stdout).unwrap().trim()).unwrap();
    assert_eq!(line["outcome"], "not_eligible");
    assert_eq!(line["criteria"]["I3"], "fail");
}

/// `text` without the whitespace outside strings (a JSON document written
/// pretty, made compact without re-reading it, so key order is kept).
fn compact(text: &str) -> String {
    let (mut out, mut in_string, mut escaped) = (String::new(), false, false);
    for c in text.chars() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}

#[test]
fn the_apps_exported_result_is_screens_line_field_for_field_and_in_order_for_every_shared_case() {
    use ctit_screening::engine::Record;
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cases");
    let mut checked = 0;
    for entry in std::fs::read_dir(dir).expect("cases folder") {
        let path = entry.expect("entry").path();
        let case: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("case")).expect("JSON");
        let Ok(record) = Record::from_json_value(&case["record"]) else {
            continue;
        };
        if !record.problems.is_empty() {
            continue;
        }
        let out = screen(&[path.to_str().expect("path")], "");
        let line = String::from_utf8(out.stdout).expect("UTF-8");
        let file = ctit_screening::record::export::record_file(&record, "S-1", None);
        let at = file.find("\"result\":").expect("a result") + "\"result\":".len();
        let result = compact(&file[at..file.len() - 1]);
        assert_eq!(result, line.trim_end(), "{}", path.display());
        checked += 1;
    }
    assert!(checked >= 10, "only {checked} cases checked");
}

const V2: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/src/engine/pack/nct07063225-v2.json"
);

#[test]
fn criteria_judges_by_the_pack_given_and_agrees_with_the_amendments_table() {
    let table: Value = serde_json::from_str(include_str!("packs/nct07063225-v2-cases.json"))
        .expect("table is JSON");
    let cases = table["cases"].as_array().expect("cases");
    let input: String = cases
        .iter()
        .map(|c| format!("{}\n", eligible_with(c["answers"].clone())))
        .collect();
    for (version, args) in [("v1", vec!["-"]), ("v2", vec!["--criteria", V2, "-"])] {
        let out = screen(&args, &input);
        assert_eq!(out.status.code(), Some(0), "{version}");
        let lines: Vec<Value> = String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| serde_json::from_str(l).expect("a JSON line"))
            .collect();
        assert_eq!(lines.len(), cases.len());
        for (case, got) in cases.iter().zip(&lines) {
            let want = &case[version];
            let name = &case["name"];
            assert_eq!(got["outcome"], want["outcome"], "{name} {version}");
            assert_eq!(
                got["earliest_eligible"], want["earliest_eligible"],
                "{name} {version}"
            );
            assert_eq!(got["criteria"]["I3"], want["I3"], "{name} {version}");
            assert_eq!(got["criteria"]["I4"], want["I4"], "{name} {version}");
        }
    }
}

#[test]
fn a_malformed_pack_is_refused_before_any_record_with_exit_2_and_never_a_panic() {
    let dir = std::env::temp_dir().join(format!("ctit-pack-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let bad = dir.join("bad.json");
    let text = std::fs::read_to_string(V2)
        .expect("v2")
        .replace("\"platelet_count\"", "\"platelets\"");
    std::fs::write(&bad, text).expect("write");
    let bad = bad.to_str().expect("path");
    let input = eligible_with(json!({})).to_string();
    for args in [vec!["--criteria", bad, "-"], vec!["--check-pack", bad]] {
        let out = screen(&args, &input);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(&format!(
                "{bad}: criterion I4: /criteria/3/rule/platelets_below/field: \"platelets\" is not a field of the data dictionary"
            )),
            "{err}"
        );
        assert!(!err.contains("panicked"), "{err}");
    }
    for garbage in ["", "{", "[1, 2]", "{\"format\": \"ctit-criteria-pack/1\"}"] {
        std::fs::write(dir.join("g.json"), garbage).expect("write");
        let out = screen(
            &["--check-pack", dir.join("g.json").to_str().expect("path")],
            "",
        );
        assert_eq!(out.status.code(), Some(2), "{garbage:?}");
        assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
    }
    let out = screen(&["--check-pack", V2], "");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("{V2}: NCT07063225 v2 (2026-12-01), 25 criteria: ok")
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_pack_exported_as_fhir_reads_back_as_the_same_pack() {
    let dir = std::env::temp_dir().join(format!("ctit-fhir-pack-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    for (args, original) in [
        (
            vec!["--fhir-criteria"],
            include_str!("../src/engine/pack/nct07063225-v1.json"),
        ),
        (
            vec!["--fhir-criteria", "--criteria", V2],
            include_str!("../src/engine/pack/nct07063225-v2.json"),
        ),
    ] {
        let out = screen(&args, "");
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let file = dir.join("bundle.json");
        std::fs::write(&file, &out.stdout).expect("write");
        let back = screen(&["--criteria-from-fhir", file.to_str().expect("path")], "");
        assert_eq!(
            back.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&back.stderr)
        );
        let mut want: Value = serde_json::from_str(original).expect("pack");
        want.as_object_mut().expect("object").remove("$schema");
        let got: Value = serde_json::from_slice(&back.stdout).expect("pack");
        assert_eq!(got, want, "{args:?}");
    }
    std::fs::remove_dir_all(&dir).ok();
}
