//! The records list's words (its head, table and rows), in English and
//! Simplified Chinese; its tools have their own (`tools::words`). Struct
//! literals: a word missing in one language fails to compile.

use crate::text::Lang;

/// The records list's words in one language.
pub struct Words {
    /// The records list's status column and its values.
    pub col_status: &'static str,
    /// Status: not yet marked complete.
    pub status_in_progress: &'static str,
    /// Status: marked complete.
    pub status_complete: &'static str,
    /// Status: changed after it was marked complete.
    pub status_amended: &'static str,
    /// List heading.
    pub records_title: &'static str,
    /// New record button.
    pub new_screening: &'static str,
    /// Scan a patient's self-check code.
    pub scan_code: &'static str,
    /// Import button.
    pub import: &'static str,
    /// Empty list.
    pub no_records: &'static str,
    /// Column.
    pub col_label: &'static str,
    /// Column.
    pub col_date: &'static str,
    /// Column.
    pub col_outcome: &'static str,
    /// Column.
    pub col_saved: &'static str,
    /// Column.
    pub col_actions: &'static str,
    /// Button.
    pub duplicate: &'static str,
    /// Button.
    pub delete: &'static str,
    /// Badge.
    pub badge_eligible: &'static str,
    /// Badge.
    pub badge_not_eligible: &'static str,
    /// Badge.
    pub badge_incomplete: &'static str,
    /// Badge.
    pub badge_no_date: &'static str,
    /// Locks every tab now (the list's header, with a passcode set).
    pub lock_now: &'static str,
    /// To the start page ("I am a patient" / "Study team"): how the tablet
    /// is handed to a patient, since the header's title leads to this list.
    pub start_page: &'static str,
}

/// English.
pub const EN: Words = Words {
    col_status: "Status",
    status_in_progress: "In progress",
    status_complete: "Complete",
    status_amended: "Amended after completion",
    records_title: "Screening records",
    new_screening: "New screening",
    scan_code: "Scan a patient's code",
    import: "Import",
    no_records: "No screenings yet. Start one with “New screening”, or import an exported record.",
    col_label: "Label",
    col_date: "Screening date",
    col_outcome: "Outcome",
    col_saved: "Last saved",
    col_actions: "Actions",
    duplicate: "Duplicate",
    delete: "Delete",
    badge_eligible: "Meets all recorded criteria",
    badge_not_eligible: "Not eligible",
    badge_incomplete: "Incomplete",
    badge_no_date: "Screening date needed",
    lock_now: "Lock now",
    start_page: "Start page (hand to a patient)",
};

/// Simplified Chinese.
pub const ZH: Words = Words {
    col_status: "状态",
    status_in_progress: "进行中",
    status_complete: "已完成",
    status_amended: "完成后已修改",
    records_title: "筛选记录",
    new_screening: "新建筛选",
    scan_code: "扫描患者二维码",
    import: "导入",
    no_records: "还没有筛选记录。点击“新建筛选”开始，或导入已导出的记录。",
    col_label: "编号",
    col_date: "筛选日期",
    col_outcome: "结果",
    col_saved: "最后保存",
    col_actions: "操作",
    duplicate: "复制",
    delete: "删除",
    badge_eligible: "已记录标准全部通过",
    badge_not_eligible: "不符合入组条件",
    badge_incomplete: "信息不全",
    badge_no_date: "需要筛选日期",
    lock_now: "立即锁定",
    start_page: "首页（交给患者自查）",
};

/// The records list's words in `lang`.
pub fn of(lang: Lang) -> &'static Words {
    match lang {
        Lang::En => &EN,
        Lang::Zh => &ZH,
    }
}
