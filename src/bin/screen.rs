//! `screen`: audits exported screening records natively.
//!
//! `screen FILE...` (or `-` for standard input) reads records and prints one
//! JSON line per record:
//! `{"outcome": …, "criteria": {"I1": "pass", …}, "reasons": {"I1": "…", …},
//! "earliest_eligible": "YYYY-MM-DD" | null}` with English reasons.
//! `earliest_eligible` is the first date the record is eligible if nothing
//! else changes (its screening date when eligible now; null when a criterion
//! fails on facts time does not change, or others are unknown). A file may hold one record, a JSON array of records,
//! or records one after another (JSON Lines). A record with any bad field is
//! not evaluated: every problem goes to standard error as
//! `FILE#N: field: what is wrong`, and the command exits with status 2 after
//! reading everything else.

use ctit_screening::engine::Record;
use ctit_screening::record::export::Verdict;
use ctit_screening::text::Lang;
use serde_json::Value;
use std::io::{self, BufWriter, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "usage: screen [--log | --fhir-response] FILE...   (- for standard input)
       screen --fhir-questionnaire

Reads screening records (format ctit-screening/1) and prints one JSON line per
record: {\"outcome\": ..., \"criteria\": {...}, \"reasons\": {...},
\"earliest_eligible\": ...}. A file may hold one record, a JSON array of
records, or JSON Lines.
  --log                 print the pseudonymised screening log (CSV) instead
  --fhir-response       print each record as a FHIR R4 QuestionnaireResponse
  --fhir-questionnaire  print the FHIR R4 Questionnaire of the data dictionary
Exit status: 0 when every record was evaluated, 2 when any input was bad.";

/// What to print for each record.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Verdicts,
    Log,
    FhirResponse,
}

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        eprintln!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    if args == ["--fhir-questionnaire"] {
        // A closed pipe (e.g. into `head`) is not an error worth a panic.
        let _ = writeln!(
            io::stdout(),
            "{}",
            ctit_screening::interop::fhir::questionnaire()
        );
        return ExitCode::SUCCESS;
    }
    let mode = match args.first().map(String::as_str) {
        Some("--log") => Mode::Log,
        Some("--fhir-response") => Mode::FhirResponse,
        _ => Mode::Verdicts,
    };
    if mode != Mode::Verdicts {
        args.remove(0);
    }
    if args.is_empty() || args.iter().any(|a| a.starts_with("--")) {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    let mut log_rows = Vec::new();
    let messages = Lang::En.messages();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut bad = false;
    for path in &args {
        let text = match read_input(path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{path}: cannot read: {e}");
                bad = true;
                continue;
            }
        };
        for (n, record) in records(&text).into_iter().enumerate() {
            let place = format!("{path}#{}", n + 1);
            let label = record.as_ref().map(label_of).unwrap_or_default();
            let parsed = record
                .map_err(|e| vec![format!("not valid JSON ({e})")])
                .and_then(|json| match Record::from_json_value(&json) {
                    Ok(r) if r.problems.is_empty() => Ok(r),
                    Ok(r) => Err(r.problems.iter().map(|p| messages.problem(p)).collect()),
                    Err(problems) => Err(problems.iter().map(|p| messages.problem(p)).collect()),
                });
            match parsed {
                Ok(record) if mode == Mode::Log => {
                    let json = record.to_json_value();
                    log_rows.push(ctit_screening::interop::log::log_row(
                        &label,
                        &record.screening_date.to_string(),
                        &json,
                    ));
                }
                Ok(record) if mode == Mode::FhirResponse => {
                    let qr = ctit_screening::interop::fhir::questionnaire_response(&record, &label);
                    if writeln!(out, "{qr}").is_err() {
                        return ExitCode::from(if bad { 2 } else { 0 });
                    }
                }
                Ok(record) => {
                    let line = Verdict::of(&record).to_line();
                    if writeln!(out, "{line}").is_err() {
                        // Standard output closed (e.g. piped into `head`): stop quietly.
                        return ExitCode::from(if bad { 2 } else { 0 });
                    }
                }
                Err(problems) => {
                    bad = true;
                    for p in problems {
                        eprintln!("{place}: {p}");
                    }
                }
            }
        }
    }
    if mode == Mode::Log
        && write!(
            out,
            "{}",
            ctit_screening::interop::log::screening_log_csv(&log_rows)
        )
        .is_err()
    {
        return ExitCode::from(2);
    }
    if out.flush().is_err() {
        return ExitCode::from(2);
    }
    ExitCode::from(if bad { 2 } else { 0 })
}

fn read_input(path: &str) -> io::Result<String> {
    if path == "-" {
        let mut s = String::new();
        io::stdin().read_to_string(&mut s)?;
        Ok(s)
    } else {
        std::fs::read_to_string(path)
    }
}

/// A record's `label`, if it has one (read before the record is, so each
/// file is parsed once).
fn label_of(record: &Value) -> String {
    record
        .get("label")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

/// Splits a file into records: one object, an array of them, or a stream of
/// them. A syntax error ends the stream with one error entry.
fn records(text: &str) -> Vec<Result<Value, String>> {
    let mut out = Vec::new();
    for item in serde_json::Deserializer::from_str(text).into_iter::<Value>() {
        match item {
            Ok(Value::Array(items)) => out.extend(items.into_iter().map(Ok)),
            Ok(v) => out.push(Ok(v)),
            Err(e) => {
                out.push(Err(e.to_string()));
                break;
            }
        }
    }
    if out.is_empty() {
        out.push(Err("the input is empty".to_string()));
    }
    out.into_iter().map(|r| r.map(unwrap_case)).collect()
}

/// A worked case (`{"record": {...}, "expected": {...}}`, as in the spec's
/// cases folder) is read as its record.
fn unwrap_case(v: Value) -> Value {
    match v {
        Value::Object(mut m)
            if !m.contains_key("format") && m.get("record").is_some_and(Value::is_object) =>
        {
            m.remove("record").unwrap_or(Value::Null)
        }
        other => other,
    }
}
