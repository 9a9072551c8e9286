//! Who changes a record and why: the screener's initials and a reason in
//! words, in English and Simplified Chinese. Struct literals: a word
//! missing in one language fails to compile.

use crate::text::Lang;

/// Who changes a record and why in one language.
pub struct Words {
    /// The initials field's label.
    pub initials_label: &'static str,
    /// Why initials are asked, before a record is changed.
    pub initials_help: &'static str,
    /// Why initials are asked, before a new record is made.
    pub initials_to_start: &'static str,
    /// The button that takes the initials.
    pub initials_use: &'static str,
    /// Initials that are not 2–4 letters.
    pub initials_invalid: &'static str,
    /// The screener's initials, as shown in the head.
    pub screener: fn(&str) -> String,
    /// Asks the initials again.
    pub change_initials: &'static str,
    /// The free-text field's label.
    pub reason_text_label: &'static str,
    /// "Other" chosen without words.
    pub reason_text_required: &'static str,
}

/// English.
pub const EN: Words = Words {
    initials_label: "Your initials",
    initials_help: "Every change is kept in the record's history with your initials (2–4 letters, never your full name). Asked once per session.",
    initials_to_start: "The new record's history starts with your initials (2–4 letters, never your full name). Asked once per session.",
    initials_use: "Use these initials",
    initials_invalid: "Your initials: 2 to 4 letters, A to Z (for example LM).",
    screener: |i| format!("Screener: {i}"),
    change_initials: "Change initials",
    reason_text_label: "In your words (required for Other)",
    reason_text_required: "Reason: say in your words why (Other was chosen).",
};

/// Simplified Chinese.
pub const ZH: Words = Words {
    initials_label: "您的姓名缩写",
    initials_help: "每次修改都会连同您的姓名缩写（2–4 个字母，不要填写全名）记入本记录的修改历史。每次使用只问一次。",
    initials_to_start: "新记录的修改历史以您的姓名缩写（2–4 个字母，不要填写全名）开始。每次使用只问一次。",
    initials_use: "使用此缩写",
    initials_invalid: "您的姓名缩写：2 到 4 个英文字母（例如 LM）。",
    screener: |i| format!("筛查者：{i}"),
    change_initials: "更改缩写",
    reason_text_label: "具体说明（选择“其他”时必填）",
    reason_text_required: "原因：请具体说明（已选择“其他”）。",
};

/// Who changes a record and why in `lang`.
pub fn of(lang: Lang) -> &'static Words {
    match lang {
        Lang::En => &EN,
        Lang::Zh => &ZH,
    }
}
