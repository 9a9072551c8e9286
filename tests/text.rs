//! Wording in both languages: every reason of every shared case renders,
//! Chinese is really Chinese, and the patient's words never say "eligible".

mod common;

use ctit_screening::engine::{CRITERIA, Record, evaluate};
use ctit_screening::patient::all_questions;
use ctit_screening::text::Lang;

fn cases() -> Vec<Record> {
    common::case_records()
        .iter()
        .map(|(_, json)| Record::from_json_value(json).unwrap())
        .collect()
}

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn every_reason_of_every_case_renders_in_both_languages() {
    for record in cases() {
        let report = evaluate(&record);
        for lang in Lang::ALL {
            for r in &report.criteria {
                let text = lang.messages().reason(r);
                assert!(!text.is_empty(), "{lang:?} {:?}", r.id);
            }
        }
        for r in &report.criteria {
            assert!(has_cjk(&Lang::Zh.messages().reason(r)), "{:?}", r.id);
        }
    }
}

#[test]
fn chinese_labels_titles_and_questions_are_chinese() {
    let zh = Lang::Zh.messages();
    for c in CRITERIA {
        assert!(has_cjk(zh.criterion_title(c.id)), "{}", c.code);
        assert!(!zh.team_check(c.id).is_empty());
    }
    for f in ctit_screening::engine::FIELDS.iter().map(|d| d.field) {
        let label = zh.field_label(f);
        // Lab and virus names keep their international abbreviations.
        assert!(
            has_cjk(label) || ["HIV", "QTc"].contains(&label),
            "{f:?}: {label}"
        );
    }
    for f in all_questions() {
        assert!(has_cjk(zh.patient_question(f)), "{f:?}");
        assert!(!Lang::En.messages().patient_question(f).is_empty());
    }
}

#[test]
fn patient_wording_never_says_you_are_eligible() {
    for lang in Lang::ALL {
        let ui = lang.screens();
        let patient_texts = [
            ui.p_title,
            ui.p_about,
            ui.p_privacy,
            ui.p_expect,
            ui.p_not_right,
            ui.p_check_with_team,
            ui.p_not_finished,
            ui.p_may_take_part,
            ui.p_never_final,
            ui.p_next_steps,
            ui.p_ask_doctor,
        ];
        for t in patient_texts {
            let lower = t.to_lowercase();
            assert!(
                !lower.contains("you are eligible") && !lower.contains("符合入组"),
                "{t}"
            );
        }
    }
}

#[test]
fn browser_language_tags_choose_the_language() {
    assert_eq!(Lang::from_tag("zh-CN"), Lang::Zh);
    assert_eq!(Lang::from_tag("zh-Hans"), Lang::Zh);
    assert_eq!(Lang::from_tag("ZH"), Lang::Zh);
    assert_eq!(Lang::from_tag("en-GB"), Lang::En);
    assert_eq!(Lang::from_tag(""), Lang::En);
}

#[test]
fn an_answer_left_out_of_the_patients_code_is_named_in_both_languages() {
    for lang in Lang::ALL {
        let h = lang.handoff();
        let change = lang.screens().p_change_answers;
        assert!((h.left_out)(change).contains(change), "{lang:?}");
        assert!((h.not_in_code)("2x").starts_with("2x"), "{lang:?}");
    }
    assert!(has_cjk(&(Lang::Zh.handoff().left_out)("修改我的回答")));
    assert!(has_cjk(&(Lang::Zh.handoff().not_in_code)("2x")));
}

#[test]
fn a_refused_answer_names_its_field_in_both_languages() {
    for lang in Lang::ALL {
        let (h, m) = (lang.handoff(), lang.messages());
        for f in all_questions() {
            let label = m.field_label(f);
            assert!((h.scan_bad_answer)(label).contains(label), "{lang:?} {f:?}");
        }
        assert!(!h.scan_bad_date.is_empty());
    }
    let zh = Lang::Zh.handoff();
    assert!(has_cjk(zh.scan_bad_date) && has_cjk(&(zh.scan_bad_answer)("ECOG")));
}
