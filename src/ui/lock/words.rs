//! The lock screen's words and the passcode offer's, in English and
//! Simplified Chinese. Struct literals: a word missing in one language
//! fails to compile.

use crate::text::Lang;

/// The lock screen and the passcode offer's words in one language.
pub struct Words {
    /// Lock offer heading.
    pub lock_offer: &'static str,
    /// Lock offer explanation.
    pub lock_offer_help: &'static str,
    /// Passcode field.
    pub passcode: &'static str,
    /// Repeat passcode field.
    pub passcode_again: &'static str,
    /// Passcode rule.
    pub passcode_rule: &'static str,
    /// Button.
    pub set_passcode: &'static str,
    /// Button.
    pub not_now: &'static str,
    /// Lock screen heading.
    pub locked_title: &'static str,
    /// Lock screen text.
    pub locked_help: &'static str,
    /// Button.
    pub unlock: &'static str,
    /// Working.
    pub unlocking: &'static str,
    /// Wrong passcode, with the wait before the next try.
    pub wrong_passcode: fn(u32) -> String,
    /// Button.
    pub forgot_passcode: &'static str,
    /// Forgot explanation.
    pub forgot_warning: &'static str,
    /// Button.
    pub forgot_wipe: &'static str,
    /// Passcode set notice.
    pub passcode_set: &'static str,
    /// Why a new passcode, or a new backup password, is refused (the same
    /// rules: the words name neither, the form's labels say which).
    pub passcode_problem: fn(crate::security::vault::PasscodeProblem) -> String,
    /// Shown when "New screening" or "Import" is pressed before the
    /// passcode offer was answered.
    pub lock_choose_first: &'static str,
    /// Records still in the clear after setting a passcode (storage ran out).
    pub unsealed_left: fn(usize) -> String,
    /// Waiting after too many wrong passcodes, in seconds.
    pub wait_before_try: fn(u32) -> String,
    /// The word to type to confirm wiping everything.
    pub wipe_word: &'static str,
    /// Asks for the word.
    pub type_wipe_word: fn(&str) -> String,
    /// Setting a passcode failed (with the browser's or vault's reason).
    pub passcode_failed: fn(&str) -> String,
    /// Unlocking failed: the browser's or the vault's own words.
    pub unlock_failed: fn(&str) -> String,
    /// Changing the passcode failed: the browser's or the vault's own words.
    pub change_failed: fn(&str) -> String,
    /// Removing the passcode failed: the browser's or the vault's own words.
    pub remove_failed: fn(&str) -> String,
    /// The passcode was removed meanwhile (in another tab).
    pub no_passcode_now: &'static str,
    /// Another tab set a passcode at the same moment: this one was not set.
    pub passcode_set_elsewhere: &'static str,
    /// Dismisses a notice.
    pub ok: &'static str,
    /// The warning before the idle lock, with the seconds left.
    pub locking_soon: fn(u32) -> String,
    /// The warning's button: counts as activity.
    pub stay: &'static str,
}

/// English.
pub const EN: Words = Words {
    lock_offer: "Shared tablet? Protect these records with a passcode.",
    lock_offer_help: "Records are then stored encrypted, and the app locks itself when left idle. If the passcode is forgotten, the records cannot be recovered: they have to be wiped.",
    passcode: "Passcode",
    passcode_again: "Passcode again",
    passcode_rule: "At least 8 characters; not a repeat or a run such as 00000000 or 12345678. A short phrase is easy to remember and hard to guess.",
    set_passcode: "Set passcode",
    not_now: "Not now",
    locked_title: "Locked",
    locked_help: "Records on this device are encrypted. Enter the passcode to continue.",
    unlock: "Unlock",
    unlocking: "Checking…",
    wrong_passcode: |wait| {
        if wait == 0 {
            "Wrong passcode.".to_string()
        } else {
            format!("Wrong passcode. You can try again in {wait} seconds.")
        }
    },
    forgot_passcode: "Forgot the passcode?",
    forgot_warning: "Without the passcode the records cannot be decrypted. Removing the passcode wipes every record and setting this app stored on this device. It cannot be undone.",
    forgot_wipe: "Wipe all records and remove the passcode",
    passcode_set: "Passcode set: records are now stored encrypted.",
    passcode_problem: |p| {
        use crate::security::vault::PasscodeProblem::*;
        match p {
            TooShort => "At least 8 characters are needed.",
            Repeats => "Choose one that is not a repeat (such as 00000000 or 12121212).",
            Sequence => "Choose one that is not a run (such as 12345678, abcdefgh or qwertyui).",
            Mismatch => "The two entries differ.",
        }
        .to_string()
    },
    lock_choose_first: "Before the first record: set a passcode for this device, or choose “Not now”.",
    unsealed_left: |n| {
        let s = if n == 1 { "" } else { "s" };
        format!(
            "{n} record{s} still stored without encryption: there was not enough space to encrypt them. Export and delete old records, then lock and unlock to finish."
        )
    },
    wait_before_try: |n| {
        format!("Too many wrong passcodes. The next try is possible in {n} seconds.")
    },
    wipe_word: "WIPE",
    type_wipe_word: |w| format!("Type {w} to confirm."),
    passcode_failed: |e| format!("The passcode could not be set: {e}"),
    unlock_failed: |e| format!("This app could not be unlocked: {e}"),
    change_failed: |e| format!("The passcode could not be changed: {e}"),
    remove_failed: |e| format!("The passcode could not be removed: {e}"),
    no_passcode_now: "No passcode is set on this device any more (it was removed in another tab). Reload the page.",
    passcode_set_elsewhere: "A passcode was set in another tab of this app at the same moment, so yours was not set. That passcode protects the records: enter it to unlock.",
    ok: "OK",
    locking_soon: |s| {
        format!(
            "This app locks in {s} seconds unless it is used: tap anywhere, or “Stay unlocked”."
        )
    },
    stay: "Stay unlocked",
};

/// Simplified Chinese.
pub const ZH: Words = Words {
    lock_offer: "共用平板？请设置解锁密码保护这些记录。",
    lock_offer_help: "设置后，记录将加密保存，闲置时应用会自动锁定。如果忘记解锁密码，记录无法恢复，只能清除。",
    passcode: "解锁密码",
    passcode_again: "再次输入解锁密码",
    passcode_rule: "至少 8 个字符，不要使用重复或连续的字符（如 00000000 或 12345678）。一句短语既好记又难猜。",
    set_passcode: "设置解锁密码",
    not_now: "暂不设置",
    locked_title: "已锁定",
    locked_help: "本设备上的记录已加密。请输入解锁密码继续。",
    unlock: "解锁",
    unlocking: "正在验证…",
    wrong_passcode: |wait| {
        if wait == 0 {
            "解锁密码错误。".to_string()
        } else {
            format!("解锁密码错误。请 {wait} 秒后再试。")
        }
    },
    forgot_passcode: "忘记解锁密码？",
    forgot_warning: "没有解锁密码就无法解密记录。移除解锁密码将清除本应用在本设备上保存的所有记录和设置。此操作无法撤销。",
    forgot_wipe: "清除所有记录并移除解锁密码",
    passcode_set: "解锁密码已设置：记录现已加密保存。",
    passcode_problem: |p| {
        use crate::security::vault::PasscodeProblem::*;
        match p {
            TooShort => "至少需要 8 个字符。",
            Repeats => "请不要使用重复的字符（如 00000000 或 12121212）。",
            Sequence => "请不要使用连续的字符（如 12345678、abcdefgh 或 qwertyui）。",
            Mismatch => "两次输入的内容不一致。",
        }
        .to_string()
    },
    lock_choose_first: "创建第一条记录之前：请为本设备设置解锁密码，或选择“暂不设置”。",
    unsealed_left: |n| {
        format!(
            "还有 {n} 条记录未加密保存：存储空间不足，无法加密。请导出并删除旧记录，然后锁定并重新解锁以完成加密。"
        )
    },
    wait_before_try: |n| format!("解锁密码错误次数过多。{n} 秒后可再次尝试。"),
    wipe_word: "清除",
    type_wipe_word: |w| format!("请输入“{w}”确认。"),
    passcode_failed: |e| format!("未能设置解锁密码：{e}"),
    unlock_failed: |e| format!("未能解锁本应用：{e}"),
    change_failed: |e| format!("未能更改解锁密码：{e}"),
    remove_failed: |e| format!("未能移除解锁密码：{e}"),
    no_passcode_now: "本设备上已没有解锁密码（已在另一个标签页中移除），请重新加载页面。",
    passcode_set_elsewhere: "本应用的另一个标签页在同一时刻设置了解锁密码，因此您的设置未生效。记录由该解锁密码保护：请输入该解锁密码解锁。",
    ok: "知道了",
    locking_soon: |s| {
        format!("本应用将在 {s} 秒后锁定，除非继续使用：轻触任意位置，或点击“保持解锁”。")
    },
    stay: "保持解锁",
};

/// The lock screen and the passcode offer's words in `lang`.
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
    fn wiping_after_a_forgotten_passcode_says_it_cannot_be_undone_in_both_languages() {
        assert!(EN.forgot_warning.contains("cannot be undone"));
        assert!(ZH.forgot_warning.contains("无法撤销"));
    }

    #[test]
    fn a_wrong_passcode_is_named_the_passcode_in_both_languages() {
        for wait in [0, 5] {
            assert!((EN.wrong_passcode)(wait).starts_with("Wrong passcode"));
            assert!((ZH.wrong_passcode)(wait).starts_with("解锁密码错误"));
        }
    }
}
