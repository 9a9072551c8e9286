//! The published criteria in Chinese: the app's own translation of each
//! criterion's registry text (`Criterion::source`, English as published),
//! shown to a Chinese reader under the English and marked as the app's
//! translation; where they differ, the protocol's own text prevails.
//!
//! Translated as published, faults included where they carry meaning
//! ("myocardial obstruction" is rendered as written, with the reading the
//! spec gives in brackets); the rules themselves are the engine's, never
//! these words. Two criteria (E13, E14) share one published bullet, so
//! they share its translation, as they share the English.

use crate::engine::criteria::CriterionId;

/// E13 and E14's one published bullet, translated.
const PREGNANCY_AND_HEART: &str = "孕妇、疑似妊娠（筛选时尿人绒毛膜促性腺激素妊娠试验阳性）及哺乳期患者；既往心脏病，包括纽约心脏协会（NYHA）III/IV 级充血性心力衰竭、需要治疗的心律失常或近 6 个月内的心肌梗死。无已知会增加血栓事件风险的心律失常（如心房颤动），或 QT > 450 毫秒、伴束支传导阻滞者 QTc > 480 的患者；";

/// A criterion's published text, in the app's Chinese translation.
pub fn text(id: CriterionId) -> &'static str {
    use CriterionId::*;
    match id {
        I1 => "年龄：18 岁及以上，性别不限；",
        I2 => {
            "符合化疗所致血小板减少症诊断标准，且经 rhTPO 或 IL-11 反复治疗后仍无效的患者（受试者需在放化疗后接受规律 rhTPO 治疗至少 14 天，rhTPO 剂量 300 U/kg/d 或以上，血小板计数仍低于 30×10^9/L，定义为难治性化疗所致血小板减少症）；"
        }
        I3 => "已停止化疗和放疗超过 1 个月的患者；",
        I4 => "入组时血小板计数 < 30×10^9/L 的患者；",
        I5 => "血小板计数持续 < 30×10^9/L 超过 1 个月的患者；",
        I6 => "预期生存期 ≥ 6 个月的患者；",
        I7 => "肝、肾功能 < 1.5 倍正常值上限，体格检查合格的患者；",
        I8 => "ECOG 体能状态评分 ≤ 2 分的患者；",
        I9 => "心功能：纽约心脏协会心功能分级为 2 级或以下的患者；",
        I10 => "自愿签署知情同意书的患者；",
        E1 => {
            "重要脏器原发疾病无法控制者，如恶性肿瘤广泛转移、肝功能衰竭、心力衰竭、肾功能衰竭等疾病；"
        }
        E2 => "依从性差的患者；",
        E3 => {
            "HIV、乙型肝炎病毒（HBV）、丙型肝炎病毒（HCV）和/或丁型肝炎病毒（HDV）、梅毒血清学阳性；EB 病毒 DNA、巨细胞病毒 DNA 阳性；"
        }
        E4 => "伴有广泛、严重出血，如咯血、上消化道出血、颅内出血等。",
        E5 => "目前有需要治疗的心脏病，或经研究者判断血压控制不佳的高血压；",
        E6 => "患有血栓性疾病，如肺栓塞、血栓形成、动脉粥样硬化的患者；",
        E7 => "既往接受过异基因造血干细胞移植或器官移植者；",
        E8 => "患有精神疾病，无法正常获得知情同意、无法完成试验和随访的患者；",
        E9 => "参加试验前治疗引起的毒性症状尚未消失的患者；",
        E10 => {
            "其他可能限制受试者参加本试验的严重疾病（如糖尿病；严重心力衰竭；近 6 个月内心肌梗阻［本规范按心肌梗死理解］、不稳定心律失常或不稳定型心绞痛；胃溃疡；活动期自身免疫病等）；"
        }
        E11 => "患有脓毒症或其他异常出血的患者；",
        E12 => "同时服用抗血小板药物的患者；",
        E13 | E14 => PREGNANCY_AND_HEART,
        E15 => "研究者认为因其他任何情况不宜参加本试验的患者。",
    }
}
