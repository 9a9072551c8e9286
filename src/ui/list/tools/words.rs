//! The records list's tools' words (import, exports, search and filters,
//! unreadable entries, records past the retention period, deleting, the
//! buttons under a long list), in English and Simplified Chinese. Struct
//! literals: a word missing in one language fails to compile.

use crate::interop::fhir::FhirImportError;
use crate::record::stored::DeletionReason;
use crate::text::Lang;

/// The reasons for deleting a record, by name.
pub struct DeletionReasonWords {
    /// `DeletionReason::EnteredInError`.
    pub entered_in_error: &'static str,
    /// `DeletionReason::Duplicate`.
    pub duplicate: &'static str,
    /// `DeletionReason::RetentionPeriod`.
    pub retention_period: &'static str,
    /// `DeletionReason::Other`.
    pub other: &'static str,
}

impl DeletionReasonWords {
    /// The words for `reason`.
    pub fn of(&self, reason: DeletionReason) -> &'static str {
        match reason {
            DeletionReason::EnteredInError => self.entered_in_error,
            DeletionReason::Duplicate => self.duplicate,
            DeletionReason::RetentionPeriod => self.retention_period,
            DeletionReason::Other => self.other,
        }
    }
}

/// The records list's tools' words in one language.
pub struct Words {
    /// Button.
    pub yes_delete: &'static str,
    /// Button.
    pub export_log: &'static str,
    /// Button.
    pub export_questionnaire: &'static str,
    /// Broken entries heading.
    pub broken_entries: fn(usize) -> String,
    /// Broken entries explanation.
    pub broken_entries_help: &'static str,
    /// Why an entry cannot be read.
    pub broken_not_json: &'static str,
    /// Why an entry cannot be read.
    pub broken_wrong_shape: &'static str,
    /// Why an entry cannot be read.
    pub broken_newer: &'static str,
    /// Why an entry cannot be read.
    pub broken_id_mismatch: &'static str,
    /// Under a records list drawn in part: how many of how many.
    pub list_window: fn(usize, usize) -> String,
    /// Button: draw the next records of the list.
    pub show_more: fn(usize) -> String,
    /// Button: draw every record.
    pub show_all: fn(usize) -> String,
    /// Import refused: heading line.
    pub import_refused: fn(&str) -> String,
    /// Import: file unreadable.
    pub import_unreadable: fn(&str, &str) -> String,
    /// Retention panel heading.
    pub retention_due: fn(usize, u32) -> String,
    /// Button.
    pub export_old: &'static str,
    /// Button.
    pub delete_old: &'static str,
    /// Confirmation.
    pub delete_old_confirm: fn(usize) -> String,
    /// An unreadable entry: sealed, but it does not open with this device's key.
    pub broken_cannot_open: &'static str,
    /// An unreadable entry: in the clear although a passcode protects records.
    pub broken_not_sealed: &'static str,
    /// An imported file over the size limit (its size in bytes).
    pub import_too_large: fn(usize) -> String,
    /// An imported label over the length limit (its length).
    pub import_label_too_long: fn(usize) -> String,
    /// The search box's label.
    pub search_label: &'static str,
    /// The outcome filter's label and its first choice.
    pub outcome_filter: &'static str,
    /// Any outcome / any status.
    pub any: &'static str,
    /// The status filter's label.
    pub status_filter: &'static str,
    /// The filter of records a newer criteria version judges otherwise.
    pub amended_filter: fn(u32) -> String,
    /// No record is judged otherwise by the newer version.
    pub no_match_amended: fn(u32) -> String,
    /// A file judged by criteria this app does not carry.
    pub import_criteria_not_carried: fn(&str) -> String,
    /// How many records the list shows of how many.
    pub showing: fn(usize, usize) -> String,
    /// Records are there, and none has what was typed in the search box.
    pub no_match: fn(&str) -> String,
    /// Records are there, and none has the outcome and status chosen.
    pub no_match_filters: &'static str,
    /// A file written (its name).
    pub exported: fn(&str) -> String,
    /// The screening log written (its name, how many rows).
    pub log_exported: fn(&str, usize) -> String,
    /// Asking why a record is deleted (its label).
    pub deletion_title: fn(&str) -> String,
    /// The reasons offered (`DeletionReasonWords::of`).
    pub deletion_reasons: DeletionReasonWords,
    /// No reason chosen for a deletion.
    pub deletion_reason_required: &'static str,
    /// The button that deletes, once a reason is given.
    pub deletion_confirm: &'static str,
    /// A FHIR file that is not a record of this app, why (`FhirRefusedWords::of`).
    pub fhir_refused: FhirRefusedWords,
    /// An import refused for history entries without initials (the file's
    /// name, then each entry: number, kind, time, author as the file says).
    pub unsigned_history: fn(&str, &[crate::record::history::UnsignedEntry]) -> String,
}

/// Why a FHIR file is not read as a record, one line each.
pub struct FhirRefusedWords {
    /// Another resource than a QuestionnaireResponse.
    pub not_questionnaire_response: &'static str,
    /// Answers to another questionnaire.
    pub other_questionnaire: &'static str,
    /// No screening date.
    pub no_screening_date: &'static str,
}

impl FhirRefusedWords {
    /// The line for `why`.
    pub fn of(&self, why: FhirImportError) -> &'static str {
        match why {
            FhirImportError::NotAQuestionnaireResponse => self.not_questionnaire_response,
            FhirImportError::OtherQuestionnaire => self.other_questionnaire,
            FhirImportError::NoScreeningDate => self.no_screening_date,
        }
    }
}

/// English.
pub const EN: Words = Words {
    yes_delete: "Yes, delete",
    export_log: "Export screening log (CSV)",
    export_questionnaire: "FHIR Questionnaire",
    broken_entries: |n| {
        if n == 1 {
            "1 stored entry could not be read.".to_string()
        } else {
            format!("{n} stored entries could not be read.")
        }
    },
    broken_entries_help: " They have been set aside and kept exactly as they are; nothing was deleted. Site IT can recover them from this browser's storage.",
    broken_not_json: "not valid JSON",
    broken_wrong_shape: "not a record of this app",
    broken_newer: "written by a newer version of this app",
    broken_id_mismatch: "its content names another record",
    list_window: |shown, total| {
        format!("Showing the {shown} most recently saved of {total} screenings.")
    },
    show_more: |n| format!("Show {n} more"),
    show_all: |total| format!("Show all {total}"),
    import_refused: |name| format!("{name} was not imported; nothing was changed:"),
    import_unreadable: |name, e| format!("{name}: could not be read ({e})"),
    retention_due: |n, days| {
        format!(
            "{n} record{} last saved more than {days} days ago: export, then delete.",
            if n == 1 { "" } else { "s" }
        )
    },
    export_old: "Export them (JSON)",
    delete_old: "Delete them",
    delete_old_confirm: |n| {
        format!(
            "Delete {n} old record{} for good?",
            if n == 1 { "" } else { "s" }
        )
    },
    broken_cannot_open: "encrypted, but it does not open with this device's key (altered, or copied from elsewhere)",
    broken_not_sealed: "stored without encryption after the passcode was set, so it is not trusted (written by a tab or program that did not use the passcode)",
    import_too_large: |n| {
        format!(
            "The file has {} KB; a record file has at most {} KB.",
            n / 1024,
            crate::record::import::MAX_IMPORT_BYTES / 1024
        )
    },
    import_label_too_long: |n| {
        format!(
            "Its label has {n} characters; at most {} are kept.",
            crate::record::import::MAX_LABEL_CHARS
        )
    },
    search_label: "Find a record by label",
    outcome_filter: "Outcome",
    any: "All",
    status_filter: "Status",
    amended_filter: |v| format!("Only records criteria version {v} judges otherwise"),
    no_match_amended: |v| format!("Criteria version {v} judges no record otherwise."),
    import_criteria_not_carried: |v| {
        format!(
            "It was judged by criteria this app does not carry ({v}); importing it would judge it by other criteria."
        )
    },
    showing: |n, of| format!("{n} of {of} records match."),
    no_match: |typed| format!("No record matches “{typed}”."),
    no_match_filters: "No record has the outcome and status chosen.",
    exported: |name| format!("Exported {name}."),
    log_exported: |name, n| format!("Exported {name}: {n} rows, deleted records included."),
    deletion_title: |l| {
        format!(
            "Delete “{l}” for good? Who deleted it, when and why stay in the screening log and in backups."
        )
    },
    deletion_reasons: DeletionReasonWords {
        entered_in_error: "Entered in error",
        duplicate: "Duplicate of another record",
        retention_period: "Past the retention period",
        other: "Other",
    },
    deletion_reason_required: "Reason: choose why the record is deleted.",
    deletion_confirm: "Delete the record",
    fhir_refused: FhirRefusedWords {
        not_questionnaire_response: "It is a FHIR file, but not a QuestionnaireResponse: only a screening's answers can be imported.",
        other_questionnaire: "It answers a questionnaire other than this trial's screening questionnaire.",
        no_screening_date: "It has no screening date (neither the screening-date extension nor “authored”).",
    },
    unsigned_history: |file, entries| {
        let named: Vec<String> = entries
            .iter()
            .map(|e| {
                let by = if e.by.is_empty() {
                    "no one".to_string()
                } else {
                    format!("“{}”", e.by)
                };
                format!("entry {} ({} {}) is signed by {by}", e.number, e.kind, e.at)
            })
            .collect();
        format!(
            "{file} was not imported: its history must name every author by initials (2–4 letters), and {}.",
            named.join("; ")
        )
    },
};

/// Simplified Chinese.
pub const ZH: Words = Words {
    yes_delete: "确定删除",
    export_log: "导出筛选日志（CSV）",
    export_questionnaire: "FHIR 问卷定义",
    broken_entries: |n| format!("有 {n} 条已保存的条目无法读取。"),
    broken_entries_help: "这些条目已被搁置并原样保留，没有删除任何内容。信息科可从此浏览器的存储中恢复它们。",
    broken_not_json: "不是有效的 JSON",
    broken_wrong_shape: "不是本应用的记录",
    broken_newer: "由本应用的更新版本写入",
    broken_id_mismatch: "其内容指向另一条记录",
    list_window: |shown, total| format!("显示最近保存的 {shown} 条，共 {total} 条筛选记录。"),
    show_more: |n| format!("再显示 {n} 条"),
    show_all: |total| format!("显示全部 {total} 条"),
    import_refused: |name| format!("{name} 未导入，未做任何更改："),
    import_unreadable: |name, e| format!("{name}：无法读取（{e}）"),
    retention_due: |n, days| {
        format!("有 {n} 条记录最后一次保存已超过 {days} 天：请先导出，再删除。")
    },
    export_old: "导出这些记录（JSON）",
    delete_old: "删除这些记录",
    delete_old_confirm: |n| format!("确定永久删除 {n} 条旧记录吗？"),
    broken_cannot_open: "已加密，但无法用本设备的密钥打开（已被改动，或从别处复制而来）",
    broken_not_sealed: "设置解锁密码后仍以未加密形式保存，因此不予信任（由未使用解锁密码的标签页或程序写入）",
    import_too_large: |n| {
        format!(
            "文件大小为 {} KB；记录文件最多 {} KB。",
            n / 1024,
            crate::record::import::MAX_IMPORT_BYTES / 1024
        )
    },
    import_label_too_long: |n| {
        format!(
            "其编号有 {n} 个字符，最多保留 {} 个。",
            crate::record::import::MAX_LABEL_CHARS
        )
    },
    search_label: "按编号查找记录",
    outcome_filter: "结果",
    any: "全部",
    status_filter: "状态",
    amended_filter: |v| format!("仅显示按标准第 {v} 版判定结果不同的记录"),
    no_match_amended: |v| format!("按标准第 {v} 版判定，没有记录的结果不同。"),
    import_criteria_not_carried: |v| {
        format!("该文件按本应用未包含的标准（{v}）判定；导入会以其他标准重新判定，因此未导入。")
    },
    showing: |n, of| format!("共 {of} 条记录，其中 {n} 条匹配。"),
    no_match: |typed| format!("没有与“{typed}”匹配的记录。"),
    no_match_filters: "没有符合所选结果和状态的记录。",
    exported: |name| format!("已导出 {name}。"),
    log_exported: |name, n| format!("已导出 {name}：共 {n} 行（含已删除的记录）。"),
    deletion_title: |l| {
        format!("确定永久删除“{l}”吗？删除人、删除时间和原因会保留在筛选日志和备份中。")
    },
    deletion_reasons: DeletionReasonWords {
        entered_in_error: "录入错误",
        duplicate: "与另一条记录重复",
        retention_period: "超过保留期限",
        other: "其他",
    },
    deletion_reason_required: "原因：请选择删除该记录的原因。",
    deletion_confirm: "删除该记录",
    fhir_refused: FhirRefusedWords {
        not_questionnaire_response: "该文件是 FHIR 资源，但不是 QuestionnaireResponse（问卷应答）：只能导入筛选问卷的应答。",
        other_questionnaire: "该文件应答的是其他问卷，不是本试验的筛选问卷。",
        no_screening_date: "文件中没有筛选日期（既无筛选日期扩展项，也无 authored 字段）。",
    },
    unsigned_history: |file, entries| {
        let named: Vec<String> = entries
            .iter()
            .map(|e| {
                let by = if e.by.is_empty() {
                    "无人署名".to_string()
                } else {
                    format!("署名为“{}”", e.by)
                };
                format!("第 {} 条（{} {}）{by}", e.number, e.kind, e.at)
            })
            .collect();
        format!(
            "{file} 未导入：稽查轨迹的每一条都必须以姓名缩写（2–4 个字母）署名，而{}。",
            named.join("；")
        )
    },
};

/// The records list's tools' words in `lang`.
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
    fn the_retention_notice_says_more_than_the_period_in_both_languages() {
        assert!((EN.retention_due)(2, 30).contains("more than 30 days"));
        assert!((ZH.retention_due)(2, 30).contains("已超过 30 天"));
    }
}
