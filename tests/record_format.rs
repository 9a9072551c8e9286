//! Reading records (spec §1): every problem named with its field, all
//! problems collected, and no input — however malformed — panics.

mod common;

use common::{eligible_with, record_json};
use ctit_screening::engine::{Field, ProblemKind, Record, Slot, evaluate};
use ctit_screening::text::Lang;
use proptest::prelude::*;
use serde_json::json;

fn problems_of(json: serde_json::Value) -> Vec<(String, ProblemKind)> {
    let problems = match Record::from_json_value(&json) {
        Ok(r) => r.problems,
        Err(p) => p,
    };
    problems.into_iter().map(|p| (p.path, p.kind)).collect()
}

#[test]
fn every_bad_field_is_reported_not_just_the_first() {
    let p = problems_of(eligible_with(json!({
        "ecog": 1.5,
        "qtc_ms": 900,
        "sex": "M",
        "birth_date": "1961-02-30",
        "hiv": "neg",
        "nickname": "x",
        "platelet_count": {"value": 20, "unit": "G/L"},
        "alt": {"value": -1, "uln": 40},
        "ast": {"value": 10, "uln": 0},
        "diabetes": "no",
        "last_chemo_date": "2026-12-01",
    })));
    let paths: Vec<&str> = p.iter().map(|(path, _)| path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "birth_date",
            "sex",
            "last_chemo_date",
            "platelet_count",
            "alt",
            "ast",
            "ecog",
            "hiv",
            "diabetes",
            "qtc_ms",
            "nickname"
        ]
    );
    let kind = |id: &str| {
        p.iter()
            .find(|(path, _)| path == id)
            .map(|(_, k)| k.clone())
    };
    assert_eq!(kind("ecog"), Some(ProblemKind::NotWholeNumber));
    assert_eq!(
        kind("qtc_ms"),
        Some(ProblemKind::OutOfRange { min: 250, max: 800 })
    );
    assert_eq!(kind("birth_date"), Some(ProblemKind::BadDate));
    assert_eq!(kind("nickname"), Some(ProblemKind::UnknownField));
    assert_eq!(
        kind("platelet_count"),
        Some(ProblemKind::UnknownUnit("G/L".into()))
    );
    assert_eq!(kind("alt"), Some(ProblemKind::Negative));
    assert_eq!(kind("ast"), Some(ProblemKind::UlnNotPositive));
    assert!(matches!(
        kind("last_chemo_date"),
        Some(ProblemKind::DateAfterScreening { .. })
    ));
}

#[test]
fn whole_numbers_may_be_written_with_a_zero_fraction() {
    let r =
        Record::from_json_value(&eligible_with(json!({"ecog": 2.0, "rhtpo_days": 1.4e1}))).unwrap();
    assert!(r.problems.is_empty(), "{:?}", r.problems);
}

#[test]
fn a_date_on_the_screening_day_is_valid_and_a_day_later_is_not() {
    assert!(problems_of(eligible_with(json!({"low_platelets_since": "2026-11-25"}))).is_empty());
    assert_eq!(
        problems_of(eligible_with(json!({"low_platelets_since": "2026-11-26"}))).len(),
        1
    );
}

#[test]
fn fields_that_do_not_apply_are_not_validated() {
    // A man's pregnancy answers, a radiotherapy date without radiotherapy,
    // a heart-attack date without a heart attack, an age beside a birth date.
    let json = eligible_with(json!({
        "sex": "male", "pregnant_or_suspected": "maybe", "urine_hcg": 3,
        "last_radiotherapy_date": "not a date", "last_mi_date": "2099-01-01",
        "age_years": -4,
    }));
    let r = Record::from_json_value(&json).unwrap();
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    assert_eq!(
        r.answers.slot(Field::PregnantOrSuspected),
        &Slot::NotApplicable
    );
    assert_eq!(
        r.answers.slot(Field::LastRadiotherapyDate),
        &Slot::NotApplicable
    );
    assert_eq!(r.answers.slot(Field::AgeYears), &Slot::NotApplicable);
    // and they are not written back out.
    let out = r.to_json_value();
    assert!(out["answers"].get("pregnant_or_suspected").is_none());
    assert!(out["answers"].get("age_years").is_none());
}

#[test]
fn null_is_unknown_not_an_error() {
    let r = Record::from_json_value(&eligible_with(json!({"ecog": null}))).unwrap();
    assert!(r.problems.is_empty());
    assert_eq!(r.answers.slot(Field::Ecog), &Slot::Unknown);
}

#[test]
fn record_level_problems_refuse_the_record() {
    let cases = [
        (json!([]), ""),
        (
            json!({"screening_date": "2026-11-25", "answers": {}}),
            "format",
        ),
        (
            json!({"format": "ctit-screening/1", "answers": {}}),
            "screening_date",
        ),
        (
            json!({"format": "ctit-screening/1", "screening_date": "25/11/2026"}),
            "screening_date",
        ),
        (
            json!({"format": "ctit-screening/1", "screening_date": "2026-11-25", "answers": [1]}),
            "answers",
        ),
        (
            json!({"format": "something-else/1", "screening_date": "2026-11-25", "answers": {}}),
            "format",
        ),
    ];
    for (json, path) in cases {
        let err = Record::from_json_value(&json).expect_err("must be refused");
        assert_eq!(err[0].path, path, "{json}");
    }
}

#[test]
fn a_newer_format_is_refused_with_its_own_message() {
    let err = Record::from_json_value(
        &json!({"format": "ctit-screening/2", "screening_date": "2026-11-25", "answers": {}}),
    )
    .expect_err("newer");
    assert_eq!(
        err[0].kind,
        ProblemKind::NewerFormat("ctit-screening/2".into())
    );
    let text = Lang::En.messages().problem(&err[0]);
    assert!(text.contains("newer version"), "{text}");
}

#[test]
fn field_problems_are_kept_when_the_record_is_refused() {
    let err =
        Record::from_json_value(&json!({"format": "ctit-screening/1", "answers": {"ecog": 9}}))
            .expect_err("no date");
    let paths: Vec<&str> = err.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, ["screening_date", "ecog"]);
}

#[test]
fn messages_name_the_field_and_what_is_wrong() {
    let r = Record::from_json_value(&eligible_with(json!({"qtc_ms": 900, "hbv": "pos"}))).unwrap();
    let m = Lang::En.messages();
    let texts: Vec<String> = r.problems.iter().map(|p| m.problem(p)).collect();
    assert_eq!(
        texts,
        [
            "hbv: \"pos\" is not one of \"positive\" or \"negative\"",
            "qtc_ms: must be from 250 to 800"
        ]
    );
}

#[test]
fn huge_and_tiny_numbers_are_errors_not_panics() {
    for v in [
        "1e400",
        "1e999999",
        "-1e-999999",
        "123456789012345678901234567890123456789012345678901234567890123",
        "1e18",
    ] {
        let text = format!(
            r#"{{"format":"ctit-screening/1","screening_date":"2026-11-25","answers":{{"ecog":{v},"platelet_count":{{"value":{v},"unit":"/uL"}},"alt":{{"value":1,"uln":{v}}}}}}}"#
        );
        let r = Record::from_json(&text);
        let problems = match &r {
            Ok(rec) => rec.problems.len(),
            Err(p) => p.len(),
        };
        assert!(problems >= 1, "{v}: {r:?}");
    }
}

#[test]
fn malformed_text_is_an_error_not_a_panic() {
    let samples = [
        "",
        "{",
        "{\"format\": \"ctit-screening/1\", \"screening_date\": \"2026-11-25\", \"answers\": {\"ecog\": 1",
        "null",
        "42",
        "\"text\"",
        "{\"format\": 1, \"screening_date\": 2, \"answers\": 3}",
        "{\"format\": \"ctit-screening/1\", \"screening_date\": \"2026-11-25\", \"answers\": {\"sex\": {\"a\": [1,2]}}}",
        "{\"format\": \"ctit-screening/1\", \"screening_date\": \"2026-11-25\", \"answers\": {\"血小板\": \"😀\", \"\\u0000\": 1}}",
        "\u{feff}{}",
        "{\"format\": \"ctit-screening/1\", \"screening_date\": \"２０２６-11-25\"}",
    ];
    for s in samples {
        let _ = Record::from_json(s);
    }
}

#[test]
fn writing_and_reading_back_keeps_every_answer() {
    let r = Record::from_json_value(&eligible_with(
        json!({"total_bilirubin": {"value": 0.15, "uln": 0.1}}),
    ))
    .unwrap();
    let again = Record::from_json_value(&r.to_json_value()).unwrap();
    assert_eq!(again, r);
    assert_eq!(
        r.to_json_value()["answers"]["total_bilirubin"]["value"].to_string(),
        "0.15"
    );
}

fn arb_json() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        "[ -~]{0,12}".prop_map(serde_json::Value::String),
        "\\PC{0,6}".prop_map(serde_json::Value::String),
        prop::sample::select(vec![
            "2026-11-25",
            "2026-02-30",
            "positive",
            "negative",
            "male",
            "female",
            "/uL",
            "10^9/L"
        ])
        .prop_map(|s| json!(s)),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::Array),
            prop::collection::btree_map(
                prop::sample::select(vec!["value", "unit", "uln", "x"]).prop_map(String::from),
                inner,
                0..4
            )
            .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #[test]
    fn any_answer_value_is_read_without_panic(
        id in prop::sample::select(ctit_screening::engine::FIELDS.iter().map(|d| d.id).chain(["junk", "ÄÖ"]).collect::<Vec<_>>()),
        value in arb_json(),
    ) {
        let json = record_json(json!({ id: value }));
        if let Ok(r) = Record::from_json_value(&json) {
            let report = evaluate(&r);
            prop_assert_eq!(report.criteria.len(), 25);
            for c in &report.criteria {
                let _ = Lang::En.messages().reason(c);
            }
            for p in &r.problems {
                let _ = Lang::En.messages().problem(p);
            }
        }
    }

    #[test]
    fn any_text_is_read_without_panic(text in "\\PC{0,80}") {
        let _ = Record::from_json(&text);
    }
}
