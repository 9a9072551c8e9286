//! Words every feature shares (the trial and its site, a record without a
//! label, going back and cancelling, a part that could not be fetched),
//! in English and Simplified Chinese, and [`tr`]: any feature's words as a
//! closure that follows the language. Struct literals: a word missing in
//! one language fails to compile. Each feature has its own words beside
//! its components (`crate::ui::<feature>::words`); answers, initials and
//! the device's operations have theirs beside this file.

use crate::text::Lang;
use leptos::prelude::*;

/// The words every feature shares, in one language.
pub struct Words {
    /// The trial's short title.
    pub trial_title: &'static str,
    /// The site.
    pub site: &'static str,
    /// A record without a label.
    pub no_label: &'static str,
    /// Button.
    pub cancel: &'static str,
    /// Screening date field.
    pub screening_date: &'static str,
    /// A screen's code could not be fetched (offline before the app was
    /// kept for offline use, or the server is unreachable).
    pub part_unavailable: &'static str,
    /// Try loading that screen again.
    pub try_again: &'static str,
    /// The settings screen's title, and the list's button to it.
    pub settings: &'static str,
    /// Print row.
    pub outcome: &'static str,
    /// Back to list.
    pub all_screenings: &'static str,
}

/// English.
pub const EN: Words = Words {
    trial_title: "Romiplostim N01 for refractory chemotherapy-induced thrombocytopenia",
    site: "Institute of Hematology & Blood Diseases Hospital, Tianjin",
    no_label: "(no label)",
    cancel: "Cancel",
    screening_date: "Screening date",
    part_unavailable: "This screen could not be loaded: the app's files are not on this device yet and the server cannot be reached. Nothing you entered is lost. Check the connection, then try again.",
    try_again: "Try again",
    settings: "Settings",
    outcome: "Outcome",
    all_screenings: "← All screenings",
};

/// Simplified Chinese.
pub const ZH: Words = Words {
    trial_title: "罗米司亭 N01 治疗难治性化疗所致血小板减少症",
    site: "中国医学科学院血液病医院（血液学研究所），天津",
    no_label: "（无编号）",
    cancel: "取消",
    screening_date: "筛选日期",
    part_unavailable: "此页面未能加载：本设备上还没有应用的文件，且无法连接服务器。您输入的内容都不会丢失。请检查网络连接后重试。",
    try_again: "重试",
    settings: "设置",
    outcome: "结果",
    all_screenings: "← 全部筛选记录",
};

/// The words every feature shares in `lang`.
pub fn of(lang: Lang) -> &'static Words {
    match lang {
        Lang::En => &EN,
        Lang::Zh => &ZH,
    }
}

/// Interface text that follows the language, from any feature's words:
/// `tr(lang, |l| list::words::of(l).records_title)`.
///
/// Every call returns the same closure type (the text is chosen through a
/// function pointer), so the app carries one copy of the code that draws
/// and updates reactive text instead of one per string: in a Leptos app
/// that per-closure code is a large share of the wasm.
pub fn tr(
    lang: RwSignal<Lang>,
    pick: fn(Lang) -> &'static str,
) -> impl Fn() -> &'static str + Send + Sync + Copy + 'static {
    move || pick(lang.get())
}
