//! The shell's words (the header, the storage warnings, the start page),
//! in English and Simplified Chinese. Struct literals: a word missing in
//! one language fails to compile.

use crate::text::Lang;

/// The shell and start page's words in one language.
pub struct Words {
    /// `lang` attribute value for the page.
    pub html_lang: &'static str,
    /// Header privacy line.
    pub privacy_short: &'static str,
    /// Label of the language switch.
    pub language: &'static str,
    /// The other language's name, in that language (the switch's text).
    pub other_language: &'static str,
    /// Storage blocked banner.
    pub storage_blocked: fn(&str) -> String,
    /// Storage full banner.
    pub storage_full: fn(&str) -> String,
    /// Home heading.
    pub home_title: &'static str,
    /// Home intro.
    pub home_intro: &'static str,
    /// Patient mode button.
    pub patient_mode: &'static str,
    /// Patient mode description.
    pub patient_mode_help: &'static str,
    /// Coordinator mode button.
    pub coordinator_mode: &'static str,
    /// Coordinator mode description.
    pub coordinator_mode_help: &'static str,
    /// Back to the start.
    pub to_start: &'static str,
    /// Where the trial's name in the header leads on the study team's
    /// screens (spoken after it).
    pub to_records: &'static str,
}

/// English.
pub const EN: Words = Words {
    html_lang: "en",
    privacy_short: "Everything stays on this device.",
    language: "Language",
    other_language: "中文",
    storage_blocked: |why| {
        format!(
            "This browser does not let the app store anything ({why}). You can keep working: everything stays in this tab only and is lost when it closes. Export each record before closing."
        )
    },
    storage_full: |why| {
        format!(
            "The browser's storage is full ({why}). Your latest changes are kept in this tab only. Export records and delete ones you no longer need."
        )
    },
    home_title: "Screening for study NCT07063225",
    home_intro: "This study tests romiplostim N01 for people whose platelet count stays very low after chemotherapy, even after treatment with rhTPO.",
    patient_mode: "I am a patient: could this study suit me?",
    patient_mode_help: "A few plain questions, step by step. Your answers stay on this device.",
    coordinator_mode: "Study team: screening records",
    coordinator_mode_help: "Every criterion, live verdicts, drafts kept on this device.",
    to_start: "Start page",
    to_records: "Screening records",
};

/// Simplified Chinese.
pub const ZH: Words = Words {
    html_lang: "zh-CN",
    privacy_short: "所有信息只保存在本设备上。",
    language: "语言",
    other_language: "English",
    storage_blocked: |why| {
        format!(
            "此浏览器不允许本应用保存任何内容（{why}）。您可以继续工作：所有内容只保留在当前标签页中，关闭即丢失。关闭前请逐条导出记录。"
        )
    },
    storage_full: |why| {
        format!(
            "浏览器存储空间已满（{why}）。最近的修改只保留在当前标签页中。请导出记录并删除不再需要的记录。"
        )
    },
    home_title: "NCT07063225 研究筛选",
    home_intro: "本研究评估罗米司亭 N01 用于化疗后血小板持续极低、且经重组人血小板生成素（rhTPO）治疗仍无效的患者。",
    patient_mode: "我是患者：这项研究可能适合我吗？",
    patient_mode_help: "几个通俗的问题，一步一步回答。您的回答只保存在本设备上。",
    coordinator_mode: "研究团队：筛选记录",
    coordinator_mode_help: "全部标准、实时判定，草稿保存在本设备上。",
    to_start: "首页",
    to_records: "筛选记录",
};

/// The shell and start page's words in `lang`.
pub fn of(lang: Lang) -> &'static Words {
    match lang {
        Lang::En => &EN,
        Lang::Zh => &ZH,
    }
}
