//! Every rule of spec §4 at its boundaries, one behaviour per test. Each
//! test varies the complete eligible record (shared case 01).

mod common;

use common::{check, criterion, eligible_with, record_json, report};
use ctit_screening::engine::{Field, Outcome, Status::*};
use serde_json::json;

#[test]
fn i1_age_18_on_the_screening_day_passes_and_one_day_short_fails() {
    check("I1", json!({"birth_date": "2008-11-25"}), Pass);
    check("I1", json!({"birth_date": "2008-11-26"}), Fail);
}

#[test]
fn i1_leap_day_birth_completes_a_year_on_first_of_march() {
    // Born 2008-02-29: 18 on 2026-03-01, not on 2026-02-28.
    let on = |date: &str| {
        let mut r = eligible_with(
            json!({"birth_date": "2008-02-29", "last_chemo_date": "2025-01-01", "low_platelets_since": "2025-01-01"}),
        );
        r["screening_date"] = json!(date);
        criterion(&report(&r), "I1").status
    };
    assert_eq!(on("2026-02-28"), Fail);
    assert_eq!(on("2026-03-01"), Pass);
}

#[test]
fn i1_uses_age_in_years_only_without_a_birth_date() {
    check("I1", json!({"birth_date": null, "age_years": 18}), Pass);
    check("I1", json!({"birth_date": null, "age_years": 17}), Fail);
    check("I1", json!({"birth_date": null}), Unknown);
    // With a birth date, a contradicting age is ignored (it does not apply).
    check(
        "I1",
        json!({"birth_date": "1961-04-02", "age_years": 5}),
        Pass,
    );
}

#[test]
fn i1_invalid_birth_date_is_unknown_not_replaced_by_age() {
    check(
        "I1",
        json!({"birth_date": "1961-02-30", "age_years": 65}),
        Unknown,
    );
}

#[test]
fn i2_each_part_of_refractory_ctit_decides() {
    check("I2", json!({"cit_diagnosis": false}), Fail);
    check("I2", json!({"rhtpo_days": 14}), Pass);
    check("I2", json!({"rhtpo_days": 13}), Fail);
    check("I2", json!({"rhtpo_dose_u_per_kg": 299.99}), Fail);
    check("I2", json!({"rhtpo_dose_u_per_kg": 300.0}), Pass);
    check(
        "I2",
        json!({"platelet_after_rhtpo": {"value": 30, "unit": "10^9/L"}}),
        Fail,
    );
    check(
        "I2",
        json!({"platelet_after_rhtpo": {"value": 29.999, "unit": "10^9/L"}}),
        Pass,
    );
    check(
        "I2",
        json!({"platelet_after_rhtpo": {"value": 30000, "unit": "/uL"}}),
        Fail,
    );
    check(
        "I2",
        json!({"platelet_after_rhtpo": {"value": 29999, "unit": "/uL"}}),
        Pass,
    );
}

#[test]
fn i2_one_failing_part_decides_even_with_others_unknown() {
    check(
        "I2",
        json!({"rhtpo_days": 13, "rhtpo_dose_u_per_kg": null, "cit_diagnosis": null}),
        Fail,
    );
    check("I2", json!({"rhtpo_dose_u_per_kg": null}), Unknown);
}

#[test]
fn i3_chemo_exactly_one_month_ago_fails_and_a_day_more_passes() {
    check("I3", json!({"last_chemo_date": "2026-10-25"}), Fail);
    check("I3", json!({"last_chemo_date": "2026-10-24"}), Pass);
    check("I3", json!({"last_chemo_date": "2026-11-25"}), Fail);
}

#[test]
fn i3_month_end_clamping_counts_calendar_months() {
    // One month after 2026-01-31 is 2026-02-28: on 2026-02-28 not yet more than a month.
    let on = |chemo: &str, date: &str| {
        let mut r =
            eligible_with(json!({"last_chemo_date": chemo, "low_platelets_since": "2025-01-01"}));
        r["screening_date"] = json!(date);
        criterion(&report(&r), "I3").status
    };
    assert_eq!(on("2026-01-31", "2026-02-28"), Fail);
    assert_eq!(on("2026-01-31", "2026-03-01"), Pass);
    assert_eq!(on("2024-01-31", "2024-02-29"), Fail);
    assert_eq!(on("2024-01-31", "2024-03-01"), Pass);
    // On 31 March, chemo on 28 February is more than a month ago (28 March < 31 March).
    assert_eq!(on("2026-02-28", "2026-03-31"), Pass);
    assert_eq!(on("2026-03-01", "2026-03-31"), Fail);
}

#[test]
fn i3_radiotherapy_decides_only_when_given() {
    check(
        "I3",
        json!({"had_radiotherapy": true, "last_radiotherapy_date": "2026-10-24"}),
        Pass,
    );
    check(
        "I3",
        json!({"had_radiotherapy": true, "last_radiotherapy_date": "2026-10-25"}),
        Fail,
    );
    check("I3", json!({"had_radiotherapy": true}), Unknown);
    check("I3", json!({"had_radiotherapy": null}), Unknown);
    // No radiotherapy: a recent date left in the record does not apply.
    check(
        "I3",
        json!({"had_radiotherapy": false, "last_radiotherapy_date": "2026-11-20"}),
        Pass,
    );
    // Recent chemo fails whatever is known of radiotherapy.
    check(
        "I3",
        json!({"last_chemo_date": "2026-11-01", "had_radiotherapy": null}),
        Fail,
    );
    check(
        "I3",
        json!({"last_chemo_date": null, "had_radiotherapy": true, "last_radiotherapy_date": "2026-11-01"}),
        Fail,
    );
}

#[test]
fn i4_platelets_exactly_30_fail_in_every_unit() {
    for (value, unit, want) in [
        (json!(30), "10^9/L", Fail),
        (json!(29.9), "10^9/L", Pass),
        (json!(30), "10^3/uL", Fail),
        (json!(29), "10^3/uL", Pass),
        (json!(30000), "/uL", Fail),
        (json!(29999), "/uL", Pass),
        (json!(0), "10^9/L", Pass),
    ] {
        check(
            "I4",
            json!({"platelet_count": {"value": value, "unit": unit}}),
            want,
        );
    }
}

#[test]
fn i5_low_platelets_for_more_than_one_calendar_month() {
    check("I5", json!({"low_platelets_since": "2026-10-24"}), Pass);
    check("I5", json!({"low_platelets_since": "2026-10-25"}), Fail);
    check("I5", json!({"low_platelets_since": null}), Unknown);
}

#[test]
fn i6_i10_e_single_yes_no_criteria() {
    check("I6", json!({"expected_survival_6m": false}), Fail);
    check("I10", json!({"consent_signed": false}), Fail);
    check("I10", json!({"consent_signed": null}), Unknown);
    for (code, field) in [
        ("E1", "uncontrolled_organ_disease"),
        ("E2", "poor_compliance"),
        ("E4", "severe_bleeding"),
        ("E6", "thrombotic_disease"),
        ("E7", "prior_allo_transplant"),
        ("E8", "mental_disorder_precludes_consent"),
        ("E9", "unresolved_prior_toxicity"),
        ("E12", "antiplatelet_drugs"),
        ("E15", "investigator_excludes"),
    ] {
        check(code, json!({ field: true }), Fail);
        check(code, json!({ field: null }), Unknown);
    }
}

#[test]
fn i7_exactly_one_and_a_half_uln_fails_exactly() {
    check("I7", json!({"alt": {"value": 60, "uln": 40}}), Fail);
    check("I7", json!({"alt": {"value": 59.99, "uln": 40}}), Pass);
    // No floating-point surprise: 0.15 is exactly 1.5 × 0.1.
    check(
        "I7",
        json!({"creatinine": {"value": 0.15, "uln": 0.1}}),
        Fail,
    );
    check(
        "I7",
        json!({"creatinine": {"value": 0.149999, "uln": 0.1}}),
        Pass,
    );
    check(
        "I7",
        json!({"total_bilirubin": {"value": 31.5, "uln": 21}}),
        Fail,
    );
    check("I7", json!({"ast": {"value": 1e3, "uln": 40}}), Fail);
    check("I7", json!({"physical_exam_ok": false}), Fail);
    check("I7", json!({"ast": null}), Unknown);
    check(
        "I7",
        json!({"ast": null, "alt": {"value": 100, "uln": 40}}),
        Fail,
    );
}

#[test]
fn i8_ecog_2_passes_3_fails() {
    check("I8", json!({"ecog": 2}), Pass);
    check("I8", json!({"ecog": 3}), Fail);
    check("I8", json!({"ecog": 0}), Pass);
}

#[test]
fn i9_nyha_2_passes_3_fails_and_e14_follows() {
    check("I9", json!({"nyha_class": 2}), Pass);
    check("I9", json!({"nyha_class": 3}), Fail);
    check("E14", json!({"nyha_class": 3}), Fail);
    check("E14", json!({"nyha_class": null}), Unknown);
}

#[test]
fn e3_one_positive_decides_and_hdv_is_not_needed() {
    for marker in ["hiv", "hbv", "hcv", "hdv", "syphilis", "ebv_dna", "cmv_dna"] {
        check("E3", json!({ marker: "positive" }), Fail);
    }
    check("E3", json!({"hdv": null}), Pass);
    check("E3", json!({"known_infection": null}), Pass);
    check("E3", json!({"known_infection": true}), Fail);
    check("E3", json!({"cmv_dna": null}), Unknown);
    check("E3", json!({"cmv_dna": null, "hiv": "positive"}), Fail);
    check(
        "E3",
        json!({"cmv_dna": null, "known_infection": true}),
        Fail,
    );
}

#[test]
fn e5_e10_e11_any_one_true_excludes() {
    check("E5", json!({"heart_disease_needing_treatment": true}), Fail);
    check(
        "E5",
        json!({"uncontrolled_hypertension": true, "heart_disease_needing_treatment": null}),
        Fail,
    );
    check("E5", json!({"uncontrolled_hypertension": null}), Unknown);
    for f in [
        "diabetes",
        "severe_heart_failure",
        "recent_cardiac_event_6m",
        "gastric_ulcer",
        "active_autoimmune_disease",
        "other_serious_disease",
    ] {
        check("E10", json!({ f: true }), Fail);
        check("E10", json!({ f: null }), Unknown);
    }
    check("E11", json!({"sepsis": true}), Fail);
    check("E11", json!({"irregular_bleeding": true}), Fail);
}

#[test]
fn e13_men_pass_and_their_pregnancy_answers_are_ignored() {
    check(
        "E13",
        json!({"sex": "male", "pregnant_or_suspected": true, "urine_hcg": "positive"}),
        Pass,
    );
    check(
        "E13",
        json!({"sex": "male", "pregnant_or_suspected": "not a boolean"}),
        Pass,
    );
}

#[test]
fn e13_pregnancy_hcg_and_breastfeeding() {
    check("E13", json!({"pregnant_or_suspected": true}), Fail);
    check("E13", json!({"breastfeeding": true}), Fail);
    check("E13", json!({"urine_hcg": "positive"}), Fail);
    check("E13", json!({"childbearing_potential": true}), Unknown);
    check(
        "E13",
        json!({"childbearing_potential": true, "urine_hcg": "negative"}),
        Pass,
    );
    check(
        "E13",
        json!({"childbearing_potential": null, "urine_hcg": "negative"}),
        Pass,
    );
    check("E13", json!({"childbearing_potential": null}), Unknown);
    // Sex unknown counts as "not male": a pregnancy still excludes.
    check(
        "E13",
        json!({"sex": null, "pregnant_or_suspected": true}),
        Fail,
    );
    check("E13", json!({"sex": null}), Pass);
}

#[test]
fn e14_heart_attack_exactly_six_months_ago_still_excludes() {
    check(
        "E14",
        json!({"had_mi": true, "last_mi_date": "2026-05-25"}),
        Fail,
    );
    check(
        "E14",
        json!({"had_mi": true, "last_mi_date": "2026-05-24"}),
        Pass,
    );
    check("E14", json!({"had_mi": true}), Unknown);
    check("E14", json!({"had_mi": null}), Unknown);
    check(
        "E14",
        json!({"had_mi": false, "last_mi_date": "2026-11-01"}),
        Pass,
    );
}

#[test]
fn e14_qtc_limits_depend_on_bundle_branch_block() {
    check("E14", json!({"qtc_ms": 450}), Pass);
    check("E14", json!({"qtc_ms": 451}), Fail);
    check(
        "E14",
        json!({"qtc_ms": 451, "bundle_branch_block": true}),
        Pass,
    );
    check(
        "E14",
        json!({"qtc_ms": 480, "bundle_branch_block": true}),
        Pass,
    );
    check(
        "E14",
        json!({"qtc_ms": 481, "bundle_branch_block": true}),
        Fail,
    );
    check(
        "E14",
        json!({"qtc_ms": 465, "bundle_branch_block": null}),
        Unknown,
    );
    check(
        "E14",
        json!({"qtc_ms": 481, "bundle_branch_block": null}),
        Fail,
    );
    check(
        "E14",
        json!({"qtc_ms": 440, "bundle_branch_block": null}),
        Pass,
    );
    check("E14", json!({"qtc_ms": null}), Unknown);
}

#[test]
fn e14_arrhythmias_exclude() {
    check("E14", json!({"arrhythmia_needing_treatment": true}), Fail);
    check("E14", json!({"atrial_fibrillation": true}), Fail);
}

#[test]
fn a_bad_field_is_unknown_for_itself_only() {
    let r = report(&eligible_with(json!({"ecog": "one", "diabetes": true})));
    assert_eq!(criterion(&r, "I8").status, Unknown);
    assert_eq!(criterion(&r, "E10").status, Fail);
    assert_eq!(criterion(&r, "I1").status, Pass);
    assert_eq!(r.outcome, Outcome::NotEligible);
}

#[test]
fn outcome_follows_fail_then_all_pass_then_incomplete() {
    assert_eq!(report(&eligible_with(json!({}))).outcome, Outcome::Eligible);
    assert_eq!(
        report(&eligible_with(json!({"ecog": 3, "consent_signed": null}))).outcome,
        Outcome::NotEligible
    );
    assert_eq!(
        report(&eligible_with(json!({"consent_signed": null}))).outcome,
        Outcome::Incomplete
    );
    assert_eq!(report(&record_json(json!({}))).outcome, Outcome::Incomplete);
}

#[test]
fn unknown_criteria_name_the_fields_that_would_decide_them() {
    let r = report(&eligible_with(
        json!({"qtc_ms": 465, "bundle_branch_block": null, "consent_signed": null}),
    ));
    assert_eq!(
        r.missing_fields(),
        vec![Field::ConsentSigned, Field::BundleBranchBlock]
    );
    let r = report(&eligible_with(json!({"had_radiotherapy": true})));
    assert_eq!(r.missing_fields(), vec![Field::LastRadiotherapyDate]);
    let r = report(&eligible_with(json!({"birth_date": null})));
    assert_eq!(r.missing_fields(), vec![Field::BirthDate, Field::AgeYears]);
    let r = report(&eligible_with(json!({"childbearing_potential": true})));
    assert_eq!(r.missing_fields(), vec![Field::UrineHcg]);
}
