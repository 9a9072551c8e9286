//! The eligibility calendar: dates at month ends and leap years, the
//! combined date as the latest of the time-dependent dates, and re-screening
//! on the computed date (eligible) and the day before (not).

mod common;

use common::{eligible_with, read};
use ctit_screening::engine::{
    CriterionId, Date, Field, Outcome, Record, calendar, evaluate, what_is_needed,
};
use proptest::prelude::*;
use serde_json::json;

fn d(s: &str) -> Date {
    Date::parse(s).expect(s)
}

fn cal(changes: serde_json::Value) -> ctit_screening::engine::Calendar {
    let r = read(&eligible_with(changes));
    calendar(&r, &evaluate(&r))
}

fn on(record: &Record, date: Date) -> Outcome {
    let mut r = record.clone();
    r.screening_date = date;
    evaluate(&r).outcome
}

#[test]
fn recent_chemo_gives_the_day_after_one_calendar_month() {
    let c = cal(json!({"last_chemo_date": "2026-11-01"}));
    assert_eq!(c.earliest_eligible, Some(d("2026-12-02")));
    assert_eq!(c.time_fixes.len(), 1);
    assert_eq!(c.time_fixes[0].id, CriterionId::I3);
}

#[test]
fn month_end_dates_clamp() {
    // Chemo on 31 October: a month later is 30 November; eligible from 1 December.
    assert_eq!(
        cal(json!({"last_chemo_date": "2026-10-31"})).earliest_eligible,
        Some(d("2026-12-01"))
    );
}

#[test]
fn leap_day_birth_turns_18_on_first_of_march_in_a_common_year() {
    assert_eq!(
        cal(json!({"birth_date": "2009-02-28"})).earliest_eligible,
        Some(d("2027-02-28"))
    );
    // Born 29 February 2008, screened before the 18th birthday (2026 is a common year).
    let mut rec = eligible_with(
        json!({"birth_date": "2008-02-29", "last_chemo_date": "2025-01-01", "low_platelets_since": "2025-01-01"}),
    );
    rec["screening_date"] = json!("2026-01-10");
    let r = read(&rec);
    assert_eq!(
        calendar(&r, &evaluate(&r)).earliest_eligible,
        Some(d("2026-03-01"))
    );
}

#[test]
fn the_combined_date_is_the_latest_and_heart_attack_counts_six_months() {
    let c = cal(json!({
        "last_chemo_date": "2026-11-10",
        "low_platelets_since": "2026-11-20",
        "had_mi": true, "last_mi_date": "2026-08-31",
    }));
    let dates: Vec<(CriterionId, Date)> = c.time_fixes.iter().map(|t| (t.id, t.from)).collect();
    assert_eq!(
        dates,
        vec![
            (CriterionId::I3, d("2026-12-11")),
            (CriterionId::I5, d("2026-12-21")),
            (CriterionId::E14, d("2027-03-01")), // 31 Aug + 6 months = 28 Feb (clamped); then the day after
        ]
    );
    assert_eq!(c.earliest_eligible, Some(d("2027-03-01")));
}

#[test]
fn a_fail_that_time_does_not_change_gives_no_date() {
    let c = cal(json!({"last_chemo_date": "2026-11-10", "diabetes": true}));
    assert_eq!(c.blocked, vec![CriterionId::E10]);
    assert_eq!(c.earliest_eligible, None);
    assert_eq!(c.not_before, None);
    // Within one criterion too: a recent heart attack and atrial fibrillation.
    let c = cal(json!({"had_mi": true, "last_mi_date": "2026-10-01", "atrial_fibrillation": true}));
    assert_eq!(c.blocked, vec![CriterionId::E14]);
    // An age known only in years has no birthday to count to.
    assert_eq!(
        cal(json!({"birth_date": null, "age_years": 17})).blocked,
        vec![CriterionId::I1]
    );
}

#[test]
fn with_other_criteria_unknown_it_is_not_before_and_names_what_is_still_needed() {
    let c = cal(json!({"last_chemo_date": "2026-11-10", "consent_signed": null}));
    assert_eq!(c.earliest_eligible, None);
    assert_eq!(c.not_before, Some(d("2026-12-11")));
    assert_eq!(c.still_needed, vec![Field::ConsentSigned]);
}

#[test]
fn an_eligible_record_is_eligible_from_its_screening_date() {
    assert_eq!(cal(json!({})).earliest_eligible, Some(d("2026-11-25")));
}

#[test]
fn needed_fields_are_grouped_by_criterion_rule_outs_first() {
    let r = read(&eligible_with(
        json!({"consent_signed": null, "childbearing_potential": true, "urine_hcg": null, "alt": null, "ast": null}),
    ));
    let needed = what_is_needed(&r, &evaluate(&r));
    let ids: Vec<CriterionId> = needed.iter().map(|n| n.id).collect();
    assert_eq!(
        ids,
        vec![CriterionId::I10, CriterionId::E13, CriterionId::I7]
    );
    assert!(needed.iter().all(|n| n.could_rule_out));
    assert_eq!(needed[2].fields, vec![Field::Alt, Field::Ast]);
}

fn date_between(from: i64, to: i64) -> impl Strategy<Value = String> {
    (from..to).prop_map(|n| Date::from_days(n).expect("in range").to_string())
}

proptest! {
    #[test]
    fn rescreening_on_the_computed_date_is_eligible_and_the_day_before_is_not(
        birth in date_between(Date::parse("2004-01-01").unwrap().to_days(), Date::parse("2009-06-30").unwrap().to_days()),
        chemo in date_between(Date::parse("2026-08-01").unwrap().to_days(), Date::parse("2026-11-26").unwrap().to_days()),
        low in date_between(Date::parse("2026-06-01").unwrap().to_days(), Date::parse("2026-11-26").unwrap().to_days()),
        had_rt in any::<bool>(),
        rt in date_between(Date::parse("2026-08-01").unwrap().to_days(), Date::parse("2026-11-26").unwrap().to_days()),
        had_mi in any::<bool>(),
        mi in date_between(Date::parse("2025-12-01").unwrap().to_days(), Date::parse("2026-11-26").unwrap().to_days()),
    ) {
        let rec = read(&eligible_with(json!({
            "birth_date": birth, "last_chemo_date": chemo, "low_platelets_since": low,
            "had_radiotherapy": had_rt, "last_radiotherapy_date": rt,
            "had_mi": had_mi, "last_mi_date": mi,
        })));
        let report = evaluate(&rec);
        let c = calendar(&rec, &report);
        prop_assert!(c.blocked.is_empty());
        let date = c.earliest_eligible.expect("only time stands in the way");
        prop_assert_eq!(Some(date), c.time_fixes.iter().map(|t| t.from).max().or(Some(rec.screening_date)));
        prop_assert_eq!(on(&rec, date), Outcome::Eligible);
        if date > rec.screening_date {
            prop_assert_eq!(on(&rec, date.add_days(-1).unwrap()), Outcome::NotEligible);
        }
    }
}
