//! The 25 criteria of spec §4 as one table: id, kind, the fields each reads,
//! the published source text (verbatim, from `criteria-source.md`) and the
//! rule. Changing a criterion touches one entry.
//!
//! Each rule returns its [`Finding`]s; [`Status::decide`] turns them into the
//! criterion's status with the precedence of spec §3 (see `report.rs`).

use super::dictionary::Field::{self, *};
use super::finding::{Ctx, Finding};

/// A criterion's identifier, as published (`I1`–`I10`, `E1`–`E15`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[allow(missing_docs)]
pub enum CriterionId {
    I1,
    I2,
    I3,
    I4,
    I5,
    I6,
    I7,
    I8,
    I9,
    I10,
    E1,
    E2,
    E3,
    E4,
    E5,
    E6,
    E7,
    E8,
    E9,
    E10,
    E11,
    E12,
    E13,
    E14,
    E15,
}

impl CriterionId {
    /// The id as written (`"I1"`).
    pub fn as_str(self) -> &'static str {
        self.def().code
    }

    /// This criterion's table entry.
    pub fn def(self) -> &'static Criterion {
        &CRITERIA[self as usize]
    }
}

/// Inclusion or exclusion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CriterionKind {
    /// Must be met.
    Inclusion,
    /// Must be absent.
    Exclusion,
}

/// One criterion of the trial.
pub struct Criterion {
    /// Its identifier.
    pub id: CriterionId,
    /// Its code as written (`"I1"`).
    pub code: &'static str,
    /// Inclusion or exclusion.
    pub kind: CriterionKind,
    /// Every field the rule may read.
    pub fields: &'static [Field],
    /// Whether spec §5 has a reading note for it (the text lives in `crate::text`).
    pub has_note: bool,
    /// The rule: the findings it makes about a record.
    pub rule: fn(&Ctx) -> Vec<Finding>,
}

const SRC_PREGNANCY_AND_HEART: &str = "Pregnant women, suspected pregnancy (a positive pregnancy test for human chorionic gonadotropin in urine at screening) and breastfeeding patients; Pre-existing cardiac disease, including congestive heart failure of New York Heart Association [NYHA] Grade III/IV, arrhythmia requiring treatment or myocardial infarction within the last 6 months. No arrhythmia known to increase the risk of thrombotic events (e.g. atrial fibrillation), or patients with a QT >450msec or QTc > 480 for patients with a Bundle Branch Block;";

use CriterionKind::{Exclusion as Excl, Inclusion as Incl};

/// E10's list of other serious diseases: each one excludes on its own.
const E10_FIELDS: &[Field] = &[
    Diabetes,
    SevereHeartFailure,
    RecentCardiacEvent6m,
    GastricUlcer,
    ActiveAutoimmuneDisease,
    OtherSeriousDisease,
];

/// The 25 criteria in published order (inclusion first).
pub const CRITERIA: &[Criterion] = &[
    Criterion {
        id: CriterionId::I1,
        code: "I1",
        kind: Incl,
        fields: &[BirthDate, AgeYears],
        has_note: false,
        rule: |c| vec![c.age_at_least(18)],
    },
    Criterion {
        id: CriterionId::I2,
        code: "I2",
        kind: Incl,
        fields: &[CitDiagnosis, RhtpoDays, RhtpoDose, PlateletAfterRhtpo],
        has_note: true,
        rule: |c| {
            vec![
                c.yes_no(CitDiagnosis, true),
                c.at_least(RhtpoDays, 14),
                c.at_least(RhtpoDose, 300),
                c.platelets_below(PlateletAfterRhtpo, 30),
            ]
        },
    },
    Criterion {
        id: CriterionId::I3,
        code: "I3",
        kind: Incl,
        fields: &[LastChemoDate, HadRadiotherapy, LastRadiotherapyDate],
        has_note: true,
        rule: |c| {
            vec![
                c.months_since(LastChemoDate, 1),
                c.months_since_if(HadRadiotherapy, LastRadiotherapyDate, 1),
            ]
        },
    },
    Criterion {
        id: CriterionId::I4,
        code: "I4",
        kind: Incl,
        fields: &[PlateletCount],
        has_note: false,
        rule: |c| vec![c.platelets_below(PlateletCount, 30)],
    },
    Criterion {
        id: CriterionId::I5,
        code: "I5",
        kind: Incl,
        fields: &[LowPlateletsSince],
        has_note: false,
        rule: |c| vec![c.months_since(LowPlateletsSince, 1)],
    },
    Criterion {
        id: CriterionId::I6,
        code: "I6",
        kind: Incl,
        fields: &[ExpectedSurvival6m],
        has_note: false,
        rule: |c| vec![c.yes_no(ExpectedSurvival6m, true)],
    },
    Criterion {
        id: CriterionId::I7,
        code: "I7",
        kind: Incl,
        fields: &[Alt, Ast, TotalBilirubin, Creatinine, PhysicalExamOk],
        has_note: true,
        rule: |c| {
            vec![
                c.below_one_and_a_half_uln(Alt),
                c.below_one_and_a_half_uln(Ast),
                c.below_one_and_a_half_uln(TotalBilirubin),
                c.below_one_and_a_half_uln(Creatinine),
                c.yes_no(PhysicalExamOk, true),
            ]
        },
    },
    Criterion {
        id: CriterionId::I8,
        code: "I8",
        kind: Incl,
        fields: &[Ecog],
        has_note: false,
        rule: |c| vec![c.at_most(Ecog, 2)],
    },
    Criterion {
        id: CriterionId::I9,
        code: "I9",
        kind: Incl,
        fields: &[NyhaClass],
        has_note: false,
        rule: |c| vec![c.at_most(NyhaClass, 2)],
    },
    Criterion {
        id: CriterionId::I10,
        code: "I10",
        kind: Incl,
        fields: &[ConsentSigned],
        has_note: false,
        rule: |c| vec![c.yes_no(ConsentSigned, true)],
    },
    Criterion {
        id: CriterionId::E1,
        code: "E1",
        kind: Excl,
        fields: &[UncontrolledOrganDisease],
        has_note: false,
        rule: |c| vec![c.yes_no(UncontrolledOrganDisease, false)],
    },
    Criterion {
        id: CriterionId::E2,
        code: "E2",
        kind: Excl,
        fields: &[PoorCompliance],
        has_note: false,
        rule: |c| vec![c.yes_no(PoorCompliance, false)],
    },
    Criterion {
        id: CriterionId::E3,
        code: "E3",
        kind: Excl,
        fields: &[Hiv, Hbv, Hcv, Hdv, Syphilis, EbvDna, CmvDna, KnownInfection],
        has_note: true,
        rule: |c| {
            vec![
                c.negative(Hiv),
                c.negative(Hbv),
                c.negative(Hcv),
                // Hepatitis D needs hepatitis B: positive excludes, but a
                // missing result does not hold up a pass.
                c.exclude_if_positive(Hdv),
                c.negative(Syphilis),
                c.negative(EbvDna),
                c.negative(CmvDna),
                c.exclude_if_yes(KnownInfection),
            ]
        },
    },
    Criterion {
        id: CriterionId::E4,
        code: "E4",
        kind: Excl,
        fields: &[SevereBleeding],
        has_note: false,
        rule: |c| vec![c.yes_no(SevereBleeding, false)],
    },
    Criterion {
        id: CriterionId::E5,
        code: "E5",
        kind: Excl,
        fields: &[HeartDiseaseNeedingTreatment, UncontrolledHypertension],
        has_note: false,
        rule: |c| {
            vec![
                c.yes_no(HeartDiseaseNeedingTreatment, false),
                c.yes_no(UncontrolledHypertension, false),
            ]
        },
    },
    Criterion {
        id: CriterionId::E6,
        code: "E6",
        kind: Excl,
        fields: &[ThromboticDisease],
        has_note: false,
        rule: |c| vec![c.yes_no(ThromboticDisease, false)],
    },
    Criterion {
        id: CriterionId::E7,
        code: "E7",
        kind: Excl,
        fields: &[PriorAlloTransplant],
        has_note: false,
        rule: |c| vec![c.yes_no(PriorAlloTransplant, false)],
    },
    Criterion {
        id: CriterionId::E8,
        code: "E8",
        kind: Excl,
        fields: &[MentalDisorder],
        has_note: false,
        rule: |c| vec![c.yes_no(MentalDisorder, false)],
    },
    Criterion {
        id: CriterionId::E9,
        code: "E9",
        kind: Excl,
        fields: &[UnresolvedPriorToxicity],
        has_note: true,
        rule: |c| vec![c.yes_no(UnresolvedPriorToxicity, false)],
    },
    Criterion {
        id: CriterionId::E10,
        code: "E10",
        kind: Excl,
        fields: E10_FIELDS,
        has_note: true,
        rule: |c| E10_FIELDS.iter().map(|&f| c.yes_no(f, false)).collect(),
    },
    Criterion {
        id: CriterionId::E11,
        code: "E11",
        kind: Excl,
        fields: &[Sepsis, IrregularBleeding],
        has_note: false,
        rule: |c| vec![c.yes_no(Sepsis, false), c.yes_no(IrregularBleeding, false)],
    },
    Criterion {
        id: CriterionId::E12,
        code: "E12",
        kind: Excl,
        fields: &[AntiplateletDrugs],
        has_note: false,
        rule: |c| vec![c.yes_no(AntiplateletDrugs, false)],
    },
    Criterion {
        id: CriterionId::E13,
        code: "E13",
        kind: Excl,
        fields: &[
            Sex,
            PregnantOrSuspected,
            ChildbearingPotential,
            UrineHcg,
            Breastfeeding,
        ],
        has_note: true,
        rule: |c| {
            if c.is_male() {
                return vec![c.male()];
            }
            // "Sex not male" includes an unknown sex: a pregnancy decides.
            vec![
                c.yes_no(PregnantOrSuspected, false),
                c.yes_no(Breastfeeding, false),
                c.pregnancy_test(),
            ]
        },
    },
    Criterion {
        id: CriterionId::E14,
        code: "E14",
        kind: Excl,
        fields: &[
            NyhaClass,
            ArrhythmiaNeedingTreatment,
            AtrialFibrillation,
            HadMi,
            LastMiDate,
            QtcMs,
            BundleBranchBlock,
        ],
        has_note: true,
        rule: |c| {
            vec![
                c.at_most(NyhaClass, 2),
                c.yes_no(ArrhythmiaNeedingTreatment, false),
                c.yes_no(AtrialFibrillation, false),
                c.months_since_if(HadMi, LastMiDate, 6),
                c.qtc(),
            ]
        },
    },
    Criterion {
        id: CriterionId::E15,
        code: "E15",
        kind: Excl,
        fields: &[InvestigatorExcludes],
        has_note: false,
        rule: |c| vec![c.yes_no(InvestigatorExcludes, false)],
    },
];

impl Criterion {
    /// The published criterion text, verbatim (typos included).
    pub fn source(&self) -> &'static str {
        published_text(self.id)
    }
}

/// Each criterion's published text, verbatim (typos included), in published
/// order. A match of its own rather than a column of [`CRITERIA`]: the
/// browser app's first download evaluates records with the table, and a
/// string the table points to ships with it, while the text is shown only
/// by the screens fetched later.
fn published_text(id: CriterionId) -> &'static str {
    use CriterionId::*;
    match id {
        I1 => "Age: 18 years or above, gender not restricted;",
        I2 => {
            "Patients who meet the diagnostic criteria for chemotherapy-related thrombocytopenia, and still ineffective after repeated treatment with rhTPO or IL-11 (subjects need to undergo regular rhTPO treatment for at least 14 days after radiotherapy and chemotherapy, with a dose of rhTPO 300u/kg/d or higher, and the platelet count remains less than 30×10^9/L, defined as refractory CTIT);"
        }
        I3 => "Patients who have stopped chemotherapy and radiotherapy for more than 1 month;",
        I4 => "Patients with platelet count at enrollment < 30×10^9/L;",
        I5 => "Patients with platelet count remains < 30×10^9/L for more than 1 month;",
        I6 => "Patients with expected survival period ≥ 6 months;",
        I7 => {
            "Patients with liver and kidney function < 1.5× upper limit of normal value, physical examination qualified;"
        }
        I8 => "Patients with ECOG physical status score ≤ 2 points;",
        I9 => {
            "Patients with Cardiac function: New York Heart Association cardiac function classification is grade 2 or below;"
        }
        I10 => "Patients who is voluntary to sign the informed consent form;",
        E1 => {
            "Those with uncontrollable primary diseases of important organs, such as extensive metastasis of malignant tumors, liver failure, heart failure, kidney failure and other diseases;"
        }
        E2 => "Patients with poor compliance;",
        E3 => {
            "Positive serology for HIV, hepatitis B virus (HBV), hepatitis C virus (HCV), and/or hepatitis D virus (HDV), Syphilis; Positive for Epstein-Barr Virus DNA, Cytomegalovirus DNA;"
        }
        E4 => {
            "Accompanied by extensive and severe bleeding, such as hemoptysis, upper gastrointestinal bleeding, intracranial hemorrhage, etc."
        }
        E5 => {
            "There is currently a heart disease requiring treatment or a poorly controlled hypertension judged by the investigator;"
        }
        E6 => {
            "Patients with thrombotic diseases such as pulmonary embolism, thrombosis, and atherosclerosis;"
        }
        E7 => {
            "Those who have received allogeneic stem cell transplantation or organ transplantation in the past;"
        }
        E8 => {
            "Patients with mental disorders who cannot normally obtain informed consent and undergo trials and follow-up;"
        }
        E9 => {
            "Patients whose toxic symptoms caused by treatment before participating in the trial have not disappeared;"
        }
        E10 => {
            "Other serious diseases that may restrict participants from participating in this trial (such as diabetes; severe heart failure; myocardial obstruction or unstable arrhythmia or unstable angina in the past 6 months; gastric ulcers; mobility Autoimmune diseases, etc.);"
        }
        E11 => "Patients with sepsis or patients with other irregular bleeding;",
        E12 => "Patients taking antiplatelet drugs at the same time;",
        E13 => SRC_PREGNANCY_AND_HEART,
        E14 => SRC_PREGNANCY_AND_HEART,
        E15 => {
            "Researchers believe that patients should not participate in the test of any other condition."
        }
    }
}
