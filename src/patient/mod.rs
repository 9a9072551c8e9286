//! The patient self-check, decided purely: which questions are asked in which
//! step (only fields the spec marks P), and which of the spec's three patient
//! results applies (§3): a criterion fails → "may not be right for you,
//! because …"; else a question is unanswered → "not finished yet"; else
//! "you may be able to take part — the study team will check …". There is no
//! result that tells a patient they are eligible.

use crate::engine::dictionary::Field;
use crate::engine::{CriterionId, Date, Finding, Record, Slot, Status, calendar, evaluate};

/// The questions of each step, in order (plain-word titles live in `text`).
pub const STEPS: [&[Field]; 7] = {
    use Field::*;
    [
        &[BirthDate, AgeYears, Sex],
        &[
            CitDiagnosis,
            RhtpoDays,
            LastChemoDate,
            HadRadiotherapy,
            LastRadiotherapyDate,
        ],
        &[PlateletCount, LowPlateletsSince],
        &[Ecog],
        &[
            HeartDiseaseNeedingTreatment,
            HadMi,
            LastMiDate,
            AtrialFibrillation,
            ThromboticDisease,
        ],
        &[
            KnownInfection,
            SevereBleeding,
            PriorAlloTransplant,
            Diabetes,
            GastricUlcer,
            ActiveAutoimmuneDisease,
            AntiplateletDrugs,
        ],
        &[PregnantOrSuspected, Breastfeeding],
    ]
};

/// Whether a field is asked of this record now (it applies).
pub fn asked(record: &Record, field: Field) -> bool {
    *record.answers.slot(field) != Slot::NotApplicable
}

/// The steps that have at least one question to ask (the pregnancy step is
/// skipped for a man), as indexes into [`STEPS`].
pub fn visible_steps(record: &Record) -> Vec<usize> {
    (0..STEPS.len())
        .filter(|&i| STEPS[i].iter().any(|&f| asked(record, f)))
        .collect()
}

/// One reason a patient may not be right for the study.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PatientReason {
    /// The failing criterion.
    pub id: CriterionId,
    /// The failing check, with its values.
    pub finding: Finding,
    /// When time alone fixes the criterion, the first date it would pass.
    pub from: Option<Date>,
}

/// The result of a self-check (spec §3, patient wording).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PatientResult {
    /// A criterion fails on the patient's answers.
    NotRight {
        /// Why, in published order.
        reasons: Vec<PatientReason>,
        /// What only the study team can check.
        team_checks: Vec<CriterionId>,
    },
    /// No failure, but some questions are unanswered (or not valid).
    NotFinished {
        /// The questions to answer.
        unanswered: Vec<Field>,
    },
    /// Every question answered and nothing fails: the team checks the rest.
    MayTakePart {
        /// What only the study team can check.
        team_checks: Vec<CriterionId>,
    },
}

/// Decides the patient result for answers to the P questions.
pub fn result(record: &Record) -> PatientResult {
    let report = evaluate(record);
    let cal = calendar(record, &report);
    let team_checks: Vec<CriterionId> = report.with_status(Status::Unknown).map(|c| c.id).collect();
    let reasons: Vec<PatientReason> = report
        .with_status(Status::Fail)
        .flat_map(|c| {
            let from = cal.time_fixes.iter().find(|t| t.id == c.id).map(|t| t.from);
            c.findings
                .iter()
                .filter(|f| f.bad.is_true())
                .map(move |f| PatientReason {
                    id: c.id,
                    finding: f.clone(),
                    from,
                })
        })
        .collect();
    if !reasons.is_empty() {
        return PatientResult::NotRight {
            reasons,
            team_checks,
        };
    }
    let birth_unknown = !matches!(record.answers.slot(Field::BirthDate), Slot::Known(_));
    let unanswered: Vec<Field> = STEPS
        .iter()
        .flat_map(|s| s.iter().copied())
        .filter(|&f| asked(record, f) && !matches!(record.answers.slot(f), Slot::Known(_)))
        // Without a birth date, an age will do: ask for one of the two.
        .filter(|&f| !(f == Field::AgeYears && birth_unknown))
        .collect();
    let age_given = matches!(record.answers.slot(Field::AgeYears), Slot::Known(_));
    let unanswered: Vec<Field> = unanswered
        .into_iter()
        .filter(|&f| !(f == Field::BirthDate && age_given))
        .collect();
    if !unanswered.is_empty() {
        return PatientResult::NotFinished { unanswered };
    }
    PatientResult::MayTakePart { team_checks }
}

/// Every field the self-check may ask: exactly the dictionary's P fields.
pub fn all_questions() -> impl Iterator<Item = Field> {
    STEPS.iter().flat_map(|s| s.iter().copied())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::FIELDS;
    use crate::engine::dictionary::Asked;
    use serde_json::{Value, json};

    fn record(answers: Value) -> Record {
        let json = json!({"format": "ctit-screening/1", "screening_date": "2026-11-25", "answers": answers});
        Record::from_json_value(&json).expect("readable")
    }

    fn case14() -> Value {
        let case: Value = serde_json::from_str(include_str!(
            "../../tests/cases/14-patient-self-check-answers-only.json"
        ))
        .expect("case 14");
        case["record"]["answers"].clone()
    }

    #[test]
    fn steps_ask_exactly_the_patient_fields_once_each() {
        let mut asked: Vec<Field> = all_questions().collect();
        asked.sort();
        let mut p: Vec<Field> = FIELDS
            .iter()
            .filter(|d| d.asked == Asked::Patient)
            .map(|d| d.field)
            .collect();
        p.sort();
        assert_eq!(asked, p);
    }

    #[test]
    fn all_answers_and_no_failure_means_the_team_checks_the_rest() {
        let r = result(&record(case14()));
        let PatientResult::MayTakePart { team_checks } = r else {
            panic!("{r:?}")
        };
        assert!(team_checks.contains(&CriterionId::E3));
        assert!(team_checks.contains(&CriterionId::I7));
        assert!(!team_checks.contains(&CriterionId::I4));
    }

    #[test]
    fn a_failing_answer_gives_the_reason_and_the_date_time_fixes_it() {
        let mut a = case14();
        a["last_chemo_date"] = json!("2026-11-10");
        a["diabetes"] = Value::Null;
        let PatientResult::NotRight { reasons, .. } = result(&record(a)) else {
            panic!()
        };
        assert_eq!(reasons.len(), 1);
        assert_eq!(reasons[0].id, CriterionId::I3);
        assert_eq!(reasons[0].from, Date::parse("2026-12-11"));
    }

    #[test]
    fn an_unanswered_question_means_not_finished() {
        let mut a = case14();
        a["diabetes"] = Value::Null;
        a["ecog"] = json!("x");
        let r = result(&record(a));
        assert_eq!(
            r,
            PatientResult::NotFinished {
                unanswered: vec![Field::Ecog, Field::Diabetes]
            }
        );
    }

    #[test]
    fn age_instead_of_birth_date_is_enough_and_men_skip_pregnancy() {
        let mut a = case14();
        a["birth_date"] = Value::Null;
        a["age_years"] = json!(60);
        a["sex"] = json!("male");
        let rec = record(a);
        assert!(matches!(result(&rec), PatientResult::MayTakePart { .. }));
        assert_eq!(visible_steps(&rec), vec![0, 1, 2, 3, 4, 5]);
    }
}
