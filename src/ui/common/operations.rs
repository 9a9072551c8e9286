//! What the device's operations say while they work or when they fail
//! (the key derivation, the random source, a download), in English and
//! Simplified Chinese. Struct literals: a word missing in one language
//! fails to compile.

use crate::text::Lang;

/// What the device's operations say in one language.
pub struct Words {
    /// The key derivation from the passcode or a backup password could not
    /// run (the worker failed), with the reason.
    pub kdf_failed: fn(&str) -> String,
    /// The key derivation ran past its time limit and was stopped.
    pub kdf_too_long: &'static str,
    /// Shown while the passcode or a backup password is being checked or set.
    pub working: &'static str,
    /// The browser's random source failed: nothing was created or saved.
    pub random_failed: &'static str,
    /// Export failed.
    pub export_failed: fn(&str) -> String,
}

/// English.
pub const EN: Words = Words {
    kdf_failed: |e| {
        format!("The passcode or backup password could not be processed ({e}). Try again.")
    },
    kdf_too_long: "Processing the passcode or backup password took longer than 30 seconds and was stopped. Try again; if it happens again, close other apps on this device.",
    working: "Working… (this takes a moment on purpose)",
    random_failed: "This browser's secure random source failed, so nothing was created or saved. Reload the page; if it happens again, use another browser.",
    export_failed: |e| format!("Export failed: {e}"),
};

/// Simplified Chinese.
pub const ZH: Words = Words {
    kdf_failed: |e| format!("无法处理解锁密码或备份密码（{e}）。请重试。"),
    kdf_too_long: "处理解锁密码或备份密码超过 30 秒，已停止。请重试；如再次出现，请关闭本设备上的其他应用。",
    working: "正在处理…（此步骤有意放慢）",
    random_failed: "此浏览器的安全随机数源出错，因此未创建或保存任何内容。请重新加载页面；如再次出现，请换用其他浏览器。",
    export_failed: |e| format!("导出失败：{e}"),
};

/// What the device's operations say in `lang`.
pub fn of(lang: Lang) -> &'static Words {
    match lang {
        Lang::En => &EN,
        Lang::Zh => &ZH,
    }
}
