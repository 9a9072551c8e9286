//! English wording for coordinators (and the `screen` command).

use super::sentence::{Condition, Event, PatientSentence, Sentence};
use super::{Messages, QtcCase, platelet_unit_text as platelet_unit};
use crate::engine::criteria::CriterionId;
use crate::engine::date::Date;
use crate::engine::dictionary::{Field, Kind, Section};
use crate::engine::finding::Finding;
use crate::engine::logic::Status;
use crate::engine::pack::{Choice, Span};
use crate::engine::record::ProblemKind;
use crate::engine::record::Sex;
use crate::engine::report::Outcome;

/// English.
pub struct English;

fn yes_no(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

/// "one calendar month", "N calendar months", "one day" or "N days".
fn span_words(span: Span) -> String {
    match span {
        Span::Months(1) => "one calendar month".to_string(),
        Span::Months(n) => format!("{n} calendar months"),
        Span::Days(1) => "one day".to_string(),
        Span::Days(n) => format!("{n} days"),
    }
}

/// An answer a rule names, in words.
fn choice_words(choice: Choice) -> &'static str {
    match choice {
        Choice::Bool(b) => yes_no(b),
        Choice::Sex(Sex::Male) => "male",
        Choice::Sex(Sex::Female) => "female",
        Choice::Serology(s) => s.as_str(),
    }
}

impl Messages for English {
    fn field_label(&self, field: Field) -> &'static str {
        use Field::*;
        match field {
            BirthDate => "Date of birth",
            AgeYears => "Age in years",
            Sex => "Sex",
            CitDiagnosis => "Chemotherapy-induced thrombocytopenia diagnosed",
            RhtpoDays => "rhTPO course",
            RhtpoDose => "rhTPO dose",
            PlateletAfterRhtpo => "Platelets at end of rhTPO course",
            LastChemoDate => "Last chemotherapy",
            HadRadiotherapy => "Radiotherapy ever",
            LastRadiotherapyDate => "Last radiotherapy",
            PlateletCount => "Platelet count",
            LowPlateletsSince => "Platelets below 30×10^9/L since",
            ExpectedSurvival6m => "Expected survival ≥ 6 months",
            Alt => "ALT",
            Ast => "AST",
            TotalBilirubin => "Total bilirubin",
            Creatinine => "Serum creatinine",
            PhysicalExamOk => "Physical examination qualified",
            Ecog => "ECOG",
            NyhaClass => "NYHA class",
            ConsentSigned => "Informed consent signed",
            UncontrolledOrganDisease => "Uncontrolled primary organ disease",
            PoorCompliance => "Poor compliance expected",
            Hiv => "HIV",
            Hbv => "Hepatitis B (HBsAg / HBV DNA)",
            Hcv => "Hepatitis C antibody",
            Hdv => "Hepatitis D antibody",
            Syphilis => "Syphilis antibody",
            EbvDna => "EBV DNA",
            CmvDna => "CMV DNA",
            KnownInfection => "Known HIV, hepatitis B/C/D or syphilis infection",
            SevereBleeding => "Extensive, severe bleeding",
            HeartDiseaseNeedingTreatment => "Heart disease needing treatment",
            UncontrolledHypertension => "Poorly controlled hypertension",
            ThromboticDisease => "Thrombotic disease",
            PriorAlloTransplant => "Allogeneic haematopoietic stem cell or organ transplant",
            MentalDisorder => "Mental disorder preventing consent or follow-up",
            UnresolvedPriorToxicity => {
                "Unresolved toxicity of earlier treatment (other than the thrombocytopenia)"
            }
            Diabetes => "Diabetes",
            SevereHeartFailure => "Severe heart failure",
            RecentCardiacEvent6m => "MI, unstable arrhythmia or unstable angina in past 6 months",
            GastricUlcer => "Current gastric ulcer",
            ActiveAutoimmuneDisease => "Active autoimmune disease",
            OtherSeriousDisease => "Other serious disease restricting participation",
            Sepsis => "Sepsis",
            IrregularBleeding => "Other irregular bleeding",
            AntiplateletDrugs => "Taking antiplatelet drugs",
            PregnantOrSuspected => "Pregnant or may be pregnant",
            ChildbearingPotential => "Of childbearing potential",
            UrineHcg => "hCG pregnancy test",
            Breastfeeding => "Breastfeeding",
            ArrhythmiaNeedingTreatment => "Arrhythmia needing treatment",
            HadMi => "Heart attack ever",
            LastMiDate => "Last heart attack",
            AtrialFibrillation => "Atrial fibrillation or other thrombotic-risk arrhythmia",
            QtcMs => "QTc",
            BundleBranchBlock => "Bundle branch block",
            InvestigatorExcludes => "Investigator excludes for another reason",
        }
    }

    fn criterion_title(&self, id: CriterionId) -> &'static str {
        crate::engine::pack::current::title_en(id)
    }

    fn reading_note(&self, id: CriterionId) -> Option<&'static str> {
        crate::engine::pack::current::note_en(id)
    }

    fn finding(&self, f: &Finding) -> String {
        let label = |field: Field| self.field_label(field);
        let must = |must: bool| if must { "must be " } else { "" };
        match Sentence::of(f) {
            Sentence::YesNo { field, value } => format!("{}: {}", label(field), yes_no(value)),
            Sentence::Serology { field, value } => format!("{}: {}", label(field), value.as_str()),
            Sentence::NotKnown { field } => format!("{}: not known", label(field)),
            Sentence::AgeBorn {
                years,
                born,
                min,
                must: m,
            } => format!("Age {years} (born {born}): {}{min} or over", must(m)),
            Sentence::Age {
                years,
                min,
                must: m,
            } => format!("Age {years}: {}{min} or over", must(m)),
            Sentence::AgeNotKnown { min } => {
                format!("Age not known: date of birth or age needed ({min} or over)")
            }
            Sentence::AtLeast {
                field,
                value,
                min,
                must: m,
            } => format!(
                "{} {value}{}: {}at least {min}",
                label(field),
                self.unit_suffix(field),
                must(m)
            ),
            Sentence::AtLeastNotKnown { field, min } => format!(
                "{}: not known (at least {min}{} needed)",
                label(field),
                self.unit_suffix(field)
            ),
            Sentence::AtMost {
                field,
                value,
                max,
                must: m,
            } => format!(
                "{} {value}{}: {}{max} or less",
                label(field),
                self.unit_suffix(field),
                must(m)
            ),
            Sentence::AtMostNotKnown { field, max } => format!(
                "{}: not known ({max}{} or less needed)",
                label(field),
                self.unit_suffix(field)
            ),
            Sentence::Platelets {
                field,
                value,
                unit,
                converted,
                limit,
                must: m,
            } => {
                let converted = converted
                    .map(|c| format!(" (= {c}×10^9/L)"))
                    .unwrap_or_default();
                format!(
                    "{} {value}{}{converted}: {}below {limit}×10^9/L",
                    label(field),
                    platelet_unit(unit),
                    must(m)
                )
            }
            Sentence::PlateletsNotKnown { field, limit } => {
                format!("{}: not known (below {limit}×10^9/L needed)", label(field))
            }
            Sentence::Lab {
                field,
                value,
                uln,
                times,
                limit,
                must: m,
            } => format!(
                "{} {value} (ULN {uln}): {}below {times} × ULN = {}",
                label(field),
                must(m),
                limit.map_or_else(|| "?".to_string(), |l| l.to_string())
            ),
            Sentence::LabNotKnown { field } => {
                format!("{}: not known (result and ULN needed)", label(field))
            }
            Sentence::HadNot { field } => format!("{}: no", label(field)),
            Sentence::HadNotKnown { field } => format!("{}: not known", label(field)),
            Sentence::DateBefore {
                field,
                date,
                before,
                span,
                screening,
                must: m,
            } => {
                let limit = before.map_or_else(|| "?".to_string(), |b| b.to_string());
                format!(
                    "{} {date}: {}before {limit} (more than {} before screening on {screening})",
                    label(field),
                    must(m),
                    span_words(span)
                )
            }
            Sentence::DateNotKnown { field, span } => format!(
                "{}: date not known (more than {} before screening needed)",
                label(field),
                span_words(span)
            ),
            Sentence::HcgPositive => "hCG pregnancy test: positive".to_string(),
            Sentence::HcgNegative => "hCG pregnancy test: negative".to_string(),
            Sentence::NotChildbearing => "Not of childbearing potential".to_string(),
            Sentence::ChildbearingTestNotKnown => {
                "Of childbearing potential: negative hCG test needed, result not known".to_string()
            }
            Sentence::PregnancyNotKnown => {
                "Childbearing potential and hCG test: not known".to_string()
            }
            Sentence::QtcNotKnown => "QTc: not known".to_string(),
            Sentence::Qtc {
                qtc: q,
                block,
                case,
                limit,
                with_block,
            } => {
                let with = match block {
                    Some(true) => " with bundle branch block",
                    Some(false) => " without bundle branch block",
                    None => "",
                };
                match case {
                    QtcCase::MustBe480 => {
                        format!("QTc {q} ms{with}: must be {with_block} ms or less")
                    }
                    QtcCase::MustBe450 => format!("QTc {q} ms{with}: must be {limit} ms or less"),
                    QtcCase::BlockUnknown => format!(
                        "QTc {q} ms: over {limit} ms is allowed up to {with_block} ms only with bundle branch block, which is not known"
                    ),
                    QtcCase::Within480 => format!("QTc {q} ms{with}: {with_block} ms or less"),
                    QtcCase::Within450 => format!("QTc {q} ms: {limit} ms or less"),
                }
            }
            Sentence::Male => "Male: pregnancy and breastfeeding do not apply".to_string(),
            Sentence::DoesNotApply { field, is } => format!(
                "{}: {}, so this criterion does not apply",
                label(field),
                choice_words(is)
            ),
        }
    }

    fn problem_kind(&self, kind: &ProblemKind, field: Option<Field>) -> String {
        match kind {
            ProblemKind::NotJson(e) => format!("not a valid JSON record ({e})"),
            ProblemKind::NotAnObject => "a record must be a JSON object".to_string(),
            ProblemKind::MissingFormat => {
                "missing; a record must say \"format\": \"ctit-screening/1\"".to_string()
            }
            ProblemKind::UnknownFormat(f) => format!(
                "\"{}\" is not a screening record format this app reads (expected \"ctit-screening/1\")",
                f.escape_debug()
            ),
            ProblemKind::NewerFormat(f) => format!(
                "\"{}\" was written by a newer version of this app; update the app to read it",
                f.escape_debug()
            ),
            ProblemKind::Missing => "missing".to_string(),
            ProblemKind::AnswersNotAnObject => {
                "must be a JSON object of field ids and answers".to_string()
            }
            ProblemKind::UnknownField => {
                "not a field of this screening (unknown field id)".to_string()
            }
            ProblemKind::WrongType(kind) => format!("must be {}", describe_kind(*kind)),
            ProblemKind::BadDate => "not a real date written YYYY-MM-DD".to_string(),
            ProblemKind::DateAfterScreening { date, screening } => {
                format!("{date} is after the screening date {screening}")
            }
            ProblemKind::NotWholeNumber => "must be a whole number".to_string(),
            ProblemKind::OutOfRange { min, max } => format!("must be from {min} to {max}"),
            ProblemKind::UnreadableNumber => {
                "the number is too long or too large to be a measurement".to_string()
            }
            ProblemKind::Negative => "the value cannot be below zero".to_string(),
            ProblemKind::UlnNotPositive => {
                "the upper limit of normal (ULN) must be above zero".to_string()
            }
            ProblemKind::UnknownUnit(u) => format!(
                "unit \"{}\" is not accepted; use 10^9/L, 10^3/uL or /uL",
                u.escape_debug()
            ),
            ProblemKind::MissingPart(part) => match *part {
                "uln" => "the upper limit of normal (ULN) is missing".to_string(),
                "unit" => "the unit is missing".to_string(),
                _ => "the value is missing".to_string(),
            },
            ProblemKind::PartNotANumber(part) => match *part {
                "uln" => "the upper limit of normal (ULN) must be a number".to_string(),
                _ => "the value must be a number".to_string(),
            },
            ProblemKind::UnexpectedPart(p) => format!(
                "\"{}\" is not part of this answer ({})",
                p.escape_debug(),
                field.map_or("", |f| match f.def().kind {
                    Kind::Lab => "expected value and uln",
                    _ => "expected value and unit",
                })
            ),
            ProblemKind::BadChoice(s) => format!(
                "\"{}\" is not one of {}",
                s.escape_debug(),
                field.map_or("the choices", |f| choices(f.def().kind))
            ),
        }
    }

    fn section_title(&self, s: Section) -> &'static str {
        match s {
            Section::Demographics => "Demographics",
            Section::Treatment => "Diagnosis and treatment history",
            Section::Platelets => "Platelets",
            Section::Labs => "Liver and kidney function, physical examination",
            Section::Heart => "Performance status and heart",
            Section::Infections => "Infections",
            Section::Conditions => "Other conditions and medication",
            Section::Pregnancy => "Pregnancy and breastfeeding",
            Section::Ecg => "ECG",
            Section::Investigator => "Investigator's judgement",
            Section::Consent => "Consent",
        }
    }

    fn field_help(&self, field: Field) -> Option<&'static str> {
        use Field::*;
        Some(match field {
            BirthDate | LastChemoDate | LastRadiotherapyDate | LastMiDate => {
                "YYYY-MM-DD or YYYYMMDD, the year first"
            }
            AgeYears => "Only when the date of birth is not known",
            RhtpoDays => "Days of regular rhTPO after the last chemo-/radiotherapy",
            PlateletAfterRhtpo => "Count at the end of that rhTPO course",
            PlateletCount => "Most recent count (at enrolment)",
            LowPlateletsSince => {
                "YYYY-MM-DD or YYYYMMDD: first day of the current unbroken run of counts below 30×10^9/L"
            }
            Ecog => "0 fully active … 4 completely disabled",
            NyhaClass => "1 = no limitation … 4 = symptoms at rest",
            QtcMs => "As the ECG reports it",
            Hbv => "HBsAg or HBV DNA",
            UrineHcg => "Urine or serum, at screening",
            _ => return None,
        })
    }

    fn unit_suffix(&self, field: Field) -> &'static str {
        match field {
            Field::RhtpoDays => " days",
            Field::RhtpoDose => " U/kg/day",
            Field::QtcMs => " ms",
            Field::AgeYears => " years",
            _ => "",
        }
    }

    fn patient_question(&self, field: Field) -> &'static str {
        use Field::*;
        match field {
            BirthDate => "What is your date of birth?",
            AgeYears => "How old are you?",
            Sex => "What is your sex?",
            CitDiagnosis => {
                "Has a doctor told you that your low platelet count is caused by chemotherapy?"
            }
            RhtpoDays => {
                "Since your last chemotherapy or radiotherapy, for how many days did you have rhTPO (TPIAO) injections?"
            }
            LastChemoDate => "About when did your last course of chemotherapy end?",
            HadRadiotherapy => "Have you ever had radiotherapy?",
            LastRadiotherapyDate => "About when was your last radiotherapy session?",
            PlateletCount => "What was your most recent platelet count?",
            LowPlateletsSince => "Since about when has your platelet count stayed below 30?",
            Ecog => "Which sentence describes you best today?",
            KnownInfection => {
                "Has a doctor told you that you have HIV, hepatitis B (including being a hepatitis B carrier), hepatitis C or syphilis?"
            }
            SevereBleeding => {
                "Do you have serious bleeding at the moment, such as coughing up blood, vomiting blood, black stools or bleeding in the brain?"
            }
            HeartDiseaseNeedingTreatment => {
                "Has a doctor told you that you have a heart condition that needs treatment now?"
            }
            ThromboticDisease => {
                "Has a doctor told you that you have had a blood clot (thrombosis), a clot in the lungs (pulmonary embolism), or hardened arteries (atherosclerosis)?"
            }
            PriorAlloTransplant => {
                "Have you ever had a stem cell transplant from a donor, or an organ transplant?"
            }
            Diabetes => "Has a doctor told you that you have diabetes?",
            GastricUlcer => "Has a doctor told you that you have a stomach ulcer now?",
            ActiveAutoimmuneDisease => {
                "Has a doctor told you that you have an autoimmune disease that is active now (for example lupus or rheumatoid arthritis)?"
            }
            AntiplateletDrugs => {
                "Are you taking medicine that stops platelets working, such as aspirin, clopidogrel or ticagrelor?"
            }
            PregnantOrSuspected => "Are you pregnant, or could you be pregnant?",
            Breastfeeding => "Are you breastfeeding?",
            HadMi => "Have you ever had a heart attack (myocardial infarction)?",
            LastMiDate => "About when was your most recent heart attack?",
            AtrialFibrillation => {
                "Has a doctor told you that you have atrial fibrillation, or another irregular heartbeat that raises the risk of blood clots?"
            }
            other => self.field_label(other),
        }
    }

    fn patient_help(&self, field: Field) -> Option<&'static str> {
        use Field::*;
        Some(match field {
            RhtpoDays => {
                "rhTPO is recombinant human thrombopoietin (brand name TPIAO), an injection that helps the body make platelets. Other platelet-raising injections, such as interleukin-11 (IL-11), do not count. If you had more than one course since then, give the days of the longest one. If you had none, enter 0."
            }
            LastChemoDate => {
                "An approximate date is fine: the last day you were given chemotherapy, at the end of your last course."
            }
            LastRadiotherapyDate => "An approximate date is fine: the day of your last session.",
            PlateletCount => "It is on your latest blood test report, usually marked PLT.",
            LowPlateletsSince => {
                "An approximate date is fine: the first day of the current run of counts below 30×10^9/L, without a count of 30 or more since."
            }
            LastMiDate => "An approximate date is fine.",
            CitDiagnosis => "Platelets are the blood cells that help blood to clot.",
            KnownInfection => {
                "Hepatitis B counts if a doctor said you carry the virus, or that your hepatitis B surface antigen (HBsAg) is positive. If you are not sure, choose \"I don't know\"."
            }
            HeartDiseaseNeedingTreatment
            | ThromboticDisease
            | ActiveAutoimmuneDisease
            | AtrialFibrillation
            | GastricUlcer
            | Diabetes => {
                "If you are not sure, choose \"I don't know\": the study team will check."
            }
            _ => return None,
        })
    }

    fn ecog_plain(&self, grade: u8) -> &'static str {
        match grade {
            0 => "I can do everything I could do before I became ill.",
            1 => {
                "I can't do heavy physical work, but I can walk about and do light work, such as housework or office work."
            }
            2 => {
                "I can walk about and look after myself, but I can't work. I am up and about more than half of the day."
            }
            3 => {
                "I can only partly look after myself. I am in bed or sitting for more than half of the day."
            }
            _ => "I am in bed all the time and can't look after myself at all.",
        }
    }

    fn patient_reason(&self, f: &Finding) -> String {
        match PatientSentence::of(f) {
            PatientSentence::BornOn { born } => format!(
                "you answered that you were born on {born}; the study is for adults aged 18 or over"
            ),
            PatientSentence::AgedYears { years } => format!(
                "you answered that you are {years}; the study is for adults aged 18 or over"
            ),
            PatientSentence::Answer(c) => match c {
                Condition::NotChemotherapy => "you answered that no doctor has told you that your low platelets are caused by chemotherapy; the study is for people whose low platelets are caused by chemotherapy",
                Condition::Infection => "you answered that a doctor has told you that you have HIV, hepatitis B, hepatitis C or syphilis",
                Condition::Bleeding => "you answered that you have serious bleeding at the moment",
                Condition::HeartDisease => "you answered that you have a heart condition that needs treatment now",
                Condition::Clot => "you answered that you have had a blood clot, a clot in the lungs, or hardened arteries",
                Condition::Transplant => "you answered that you have had a stem cell transplant from a donor, or an organ transplant",
                Condition::Diabetes => "you answered that you have diabetes",
                Condition::Ulcer => "you answered that you have a stomach ulcer now",
                Condition::Autoimmune => "you answered that you have an active autoimmune disease",
                Condition::Antiplatelet => "you answered that you are taking medicine that stops platelets working, such as aspirin",
                Condition::Pregnant => "you answered that you are or may be pregnant; the study cannot include women who are or may be pregnant",
                Condition::Breastfeeding => "you answered that you are breastfeeding; the study cannot include women who are breastfeeding",
                Condition::IrregularHeartbeat => "you answered that you have an irregular heartbeat that raises the risk of blood clots",
            }
            .to_string(),
            PatientSentence::RhtpoDays { days } => format!(
                "you answered that you had {days} days of rhTPO injections since your last chemotherapy or radiotherapy; the study is for people who had at least 14"
            ),
            PatientSentence::Ecog => {
                "the sentence you chose says you are in bed or sitting for more than half of the day; the study needs people who are up and about for more than half of the day".to_string()
            }
            PatientSentence::Platelets { value, unit } => format!(
                "you answered that your most recent platelet count was {value}{}; the study needs it to be below 30×10^9/L",
                platelet_unit(unit)
            ),
            PatientSentence::TooRecent { event, date: d } => match event {
                Event::Chemotherapy => format!(
                    "you answered that your last chemotherapy ended on {d}; the study needs more than a month since then"
                ),
                Event::Radiotherapy => format!(
                    "you answered that your last radiotherapy was on {d}; the study needs more than a month since then"
                ),
                Event::LowPlatelets => format!(
                    "you answered that your platelets have been below 30 since {d}; the study needs them to have been low for more than a month"
                ),
                Event::HeartAttack => format!(
                    "you answered that you had a heart attack on {d}; the study needs more than 6 months since then"
                ),
            },
            PatientSentence::AsCoordinator => self.finding(f),
        }
    }

    fn patient_check_again(&self, date: Date) -> String {
        format!("If nothing else changes, the study team could check again from about {date}.")
    }

    fn team_check(&self, id: CriterionId) -> &'static str {
        use CriterionId::*;
        match id {
            I1 => "your age",
            I2 => "your rhTPO treatment: the dose, and your platelet count after it",
            I3 => "the dates of your last chemotherapy and radiotherapy",
            I4 => "your current platelet count",
            I5 => "how long your platelet count has been low",
            I6 => "the doctor's view of your outlook over the next 6 months",
            I7 => "blood tests of your liver and kidneys, and a physical examination",
            I8 => "how active you are day to day",
            I9 => "how well your heart works",
            I10 => "the consent form, which you sign if you decide to take part",
            E1 => "whether any disease of a major organ is under control",
            E2 => "whether you can keep to the study visits and treatment",
            E3 => "blood tests for HIV, hepatitis B, C and D, syphilis, EBV and CMV",
            E4 => "any serious bleeding",
            E5 => "heart disease and blood pressure",
            E6 => "blood clots and hardened arteries",
            E7 => "any transplant in the past",
            E8 => "anything that would make consent or follow-up visits hard",
            E9 => "whether side effects of earlier treatment have gone",
            E10 => {
                "other serious illnesses, such as severe heart failure or a recent heart problem"
            }
            E11 => "infection of the blood (sepsis) and other unusual bleeding",
            E12 => "the medicines you take",
            E13 => "a pregnancy test, if you could become pregnant",
            E14 => "a heart tracing (ECG) and your heart history",
            E15 => "anything else the doctor thinks matters for your safety",
        }
    }

    fn no_date(&self, criteria: &[&str]) -> String {
        format!(
            "No date can be given: {} will not change with time.",
            criteria.join(", ")
        )
    }

    fn eligible_from(&self, date: Date) -> String {
        format!("If nothing else changes, eligible from {date}.")
    }

    fn not_before(&self, date: Date, fields: &[&str]) -> String {
        format!("Not before {date}, and still needs: {}.", fields.join(", "))
    }

    fn status(&self, status: Status) -> &'static str {
        match status {
            Status::Pass => "pass",
            Status::Fail => "fail",
            Status::Unknown => "unknown",
        }
    }

    fn outcome_headline(&self, outcome: Outcome) -> &'static str {
        match outcome {
            Outcome::Eligible => {
                "Meets every screening criterion recorded here — the investigator confirms eligibility"
            }
            Outcome::NotEligible => "Not eligible",
            Outcome::Incomplete => "Incomplete",
        }
    }
}

fn choices(kind: Kind) -> &'static str {
    match kind {
        Kind::Sex => "\"female\" or \"male\"",
        _ => "\"positive\" or \"negative\"",
    }
}

fn describe_kind(kind: Kind) -> String {
    match kind {
        Kind::Bool => "true or false".to_string(),
        Kind::Date => "a date written YYYY-MM-DD".to_string(),
        Kind::Int { min, max } => format!("a whole number from {min} to {max}"),
        Kind::Number { min, max } => format!("a number from {min} to {max}"),
        Kind::Platelets => {
            "an object {\"value\": number, \"unit\": \"10^9/L\" | \"10^3/uL\" | \"/uL\"}"
                .to_string()
        }
        Kind::Lab => "an object {\"value\": number, \"uln\": number}".to_string(),
        Kind::Serology | Kind::Sex => choices(kind).to_string(),
    }
}
