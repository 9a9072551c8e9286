//! Engine benchmark: prints how long reading + evaluating one record takes,
//! and 10,000 records, natively. Run: `cargo run --release --example bench_engine`.

use ctit_screening::engine::{Record, evaluate};
use std::time::Instant;

fn main() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/cases/01-eligible-full-record.json"
    );
    let case: serde_json::Value =
        match std::fs::read_to_string(path).map(|t| serde_json::from_str(&t)) {
            Ok(Ok(v)) => v,
            _ => {
                eprintln!("cannot read {path}");
                std::process::exit(2);
            }
        };
    let text = case["record"].to_string();
    // Vary the records so nothing is trivially cached.
    let records: Vec<String> = (0..10_000)
        .map(|i| text.replace("\"ecog\":1", &format!("\"ecog\":{}", i % 5)))
        .collect();
    let mut outcomes = [0usize; 3];
    // Warm up, then measure.
    for r in records.iter().take(200) {
        let _ = Record::from_json(r).map(|rec| evaluate(&rec));
    }
    let start = Instant::now();
    for r in &records {
        if let Ok(rec) = Record::from_json(r) {
            outcomes[evaluate(&rec).outcome as usize] += 1;
        }
    }
    let total = start.elapsed();
    println!(
        "engine: 10,000 records read + evaluated in {:.1} ms",
        total.as_secs_f64() * 1e3
    );
    println!(
        "engine: {:.2} µs per record",
        total.as_secs_f64() * 1e6 / 10_000.0
    );
    let start = Instant::now();
    let parsed: Vec<serde_json::Value> = records
        .iter()
        .filter_map(|r| serde_json::from_str(r).ok())
        .collect();
    let json_only = start.elapsed();
    let start = Instant::now();
    let read: Vec<Record> = parsed
        .iter()
        .filter_map(|j| Record::from_json_value(j).ok())
        .collect();
    let validate = start.elapsed();
    let start = Instant::now();
    for r in &read {
        std::hint::black_box(evaluate(r));
    }
    let eval = start.elapsed();
    println!(
        "  of which: JSON text → value {:.2} µs, validation {:.2} µs, rules {:.2} µs per record",
        json_only.as_secs_f64() * 1e2,
        validate.as_secs_f64() * 1e2,
        eval.as_secs_f64() * 1e2
    );
    println!("outcomes (eligible, not eligible, incomplete): {outcomes:?}");
}
