//! `screen`: audits exported screening records natively.
//!
//! `screen [--criteria PACK] FILE...` (or `-` for standard input) reads
//! records and prints one JSON line per record, judged by the build's
//! current criteria pack or by the pack in PACK:
//! `{"outcome": …, "criteria": {"I1": "pass", …}, "reasons": {"I1": "…", …},
//! "earliest_eligible": "YYYY-MM-DD" | null}` with English reasons.
//! `earliest_eligible` is the first date the record is eligible if nothing
//! else changes (its screening date when eligible now; null when a criterion
//! fails on facts time does not change, or others are unknown). A file may hold one record, a JSON array of records,
//! or records one after another (JSON Lines). A record with any bad field is
//! not evaluated: every problem goes to standard error as
//! `FILE#N: field: what is wrong`, and the command exits with status 2 after
//! reading everything else. A malformed pack is refused before any record
//! is read, each problem on standard error as `PACK: criterion ID: /path:
//! what is wrong` (exit 2); `screen --check-pack PACK` checks one alone.
//! `screen --fhir-criteria [--criteria PACK]` prints a pack as a FHIR R4
//! Bundle (ResearchStudy, Group, one EvidenceVariable per criterion) and
//! `screen --criteria-from-fhir FILE` reads such a Bundle back into a pack.

use ctit_screening::engine::Record;
use ctit_screening::record::export::Verdict;
use ctit_screening::text::Lang;
use serde_json::Value;
use std::io::{self, BufWriter, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "usage: screen [--criteria PACK] FILE...   (- for standard input)
       screen [--log | --fhir-response] FILE...
       screen --fhir-questionnaire
       screen --check-pack PACK
       screen --fhir-criteria [--criteria PACK]
       screen --criteria-from-fhir FILE

Reads screening records (format ctit-screening/1) and prints one JSON line per
record: {\"outcome\": ..., \"criteria\": {...}, \"reasons\": {...},
\"earliest_eligible\": ...}. A file may hold one record, a JSON array of
records, or JSON Lines.
  --log                 print the pseudonymised screening log (CSV) instead
  --fhir-response       print each record as a FHIR R4 QuestionnaireResponse
  --fhir-questionnaire  print the FHIR R4 Questionnaire of the data dictionary
  --criteria PACK       judge by the criteria pack in PACK (JSON, format
                        ctit-criteria-pack/1) instead of the build's own
  --check-pack PACK     check a criteria pack and say what it is
  --fhir-criteria       print the criteria pack as a FHIR R4 Bundle
  --criteria-from-fhir  read such a Bundle back and print the pack
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
    match args.first().map(String::as_str) {
        Some("--check-pack") if args.len() == 2 => {
            return match read_pack(&args[1]) {
                Ok(pack) => {
                    println!(
                        "{}: {} ({}), {} criteria: ok",
                        args[1],
                        pack.name(),
                        pack.date,
                        pack.criteria.len()
                    );
                    ExitCode::SUCCESS
                }
                Err(()) => ExitCode::from(2),
            };
        }
        Some("--fhir-criteria") => {
            let doc = match args.get(1..) {
                Some([]) => match ctit_screening::engine::pack::current_document() {
                    Ok(doc) => doc,
                    Err(e) => {
                        eprintln!("the build's criteria pack: {e}");
                        return ExitCode::from(2);
                    }
                },
                Some([flag, file]) if flag == "--criteria" => match read_pack_doc(file) {
                    Ok(doc) => doc,
                    Err(()) => return ExitCode::from(2),
                },
                _ => {
                    eprintln!("{USAGE}");
                    return ExitCode::from(2);
                }
            };
            let _ = writeln!(
                io::stdout(),
                "{}",
                ctit_screening::interop::fhir_criteria::bundle(&doc)
            );
            return ExitCode::SUCCESS;
        }
        Some("--criteria-from-fhir") if args.len() == 2 => {
            let text = match read_input(&args[1]) {
                Ok(t) => t,
                Err(e) => {
                    eprintln!("{}: cannot read: {e}", args[1]);
                    return ExitCode::from(2);
                }
            };
            return match ctit_screening::interop::fhir_criteria::pack_from_bundle(&text) {
                Ok(doc) => {
                    let _ = writeln!(
                        io::stdout(),
                        "{}",
                        serde_json::to_string_pretty(&doc).unwrap_or_default()
                    );
                    ExitCode::SUCCESS
                }
                Err(problems) => {
                    for p in problems {
                        eprintln!("{}: {p}", args[1]);
                    }
                    ExitCode::from(2)
                }
            };
        }
        _ => {}
    }
    let mut pack = ctit_screening::engine::Pack::current();
    if args.first().map(String::as_str) == Some("--criteria") {
        let Some(file) = args.get(1).cloned() else {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        };
        pack = match read_pack(&file) {
            Ok(p) => p,
            Err(()) => return ExitCode::from(2),
        };
        args.drain(..2);
    }
    let mode = match args.first().map(String::as_str) {
        Some("--log") => Mode::Log,
        Some("--fhir-response") => Mode::FhirResponse,
        _ => Mode::Verdicts,
    };
    if mode != Mode::Verdicts {
        args.remove(0);
    }
    if mode != Mode::Verdicts && !std::ptr::eq(pack, ctit_screening::engine::Pack::current()) {
        eprintln!("--criteria judges verdicts; the log and FHIR responses use the build's pack");
        return ExitCode::from(2);
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
                    let line = Verdict::under(pack, &record).to_line();
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

/// A criteria pack's document from a file, or every problem said on
/// standard error.
fn read_pack_doc(path: &str) -> Result<ctit_screening::engine::pack::doc::PackDoc, ()> {
    let text = read_input(path).map_err(|e| eprintln!("{path}: cannot read: {e}"))?;
    let doc = serde_json::from_str(&text).map_err(|e| {
        eprintln!(
            "{path}: line {}, column {}: not a criteria pack: {e}",
            e.line(),
            e.column()
        )
    })?;
    // Checked here too, so a bad pack is never exported.
    ctit_screening::engine::pack::load::from_doc(&doc).map_err(|problems| {
        for p in problems {
            eprintln!("{path}: {p}");
        }
    })?;
    Ok(doc)
}

/// A criteria pack from a file, or every problem said on standard error.
fn read_pack(path: &str) -> Result<&'static ctit_screening::engine::Pack, ()> {
    let text = read_input(path).map_err(|e| eprintln!("{path}: cannot read: {e}"))?;
    ctit_screening::engine::pack::load::from_json(&text).map_err(|problems| {
        for p in problems {
            eprintln!("{path}: {p}");
        }
    })
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
