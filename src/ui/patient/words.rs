//! The patient self-check's words, and its code sheet's, in English and
//! Simplified Chinese. Struct literals: a word missing in one language
//! fails to compile.

use crate::text::Lang;

/// The patient self-check and the patient's code sheet's words in one language.
pub struct Words {
    /// Patient intro heading.
    pub p_title: &'static str,
    /// What the study is.
    pub p_about: &'static str,
    /// Privacy.
    pub p_privacy: &'static str,
    /// What to expect.
    pub p_expect: &'static str,
    /// Start button.
    pub p_start: &'static str,
    /// Keep answers choice.
    pub p_keep: &'static str,
    /// Keep answers help.
    pub p_keep_help: &'static str,
    /// Delete answers button.
    pub p_delete: &'static str,
    /// Deleted notice.
    pub p_deleted: &'static str,
    /// Step progress.
    pub p_step: fn(usize, usize) -> String,
    /// Back button.
    pub p_back: &'static str,
    /// Next button.
    pub p_next: &'static str,
    /// See result button.
    pub p_see_result: &'static str,
    /// Step titles, in order.
    pub p_steps: [&'static str; 7],
    /// Results heading.
    pub p_result_title: &'static str,
    /// Result 1 lead.
    pub p_not_right: &'static str,
    /// Result 1 follow-up.
    pub p_check_with_team: &'static str,
    /// Result 2 lead.
    pub p_not_finished: &'static str,
    /// Result 3 lead.
    pub p_may_take_part: &'static str,
    /// Result 3 follow-up.
    pub p_never_final: &'static str,
    /// What to do next.
    pub p_next_steps: &'static str,
    /// Things to ask the doctor.
    pub p_ask_doctor: &'static str,
    /// The answer "I don't know", offered on every question.
    pub p_dont_know: &'static str,
    /// Above the questions answered "I don't know" on the result.
    pub p_not_known: &'static str,
    /// Change answers.
    pub p_change_answers: &'static str,
    /// Date help for patients.
    pub p_date_help: &'static str,
    /// No birth date known.
    pub p_age_instead: &'static str,
    /// Button on the patient's result that shows the code.
    pub show_code: &'static str,
    /// Button that hides it again.
    pub hide_code: &'static str,
    /// What the code is for.
    pub code_help: &'static str,
    /// Said plainly beside the code.
    pub code_warning: &'static str,
    /// The code's accessible name.
    pub code_label: &'static str,
    /// Print button.
    pub print: &'static str,
    /// After "Print": the browser's print dialog was opened.
    pub print_opened: &'static str,
    /// After "Print": the browser could not print (its reason).
    pub print_failed: fn(&str) -> String,
    /// The printed page's title.
    pub sheet_title: &'static str,
    /// The date of the self-check, on the page.
    pub sheet_date: fn(&str) -> String,
    /// Heading of the answers list.
    pub sheet_answers: &'static str,
    /// An answer not given.
    pub not_answered: &'static str,
    /// Above the questions whose answers the code leaves out (not valid),
    /// with the label of the button that goes back to the answers.
    pub left_out: fn(&str) -> String,
    /// An answer left out of the code, as the answers list shows it.
    pub not_in_code: fn(&str) -> String,
    /// The code could not be drawn (never expected: answers are cut to fit).
    pub code_failed: &'static str,
    /// Heading of the site's contact details.
    pub contact_title: &'static str,
    /// Contact labels.
    pub phone: &'static str,
    /// Contact labels.
    pub email: &'static str,
    /// Contact labels.
    pub address: &'static str,
    /// Contact labels.
    pub hours: &'static str,
    /// "Next step" with the site's team named.
    pub next_step_site: fn(&str) -> String,
}

/// English.
pub const EN: Words = Words {
    p_title: "Could this study suit me?",
    p_about: "The study NCT07063225 at the Institute of Hematology & Blood Diseases Hospital in Tianjin tests a medicine called romiplostim N01 for adults whose platelet count stays very low after chemotherapy, even after rhTPO injections.",
    p_privacy: "Your answers stay on this device: nothing is sent anywhere. Unless you choose to keep them, they are gone when you close this page.",
    p_expect: "About 25 short questions in 7 steps. If you don't know an answer, choose \"I don't know\": the study team will check it with you. This check cannot tell you that you can take part: only the study team can decide that.",
    p_start: "Start",
    p_keep: "Keep my answers on this device",
    p_keep_help: "Only if this is your own phone or computer.",
    p_delete: "Delete my answers",
    p_deleted: "Your answers have been deleted from this device.",
    p_step: |i, n| format!("Step {i} of {n}"),
    p_back: "Back",
    p_next: "Next",
    p_see_result: "See the result",
    p_steps: [
        "About you",
        "Chemotherapy, radiotherapy and rhTPO",
        "Your platelet count",
        "How active you are",
        "Heart and blood vessels",
        "Infections, bleeding and other illnesses",
        "Pregnancy and breastfeeding",
    ],
    p_result_title: "Your result",
    p_not_right: "Based on your answers, this study may not be right for you, because:",
    p_check_with_team: "If an answer is not quite right, or you are unsure, the study team can check it with you.",
    p_not_finished: "Not finished yet: please answer these questions:",
    p_may_take_part: "You may be able to take part — the study team will check:",
    p_never_final: "Only the study team can decide whether you can take part.",
    p_next_steps: "What to do next: talk to your doctor, or contact the study team at the Institute of Hematology & Blood Diseases Hospital in Tianjin and mention study NCT07063225.",
    p_ask_doctor: "Things to ask your doctor or the study team about:",
    p_dont_know: "I don't know",
    p_not_known: "You answered \"I don't know\" to these questions; the study team will check them with you:",
    p_change_answers: "Change my answers",
    p_date_help: "If you are not sure of the exact day, give your best guess.",
    p_age_instead: "If you prefer not to give your date of birth, give your age instead.",
    show_code: "Show my answers to the study team",
    hide_code: "Hide the code",
    code_help: "Show this code to the study team. They can scan it with their tablet to start your screening with your answers, instead of asking every question again.",
    code_warning: "Anyone who scans this code, with any phone app (WeChat's scanner too), can read every answer in it. Show it only to the study team, and don't send a screenshot or a photo of it to anyone. It does not hold your name.",
    code_label: "Code with your answers for the study team",
    print: "Print / save as PDF",
    print_opened: "The print window was opened: choose a printer, or “Save as PDF”.",
    print_failed: |why| {
        format!("This browser could not print ({why}). Show the code on this screen instead.")
    },
    sheet_title: "My self-check answers for the study team",
    sheet_date: |d| format!("Self-check of {d} · study NCT07063225"),
    sheet_answers: "My answers",
    not_answered: "not answered",
    left_out: |change| {
        format!(
            "These answers are not in the code because they are not complete or not valid. The study team will ask you about them, or you can correct them first with \"{change}\":"
        )
    },
    not_in_code: |a| format!("{a} (not in the code: not complete or not valid)"),
    code_failed: "Your answers could not be turned into a code. Please show the study team this page instead.",
    contact_title: "Study team",
    phone: "Phone",
    email: "E-mail",
    address: "Address",
    hours: "Opening hours",
    next_step_site: |team| {
        format!(
            "What to do next: talk to your doctor, or contact the study team ({team}) and mention study NCT07063225."
        )
    },
};

/// Simplified Chinese.
pub const ZH: Words = Words {
    p_title: "这项研究可能适合我吗？",
    p_about: "NCT07063225 是天津中国医学科学院血液病医院开展的一项研究，评估一种名为罗米司亭 N01 的药物，用于化疗后血小板持续很低、打了升血小板针（rhTPO）后仍没有好转的成年人。",
    p_privacy: "您的回答只保存在本设备上，不会发送到任何地方。除非您选择保留，关闭本页后回答即被清除。",
    p_expect: "共约 25 个简短问题，分 7 步。不知道答案的问题，请选“不知道”，研究团队会和您一起核实。本自查不能告诉您是否可以参加：只有研究团队才能决定。",
    p_start: "开始",
    p_keep: "在本设备上保留我的回答",
    p_keep_help: "仅当这是您自己的手机或电脑时选择。",
    p_delete: "删除我的回答",
    p_deleted: "您的回答已从本设备上删除。",
    p_step: |i, n| format!("第 {i} 步，共 {n} 步"),
    p_back: "上一步",
    p_next: "下一步",
    p_see_result: "查看结果",
    p_steps: [
        "关于您",
        "化疗、放疗和特比澳（rhTPO）",
        "您的血小板计数",
        "日常活动能力",
        "心脏和血管",
        "感染、出血和其他疾病",
        "怀孕和哺乳",
    ],
    p_result_title: "您的结果",
    p_not_right: "根据您的回答，这项研究可能不适合您，原因是：",
    p_check_with_team: "如果某个回答不太准确，或者您不确定，研究团队可以和您一起核对。",
    p_not_finished: "尚未完成：请回答以下问题：",
    p_may_take_part: "您也许可以参加——研究团队会检查：",
    p_never_final: "只有研究团队才能决定您是否可以参加。",
    p_next_steps: "下一步：请与您的医生沟通，或联系天津中国医学科学院血液病医院的研究团队，并说明研究编号 NCT07063225。",
    p_ask_doctor: "可以向您的医生或研究团队询问的事项：",
    p_dont_know: "不知道",
    p_not_known: "以下问题您选择了“不知道”，研究团队会和您一起核实：",
    p_change_answers: "修改我的回答",
    p_date_help: "如果记不清具体哪一天，请填写大概的日期。",
    p_age_instead: "如果不想填写出生日期，可以改为填写年龄。",
    show_code: "把我的回答出示给研究团队",
    hide_code: "隐藏二维码",
    code_help: "请把这个二维码出示给研究团队。他们用平板扫描后，即可用您的回答开始筛选，无需把每个问题再问一遍。",
    code_warning: "任何人用任何手机应用（包括微信“扫一扫”）扫描此二维码，都能读到其中的全部回答。请只出示给研究团队，不要把截图或照片发给任何人。二维码中不含您的姓名。",
    code_label: "包含您回答的二维码，供研究团队扫描",
    print: "打印 / 保存为 PDF",
    print_opened: "已打开打印窗口：请选择打印机，或选择“保存为 PDF”。",
    print_failed: |why| format!("此浏览器无法打印（{why}）。请直接在屏幕上出示二维码。"),
    sheet_title: "我的自查回答（供研究团队查看）",
    sheet_date: |d| format!("自查日期：{d} · 研究编号 NCT07063225"),
    sheet_answers: "我的回答",
    not_answered: "未回答",
    left_out: |change| {
        format!(
            "以下回答不完整或无效，未放入二维码。研究团队会再向您询问；您也可以先点击“{change}”进行更正："
        )
    },
    not_in_code: |a| format!("{a}（不完整或无效，未放入二维码）"),
    code_failed: "无法把您的回答生成二维码。请直接把本页出示给研究团队。",
    contact_title: "研究团队",
    phone: "电话",
    email: "电子邮件",
    address: "地址",
    hours: "工作时间",
    next_step_site: |team| {
        format!("下一步：请与您的医生沟通，或联系研究团队（{team}），并说明研究编号 NCT07063225。")
    },
};

/// The patient self-check and the patient's code sheet's words in `lang`.
pub fn of(lang: Lang) -> &'static Words {
    match lang {
        Lang::En => &EN,
        Lang::Zh => &ZH,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has_cjk(s: &str) -> bool {
        s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    }

    #[test]
    fn an_answer_left_out_of_the_patients_code_is_named_in_both_languages() {
        for lang in Lang::ALL {
            let h = of(lang);
            let change = h.p_change_answers;
            assert!((h.left_out)(change).contains(change), "{lang:?}");
            assert!((h.not_in_code)("2x").starts_with("2x"), "{lang:?}");
        }
        assert!(has_cjk(&(ZH.left_out)("修改我的回答")));
        assert!(has_cjk(&(ZH.not_in_code)("2x")));
    }

    #[test]
    fn patient_wording_never_says_you_are_eligible() {
        for lang in Lang::ALL {
            let ui = of(lang);
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
}
