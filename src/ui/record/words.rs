//! The record screen's words (its form, verdict, history, print summary
//! and the patient's marks), in English and Simplified Chinese. Struct
//! literals: a word missing in one language fails to compile.

use crate::record::history::Reason;
use crate::text::Lang;

/// The reasons for amending a completed record, by name.
pub struct ReasonWords {
    /// `Reason::TranscriptionError`.
    pub transcription_error: &'static str,
    /// `Reason::NewResult`.
    pub new_result: &'static str,
    /// `Reason::ClarifiedWithPatient`.
    pub clarified_with_patient: &'static str,
    /// `Reason::Other`.
    pub other: &'static str,
}

impl ReasonWords {
    /// The words for `reason`.
    pub fn of(&self, reason: Reason) -> &'static str {
        match reason {
            Reason::TranscriptionError => self.transcription_error,
            Reason::NewResult => self.new_result,
            Reason::ClarifiedWithPatient => self.clarified_with_patient,
            Reason::Other => self.other,
        }
    }
}

/// The record screen's words in one language.
pub struct Words {
    /// Label field.
    pub label_field: &'static str,
    /// Screening date help.
    pub screening_date_help: &'static str,
    /// Button.
    pub export_json: &'static str,
    /// Button.
    pub print_summary: &'static str,
    /// Button.
    pub export_fhir: &'static str,
    /// Export done.
    pub exported: fn(&str) -> String,
    /// Export done, some fields left out.
    pub exported_without: fn(&str, &[&str]) -> String,
    /// Export needs a date.
    pub export_needs_date: &'static str,
    /// Record missing.
    pub record_missing: &'static str,
    /// Conflict banner.
    pub conflict: &'static str,
    /// Conflict choice.
    pub use_theirs: &'static str,
    /// Conflict choice.
    pub keep_mine: &'static str,
    /// [`StoredNotice::UpdatedElsewhere`], at a local time.
    pub updated_elsewhere: fn(&str) -> String,
    /// [`StoredNotice::DeletedElsewhere`].
    pub deleted_elsewhere: &'static str,
    /// [`StoredNotice::Unreadable`].
    pub stored_copy_unreadable: &'static str,
    /// A record from a newer app version.
    pub read_only: &'static str,
    /// Criteria list label.
    pub criteria: &'static str,
    /// No valid screening date.
    pub needs_date_headline: &'static str,
    /// Not eligible headline.
    pub not_eligible_headline: fn(usize) -> String,
    /// Incomplete headline.
    pub incomplete_headline: fn(usize) -> String,
    /// The amendment panel's heading.
    pub amendment_title: &'static str,
    /// Which criteria version judges the record: version, date, its text.
    pub amendment_judged_by: fn(u32, &str, &str) -> String,
    /// The newer version new records are judged by: version, date.
    pub amendment_newer: fn(u32, &str) -> String,
    /// How many criteria the newer version judges otherwise.
    pub amendment_changes: fn(usize) -> String,
    /// The newer version changes no criterion for this record.
    pub amendment_no_change: &'static str,
    /// Only the earliest eligible date changes: before, after.
    pub amendment_date: fn(&str, &str) -> String,
    /// Nothing is re-judged on its own.
    pub amendment_not_rejudged: &'static str,
    /// The record names a criteria version this app does not carry.
    pub amendment_unknown_version: fn(u32) -> String,
    /// Time will fix it.
    pub time_fix: fn(&str) -> String,
    /// Time will not fix it.
    pub not_time: &'static str,
    /// Also unknown.
    pub also_unknown: fn(usize) -> String,
    /// What would change the verdict.
    pub what_would_change: fn(usize) -> String,
    /// Rule-out marker.
    pub could_rule_out: &'static str,
    /// Investigator confirms.
    pub investigator_confirms: &'static str,
    /// Details summary.
    pub published_text: &'static str,
    /// Details summary with a note.
    pub published_text_and_note: &'static str,
    /// Marks the English original.
    pub original_text: &'static str,
    /// Above the app's own translation of a criterion's published text
    /// (shown only in a language other than the published one).
    pub app_translation: &'static str,
    /// Reading note lead.
    pub how_read: &'static str,
    /// Reason when no date.
    pub reason_needs_date: &'static str,
    /// Print heading.
    pub summary_title: fn(&str) -> String,
    /// Print row.
    pub criteria_text: &'static str,
    /// Print row.
    pub app_version: &'static str,
    /// Print column.
    pub criterion: &'static str,
    /// Print column.
    pub status: &'static str,
    /// Print footer.
    pub signature_line: &'static str,
    /// Incomplete without a date.
    pub incomplete_no_date: &'static str,
    /// Print row.
    pub earliest_eligible: &'static str,
    /// Print column.
    pub reason: &'static str,
    /// The record's status line: in progress.
    pub in_progress: &'static str,
    /// The record's status line: complete (who, when, outcome).
    pub completed_by: fn(&str, &str, &str) -> String,
    /// Shown on a record changed after completion.
    pub amended: &'static str,
    /// The record bar's status: complete.
    pub status_completed: &'static str,
    /// The button that marks the screening complete.
    pub mark_complete: &'static str,
    /// The button that starts an amendment.
    pub amend: &'static str,
    /// Heading of the reason form.
    pub reason_title: &'static str,
    /// The reasons offered (`Words::reason`).
    pub reasons: ReasonWords,
    /// No reason chosen.
    pub reason_required: &'static str,
    /// Start changing with that reason.
    pub start_amending: &'static str,
    /// While amending: the reason given.
    pub amending_because: fn(&str) -> String,
    /// End the amendment.
    pub done_amending: &'static str,
    /// Why the form cannot be changed until "Amend".
    pub locked_complete: &'static str,
    /// The History panel's heading, with the number of entries.
    pub history_title: fn(usize) -> String,
    /// Print the history with the summary.
    pub print_with_history: &'static str,
    /// Entry texts.
    pub created: &'static str,
    /// Entry texts (the file's name; how many of its history entries
    /// could not be read and were left out, "" for none).
    pub imported: fn(&str, &str) -> String,
    /// Entry texts (the copied record's label).
    pub duplicated: fn(&str) -> String,
    /// Entry texts.
    pub restored: &'static str,
    /// Entry texts (the self-check's date).
    pub scanned: fn(&str) -> String,
    /// Entry texts (the field's name).
    pub confirmed: fn(&str) -> String,
    /// Entry texts (the outcome's headline).
    pub completed: fn(&str) -> String,
    /// An empty value.
    pub empty: &'static str,
    /// A reason given: its words from the list, and the free text if any.
    pub reason_line: fn(&str, &str) -> String,
    /// The unit of a platelet count, after its field's name.
    pub unit_of: &'static str,
    /// Whose history entries there are, in the print summary's table.
    pub col_when: &'static str,
    /// Column headings.
    pub col_who: &'static str,
    /// Column headings.
    pub col_what: &'static str,
    /// Said of history entries that came from a file (import, restore):
    /// this device did not witness them.
    pub as_stated: &'static str,
    /// The mark on one answer.
    pub reported_mark: &'static str,
    /// Confirm one answer.
    pub confirm: &'static str,
    /// Confirm one answer (accessible name, with the field).
    pub confirm_field: fn(&str) -> String,
    /// Suffix of a duplicated label.
    pub copy_suffix: &'static str,
    /// The verdict bar: every criterion passes.
    pub strip_eligible: &'static str,
    /// The verdict bar: some fail.
    pub strip_not_eligible: fn(usize) -> String,
    /// The verdict bar: some are unknown.
    pub strip_incomplete: fn(usize) -> String,
    /// The verdict bar: no valid screening date yet.
    pub strip_needs_date: &'static str,
    /// The verdict bar's counts, spoken (pass, fail, unknown).
    pub strip_counts: fn(usize, usize, usize) -> String,
    /// Before the one thing that would change the verdict next.
    pub strip_next: &'static str,
    /// The verdict bar's button to the criteria.
    pub to_criteria: &'static str,
    /// The criteria section's heading.
    pub criteria_title: &'static str,
    /// The record bar: when the record was last saved.
    pub saved_at: fn(&str) -> String,
    /// The record bar's section jump.
    pub go_to_section: &'static str,
    /// The end of the form: back to the list.
    pub done: &'static str,
    /// Before completing: heading.
    pub complete_check_title: &'static str,
    /// Before completing: criteria still unknown.
    pub complete_unknown: fn(usize, &str) -> String,
    /// Before completing: patient answers not confirmed.
    pub complete_unconfirmed: fn(usize) -> String,
    /// Before completing: nothing left open, with the outcome.
    pub complete_settled: fn(&str) -> String,
    /// Before completing: no verdict (no valid screening date).
    pub complete_no_verdict: &'static str,
    /// What completing means.
    pub complete_after: &'static str,
    /// Complete although something is left open.
    pub complete_anyway: &'static str,
    /// Complete when nothing is left open.
    pub complete_confirm: &'static str,
    /// The review of a scanned record's answers: heading, with the date.
    pub review_title: fn(&str) -> String,
    /// The review: how many are left to confirm, of how many.
    pub review_remaining: fn(usize, usize) -> String,
    /// The review of a record just made from a code: what to do first.
    pub code_read: fn(usize) -> String,
    /// The review: go to an answer's field to change it.
    pub change: &'static str,
    /// The review and the form: an answer confirmed.
    pub confirmed_mark: &'static str,
}

/// English.
pub const EN: Words = Words {
    label_field: "Label (screening number, never a name)",
    screening_date_help: "YYYY-MM-DD or YYYYMMDD; every interval is counted to this day",
    export_json: "Export JSON",
    print_summary: "Print summary",
    export_fhir: "Export FHIR",
    exported: |name| format!("Exported {name}."),
    exported_without: |name, fields| {
        format!(
            "Exported {name}. Left out because their values are not valid: {}.",
            fields.join(", ")
        )
    },
    export_needs_date: "Export needs a valid screening date.",
    record_missing: "This record is no longer stored on this device (it may have been deleted in another tab).",
    conflict: "This record was changed in another tab after this tab last saved it. Saving here is paused so neither version is lost.",
    use_theirs: "Use the other tab's version",
    keep_mine: "Keep this tab's version",
    updated_elsewhere: |t| format!("Updated with changes saved in another tab at {t}."),
    deleted_elsewhere: "This record was deleted in another tab. It is still open here; your next change saves it again.",
    stored_copy_unreadable: "The stored copy of this record cannot be read; it is left untouched and your changes are kept in this tab only. Export this record to keep them.",
    read_only: "This record was saved by a newer version of the app. It is shown read-only and kept exactly as it is; changes here are not saved.",
    criteria: "Criteria",
    needs_date_headline: "Incomplete: enter a valid screening date (YYYY-MM-DD) to judge the criteria",
    not_eligible_headline: |n| {
        format!(
            "Not eligible: {n} criteri{} not met",
            if n == 1 { "on" } else { "a" }
        )
    },
    incomplete_headline: |n| {
        format!(
            "Incomplete: {n} criteri{} unknown",
            if n == 1 { "on" } else { "a" }
        )
    },
    amendment_title: "The criteria were amended",
    amendment_judged_by: |v, date, source| {
        format!(
            "This record is judged by criteria version {v} of {date} ({source}), the version it was created under."
        )
    },
    amendment_newer: |v, date| {
        format!(
            "New records are judged by version {v} of {date}. Under version {v} this record would read:"
        )
    },
    amendment_changes: |n| {
        if n == 1 {
            "1 criterion changes:".to_string()
        } else {
            format!("{n} criteria change:")
        }
    },
    amendment_no_change: "No criterion changes for this record.",
    amendment_date: |before, after| format!("Earliest eligible date: {before} → {after}"),
    amendment_not_rejudged: "Nothing is re-judged on its own: to screen this patient under the new version, start a new screening.",
    amendment_unknown_version: |v| {
        format!(
            "This record names criteria version {v}, which this app does not carry: it is shown under the app's current criteria."
        )
    },
    time_fix: |d| format!("time: passes from {d}"),
    not_time: "not a matter of time",
    also_unknown: |n| format!("Also unknown ({n}):"),
    what_would_change: |n| {
        format!(
            "What would change the verdict: {n} field{}",
            if n == 1 { "" } else { "s" }
        )
    },
    could_rule_out: " · could rule out",
    investigator_confirms: "The investigator confirms eligibility; this screen does not replace that judgement.",
    published_text: "Published text",
    published_text_and_note: "Published text and reading note",
    original_text: "Original text (English, as published):",
    app_translation: "This app's translation, for reference only (the protocol's own text prevails):",
    how_read: "How this app reads it: ",
    reason_needs_date: "Needs a valid screening date",
    summary_title: |id| format!("Screening summary — {id}"),
    criteria_text: "Criteria text version",
    app_version: "App version",
    criterion: "Criterion",
    status: "Status",
    signature_line: "Investigator to confirm eligibility. Signature: ____________________  Date: ____________",
    incomplete_no_date: "Incomplete (no valid screening date)",
    earliest_eligible: "Earliest eligible",
    reason: "Reason",
    in_progress: "Screening in progress",
    completed_by: |by, at, outcome| {
        format!("Screening complete — marked by {by} on {at} ({outcome})")
    },
    amended: "Amended after completion",
    status_completed: "Screening complete",
    mark_complete: "Mark screening complete",
    amend: "Amend…",
    reason_title: "Why is this completed record being changed?",
    reasons: ReasonWords {
        transcription_error: "Transcription error",
        new_result: "New result",
        clarified_with_patient: "Clarified with patient",
        other: "Other",
    },
    reason_required: "Reason: choose why the record is being changed.",
    start_amending: "Change the record",
    amending_because: |r| format!("Amending. Every change is kept with the reason: {r}"),
    done_amending: "Done amending",
    locked_complete: "This screening was marked complete. To change it, choose Amend and give a reason.",
    history_title: |n| format!("History ({n})"),
    print_with_history: "Print the history with the summary",
    created: "Record created",
    imported: |f, n| match n {
        "" => format!("Imported from the file {f}"),
        "1" => format!(
            "Imported from the file {f}; 1 entry of its history could not be read by this version and was left out"
        ),
        n => format!(
            "Imported from the file {f}; {n} entries of its history could not be read by this version and were left out"
        ),
    },
    duplicated: |l| format!("Duplicated from {l}"),
    restored: "Restored from a backup",
    scanned: |d| format!("Created from the patient's code (self-check of {d})"),
    confirmed: |f| format!("Confirmed the patient's answer: {f}"),
    completed: |o| format!("Marked screening complete: {o}"),
    empty: "(empty)",
    reason_line: |r, t| {
        if t.is_empty() {
            format!("Reason: {r}")
        } else {
            format!("Reason: {r} — {t}")
        }
    },
    unit_of: "unit",
    col_when: "When",
    col_who: "Who",
    col_what: "What",
    as_stated: "as stated in the file",
    reported_mark: "Reported by the patient",
    confirm: "Confirm",
    confirm_field: |f| format!("Confirm: {f}"),
    copy_suffix: " (copy)",
    strip_eligible: "Every criterion recorded passes",
    strip_not_eligible: |n| {
        if n == 1 {
            "Not eligible: 1 criterion failed".to_string()
        } else {
            format!("Not eligible: {n} criteria failed")
        }
    },
    strip_incomplete: |n| {
        if n == 1 {
            "Incomplete: 1 criterion unknown".to_string()
        } else {
            format!("Incomplete: {n} criteria unknown")
        }
    },
    strip_needs_date: "No verdict: enter the screening date",
    strip_counts: |p, f, u| format!("{p} passed, {f} failed, {u} unknown"),
    strip_next: "Next:",
    to_criteria: "All 25 criteria",
    criteria_title: "The 25 criteria",
    saved_at: |t| format!("Saved {t}"),
    go_to_section: "Go to section",
    done: "Done — back to all screenings",
    complete_check_title: "Before you mark this screening complete:",
    complete_unknown: |n, ids| {
        if n == 1 {
            format!("1 criterion is still unknown: {ids}.")
        } else {
            format!("{n} criteria are still unknown: {ids}.")
        }
    },
    complete_unconfirmed: |n| {
        if n == 1 {
            "1 answer reported by the patient is not confirmed.".to_string()
        } else {
            format!("{n} answers reported by the patient are not confirmed.")
        }
    },
    complete_settled: |o| {
        format!("Every criterion is decided and every answer confirmed. Outcome: {o}.")
    },
    complete_no_verdict: "There is no verdict yet: the screening date is missing or not valid.",
    complete_after: "Once complete, a change needs an amendment with a reason.",
    complete_anyway: "Mark complete anyway",
    complete_confirm: "Mark complete",
    review_title: |d| format!("Answers the patient reported in the self-check of {d}"),
    review_remaining: |left, n| {
        if left == 0 {
            format!("All {n} confirmed.")
        } else {
            format!("{left} of {n} still to confirm.")
        }
    },
    code_read: |n| {
        format!(
            "Code read: {n} answers from the patient's self-check. First give the record its label (a screening number, never a name), then check each answer with the patient or the chart."
        )
    },
    change: "Change",
    confirmed_mark: "✓ Confirmed",
};

/// Simplified Chinese.
pub const ZH: Words = Words {
    label_field: "编号（筛选号，切勿填写姓名）",
    screening_date_help: "YYYY-MM-DD 或 YYYYMMDD；所有时间间隔都计算到这一天",
    export_json: "导出 JSON",
    print_summary: "打印摘要",
    export_fhir: "导出 FHIR",
    exported: |name| format!("已导出 {name}。"),
    exported_without: |name, fields| {
        format!(
            "已导出 {name}。以下字段的值无效，未包含在内：{}。",
            fields.join("、")
        )
    },
    export_needs_date: "导出需要有效的筛选日期。",
    record_missing: "此记录已不在本设备上（可能已在另一个标签页中删除）。",
    conflict: "此记录在本标签页上次保存后被另一个标签页修改。此处已暂停保存，两个版本都不会丢失。",
    use_theirs: "使用另一个标签页的版本",
    keep_mine: "保留本标签页的版本",
    updated_elsewhere: |t| format!("已更新为另一个标签页在 {t} 保存的内容。"),
    deleted_elsewhere: "此记录已在另一个标签页中删除。它在这里仍然打开；您的下一次修改会重新保存它。",
    stored_copy_unreadable: "此记录的已存副本无法读取；它保持原样，您的修改只保留在当前标签页中。请导出此记录以保留修改。",
    read_only: "此记录由本应用的更新版本保存。它以只读方式显示并原样保留；此处的修改不会保存。",
    criteria: "标准",
    needs_date_headline: "信息不全：请输入有效的筛选日期（YYYY-MM-DD）以判定各项标准",
    not_eligible_headline: |n| format!("不符合入组条件：{n} 项标准未通过"),
    incomplete_headline: |n| format!("信息不全：{n} 项标准待确认"),
    amendment_title: "入选/排除标准已修订",
    amendment_judged_by: |v, date, source| {
        format!("本记录按其创建时的标准第 {v} 版（{date}，{source}）判定。")
    },
    amendment_newer: |v, date| format!("新记录按第 {v} 版（{date}）判定。按第 {v} 版，本记录为："),
    amendment_changes: |n| format!("{n} 项标准的结果改变："),
    amendment_no_change: "本记录各项标准的结果不变。",
    amendment_date: |before, after| format!("最早符合条件日期：{before} → {after}"),
    amendment_not_rejudged: "系统不会自动重新判定：如需按新版本筛选该患者，请新建一次筛选。",
    amendment_unknown_version: |v| {
        format!("本记录标注的标准第 {v} 版不在本应用中：以下按本应用当前的标准显示。")
    },
    time_fix: |d| format!("时间因素：自 {d} 起通过"),
    not_time: "与时间无关",
    also_unknown: |n| format!("另有 {n} 项待确认："),
    what_would_change: |n| format!("可改变判定的信息：{n} 个字段"),
    could_rule_out: " · 可能导致排除",
    investigator_confirms: "是否符合入组条件由研究者确认；本页面不能替代研究者的判断。",
    published_text: "公布原文",
    published_text_and_note: "公布原文及解读说明",
    original_text: "原文（英文，按公布原样）：",
    app_translation: "本应用的中文译文，仅供参考（以方案原文为准）：",
    how_read: "本应用的解读：",
    reason_needs_date: "需要有效的筛选日期",
    summary_title: |id| format!("筛选摘要 — {id}"),
    criteria_text: "标准文本版本",
    app_version: "应用版本",
    criterion: "标准",
    status: "状态",
    signature_line: "由研究者确认是否符合入组条件。签名：____________________  日期：____________",
    incomplete_no_date: "信息不全（无有效筛选日期）",
    earliest_eligible: "最早可符合日期",
    reason: "原因",
    in_progress: "筛选进行中",
    completed_by: |by, at, outcome| format!("筛选已完成——由 {by} 于 {at} 标记（{outcome}）"),
    amended: "完成后已修改",
    status_completed: "筛选已完成",
    mark_complete: "标记筛选完成",
    amend: "修改…",
    reason_title: "为什么要修改这份已完成的记录？",
    reasons: ReasonWords {
        transcription_error: "转录错误",
        new_result: "新的检查结果",
        clarified_with_patient: "已与患者核实",
        other: "其他",
    },
    reason_required: "原因：请选择修改记录的原因。",
    start_amending: "修改记录",
    amending_because: |r| format!("正在修改。每次修改都会连同原因记录：{r}"),
    done_amending: "完成修改",
    locked_complete: "本筛选已标记完成。如需修改，请选择“修改”并说明原因。",
    history_title: |n| format!("稽查轨迹（{n}）"),
    print_with_history: "打印摘要时附上稽查轨迹",
    created: "创建记录",
    imported: |f, n| match n {
        "" => format!("从文件 {f} 导入"),
        n => format!("从文件 {f} 导入；其稽查轨迹中有 {n} 条无法被此版本读取，已略去"),
    },
    duplicated: |l| format!("复制自 {l}"),
    restored: "从备份恢复",
    scanned: |d| format!("由患者的二维码创建（自查日期 {d}）"),
    confirmed: |f| format!("已确认患者的回答：{f}"),
    completed: |o| format!("标记筛选完成：{o}"),
    empty: "（空）",
    reason_line: |r, t| {
        if t.is_empty() {
            format!("原因：{r}")
        } else {
            format!("原因：{r}——{t}")
        }
    },
    unit_of: "单位",
    col_when: "时间",
    col_who: "人员",
    col_what: "内容",
    as_stated: "文件中所述",
    reported_mark: "患者自述",
    confirm: "确认",
    confirm_field: |f| format!("确认：{f}"),
    copy_suffix: "（副本）",
    strip_eligible: "已记录的全部标准均已通过",
    strip_not_eligible: |n| format!("不符合入组条件：{n} 项标准未通过"),
    strip_incomplete: |n| format!("信息不全：{n} 项标准待确认"),
    strip_needs_date: "尚无结果：请填写筛选日期",
    strip_counts: |p, f, u| format!("{p} 项通过，{f} 项未通过，{u} 项待确认"),
    strip_next: "下一项：",
    to_criteria: "全部 25 项标准",
    criteria_title: "25 项标准",
    saved_at: |t| format!("已保存 {t}"),
    go_to_section: "跳转到",
    done: "完成，返回全部筛选记录",
    complete_check_title: "标记筛选完成前，请注意：",
    complete_unknown: |n, ids| format!("{n} 项标准仍待确认：{ids}。"),
    complete_unconfirmed: |n| format!("{n} 项患者自述的回答尚未确认。"),
    complete_settled: |o| format!("全部标准均已判定，所有回答均已确认。结果：{o}。"),
    complete_no_verdict: "尚无结果：筛选日期缺失或无效。",
    complete_after: "标记完成后，如需修改，须选择“修改”并说明原因。",
    complete_anyway: "仍然标记完成",
    complete_confirm: "标记完成",
    review_title: |d| format!("患者在 {d} 的自查中自述的回答"),
    review_remaining: |left, n| {
        if left == 0 {
            format!("{n} 项均已确认。")
        } else {
            format!("共 {n} 项，尚有 {left} 项待确认。")
        }
    },
    code_read: |n| {
        format!(
            "已读取二维码：患者自查的 {n} 项回答。请先填写记录编号（筛选号，切勿填写姓名），再与患者或病历逐项核对。"
        )
    },
    change: "更改",
    confirmed_mark: "✓ 已确认",
};

/// The record screen's words in `lang`.
pub fn of(lang: Lang) -> &'static Words {
    match lang {
        Lang::En => &EN,
        Lang::Zh => &ZH,
    }
}

/// What an export of the record did, said in the language of the moment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Exported {
    /// Not written: the record has no valid screening date.
    NeedsDate,
    /// Handed to the browser as `name`, without the fields left out (their
    /// values could not be read).
    Written {
        /// The file's name.
        name: String,
        /// The fields whose values were left out.
        left_out: Vec<crate::engine::Field>,
    },
    /// The browser refused, in its own words.
    Failed(String),
}

impl Exported {
    /// Its words in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let w = of(lang);
        match self {
            Exported::NeedsDate => w.export_needs_date.to_string(),
            Exported::Written { name, left_out } if left_out.is_empty() => (w.exported)(name),
            Exported::Written { name, left_out } => {
                let m = lang.messages();
                let fields: Vec<&str> = left_out.iter().map(|&f| m.field_label(f)).collect();
                (w.exported_without)(name, &fields)
            }
            Exported::Failed(e) => (crate::ui::common::operations::of(lang).export_failed)(e),
        }
    }
}

/// What the record screen says of the record's stored copy, until the
/// record is left: kept as what happened, so its words are drawn in the
/// language of the moment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoredNotice {
    /// Another tab saved a newer version, taken here; the local time of
    /// taking it.
    UpdatedElsewhere(String),
    /// Another tab deleted the record; still open here.
    DeletedElsewhere,
    /// The stored copy cannot be read: what is typed is kept in this tab
    /// only.
    Unreadable,
}

impl StoredNotice {
    /// Its words in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let w = of(lang);
        match self {
            StoredNotice::UpdatedElsewhere(at) => (w.updated_elsewhere)(at),
            StoredNotice::DeletedElsewhere => w.deleted_elsewhere.to_string(),
            StoredNotice::Unreadable => w.stored_copy_unreadable.to_string(),
        }
    }

    /// Whether it warns (what is typed is at risk) rather than informs.
    pub fn warns(&self) -> bool {
        !matches!(self, StoredNotice::UpdatedElsewhere(_))
    }
}
