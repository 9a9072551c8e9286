//! Criteria packs: every shipped pack reads as the build compiled it, a
//! malformed pack is refused naming the criterion, the path and the problem
//! (never a panic), the rule language's parts behave as documented, and the
//! worked amendment (version 2) agrees with its hand-worked table.

mod common;

use common::{eligible_with, read};
use ctit_screening::engine::pack::{self, Pack, builtin, load};
use ctit_screening::engine::{Status, calendar_with, evaluate, evaluate_with};
use ctit_screening::record::export::Verdict;
use ctit_screening::text::Lang;
use serde_json::{Value, json};

fn v1_json() -> Value {
    serde_json::from_str(builtin::nct07063225_v1::JSON).expect("v1 is JSON")
}

fn refused(doc: &Value) -> Vec<String> {
    match load::from_json(&doc.to_string()) {
        Ok(_) => panic!("a malformed pack was accepted"),
        Err(problems) => problems.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn every_shipped_pack_reads_without_a_problem_as_the_build_compiled_it() {
    for (json, compiled) in [
        (
            builtin::nct07063225_v1::JSON,
            &builtin::nct07063225_v1::PACK,
        ),
        (
            builtin::nct07063225_v2::JSON,
            &builtin::nct07063225_v2::PACK,
        ),
    ] {
        let read = load::from_json(json).unwrap_or_else(|p| panic!("{p:?}"));
        assert_eq!(read, compiled);
    }
    assert_eq!(Pack::current(), &builtin::nct07063225_v1::PACK);
    assert_eq!(Pack::current().name(), "NCT07063225 v1");
}

#[test]
fn the_shipped_pack_holds_every_criterions_published_text_translation_and_note() {
    let published = include_str!("data/criteria-source.md").replace('\\', "");
    for c in Pack::current().criteria {
        assert!(published.contains(c.source()), "{}", c.code);
        let zh = ctit_screening::text::source_translation(Lang::Zh, c.id);
        assert!(zh.is_some_and(|t| !t.is_empty()), "{}", c.code);
        for lang in Lang::ALL {
            assert_eq!(
                lang.messages().reading_note(c.id).is_some(),
                c.has_note,
                "{}",
                c.code
            );
        }
    }
}

#[test]
fn a_malformed_pack_is_refused_naming_the_criterion_the_path_and_the_problem() {
    let mut doc = v1_json();
    doc["criteria"][3]["rule"]["platelets_below"]["unit"] = json!("g/L");
    assert_eq!(
        refused(&doc),
        [
            "criterion I4: /criteria/3/rule/platelets_below/unit: \"g/L\" is not a platelet unit (10^9/L, 10^3/uL, /uL)"
        ]
    );

    let mut doc = v1_json();
    doc["criteria"][10]["rule"]["yes_no"]["field"] = json!("organ_disease");
    doc["criteria"][11]["rule"]["yes_no"]["field"] = json!("platelet_count");
    assert_eq!(
        refused(&doc),
        [
            "criterion E1: /criteria/10/rule/yes_no/field: \"organ_disease\" is not a field of the data dictionary",
            "criterion E2: /criteria/11/rule/yes_no/field: \"platelet_count\" is a platelet count field; this check needs yes/no",
        ]
    );

    let mut doc = v1_json();
    doc["criteria"][23]["rule"]["all"][4]["qtc_at_most"]["with_bundle_branch_block_ms"] =
        json!(400);
    doc["criteria"][1]["rule"]["all"][1]["at_least"]["value"] = json!("14");
    let problems = refused(&doc);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].starts_with("line "), "{problems:?}");
    assert!(problems[0].contains("not a criteria pack"), "{problems:?}");

    let mut doc = v1_json();
    doc["criteria"][23]["rule"]["all"][4]["qtc_at_most"]["with_bundle_branch_block_ms"] =
        json!(400);
    assert_eq!(
        refused(&doc),
        [
            "criterion E14: /criteria/23/rule/all/4/qtc_at_most/with_bundle_branch_block_ms: the limit with bundle branch block is the higher one"
        ]
    );

    let mut doc = v1_json();
    doc["criteria"].as_array_mut().expect("array").swap(0, 1);
    doc["version"] = json!(0);
    doc["date"] = json!("2026-02-30");
    let problems = refused(&doc);
    assert!(problems.contains(&"/version: versions count from 1".to_string()));
    assert!(problems.contains(&"/date: must be a real date, YYYY-MM-DD".to_string()));
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("criterion I2: /criteria/0/id: criterion 1 of this trial is I1"))
    );

    for garbage in ["", "[]", "{\"format\": 1}", "null", "{\"criteria\": [{}]}"] {
        assert!(load::from_json(garbage).is_err(), "{garbage:?}");
    }
}

/// Where criterion `code` stands in the packs (published order).
fn index(code: &str) -> usize {
    Pack::current()
        .criteria
        .iter()
        .position(|c| c.code == code)
        .expect("criterion")
}

/// Version 1 with one criterion's rule replaced.
fn with_rule(code: &str, rule: Value) -> &'static Pack {
    let mut doc = v1_json();
    doc["criteria"][index(code)]["rule"] = rule;
    load::from_json(&doc.to_string()).unwrap_or_else(|p| panic!("{p:?}"))
}

/// Criterion `code`'s result for the eligible record with `changes`.
fn result(pack: &Pack, code: &str, changes: Value) -> ctit_screening::engine::CriterionResult {
    let report = evaluate_with(pack, &read(&eligible_with(changes)));
    report.criteria[index(code)].clone()
}

fn status(pack: &Pack, code: &str, changes: Value) -> Status {
    result(pack, code, changes).status
}

/// The English reasons of criterion `code` for the eligible record with `changes`.
fn reasons(pack: &Pack, code: &str, changes: Value) -> Vec<String> {
    result(pack, code, changes)
        .reason()
        .map(|f| Lang::En.messages().finding(f))
        .collect()
}

/// Asserts criterion `code`'s status for each of these changes.
#[track_caller]
fn statuses(pack: &Pack, code: &str, cases: &[(Value, Status)]) {
    for (changes, want) in cases {
        assert_eq!(status(pack, code, changes.clone()), *want, "{changes}");
    }
}

#[test]
fn any_passes_on_one_part_and_fails_only_when_every_part_fails() {
    let pack = with_rule(
        "E12",
        json!({"any": [
            {"yes_no": {"field": "antiplatelet_drugs", "wanted": false}},
            {"yes_no": {"field": "investigator_excludes", "wanted": true}},
        ]}),
    );
    let both = json!({"antiplatelet_drugs": true, "investigator_excludes": true});
    statuses(
        pack,
        "E12",
        &[
            (json!({}), Status::Pass),
            (both.clone(), Status::Pass),
            (json!({"antiplatelet_drugs": true}), Status::Fail),
            (json!({"antiplatelet_drugs": null}), Status::Unknown),
        ],
    );
    // A pass under `any` gives the part that passed as its reason, not the one that failed.
    let reasons = reasons(pack, "E12", both);
    assert_eq!(reasons.len(), 1, "{reasons:?}");
}

#[test]
fn not_turns_a_pass_into_a_fail_and_keeps_unknown_unknown() {
    let pack = with_rule(
        "E12",
        json!({"not": {"yes_no": {"field": "antiplatelet_drugs", "wanted": true}}}),
    );
    statuses(
        pack,
        "E12",
        &[
            (json!({}), Status::Pass),
            (json!({"antiplatelet_drugs": true}), Status::Fail),
            (json!({"antiplatelet_drugs": null}), Status::Unknown),
        ],
    );
}

#[test]
fn unless_makes_a_criterion_not_apply_and_says_so_in_both_languages() {
    let pack = with_rule(
        "E12",
        json!({"unless": {"field": "had_mi", "is": false, "then":
            {"yes_no": {"field": "antiplatelet_drugs", "wanted": false}}}}),
    );
    let changes = json!({"antiplatelet_drugs": true});
    assert_eq!(status(pack, "E12", changes.clone()), Status::Pass);
    assert_eq!(
        reasons(pack, "E12", changes),
        ["Heart attack ever: no, so this criterion does not apply"]
    );
    assert_eq!(
        status(
            pack,
            "E12",
            json!({"antiplatelet_drugs": true, "had_mi": true, "last_mi_date": "2025-01-01"})
        ),
        Status::Fail
    );
}

#[test]
fn a_span_in_days_counts_days_and_its_reason_says_days() {
    let v2 = &builtin::nct07063225_v2::PACK;
    let chemo = json!({"last_chemo_date": "2026-10-14"});
    assert_eq!(
        reasons(v2, "I3", chemo.clone()),
        [
            "Last chemotherapy 2026-10-14: must be before 2026-10-14 (more than 42 days before screening on 2026-11-25)"
        ]
    );
    let report = evaluate_with(v2, &read(&eligible_with(chemo)));
    let zh: Vec<String> = report
        .get(ctit_screening::engine::CriterionId::I3)
        .reason()
        .map(|f| Lang::Zh.messages().finding(f))
        .collect();
    assert!(zh[0].contains("超过 42 天"), "{zh:?}");
}

#[test]
fn the_worked_amendment_agrees_with_its_hand_worked_table() {
    let table: Value = serde_json::from_str(include_str!("packs/nct07063225-v2-cases.json"))
        .expect("table is JSON");
    let v2_read = load::from_json(builtin::nct07063225_v2::JSON).expect("v2 reads");
    for case in table["cases"].as_array().expect("cases") {
        let name = case["name"].as_str().expect("name");
        let record = read(&eligible_with(case["answers"].clone()));
        for (version, pack) in [("v1", Pack::current()), ("v2", v2_read)] {
            let want = &case[version];
            let verdict = Verdict::under(pack, &record);
            let got = serde_json::to_value(&verdict).expect("verdict");
            for key in ["outcome", "earliest_eligible"] {
                assert_eq!(got[key], want[key], "{name}, {version}: {key}");
            }
            for code in ["I3", "I4"] {
                assert_eq!(
                    got["criteria"][code], want[code],
                    "{name}, {version}: {code}"
                );
            }
        }
    }
    // And version 1 as read is what `evaluate` uses.
    let record = read(&eligible_with(
        json!({"platelet_count": {"value": 27, "unit": "10^9/L"}}),
    ));
    assert_eq!(evaluate(&record), evaluate_with(Pack::current(), &record));
    let cal = calendar_with(v2_read, &record, &evaluate_with(v2_read, &record));
    assert!(cal.blocked.iter().any(|id| id.as_str() == "I4"));
}

#[test]
fn the_current_document_is_the_compiled_pack() {
    let doc = pack::current_document().expect("reads");
    assert_eq!(load::from_doc(&doc).expect("checks"), Pack::current());
}

#[test]
fn not_turns_its_findings_round_so_a_criterion_decided_through_it_has_its_reason() {
    let pack = with_rule(
        "E12",
        json!({"not": {"yes_no": {"field": "antiplatelet_drugs", "wanted": true}}}),
    );
    for (changes, want) in [
        (json!({}), Status::Pass),
        (json!({"antiplatelet_drugs": true}), Status::Fail),
    ] {
        assert_eq!(status(pack, "E12", changes.clone()), want);
        let reasons = reasons(pack, "E12", changes);
        assert_eq!(reasons.len(), 1, "{want:?}: {reasons:?}");
    }
}

#[test]
fn not_over_a_threshold_kind_mismatches_another_trial_and_half_translated_words_are_refused() {
    let mut doc = v1_json();
    doc["criteria"][3]["rule"] = json!({"not": {"platelets_below": {"field": "platelet_count", "value": 30, "unit": "10^9/L"}}});
    assert!(
        refused(&doc)[0]
            .starts_with("criterion I4: /criteria/3/rule/not: only yes/no and serology checks")
    );

    let mut doc = v1_json();
    doc["criteria"][3]["kind"] = json!("exclusion");
    assert_eq!(
        refused(&doc),
        ["criterion I4: /criteria/3/kind: I4 is an inclusion criterion of this trial"]
    );

    let mut doc = v1_json();
    doc["trial"] = json!("NCT00000001");
    assert_eq!(
        refused(&doc),
        ["/trial: this build judges NCT07063225's criteria, not \"NCT00000001\""]
    );

    let mut doc = v1_json();
    doc["summary"]["zh"] = json!(" ");
    doc["criteria"][1]["note"]["zh"] = json!("");
    assert_eq!(
        refused(&doc),
        [
            "/summary: a summary in both languages is needed",
            "criterion I2: /criteria/1/note: a reading note is needed in both languages, or none",
        ]
    );
}

#[test]
fn a_fhir_bundle_mixing_versions_or_disagreeing_with_itself_is_refused() {
    use ctit_screening::interop::fhir_criteria::{bundle, pack_from_bundle};
    let doc = pack::current_document().expect("reads");
    let mut b = bundle(&doc);
    b["entry"][5]["resource"]["version"] = json!("2");
    b["entry"][6]["resource"]["characteristic"][0]["exclude"] = json!(true);
    let problems = pack_from_bundle(&b.to_string()).expect_err("refused");
    assert!(
        problems
            .iter()
            .any(|p| p.contains("EvidenceVariable I4: version and date differ")),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.contains("Group.characteristic[4]: exclude differs")),
        "{problems:?}"
    );
    for garbage in [
        "",
        "{}",
        "[]",
        "{\"resourceType\": \"Bundle\", \"entry\": [{}]}",
    ] {
        assert!(pack_from_bundle(garbage).is_err(), "{garbage:?}");
    }
}

#[test]
fn a_record_file_keeps_the_criteria_version_that_judged_it_or_is_refused() {
    use ctit_screening::record::draft::Draft;
    use ctit_screening::record::export::record_file_by;
    use ctit_screening::record::import::{ImportError, import_record};
    let record = read(&eligible_with(json!({})));
    let file: Value = serde_json::from_str(&record_file_by(Pack::current(), &record, "S-1", None))
        .expect("a file");
    assert_eq!(file["criteria_version"], json!(1));
    assert_eq!(
        file["criteria_text"],
        json!("ClinicalTrials.gov listing of 2025-08-22")
    );
    let import =
        |f: &Value| import_record(&f.to_string(), "S-1.json", "r1", "2026-12-06T10:00:00Z");
    assert_eq!(import(&file).expect("imports").draft.criteria_version, 1);
    // A file from before versions were written names its criteria by their text.
    let mut older = file.clone();
    older
        .as_object_mut()
        .expect("object")
        .remove("criteria_version");
    assert_eq!(import(&older).expect("imports").draft.criteria_version, 1);
    // Criteria this app does not carry: refused, never re-judged by others.
    let mut newer = file.clone();
    newer["criteria_version"] = json!(9);
    assert_eq!(
        import(&newer).map(|_| ()),
        Err(ImportError::CriteriaNotCarried("9".into()))
    );
    let mut other = older.clone();
    other["criteria_text"] = json!("Protocol amendment 4 of 2027-01-01");
    assert!(matches!(
        import(&other),
        Err(ImportError::CriteriaNotCarried(_))
    ));
    // A record with neither (a worked case) is a new screening: the current criteria.
    let case = json!({"record": record.to_json_value()});
    assert_eq!(
        import(&case).expect("imports").draft.criteria_version,
        Pack::current().version
    );
    // A copy of a record is a new screening too.
    let mut source = Draft::new("a", "2026-11-25", "2026-11-25T08:00:00Z");
    source.criteria_version = 7;
    let copy = ctit_screening::record::create::create(
        ctit_screening::record::create::Origin::Duplicate {
            source,
            label_suffix: " (copy)".into(),
        },
        "b",
        "TS",
        "2026-11-26T08:00:00Z",
    )
    .expect("created");
    assert_eq!(copy.criteria_version, Pack::current().version);
}
