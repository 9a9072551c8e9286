//! Words that cannot be read backwards (issue 28): a criterion's status in
//! Chinese says whether it stands in the way, on an inclusion and an
//! exclusion alike; the patient result gives one date to check again only
//! when time resolves every reason, never "start"; reasons say what the
//! patient answered; "I don't know" is an answer, not a blank; the
//! published criteria have a Chinese rendering marked as the app's.

use ctit_screening::engine::{CriterionId, Record, Status, evaluate};
use ctit_screening::patient::{DontKnow, Kept, PatientResult, result};
use ctit_screening::text::{Lang, source_translation};
use serde_json::{Value, json};

fn record(answers: Value) -> Record {
    let json =
        json!({"format": "ctit-screening/1", "screening_date": "2026-11-25", "answers": answers});
    Record::from_json_value(&json).expect("readable")
}

/// Spec case 14: a patient's answers on which nothing fails.
fn suitable() -> Value {
    let case: Value = serde_json::from_str(include_str!(
        "cases/14-patient-self-check-answers-only.json"
    ))
    .unwrap();
    case["record"]["answers"].clone()
}

/// The patient result as the self-check shows it: its reasons and its one
/// date sentence, in `lang`.
fn not_right_text(answers: Value, lang: Lang) -> (Vec<String>, Option<String>) {
    let m = lang.messages();
    match result(&record(answers), &DontKnow::default()) {
        PatientResult::NotRight {
            reasons,
            check_again_from,
            ..
        } => (
            reasons
                .iter()
                .map(|r| m.patient_reason(&r.finding))
                .collect(),
            check_again_from.map(|d| m.patient_check_again(d)),
        ),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_criterion_status_in_chinese_says_passed_or_not_never_meets() {
    let zh = Lang::Zh.messages();
    assert_eq!(zh.status(Status::Pass), "通过");
    assert_eq!(zh.status(Status::Fail), "未通过");
    assert_eq!(zh.status(Status::Unknown), "待确认");
    // On an exclusion (E6, thrombotic disease) that is absent, the status
    // reads "passed", which no reader takes for "has the disease".
    let report = evaluate(&record(suitable()));
    let e6 = report
        .criteria
        .iter()
        .find(|c| c.id == CriterionId::E6)
        .unwrap();
    assert_eq!(e6.status, Status::Pass);
    assert_eq!(zh.status(e6.status), "通过");
    for status in [Status::Pass, Status::Fail, Status::Unknown] {
        assert!(!zh.status(status).contains("符合"));
        assert!(!zh.status(status).contains("不详"));
    }
}

#[test]
fn a_reason_time_does_not_resolve_means_no_date_and_no_start_in_either_language() {
    // The patient: diabetes (for good) and a chemotherapy 6 days ago.
    let mut a = suitable();
    a["diabetes"] = json!(true);
    a["last_chemo_date"] = json!("2026-11-19");
    for lang in Lang::ALL {
        let (reasons, again) = not_right_text(a.clone(), lang);
        assert_eq!(reasons.len(), 2, "{lang:?}");
        assert_eq!(again, None, "{lang:?}");
        for r in &reasons {
            assert!(!r.contains("2026-12-"), "{lang:?}: a date in {r}");
            assert!(!r.contains("start") && !r.contains("开始"), "{r}");
        }
    }
}

#[test]
fn reasons_time_resolves_give_one_date_to_check_again_in_both_languages() {
    let mut a = suitable();
    a["last_chemo_date"] = json!("2026-11-19");
    a["had_mi"] = json!(true);
    a["last_mi_date"] = json!("2026-10-01");
    let (en, again_en) = not_right_text(a.clone(), Lang::En);
    let (zh, again_zh) = not_right_text(a, Lang::Zh);
    assert_eq!(
        again_en.as_deref(),
        Some("If nothing else changes, the study team could check again from about 2027-04-02.")
    );
    assert_eq!(
        again_zh.as_deref(),
        Some("如其他情况不变，大约从 2027-04-02 起，研究团队可以再为您核对一次。")
    );
    // The reasons carry only the dates the patient gave, never a second one.
    for r in en.iter().chain(&zh) {
        assert!(
            !r.contains("2026-12-20") && !r.contains("2027-04-02"),
            "{r}"
        );
        assert!(!r.contains("start") && !r.contains("开始"), "{r}");
    }
}

#[test]
fn reasons_say_what_the_patient_answered_not_what_they_have() {
    let mut a = suitable();
    a["diabetes"] = json!(true);
    a["last_chemo_date"] = json!("2026-11-19");
    a["birth_date"] = json!("2010-01-01");
    a["rhtpo_days"] = json!(5);
    a["ecog"] = json!(3);
    a["platelet_count"] = json!({"value": 45, "unit": "10^9/L"});
    a["thrombotic_disease"] = json!(true);
    let (en, _) = not_right_text(a.clone(), Lang::En);
    let (zh, _) = not_right_text(a, Lang::Zh);
    assert_eq!(en.len(), 7);
    for r in &en {
        assert!(
            r.starts_with("you answered that") || r.starts_with("the sentence you chose"),
            "{r}"
        );
    }
    for r in &zh {
        assert!(
            r.starts_with("您回答") || r.starts_with("您填写") || r.starts_with("您选择"),
            "{r}"
        );
    }
    assert!(en.contains(&"you answered that you have diabetes".to_string()));
    assert!(zh.contains(&"您回答有糖尿病".to_string()));
}

#[test]
fn the_chemotherapy_question_and_its_reason_say_the_same_thing_in_both_languages() {
    use ctit_screening::engine::Field;
    let (en, zh) = (Lang::En.messages(), Lang::Zh.messages());
    assert!(
        en.patient_question(Field::LastChemoDate)
            .contains("course of chemotherapy end")
    );
    assert!(
        zh.patient_question(Field::LastChemoDate)
            .contains("化疗疗程")
    );
    let mut a = suitable();
    a["last_chemo_date"] = json!("2026-11-19");
    let (reasons, _) = not_right_text(a.clone(), Lang::En);
    assert!(
        reasons[0].contains("last chemotherapy ended on 2026-11-19"),
        "{reasons:?}"
    );
    let (reasons, _) = not_right_text(a, Lang::Zh);
    assert!(
        reasons[0].contains("化疗疗程在 2026-11-19 结束"),
        "{reasons:?}"
    );
    for m in [en, zh] {
        assert!(m.patient_help(Field::LastChemoDate).is_some());
        assert!(m.patient_help(Field::LowPlateletsSince).is_some());
    }
}

#[test]
fn i_dont_know_is_listed_for_the_team_and_never_as_unfinished() {
    let mut a = suitable();
    a["diabetes"] = Value::Null;
    let kept: Kept =
        serde_json::from_value(json!({"id": "patient", "dont_know": ["diabetes"]})).unwrap();
    match result(&record(a.clone()), &kept.dont_know) {
        PatientResult::MayTakePart { not_known, .. } => {
            assert_eq!(not_known, vec![ctit_screening::engine::Field::Diabetes]);
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        result(&record(a), &DontKnow::default()),
        PatientResult::NotFinished { .. }
    ));
}

#[test]
fn every_criterion_has_a_chinese_rendering_of_its_published_text_and_english_needs_none() {
    for c in ctit_screening::engine::criteria::CRITERIA {
        let zh = source_translation(Lang::Zh, c.id);
        let zh = zh.unwrap_or_else(|| panic!("{:?} has no Chinese rendering", c.id));
        assert!(zh.chars().any(|ch| ('\u{4e00}'..='\u{9fff}').contains(&ch)));
        assert_eq!(source_translation(Lang::En, c.id), None);
    }
    // One published bullet, one rendering.
    assert_eq!(
        source_translation(Lang::Zh, CriterionId::E13),
        source_translation(Lang::Zh, CriterionId::E14)
    );
}
