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
    // Where the time goes: each phase timed inside one pass, so every
    // record is as warm in the cache as in the loop above (timing each
    // phase in a loop of its own over all 10,000 stored values measured
    // cache misses, and the parts added up to more than the whole). The
    // clock reads add a few tens of nanoseconds per phase.
    let (mut json_only, mut validate, mut eval) = (0.0, 0.0, 0.0);
    for r in &records {
        let t0 = Instant::now();
        let Ok(value) = serde_json::from_str::<serde_json::Value>(r) else {
            continue;
        };
        let t1 = Instant::now();
        let Ok(rec) = Record::from_json_value(&value) else {
            continue;
        };
        let t2 = Instant::now();
        std::hint::black_box(evaluate(&rec));
        let t3 = Instant::now();
        json_only += (t1 - t0).as_secs_f64();
        validate += (t2 - t1).as_secs_f64();
        eval += (t3 - t2).as_secs_f64();
    }
    println!(
        "  of which: JSON text → value {:.2} µs, validation {:.2} µs, rules {:.2} µs per record",
        json_only * 1e2,
        validate * 1e2,
        eval * 1e2
    );
    println!("outcomes (eligible, not eligible, incomplete): {outcomes:?}");
}
