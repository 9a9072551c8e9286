//! Who changes a record and why: the screener's initials and a reason in
//! words, in English and Simplified Chinese. Struct literals: a word
//! missing in one language fails to compile.

use crate::text::Lang;

/// Who changes a record and why in one language.
pub struct Words {
    /// The initials field's label.
    pub initials_label: &'static str,
    /// Why initials are asked, before a record is changed, and when they
    /// are asked again (`AppState::initials`: after the idle time, a lock,
    /// leaving the study team's screens, a reload).
    pub initials_help: &'static str,
    /// Why initials are asked, before a new record is made.
    pub initials_to_start: &'static str,
    /// The button that takes the initials.
    pub initials_use: &'static str,
    /// Takes the initials last used on this device, in one tap.
    pub continue_as: fn(&str) -> String,
    /// Asks for other initials instead.
    pub someone_else: &'static str,
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
    initials_help: "Every change is kept in the record's history with your initials: 2–4 letters, never your full name (for example, Li Ming → LM). They are asked again after “Lock now”, after the app has been idle without a passcode (5 minutes unless changed in Settings), and when you leave the study team's screens or reopen the app; unlocking after the idle lock keeps them.",
    initials_to_start: "The new record's history starts with your initials: 2–4 letters, never your full name (for example, Li Ming → LM). They are asked again after “Lock now”, after the app has been idle without a passcode (5 minutes unless changed in Settings), and when you leave the study team's screens or reopen the app; unlocking after the idle lock keeps them.",
    initials_use: "Use these initials",
    continue_as: |i| format!("Continue as {i}"),
    someone_else: "Someone else",
    initials_invalid: "Your initials: 2 to 4 letters, A to Z (for example, Li Ming → LM).",
    screener: |i| format!("Screener: {i}"),
    change_initials: "Change initials",
    reason_text_label: "In your words (required for Other)",
    reason_text_required: "Reason: say in your words why (Other was chosen).",
};

/// Simplified Chinese.
pub const ZH: Words = Words {
    initials_label: "您的姓名缩写（拼音首字母）",
    initials_help: "每次修改都会连同您的姓名缩写记入本记录的稽查轨迹。请填写姓名拼音首字母，2–4 个字母，不要填写全名（例如：李明 → LM）。点击“立即锁定”后、未设置解锁密码而应用闲置一段时间（默认 5 分钟，可在“设置”中更改）后，以及离开研究团队页面或重新打开应用时，会再次询问；闲置自动锁定后解锁则沿用原缩写。",
    initials_to_start: "新记录的稽查轨迹以您的姓名缩写开始。请填写姓名拼音首字母，2–4 个字母，不要填写全名（例如：李明 → LM）。点击“立即锁定”后、未设置解锁密码而应用闲置一段时间（默认 5 分钟，可在“设置”中更改）后，以及离开研究团队页面或重新打开应用时，会再次询问；闲置自动锁定后解锁则沿用原缩写。",
    initials_use: "使用此缩写",
    continue_as: |i| format!("继续使用 {i}"),
    someone_else: "其他人",
    initials_invalid: "姓名缩写须为 2 到 4 个英文字母，即姓名拼音首字母（例如：李明 → LM）。",
    screener: |i| format!("筛选人：{i}"),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_initials_question_gives_an_example_and_says_when_it_is_asked_again() {
        // The idle time it names is the app's default.
        let idle = crate::ui::common::state::DEFAULT_IDLE_MINUTES;
        let (minutes, fen) = (format!("{idle} minutes"), format!("{idle} 分钟"));
        for text in [EN.initials_help, EN.initials_to_start] {
            assert!(text.contains("Li Ming → LM"), "{text}");
            assert!(
                text.contains("asked again") && text.contains(&minutes),
                "{text}"
            );
        }
        for text in [ZH.initials_help, ZH.initials_to_start] {
            assert!(
                text.contains("拼音首字母") && text.contains("李明 → LM"),
                "{text}"
            );
            assert!(text.contains("再次询问") && text.contains(&fen), "{text}");
        }
        assert!(EN.initials_invalid.contains("LM") && ZH.initials_invalid.contains("李明 → LM"));
    }
}
