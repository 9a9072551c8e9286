//! The criteria table against the dictionary and the published text: every
//! field is read by some rule, every rule reads only the fields it declares,
//! and every source text is the published text, verbatim.

mod common;

use common::{eligible_with, read, record_json};
use ctit_screening::engine::finding::Ctx;
use ctit_screening::engine::{CRITERIA, CriterionKind, FIELDS, FieldSet};
use ctit_screening::text::Lang;
use proptest::prelude::*;
use serde_json::json;

/// Runs every rule on a record and checks its reads against its declaration.
fn reads_stay_declared(json: &serde_json::Value) -> FieldSet {
    let record = read(json);
    let mut all = FieldSet::EMPTY;
    for c in CRITERIA {
        let ctx = Ctx::new(&record.answers, record.screening_date);
        let _ = c.findings(&ctx);
        let declared = FieldSet::of(c.fields);
        assert!(
            ctx.reads().is_subset(declared),
            "{} read {:?}, declared {:?}",
            c.code,
            ctx.reads().iter().collect::<Vec<_>>(),
            c.fields
        );
        all = all.union(ctx.reads());
    }
    all
}

#[test]
fn there_are_ten_inclusion_and_fifteen_exclusion_criteria_in_order() {
    let codes: Vec<&str> = CRITERIA.iter().map(|c| c.code).collect();
    assert_eq!(codes.len(), 25);
    for (i, c) in CRITERIA.iter().enumerate() {
        assert_eq!(c.id as usize, i);
        let expected = if i < 10 {
            format!("I{}", i + 1)
        } else {
            format!("E{}", i - 9)
        };
        assert_eq!(c.code, expected);
        assert_eq!(c.kind == CriterionKind::Inclusion, i < 10);
    }
}

#[test]
fn every_dictionary_field_is_read_by_some_rule() {
    // Birth date absent (so age_years is read), radiotherapy and a heart
    // attack given (so their dates are read), a woman (pregnancy fields).
    let json = eligible_with(json!({
        "birth_date": null, "age_years": 40, "had_radiotherapy": true,
        "last_radiotherapy_date": "2026-01-01", "had_mi": true, "last_mi_date": "2020-01-01",
        "childbearing_potential": true, "urine_hcg": "negative",
    }));
    let mut all = reads_stay_declared(&json);
    all = all.union(reads_stay_declared(&eligible_with(json!({}))));
    let unread: Vec<&str> = FIELDS
        .iter()
        .filter(|d| !all.contains(d.field))
        .map(|d| d.id)
        .collect();
    assert!(unread.is_empty(), "fields no rule reads: {unread:?}");
    let declared = CRITERIA
        .iter()
        .fold(FieldSet::EMPTY, |s, c| s.union(FieldSet::of(c.fields)));
    assert!(FIELDS.iter().all(|d| declared.contains(d.field)));
}

#[test]
fn every_source_text_is_the_published_text_verbatim() {
    let published = include_str!("data/criteria-source.md").replace('\\', "");
    for c in CRITERIA {
        assert!(
            published.contains(c.source()),
            "{} source not found verbatim: {}",
            c.code,
            c.source()
        );
    }
}

#[test]
fn each_criterion_shows_its_own_published_text_in_published_order() {
    // Each text is found at or after the previous criterion's (E13 and E14
    // share one published paragraph), so no criterion shows another's.
    let published = include_str!("data/criteria-source.md").replace('\\', "");
    let mut at = 0;
    for c in CRITERIA {
        let found = published[at..].find(c.source());
        assert!(found.is_some(), "{} is out of published order", c.code);
        at += found.unwrap_or(0);
    }
}

#[test]
fn every_criterion_with_a_reading_note_has_its_text() {
    for lang in Lang::ALL {
        for c in CRITERIA {
            assert_eq!(
                lang.messages().reading_note(c.id).is_some(),
                c.has_note,
                "{}",
                c.code
            );
        }
    }
    let with_notes: Vec<&str> = CRITERIA
        .iter()
        .filter(|c| c.has_note)
        .map(|c| c.code)
        .collect();
    assert_eq!(
        with_notes,
        ["I2", "I3", "I7", "E3", "E9", "E10", "E13", "E14"]
    );
}

fn arb_answer() -> impl Strategy<Value = serde_json::Value> {
    prop_oneof![
        Just(json!(null)),
        any::<bool>().prop_map(|b| json!(b)),
        (0i64..500).prop_map(|n| json!(n)),
        prop::sample::select(vec![
            "2026-01-31",
            "2026-10-25",
            "2026-11-25",
            "2000-02-29",
            "positive",
            "negative",
            "male",
            "female"
        ])
        .prop_map(|s| json!(s)),
        (
            0i64..100000,
            prop::sample::select(vec!["10^9/L", "10^3/uL", "/uL"])
        )
            .prop_map(|(v, u)| json!({"value": v, "unit": u})),
        (0i64..200, 1i64..100).prop_map(|(v, u)| json!({"value": v, "uln": u})),
    ]
}

proptest! {
    #[test]
    fn rules_read_only_their_declared_fields_on_any_record(
        answers in prop::collection::btree_map(prop::sample::select(FIELDS.iter().map(|d| d.id).collect::<Vec<_>>()), arb_answer(), 0..40)
    ) {
        let json = record_json(serde_json::Value::Object(answers.into_iter().map(|(k, v)| (k.to_string(), v)).collect()));
        reads_stay_declared(&json);
    }
}
