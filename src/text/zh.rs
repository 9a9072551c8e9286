//! Simplified Chinese wording, with the medical terms clinicians in China use
//! (血小板, 化疗, 放疗, 重组人血小板生成素 rhTPO, ECOG 体能状态评分,
//! 纽约心脏病协会心功能分级 NYHA, 正常值上限 ULN …). The published criteria
//! text itself stays in English and is marked as the original.

use super::sentence::{Condition, Event, PatientSentence, Sentence};
use super::{Messages, QtcCase, platelet_unit_text as platelet_unit};
use crate::engine::criteria::CriterionId;
use crate::engine::date::Date;
use crate::engine::dictionary::{Field, Kind, Section};
use crate::engine::finding::Finding;
use crate::engine::logic::Status;
use crate::engine::pack::{Choice, Span};
use crate::engine::record::{ProblemKind, Serology, Sex};
use crate::engine::report::Outcome;

/// Simplified Chinese.
pub struct Chinese;

fn yes_no(b: bool) -> &'static str {
    if b { "是" } else { "否" }
}

fn serology(s: Serology) -> &'static str {
    match s {
        Serology::Positive => "阳性",
        Serology::Negative => "阴性",
    }
}

/// "1 个日历月" or "14 天".
fn span_words(span: Span) -> String {
    match span {
        Span::Months(n) => format!("{n} 个日历月"),
        Span::Days(n) => format!("{n} 天"),
    }
}

/// An answer a rule names, in words.
fn choice_words(choice: Choice) -> &'static str {
    match choice {
        Choice::Bool(b) => yes_no(b),
        Choice::Sex(Sex::Male) => "男",
        Choice::Sex(Sex::Female) => "女",
        Choice::Serology(s) => serology(s),
    }
}

impl Messages for Chinese {
    fn field_label(&self, field: Field) -> &'static str {
        use Field::*;
        match field {
            BirthDate => "出生日期",
            AgeYears => "年龄（岁）",
            Sex => "性别",
            CitDiagnosis => "已诊断化疗所致血小板减少症",
            RhtpoDays => "rhTPO 疗程",
            RhtpoDose => "rhTPO 剂量",
            PlateletAfterRhtpo => "rhTPO 疗程结束时血小板",
            LastChemoDate => "末次化疗",
            HadRadiotherapy => "曾接受放疗",
            LastRadiotherapyDate => "末次放疗",
            PlateletCount => "血小板计数",
            LowPlateletsSince => "血小板低于 30×10^9/L 起始日期",
            ExpectedSurvival6m => "预计生存期 ≥ 6 个月",
            Alt => "丙氨酸氨基转移酶（ALT）",
            Ast => "天冬氨酸氨基转移酶（AST）",
            TotalBilirubin => "总胆红素",
            Creatinine => "血清肌酐",
            PhysicalExamOk => "体格检查合格",
            Ecog => "ECOG 体能状态评分",
            NyhaClass => "纽约心脏病协会心功能分级（NYHA）",
            ConsentSigned => "已签署知情同意书",
            UncontrolledOrganDisease => "重要脏器原发病无法控制",
            PoorCompliance => "预计依从性差",
            Hiv => "HIV",
            Hbv => "乙型肝炎（HBsAg / HBV DNA）",
            Hcv => "丙型肝炎抗体",
            Hdv => "丁型肝炎抗体",
            Syphilis => "梅毒抗体",
            EbvDna => "EB 病毒 DNA",
            CmvDna => "巨细胞病毒 DNA",
            KnownInfection => "已知感染 HIV、乙/丙/丁型肝炎或梅毒",
            SevereBleeding => "广泛严重出血",
            HeartDiseaseNeedingTreatment => "需要治疗的心脏病",
            UncontrolledHypertension => "高血压控制不佳",
            ThromboticDisease => "血栓性疾病",
            PriorAlloTransplant => "异基因造血干细胞移植或器官移植史",
            MentalDisorder => "精神障碍影响知情同意或随访",
            UnresolvedPriorToxicity => "既往治疗毒性未消退（所研究的血小板减少除外）",
            Diabetes => "糖尿病",
            SevereHeartFailure => "严重心力衰竭",
            RecentCardiacEvent6m => "近 6 个月内心肌梗死、不稳定型心律失常或不稳定型心绞痛",
            GastricUlcer => "现患胃溃疡",
            ActiveAutoimmuneDisease => "活动性自身免疫病",
            OtherSeriousDisease => "其他限制参加的严重疾病",
            Sepsis => "脓毒症",
            IrregularBleeding => "其他异常出血",
            AntiplateletDrugs => "正在服用抗血小板药物",
            PregnantOrSuspected => "妊娠或可能妊娠",
            ChildbearingPotential => "育龄期女性",
            UrineHcg => "hCG 妊娠试验",
            Breastfeeding => "哺乳期",
            ArrhythmiaNeedingTreatment => "需要治疗的心律失常",
            HadMi => "曾患心肌梗死",
            LastMiDate => "末次心肌梗死",
            AtrialFibrillation => "心房颤动或其他增加血栓风险的心律失常",
            QtcMs => "QTc",
            BundleBranchBlock => "束支传导阻滞",
            InvestigatorExcludes => "研究者因其他原因排除",
        }
    }

    fn criterion_title(&self, id: CriterionId) -> &'static str {
        crate::engine::pack::current::title_zh(id)
    }

    fn reading_note(&self, id: CriterionId) -> Option<&'static str> {
        crate::engine::pack::current::note_zh(id)
    }

    fn finding(&self, f: &Finding) -> String {
        let label = |field: Field| self.field_label(field);
        let must = |must: bool| if must { "须" } else { "" };
        match Sentence::of(f) {
            Sentence::YesNo { field, value } => format!("{}：{}", label(field), yes_no(value)),
            Sentence::Serology { field, value } => format!("{}：{}", label(field), serology(value)),
            Sentence::NotKnown { field } => format!("{}：不详", label(field)),
            Sentence::AgeBorn {
                years,
                born,
                min,
                must: m,
            } => format!("年龄 {years} 岁（出生于 {born}）：{}≥ {min} 岁", must(m)),
            Sentence::Age {
                years,
                min,
                must: m,
            } => format!("年龄 {years} 岁：{}≥ {min} 岁", must(m)),
            Sentence::AgeNotKnown { min } => format!("年龄不详：需要出生日期或年龄（≥ {min} 岁）"),
            Sentence::AtLeast {
                field,
                value,
                min,
                must: m,
            } => format!(
                "{} {value}{}：{}至少 {min}",
                label(field),
                self.unit_suffix(field),
                must(m)
            ),
            Sentence::AtLeastNotKnown { field, min } => format!(
                "{}：不详（需至少 {min}{}）",
                label(field),
                self.unit_suffix(field)
            ),
            Sentence::AtMost {
                field,
                value,
                max,
                must: m,
            } => format!(
                "{} {value}{}：{}≤ {max}",
                label(field),
                self.unit_suffix(field),
                must(m)
            ),
            Sentence::AtMostNotKnown { field, max } => format!(
                "{}：不详（需 ≤ {max}{}）",
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
                    .map(|c| format!("（= {c}×10^9/L）"))
                    .unwrap_or_default();
                format!(
                    "{} {value}{}{converted}：{}低于 {limit}×10^9/L",
                    label(field),
                    platelet_unit(unit),
                    must(m)
                )
            }
            Sentence::PlateletsNotKnown { field, limit } => {
                format!("{}：不详（需低于 {limit}×10^9/L）", label(field))
            }
            Sentence::Lab {
                field,
                value,
                uln,
                times,
                limit,
                must: m,
            } => format!(
                "{} {value}（ULN {uln}）：{}低于 {times} × ULN = {}",
                label(field),
                must(m),
                limit.map_or_else(|| "?".to_string(), |l| l.to_string())
            ),
            Sentence::LabNotKnown { field } => {
                format!("{}：不详（需要结果和正常值上限）", label(field))
            }
            Sentence::HadNot { field } => format!("{}：否", label(field)),
            Sentence::HadNotKnown { field } => format!("{}：不详", label(field)),
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
                    "{} {date}：{}早于 {limit}（即在 {screening} 筛选前超过 {}）",
                    label(field),
                    must(m),
                    span_words(span)
                )
            }
            Sentence::DateNotKnown { field, span } => format!(
                "{}：日期不详（需在筛选前超过 {}）",
                label(field),
                span_words(span)
            ),
            Sentence::HcgPositive => "hCG 妊娠试验：阳性".to_string(),
            Sentence::HcgNegative => "hCG 妊娠试验：阴性".to_string(),
            Sentence::NotChildbearing => "非育龄期女性".to_string(),
            Sentence::ChildbearingTestNotKnown => {
                "育龄期女性：需要 hCG 妊娠试验阴性，结果不详".to_string()
            }
            Sentence::PregnancyNotKnown => "是否为育龄期女性及 hCG 妊娠试验：不详".to_string(),
            Sentence::QtcNotKnown => "QTc：不详".to_string(),
            Sentence::Qtc {
                qtc: q,
                block,
                case,
                limit,
                with_block,
            } => {
                let with = match block {
                    Some(true) => "，伴束支传导阻滞",
                    Some(false) => "，无束支传导阻滞",
                    None => "",
                };
                match case {
                    QtcCase::MustBe480 => format!("QTc {q} ms{with}：须 ≤ {with_block} ms"),
                    QtcCase::MustBe450 => format!("QTc {q} ms{with}：须 ≤ {limit} ms"),
                    QtcCase::BlockUnknown => format!(
                        "QTc {q} ms：超过 {limit} ms 时仅在有束支传导阻滞时允许至 {with_block} ms，而是否有束支传导阻滞不详"
                    ),
                    QtcCase::Within480 => format!("QTc {q} ms{with}：≤ {with_block} ms"),
                    QtcCase::Within450 => format!("QTc {q} ms：≤ {limit} ms"),
                }
            }
            Sentence::Male => "男性：妊娠和哺乳不适用".to_string(),
            Sentence::DoesNotApply { field, is } => {
                format!("{}：{}，本标准不适用", label(field), choice_words(is))
            }
        }
    }

    fn problem_kind(&self, kind: &ProblemKind, field: Option<Field>) -> String {
        match kind {
            ProblemKind::NotJson(e) => format!("不是有效的 JSON 记录（{e}）"),
            ProblemKind::NotAnObject => "记录必须是 JSON 对象".to_string(),
            ProblemKind::MissingFormat => {
                "缺失；记录必须注明 \"format\": \"ctit-screening/1\"".to_string()
            }
            ProblemKind::UnknownFormat(f) => format!(
                "“{}”不是本应用能读取的筛选记录格式（应为 \"ctit-screening/1\"）",
                f.escape_debug()
            ),
            ProblemKind::NewerFormat(f) => {
                format!(
                    "“{}”由本应用的更新版本写入；请更新应用后再读取",
                    f.escape_debug()
                )
            }
            ProblemKind::Missing => "缺失".to_string(),
            ProblemKind::AnswersNotAnObject => "必须是由字段编号和回答组成的 JSON 对象".to_string(),
            ProblemKind::UnknownField => "不是本筛选的字段（未知字段编号）".to_string(),
            ProblemKind::WrongType(kind) => format!("必须是{}", describe_kind(*kind)),
            ProblemKind::BadDate => "不是按 YYYY-MM-DD 书写的真实日期".to_string(),
            ProblemKind::DateAfterScreening { date, screening } => {
                format!("{date} 晚于筛选日期 {screening}")
            }
            ProblemKind::NotWholeNumber => "必须是整数".to_string(),
            ProblemKind::OutOfRange { min, max } => format!("必须在 {min} 到 {max} 之间"),
            ProblemKind::UnreadableNumber => "数字过长或过大，不可能是测量值".to_string(),
            ProblemKind::Negative => "数值不能小于零".to_string(),
            ProblemKind::UlnNotPositive => "正常值上限（ULN）必须大于零".to_string(),
            ProblemKind::UnknownUnit(u) => {
                format!(
                    "不接受单位“{}”；请使用 10^9/L、10^3/uL 或 /uL",
                    u.escape_debug()
                )
            }
            ProblemKind::MissingPart(part) => match *part {
                "uln" => "缺少正常值上限（ULN）".to_string(),
                "unit" => "缺少单位".to_string(),
                _ => "缺少数值".to_string(),
            },
            ProblemKind::PartNotANumber(part) => match *part {
                "uln" => "正常值上限（ULN）必须是数字".to_string(),
                _ => "数值必须是数字".to_string(),
            },
            ProblemKind::UnexpectedPart(p) => format!(
                "“{}”不属于此回答（{}）",
                p.escape_debug(),
                field.map_or("", |f| match f.def().kind {
                    Kind::Lab => "应为 value 和 uln",
                    _ => "应为 value 和 unit",
                })
            ),
            ProblemKind::BadChoice(s) => format!(
                "“{}”不是可选值之一（{}）",
                s.escape_debug(),
                field.map_or("", |f| match f.def().kind {
                    Kind::Sex => "\"female\" 或 \"male\"",
                    _ => "\"positive\" 或 \"negative\"",
                })
            ),
        }
    }

    fn status(&self, status: Status) -> &'static str {
        match status {
            Status::Pass => "通过",
            Status::Fail => "未通过",
            Status::Unknown => "待确认",
        }
    }

    fn outcome_headline(&self, outcome: Outcome) -> &'static str {
        match outcome {
            Outcome::Eligible => "此处记录的全部筛选标准均已通过——是否符合入组条件由研究者确认",
            Outcome::NotEligible => "不符合入组条件",
            Outcome::Incomplete => "信息不全",
        }
    }

    fn section_title(&self, s: Section) -> &'static str {
        match s {
            Section::Demographics => "基本信息",
            Section::Treatment => "诊断及治疗史",
            Section::Platelets => "血小板",
            Section::Labs => "肝肾功能及体格检查",
            Section::Heart => "体能状态及心脏",
            Section::Infections => "感染",
            Section::Conditions => "其他疾病及用药",
            Section::Pregnancy => "妊娠及哺乳",
            Section::Ecg => "心电图",
            Section::Investigator => "研究者判断",
            Section::Consent => "知情同意",
        }
    }

    fn field_help(&self, field: Field) -> Option<&'static str> {
        use Field::*;
        Some(match field {
            BirthDate | LastChemoDate | LastRadiotherapyDate | LastMiDate => {
                "YYYY-MM-DD 或 YYYYMMDD，年份在前"
            }
            AgeYears => "仅在出生日期不详时填写",
            RhtpoDays => "末次化疗/放疗后规律使用 rhTPO 的天数",
            PlateletAfterRhtpo => "该 rhTPO 疗程结束时的计数",
            PlateletCount => "最近一次计数（入组时）",
            LowPlateletsSince => "YYYY-MM-DD 或 YYYYMMDD：本次持续低于 30×10^9/L 的第一天",
            Ecog => "0 完全活动 … 4 完全失能",
            NyhaClass => "1 = 活动不受限 … 4 = 静息时也有症状",
            QtcMs => "以心电图报告为准",
            Hbv => "HBsAg 或 HBV DNA",
            UrineHcg => "筛选时尿或血 hCG",
            _ => return None,
        })
    }

    fn unit_suffix(&self, field: Field) -> &'static str {
        match field {
            Field::RhtpoDays => " 天",
            Field::RhtpoDose => " U/kg/d",
            Field::QtcMs => " ms",
            Field::AgeYears => " 岁",
            _ => "",
        }
    }

    fn patient_question(&self, field: Field) -> &'static str {
        use Field::*;
        match field {
            BirthDate => "您的出生日期是？",
            AgeYears => "您今年多大年龄（周岁）？",
            Sex => "您的性别是？",
            CitDiagnosis => "医生是否告诉过您，您的血小板低是化疗引起的？",
            RhtpoDays => "在最后一次化疗或放疗之后，您打特比澳（rhTPO）一共打了多少天？",
            LastChemoDate => "您最后一个化疗疗程大约是哪天结束的？",
            HadRadiotherapy => "您做过放疗吗？",
            LastRadiotherapyDate => "您最后一次放疗大约是哪天？",
            PlateletCount => "您最近一次化验的血小板计数是多少？",
            LowPlateletsSince => "大约从哪天起，您的血小板一直低于 30？",
            Ecog => "下面哪一句最符合您现在的情况？",
            KnownInfection => {
                "医生是否告诉过您，您有艾滋病（HIV 感染）、乙肝（包括乙肝携带者、“大三阳”或“小三阳”）、丙肝或梅毒？"
            }
            SevereBleeding => "您现在是否有严重出血，例如咳血、呕血、黑便或脑出血？",
            HeartDiseaseNeedingTreatment => "医生是否告诉过您，您现在有需要治疗的心脏病？",
            ThromboticDisease => "医生是否告诉过您，您得过血栓、肺栓塞或动脉粥样硬化？",
            PriorAlloTransplant => {
                "您是否做过异基因造血干细胞移植（用他人捐献的干细胞）或器官移植？"
            }
            Diabetes => "医生是否告诉过您，您有糖尿病？",
            GastricUlcer => "医生是否告诉过您，您现在有胃溃疡？",
            ActiveAutoimmuneDisease => {
                "医生是否告诉过您，您现在有处于活动期的自身免疫病（例如红斑狼疮、类风湿关节炎）？"
            }
            AntiplateletDrugs => {
                "您现在是否在服用影响血小板功能的药物（抗血小板药），例如阿司匹林、氯吡格雷或替格瑞洛？"
            }
            PregnantOrSuspected => "您是否怀孕，或者可能怀孕？",
            Breastfeeding => "您是否正在哺乳？",
            HadMi => "您是否得过心肌梗死（心梗）？",
            LastMiDate => "您最近一次心梗大约是哪天？",
            AtrialFibrillation => "医生是否告诉过您，您有房颤，或其他会增加血栓风险的心律不齐？",
            other => self.field_label(other),
        }
    }

    fn patient_help(&self, field: Field) -> Option<&'static str> {
        use Field::*;
        Some(match field {
            RhtpoDays => {
                "rhTPO 即重组人血小板生成素，商品名特比澳，是帮助身体生成血小板的注射药。白介素-11（IL-11）等其他升血小板药物不算在内。如果打过不止一个疗程，请填最长一个疗程的天数；没有打过请填 0。"
            }
            LastChemoDate => "填大概的日期即可：指最后一个疗程中最后一次用化疗药的那一天。",
            LastRadiotherapyDate => "填大概的日期即可：指最后一次放疗的那一天。",
            PlateletCount => "在您最近一次的血常规化验单上，通常标为 PLT。",
            LowPlateletsSince => {
                "填大概的日期即可：指本次血小板持续低于 30×10^9/L 的第一天（此后一直没有回到 30 或以上）。"
            }
            LastMiDate => "填大概的日期即可。",
            CitDiagnosis => "血小板是帮助血液凝固的血细胞。",
            KnownInfection => "医生说过“乙肝表面抗原（HBsAg）阳性”，也算乙肝。不确定请选“不知道”。",
            HeartDiseaseNeedingTreatment
            | ThromboticDisease
            | ActiveAutoimmuneDisease
            | AtrialFibrillation
            | GastricUlcer
            | Diabetes => "不确定请选“不知道”，研究团队会核实。",
            _ => return None,
        })
    }

    fn ecog_plain(&self, grade: u8) -> &'static str {
        match grade {
            0 => "生病前能做的事，我现在都能做。",
            1 => "我不能干重体力活，但能走动，能做轻活，例如家务或办公室工作。",
            2 => "我能走动，生活能自理，但不能工作。白天一半以上的时间能起床活动。",
            3 => "我生活只能部分自理，白天一半以上的时间卧床或坐着。",
            _ => "我完全卧床，生活不能自理。",
        }
    }

    fn patient_reason(&self, f: &Finding) -> String {
        match PatientSentence::of(f) {
            PatientSentence::BornOn { born } => {
                format!("您填写的出生日期是 {born}；本研究只招募 18 岁及以上的成年人")
            }
            PatientSentence::AgedYears { years } => {
                format!("您填写的年龄是 {years} 岁；本研究只招募 18 岁及以上的成年人")
            }
            PatientSentence::Answer(c) => match c {
                Condition::NotChemotherapy => "您回答医生没有告诉过您血小板低是化疗引起的；本研究招募的是化疗所致血小板减少症患者",
                Condition::Infection => "您回答医生告诉过您有艾滋病、乙肝、丙肝或梅毒",
                Condition::Bleeding => "您回答现在有严重出血",
                Condition::HeartDisease => "您回答现在有需要治疗的心脏病",
                Condition::Clot => "您回答得过血栓、肺栓塞或动脉粥样硬化",
                Condition::Transplant => "您回答做过异基因造血干细胞移植或器官移植",
                Condition::Diabetes => "您回答有糖尿病",
                Condition::Ulcer => "您回答现在有胃溃疡",
                Condition::Autoimmune => "您回答现在有活动期的自身免疫病",
                Condition::Antiplatelet => "您回答正在服用影响血小板功能的药物，例如阿司匹林",
                Condition::Pregnant => "您回答已怀孕或可能怀孕；本研究不能招募已怀孕或可能怀孕的女性",
                Condition::Breastfeeding => "您回答正在哺乳；本研究不能招募正在哺乳的女性",
                Condition::IrregularHeartbeat => "您回答有会增加血栓风险的心律不齐",
            }
            .to_string(),
            PatientSentence::RhtpoDays { days } => format!(
                "您回答最后一次化疗或放疗后打特比澳（rhTPO）{days} 天；本研究要求至少 14 天"
            ),
            PatientSentence::Ecog => {
                "您选择的描述是白天一半以上的时间卧床或坐着；本研究要求白天一半以上的时间能起床活动".to_string()
            }
            PatientSentence::Platelets { value, unit } => format!(
                "您回答最近一次血小板计数是 {value}{}；本研究要求低于 30×10^9/L",
                platelet_unit(unit)
            ),
            PatientSentence::TooRecent { event, date: d } => match event {
                Event::Chemotherapy => {
                    format!("您回答最后一个化疗疗程在 {d} 结束；本研究要求距末次化疗超过一个月")
                }
                Event::Radiotherapy => {
                    format!("您回答最后一次放疗在 {d}；本研究要求距末次放疗超过一个月")
                }
                Event::LowPlatelets => {
                    format!("您回答血小板从 {d} 起低于 30；本研究要求持续低于 30 超过一个月")
                }
                Event::HeartAttack => {
                    format!("您回答在 {d} 发生过心梗；本研究要求距心梗超过 6 个月")
                }
            },
            PatientSentence::AsCoordinator => self.finding(f),
        }
    }

    fn patient_check_again(&self, date: Date) -> String {
        format!("如其他情况不变，大约从 {date} 起，研究团队可以再为您核对一次。")
    }

    fn team_check(&self, id: CriterionId) -> &'static str {
        use CriterionId::*;
        match id {
            I1 => "您的年龄",
            I2 => "您的 rhTPO 治疗：剂量，以及治疗后的血小板计数",
            I3 => "您最后一次化疗和放疗的日期",
            I4 => "您目前的血小板计数",
            I5 => "您的血小板低了多长时间",
            I6 => "医生对您今后 6 个月病情的判断",
            I7 => "肝功能、肾功能化验和体格检查",
            I8 => "您日常的活动能力",
            I9 => "您的心脏功能",
            I10 => "知情同意书（如果您决定参加，需要签署）",
            E1 => "重要脏器的疾病是否得到控制",
            E2 => "您能否按时参加研究随访和治疗",
            E3 => "HIV、乙肝、丙肝、丁肝、梅毒、EB 病毒和巨细胞病毒的化验",
            E4 => "是否有严重出血",
            E5 => "心脏病和血压",
            E6 => "血栓和动脉硬化",
            E7 => "既往是否做过移植",
            E8 => "是否有影响知情同意或随访的情况",
            E9 => "既往治疗的副作用是否已经消退",
            E10 => "其他严重疾病，例如严重心力衰竭或近期的心脏问题",
            E11 => "血液感染（脓毒症）和其他异常出血",
            E12 => "您正在使用的药物",
            E13 => "妊娠试验（如果您有可能怀孕）",
            E14 => "心电图和心脏病史",
            E15 => "医生认为与您安全有关的其他情况",
        }
    }

    fn no_date(&self, criteria: &[&str]) -> String {
        format!("无法给出日期：{} 不会随时间改变。", criteria.join("、"))
    }

    fn eligible_from(&self, date: Date) -> String {
        format!("如其他情况不变，自 {date} 起符合。")
    }

    fn not_before(&self, date: Date, fields: &[&str]) -> String {
        format!("不早于 {date}，且仍需：{}。", fields.join("、"))
    }
}

fn describe_kind(kind: Kind) -> String {
    match kind {
        Kind::Bool => " true 或 false".to_string(),
        Kind::Date => "按 YYYY-MM-DD 书写的日期".to_string(),
        Kind::Int { min, max } => format!(" {min} 到 {max} 之间的整数"),
        Kind::Number { min, max } => format!(" {min} 到 {max} 之间的数字"),
        Kind::Platelets => {
            "对象 {\"value\": 数字, \"unit\": \"10^9/L\" | \"10^3/uL\" | \"/uL\"}".to_string()
        }
        Kind::Lab => "对象 {\"value\": 数字, \"uln\": 数字}".to_string(),
        Kind::Sex => " \"female\" 或 \"male\"".to_string(),
        Kind::Serology => " \"positive\" 或 \"negative\"".to_string(),
    }
}
