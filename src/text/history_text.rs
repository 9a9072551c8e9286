//! The words of a record's history, in both languages: the screener's
//! initials, marking a screening complete and amending it with a reason,
//! the History panel's entries and the list's search and filters. Their
//! own struct (not `ScreenText`), so only the screens that show them fetch
//! them. Struct literals: a missing translation fails to compile.

/// The history's words in one language.
pub struct HistoryText {
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
    /// Leave without creating the record.
    pub cancel: &'static str,
    /// The record's status line: in progress.
    pub in_progress: &'static str,
    /// The record's status line: complete (who, when, outcome).
    pub completed_by: fn(&str, &str, &str) -> String,
    /// Shown on a record changed after completion.
    pub amended: &'static str,
    /// The button that marks the screening complete.
    pub mark_complete: &'static str,
    /// The button that starts an amendment.
    pub amend: &'static str,
    /// Heading of the reason form.
    pub reason_title: &'static str,
    /// The reasons offered, in `Reason::ALL` order.
    pub reasons: [&'static str; 4],
    /// The free-text field's label.
    pub reason_text_label: &'static str,
    /// "Other" chosen without words.
    pub reason_text_required: &'static str,
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
    /// A record without a label, in "duplicated from".
    pub no_label: &'static str,
    /// The unit of a platelet count, after its field's name.
    pub unit_of: &'static str,
    /// The search box's label.
    pub search_label: &'static str,
    /// The outcome filter's label and its first choice.
    pub outcome_filter: &'static str,
    /// Any outcome / any status.
    pub any: &'static str,
    /// The status filter's label.
    pub status_filter: &'static str,
    /// How many records the list shows of how many.
    pub showing: fn(usize, usize) -> String,
    /// Whose history entries there are, in the print summary's table.
    pub col_when: &'static str,
    /// Column headings.
    pub col_who: &'static str,
    /// Column headings.
    pub col_what: &'static str,
    /// Asking why a record is deleted (its label).
    pub deletion_title: fn(&str) -> String,
    /// The reasons offered, in `DeletionReason::ALL` order.
    pub deletion_reasons: [&'static str; 4],
    /// No reason chosen for a deletion.
    pub deletion_reason_required: &'static str,
    /// The button that deletes, once a reason is given.
    pub deletion_confirm: &'static str,
    /// Said of history entries that came from a file (import, restore):
    /// this device did not witness them.
    pub as_stated: &'static str,
    /// An import refused for history entries without initials (the file's
    /// name, then each entry: number, kind, time, author as the file says).
    pub unsigned_history: fn(&str, &[crate::record::history::UnsignedEntry]) -> String,
}

/// English.
pub const EN_HISTORY: HistoryText = HistoryText {
    initials_label: "Your initials",
    initials_help: "Every change is kept in the record's history with your initials (2–4 letters, never your full name). Asked once per session.",
    initials_to_start: "The new record's history starts with your initials (2–4 letters, never your full name). Asked once per session.",
    initials_use: "Use these initials",
    initials_invalid: "Your initials: 2 to 4 letters, A to Z (for example LM).",
    screener: |i| format!("Screener: {i}"),
    change_initials: "Change initials",
    cancel: "Cancel",
    in_progress: "Screening in progress",
    completed_by: |by, at, outcome| {
        format!("Screening complete — marked by {by} on {at} ({outcome})")
    },
    amended: "Amended after completion",
    mark_complete: "Mark screening complete",
    amend: "Amend…",
    reason_title: "Why is this completed record being changed?",
    reasons: [
        "Transcription error",
        "New result",
        "Clarified with patient",
        "Other",
    ],
    reason_text_label: "In your words (required for Other)",
    reason_text_required: "Reason: say in your words why (Other was chosen).",
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
    no_label: "(no label)",
    unit_of: "unit",
    search_label: "Find a record by label",
    outcome_filter: "Outcome",
    any: "All",
    status_filter: "Status",
    showing: |n, of| format!("{n} of {of} records match."),
    col_when: "When",
    col_who: "Who",
    col_what: "What",
    deletion_title: |l| {
        format!(
            "Delete “{l}” for good? Who deleted it, when and why stay in the screening log and in backups."
        )
    },
    deletion_reasons: [
        "Entered in error",
        "Duplicate of another record",
        "Past the retention period",
        "Other",
    ],
    deletion_reason_required: "Reason: choose why the record is deleted.",
    deletion_confirm: "Delete the record",
    as_stated: "as stated in the file",
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
pub const ZH_HISTORY: HistoryText = HistoryText {
    initials_label: "您的姓名缩写",
    initials_help: "每次修改都会连同您的姓名缩写（2–4 个字母，不要填写全名）记入本记录的修改历史。每次使用只问一次。",
    initials_to_start: "新记录的修改历史以您的姓名缩写（2–4 个字母，不要填写全名）开始。每次使用只问一次。",
    initials_use: "使用此缩写",
    initials_invalid: "您的姓名缩写：2 到 4 个英文字母（例如 LM）。",
    screener: |i| format!("筛查者：{i}"),
    change_initials: "更改缩写",
    cancel: "取消",
    in_progress: "筛查进行中",
    completed_by: |by, at, outcome| format!("筛查已完成——由 {by} 于 {at} 标记（{outcome}）"),
    amended: "完成后已修改",
    mark_complete: "标记筛查完成",
    amend: "修改…",
    reason_title: "为什么要修改这份已完成的记录？",
    reasons: ["抄录错误", "新的检查结果", "已与患者核实", "其他"],
    reason_text_label: "具体说明（选择“其他”时必填）",
    reason_text_required: "原因：请具体说明（已选择“其他”）。",
    reason_required: "原因：请选择修改记录的原因。",
    start_amending: "修改记录",
    amending_because: |r| format!("正在修改。每次修改都会连同原因记录：{r}"),
    done_amending: "完成修改",
    locked_complete: "本筛查已标记完成。如需修改，请选择“修改”并说明原因。",
    history_title: |n| format!("修改历史（{n}）"),
    print_with_history: "打印摘要时附上修改历史",
    created: "创建记录",
    imported: |f, n| match n {
        "" => format!("从文件 {f} 导入"),
        n => format!("从文件 {f} 导入；其中 {n} 条修改历史无法被此版本读取，已略去"),
    },
    duplicated: |l| format!("复制自 {l}"),
    restored: "从备份恢复",
    scanned: |d| format!("由患者的二维码创建（自查日期 {d}）"),
    confirmed: |f| format!("已确认患者的回答：{f}"),
    completed: |o| format!("标记筛查完成：{o}"),
    empty: "（空）",
    reason_line: |r, t| {
        if t.is_empty() {
            format!("原因：{r}")
        } else {
            format!("原因：{r}——{t}")
        }
    },
    no_label: "（无编号）",
    unit_of: "单位",
    search_label: "按编号查找记录",
    outcome_filter: "结果",
    any: "全部",
    status_filter: "状态",
    showing: |n, of| format!("共 {of} 份记录，{n} 份符合。"),
    deletion_title: |l| {
        format!("确定永久删除“{l}”吗？删除人、删除时间和原因会保留在筛选日志和备份中。")
    },
    deletion_reasons: ["录入错误", "与另一条记录重复", "超过保存期限", "其他"],
    deletion_reason_required: "原因：请选择删除该记录的原因。",
    deletion_confirm: "删除该记录",
    as_stated: "文件中所述",
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
    col_when: "时间",
    col_who: "人员",
    col_what: "内容",
};
