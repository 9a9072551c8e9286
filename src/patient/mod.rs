//! The patient self-check, decided purely: which questions are asked in which
//! step (only fields the spec marks P), the answer "I don't know" every
//! question offers ([`DontKnow`]), and which of the spec's three patient
//! results applies (§3, revised 2026-12-06): a criterion fails → "may not
//! be right for you, because …", with one date to check again only when
//! time alone resolves every failing reason; else a question left blank →
//! "not finished yet"; else "you may be able to take part — the study
//! team will check …", with the questions answered "I don't know". There is
//! no result that tells a patient they are eligible.

use crate::engine::dictionary::Field;
use crate::engine::{CriterionId, Date, Finding, Record, Slot, Status, calendar, evaluate};
use crate::record::draft::Draft;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeSet;

/// The questions of each step, in order (plain-word titles live in the
/// patient screen's words).
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

/// The questions a patient answered "I don't know" (spec §3, revised
/// 2026-12-06). Such an answer is no answer to the engine (its criterion
/// stays unknown), but it is not blank: it does not make the check
/// unfinished, and the study team is told to check it. Stored with the
/// patient's kept answers as a list of field ids; an id this app does not
/// know is dropped when read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DontKnow(BTreeSet<Field>);

impl DontKnow {
    /// Whether `field` was answered "I don't know".
    pub fn contains(&self, field: Field) -> bool {
        self.0.contains(&field)
    }

    /// The patient chose "I don't know" for `field`: whatever was typed or
    /// chosen for it is cleared from `draft` (the engine sees no answer).
    pub fn choose(&mut self, field: Field, draft: &mut Draft) {
        draft.set_input(field.id(), "");
        self.0.insert(field);
    }

    /// The patient gave an answer to the question of input `key` (or
    /// cleared it): it is no longer "I don't know".
    pub fn answered(&mut self, key: &str) {
        let id = crate::record::draft::field_of(key);
        self.0.retain(|f| f.id() != id);
    }

    /// Whether no question was answered "I don't know".
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Serialize for DontKnow {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(|f| f.id()))
    }
}

impl<'de> Deserialize<'de> for DontKnow {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<DontKnow, D::Error> {
        let ids = Vec::<String>::deserialize(deserializer)?;
        Ok(DontKnow(
            ids.iter().filter_map(|id| Field::from_id(id)).collect(),
        ))
    }
}

/// A self-check as the patient's device keeps it (only when the patient
/// asks): the answers as typed and the questions answered "I don't know".
/// Answers kept before "I don't know" existed (a bare draft) still read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kept {
    /// The answers as typed.
    #[serde(flatten)]
    pub draft: Draft,
    /// The questions answered "I don't know".
    #[serde(default, skip_serializing_if = "DontKnow::is_empty")]
    pub dont_know: DontKnow,
}

/// Whether a field is asked of this record now (it applies).
pub fn asked(record: &Record, field: Field) -> bool {
    *record.answers.slot(field) != Slot::NotApplicable
}

/// The steps that have at least one question to ask (the pregnancy step
/// is skipped for a man), as indexes into [`STEPS`].
pub fn visible_steps(record: &Record) -> Vec<usize> {
    (0..STEPS.len())
        .filter(|&i| STEPS[i].iter().any(|&f| asked(record, f)))
        .collect()
}

/// One reason a patient may not be right for the study: what they
/// answered, and the rule it meets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PatientReason {
    /// The failing criterion.
    pub id: CriterionId,
    /// The failing check, with the answers it used.
    pub finding: Finding,
}

/// The result of a self-check (spec §3, patient wording).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PatientResult {
    /// A criterion fails on the patient's answers.
    NotRight {
        /// Why, in published order.
        reasons: Vec<PatientReason>,
        /// When every failing reason is one that time resolves (a recent
        /// treatment, an 18th birthday to come): the one date from which the
        /// study team could check again, if nothing else changes. `None`
        /// when any reason is one time does not change.
        check_again_from: Option<Date>,
        /// What only the study team can check.
        team_checks: Vec<CriterionId>,
        /// The questions answered "I don't know".
        not_known: Vec<Field>,
    },
    /// No failure, but some questions are left blank (or not valid).
    NotFinished {
        /// The questions to answer.
        unanswered: Vec<Field>,
    },
    /// Every question answered (or answered "I don't know") and nothing
    /// fails: the team checks the rest.
    MayTakePart {
        /// What only the study team can check.
        team_checks: Vec<CriterionId>,
        /// The questions answered "I don't know", for the team to check.
        not_known: Vec<Field>,
    },
}

/// Decides the patient result for answers to the P questions, `dont_know`
/// being the questions answered "I don't know".
pub fn result(record: &Record, dont_know: &DontKnow) -> PatientResult {
    let report = evaluate(record);
    let team_checks: Vec<CriterionId> = report.with_status(Status::Unknown).map(|c| c.id).collect();
    let not_known: Vec<Field> = all_questions()
        .filter(|&f| dont_know.contains(f) && asked(record, f))
        .collect();
    let reasons: Vec<PatientReason> = report
        .with_status(Status::Fail)
        .flat_map(|c| {
            c.findings
                .iter()
                .filter(|f| f.bad.is_true())
                .map(move |f| PatientReason {
                    id: c.id,
                    finding: f.clone(),
                })
        })
        .collect();
    if !reasons.is_empty() {
        // One date, and only when time resolves every failing criterion:
        // the first day on which none of them fails any more.
        let cal = calendar(record, &report);
        let check_again_from = if cal.blocked.is_empty() {
            cal.not_before
        } else {
            None
        };
        return PatientResult::NotRight {
            reasons,
            check_again_from,
            team_checks,
            not_known,
        };
    }
    let known = |f: Field| matches!(record.answers.slot(f), Slot::Known(_));
    let answered = |f: Field| known(f) || dont_know.contains(f);
    let unanswered: Vec<Field> = all_questions()
        .filter(|&f| asked(record, f) && !answered(f))
        .filter(|&f| match f {
            // Without a birth date, an age will do: a blank pair asks for
            // the birth date; the age is asked once the birth date is
            // answered "I don't know".
            Field::BirthDate => !known(Field::AgeYears),
            Field::AgeYears => dont_know.contains(Field::BirthDate),
            _ => true,
        })
        .collect();
    if !unanswered.is_empty() {
        return PatientResult::NotFinished { unanswered };
    }
    PatientResult::MayTakePart {
        team_checks,
        not_known,
    }
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

    fn not_known(fields: &[Field]) -> DontKnow {
        DontKnow(fields.iter().copied().collect())
    }

    fn none() -> DontKnow {
        DontKnow::default()
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
        let r = result(&record(case14()), &none());
        let PatientResult::MayTakePart {
            team_checks,
            not_known,
        } = r
        else {
            panic!("{r:?}")
        };
        assert!(team_checks.contains(&CriterionId::E3));
        assert!(team_checks.contains(&CriterionId::I7));
        assert!(!team_checks.contains(&CriterionId::I4));
        assert!(not_known.is_empty());
    }

    #[test]
    fn a_reason_time_resolves_gives_one_date_to_check_again() {
        let mut a = case14();
        a["last_chemo_date"] = json!("2026-11-10");
        let PatientResult::NotRight {
            reasons,
            check_again_from,
            ..
        } = result(&record(a), &none())
        else {
            panic!()
        };
        assert_eq!(reasons.len(), 1);
        assert_eq!(reasons[0].id, CriterionId::I3);
        assert_eq!(check_again_from, Date::parse("2026-12-11"));
    }

    #[test]
    fn two_reasons_time_resolves_give_one_date_the_later_of_the_two() {
        let mut a = case14();
        a["last_chemo_date"] = json!("2026-11-19");
        a["had_mi"] = json!(true);
        a["last_mi_date"] = json!("2026-10-01");
        let PatientResult::NotRight {
            reasons,
            check_again_from,
            ..
        } = result(&record(a), &none())
        else {
            panic!()
        };
        assert_eq!(reasons.len(), 2);
        // Chemotherapy: from 2026-12-20; heart attack: from 2027-04-02.
        assert_eq!(check_again_from, Date::parse("2027-04-02"));
    }

    #[test]
    fn a_reason_time_does_not_resolve_gives_no_date_at_all() {
        // The issue's own example: diabetes (for good) and a chemotherapy
        // six days ago (time resolves it): no date, not even the chemo's.
        let mut a = case14();
        a["diabetes"] = json!(true);
        a["last_chemo_date"] = json!("2026-11-19");
        let PatientResult::NotRight {
            reasons,
            check_again_from,
            ..
        } = result(&record(a), &none())
        else {
            panic!()
        };
        assert_eq!(reasons.len(), 2);
        assert_eq!(check_again_from, None);
    }

    #[test]
    fn an_age_given_in_years_only_gives_no_date_a_birth_date_gives_the_birthday() {
        let mut a = case14();
        a["birth_date"] = json!("2009-03-01");
        let PatientResult::NotRight {
            check_again_from, ..
        } = result(&record(a.clone()), &none())
        else {
            panic!()
        };
        assert_eq!(check_again_from, Date::parse("2027-03-01"));
        a["birth_date"] = Value::Null;
        a["age_years"] = json!(17);
        let PatientResult::NotRight {
            check_again_from, ..
        } = result(&record(a), &none())
        else {
            panic!()
        };
        assert_eq!(check_again_from, None);
    }

    #[test]
    fn a_question_left_blank_means_not_finished() {
        let mut a = case14();
        a["diabetes"] = Value::Null;
        a["ecog"] = json!("x");
        let r = result(&record(a), &none());
        assert_eq!(
            r,
            PatientResult::NotFinished {
                unanswered: vec![Field::Ecog, Field::Diabetes]
            }
        );
    }

    #[test]
    fn i_dont_know_is_not_blank_it_goes_to_the_team() {
        let mut a = case14();
        a["diabetes"] = Value::Null;
        a["ecog"] = Value::Null;
        let r = result(&record(a.clone()), &not_known(&[Field::Diabetes]));
        assert_eq!(
            r,
            PatientResult::NotFinished {
                unanswered: vec![Field::Ecog]
            },
            "only the question left blank is unfinished"
        );
        let r = result(&record(a), &not_known(&[Field::Diabetes, Field::Ecog]));
        let PatientResult::MayTakePart {
            team_checks,
            not_known,
        } = r
        else {
            panic!("{r:?}")
        };
        assert_eq!(not_known, vec![Field::Ecog, Field::Diabetes]);
        assert!(team_checks.contains(&CriterionId::E10));
        assert!(team_checks.contains(&CriterionId::I8));
    }

    #[test]
    fn not_knowing_the_birth_date_asks_the_age_and_not_knowing_either_is_answered() {
        let mut a = case14();
        a["birth_date"] = Value::Null;
        assert_eq!(
            result(&record(a.clone()), &none()),
            PatientResult::NotFinished {
                unanswered: vec![Field::BirthDate]
            }
        );
        assert_eq!(
            result(&record(a.clone()), &not_known(&[Field::BirthDate])),
            PatientResult::NotFinished {
                unanswered: vec![Field::AgeYears]
            }
        );
        let both = not_known(&[Field::BirthDate, Field::AgeYears]);
        let r = result(&record(a), &both);
        assert!(
            matches!(&r, PatientResult::MayTakePart { team_checks, .. } if team_checks.contains(&CriterionId::I1)),
            "{r:?}"
        );
    }

    #[test]
    fn not_knowing_about_radiotherapy_does_not_ask_its_date() {
        let mut a = case14();
        a["had_radiotherapy"] = Value::Null;
        let rec = record(a);
        let dk = not_known(&[Field::HadRadiotherapy]);
        assert!(!asked(&rec, Field::LastRadiotherapyDate));
        let r = result(&rec, &dk);
        assert!(
            matches!(&r, PatientResult::MayTakePart { not_known, .. } if *not_known == vec![Field::HadRadiotherapy]),
            "{r:?}"
        );
    }

    #[test]
    fn choosing_i_dont_know_clears_the_answer_and_answering_clears_i_dont_know() {
        let mut draft = Draft::new("p", "2026-11-25", "");
        draft.set_input("rhtpo_days", "21");
        let mut dk = DontKnow::default();
        dk.choose(Field::RhtpoDays, &mut draft);
        assert_eq!(draft.input("rhtpo_days"), "");
        assert!(dk.contains(Field::RhtpoDays));
        dk.answered("rhtpo_days");
        assert!(!dk.contains(Field::RhtpoDays));
        dk.choose(Field::PlateletCount, &mut draft);
        dk.answered("platelet_count.unit");
        assert!(!dk.contains(Field::PlateletCount));
    }

    #[test]
    fn kept_answers_keep_i_dont_know_and_older_kept_answers_still_read() {
        let mut draft = Draft::new("patient", "", "");
        draft.set_input("diabetes", "no");
        let kept = Kept {
            draft: draft.clone(),
            dont_know: not_known(&[Field::Ecog, Field::HadMi]),
        };
        let text = serde_json::to_string(&kept).unwrap();
        assert!(text.contains(r#""dont_know":["ecog","had_mi"]"#), "{text}");
        assert_eq!(serde_json::from_str::<Kept>(&text).unwrap(), kept);
        let old: Kept = serde_json::from_str(&serde_json::to_string(&draft).unwrap()).unwrap();
        assert_eq!(old.draft, draft);
        assert!(old.dont_know.is_empty());
        let odd: Kept =
            serde_json::from_str(r#"{"id":"patient","dont_know":["ecog","no_such_field"]}"#)
                .unwrap();
        assert_eq!(odd.dont_know, not_known(&[Field::Ecog]));
    }

    #[test]
    fn age_instead_of_birth_date_is_enough_and_men_skip_pregnancy() {
        let mut a = case14();
        a["birth_date"] = Value::Null;
        a["age_years"] = json!(60);
        a["sex"] = json!("male");
        let rec = record(a);
        assert!(matches!(
            result(&rec, &none()),
            PatientResult::MayTakePart { .. }
        ));
        assert_eq!(visible_steps(&rec), vec![0, 1, 2, 3, 4, 5]);
    }
}
