//! `engine-time`: the engine's per-record time, natively, for the benchmark.
//!
//! `engine-time FILE...` reads worked cases (`{"record": …}`) or records,
//! then judges each as the app does when a record is shown (the report,
//! its calendar and "what would change the verdict") many times over, and
//! prints the median of several rounds in nanoseconds per record. Figures,
//! not a test: `./dev.sh bench` prints it beside the browser's.

use ctit_screening::engine::{Record, calendar, evaluate, what_is_needed};
use std::hint::black_box;
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let mut records = Vec::new();
    for path in std::env::args().skip(1) {
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{path}: cannot read: {e}");
                return ExitCode::from(2);
            }
        };
        let json: serde_json::Value = match serde_json::from_str(&text) {
            Ok(j) => j,
            Err(e) => {
                eprintln!("{path}: not JSON: {e}");
                return ExitCode::from(2);
            }
        };
        let record = json.get("record").unwrap_or(&json);
        match Record::from_json_value(record) {
            Ok(r) => records.push(r),
            Err(_) => eprintln!("{path}: not a valid record, left out"),
        }
    }
    if records.is_empty() {
        eprintln!("usage: engine-time FILE...   (worked cases or records)");
        return ExitCode::from(2);
    }
    let per_round = 2_000usize;
    let report_only = median_ns(&records, per_round, |record| {
        black_box(evaluate(black_box(record)));
    });
    let shown = median_ns(&records, per_round, |record| {
        let report = evaluate(black_box(record));
        black_box(calendar(record, &report));
        black_box(what_is_needed(record, &report));
    });
    println!(
        "engine per record, {} records × {per_round}, median of 9 rounds: report {report_only:.0} ns; report + calendar + what is needed {shown:.0} ns",
        records.len()
    );
    ExitCode::SUCCESS
}

/// The median over 9 rounds of the time per record of `judge`, in ns.
fn median_ns(records: &[Record], per_round: usize, judge: impl Fn(&Record)) -> f64 {
    let mut rounds: Vec<f64> = (0..9)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..per_round {
                records.iter().for_each(&judge);
            }
            start.elapsed().as_nanos() as f64 / (per_round * records.len()) as f64
        })
        .collect();
    rounds.sort_by(f64::total_cmp);
    rounds[4]
}
