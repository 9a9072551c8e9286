//! A catalogue of broken stored entries (tests/data/broken-entries.json, also
//! planted in the browser by tests/browser/storage.test.mjs): every one is
//! reported, none panics, none is changed, and good records beside them load.

use ctit_screening::record::draft::Draft;
use ctit_screening::record::stored::{load_all, save};
use ctit_screening::storage::{KeyValue, MemoryStore};
use serde_json::Value;

fn catalogue() -> Vec<(String, String)> {
    let text = include_str!("data/broken-entries.json");
    let list: Vec<Value> = serde_json::from_str(text).expect("catalogue is JSON");
    list.iter()
        .map(|e| {
            (
                e["key"].as_str().unwrap().to_string(),
                e["value"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn every_broken_entry_is_reported_kept_as_it_was_and_good_records_still_load() {
    let broken = catalogue();
    assert!(broken.len() >= 40);
    let mut kv = MemoryStore::default();
    for (k, v) in &broken {
        kv.set(k, v).unwrap();
    }
    for i in 0..3 {
        let mut d = Draft::new(&format!("good{i}"), "2026-11-25", "2026-11-25T10:00:00Z");
        // (Storage keeps no record without the entry saying how it came to be.)
        ctit_screening::record::history::begin(
            &mut d,
            ctit_screening::record::history::Kind::Created,
            "",
            0,
            "TS",
            "2026-11-25T10:00:00Z",
        );
        save(&mut kv, &d, 0).unwrap();
    }
    kv.set("other-app/key", "{not ours").unwrap();
    let cat = load_all(&mut kv).expect("loads");
    assert_eq!(
        cat.drafts
            .iter()
            .filter(|s| s.draft.id.starts_with("good"))
            .count(),
        3
    );
    let reported: Vec<&str> = cat.broken.iter().map(|b| b.key.as_str()).collect();
    for (k, v) in &broken {
        // Kept byte for byte.
        assert_eq!(
            kv.get(k).unwrap().as_deref(),
            Some(v.as_str()),
            "{k} changed"
        );
        assert!(reported.contains(&k.as_str()), "{k} not reported");
    }
    assert_eq!(
        kv.get("other-app/key").unwrap().as_deref(),
        Some("{not ours")
    );
}
