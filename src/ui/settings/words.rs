//! The settings screen's words, in English and Simplified Chinese.
//! Struct literals: a word missing in one language fails to compile.

use crate::text::Lang;

/// The settings screen's words in one language.
pub struct Words {
    /// Retention setting label.
    pub retention_days: &'static str,
    /// Button.
    pub wipe: &'static str,
    /// Idle setting.
    pub idle_minutes: &'static str,
    /// Confirmation.
    pub wipe_confirm: &'static str,
    /// Button.
    pub wipe_yes: &'static str,
    /// Notice.
    pub wiped: fn(usize) -> String,
    /// Button.
    pub lock_now: &'static str,
    /// Settings: the passcode group's heading.
    pub passcode_settings: &'static str,
    /// Settings, no passcode yet.
    pub passcode_none: &'static str,
    /// Button and heading.
    pub change_passcode: &'static str,
    /// Field.
    pub current_passcode: &'static str,
    /// Field.
    pub new_passcode: &'static str,
    /// Field.
    pub new_passcode_again: &'static str,
    /// Notice.
    pub passcode_changed: &'static str,
    /// Button and heading.
    pub remove_passcode: &'static str,
    /// What removing means.
    pub remove_passcode_help: &'static str,
    /// Notice.
    pub passcode_removed: &'static str,
    /// Settings: the backup group's heading.
    pub backup_title: &'static str,
    /// What a backup is.
    pub backup_help: &'static str,
    /// Field.
    pub backup_password: &'static str,
    /// Field.
    pub backup_password_again: &'static str,
    /// Button.
    pub backup_now: &'static str,
    /// Done: how many records the file holds.
    pub backup_done: fn(usize) -> String,
    /// Button and heading.
    pub restore_title: &'static str,
    /// What a restore does.
    pub restore_help: &'static str,
    /// Field.
    pub restore_file: &'static str,
    /// Button.
    pub restore_now: &'static str,
    /// Done: added, unchanged, kept as both.
    pub restored: fn(usize, usize, usize) -> String,
    /// A refused backup file, in words.
    pub restore_refused: fn(&crate::security::backup::RestoreError) -> String,
    /// A backup or restore the browser refused, in its own words.
    pub not_done: fn(&str) -> String,
    /// A restore stopped part way (after what was restored), in the
    /// browser's or the store's words.
    pub restore_stopped: fn(&str) -> String,
    /// Field: days after which a backup is asked for (0: never).
    pub backup_reminder_days: &'static str,
    /// Above the list: records changed since the last backup, made on this
    /// local date (`None`: never backed up on this device).
    pub backup_due: fn(Option<&str>) -> String,
    /// Button: go to the backup form.
    pub backup_go: &'static str,
    /// Storage 80 % full (the percentage).
    pub storage_nearly_full: fn(u32) -> String,
    /// Storage used: thousands of characters, percentage of the quota.
    pub storage_used: fn(u32, u32) -> String,
    /// The browser keeps this site's storage.
    pub storage_kept: &'static str,
    /// The browser may clear it.
    pub storage_not_kept: &'static str,
    /// The browser does not say.
    pub storage_unknown: &'static str,
    /// What to do about it.
    pub storage_advice: &'static str,
    /// Marks the label of a restored copy kept beside a different record.
    pub restored_suffix: &'static str,
}

/// English.
pub const EN: Words = Words {
    retention_days: "Keep records for (days)",
    wipe: "Wipe this device",
    idle_minutes: "Lock after idle (minutes)",
    wipe_confirm: "This deletes every record, draft and setting this app stored on this device. It cannot be undone. Export first if you need the records.",
    wipe_yes: "Yes, wipe everything",
    wiped: |n| {
        format!(
            "Wiped: {n} stored item{} removed.",
            if n == 1 { "" } else { "s" }
        )
    },
    lock_now: "Lock now",
    passcode_settings: "Passcode",
    passcode_none: "No passcode protects the records on this device.",
    change_passcode: "Change passcode",
    current_passcode: "Current passcode",
    new_passcode: "New passcode",
    new_passcode_again: "New passcode again",
    passcode_changed: "Passcode changed.",
    remove_passcode: "Remove passcode",
    remove_passcode_help: "Records will then be stored without encryption on this device, and the app no longer locks. Enter the current passcode to confirm.",
    passcode_removed: "Passcode removed: records are stored without encryption.",
    backup_title: "Back up all records",
    backup_help: "One file with every record, encrypted with a backup password you choose now (not the passcode). Keep the file and its backup password apart. Restore it here or on another tablet.",
    backup_password: "Backup password",
    backup_password_again: "Backup password again",
    backup_now: "Back up all records",
    backup_done: |n| format!("Backup file written: {n} records. Keep it somewhere safe."),
    restore_title: "Restore from a backup",
    restore_help: "Nothing on this device is overwritten: records already here stay; a record that differs is kept as both, the restored copy marked.",
    restore_file: "Backup file",
    restore_now: "Restore",
    restored: |added, same, both| {
        format!(
            "Restored: {added} added, {same} already here unchanged, {both} kept as both (marked “restored”)."
        )
    },
    not_done: |e| format!("Not done (the browser said: {e})."),
    restore_stopped: |e| format!("The rest could not be restored (the browser said: {e})."),
    restore_refused: |e| {
        use crate::security::backup::RestoreError::*;
        match e {
            TooLarge(n) => format!("Not restored: the file is too large ({} MB; at most 20 MB).", n / 1_048_576),
            NotABackup => "Not restored: this is not a backup of this app, or the file is damaged or incomplete.".to_string(),
            NewerVersion(v) => format!("Not restored: the backup was made by a newer version of this app (format {v}). Update the app first."),
            WrongPasswordOrDamaged => "Not restored: the backup password is wrong, or the file was altered.".to_string(),
            LabelTooLong(n) => format!("Not restored: a record's label has {n} characters; at most {} are kept.", crate::record::import::MAX_LABEL_CHARS),
            UnknownCost(_) => "Not restored: the file asks for a key derivation this app never uses (it was not made by this app, or was altered). Nothing was changed.".to_string(),
        }
    },
    backup_reminder_days: "Remind me to back up after this many days (0: never)",
    backup_due: |last| {
        match last {
        Some(day) => format!("Records have changed since the last backup ({day}). Back them up so a lost or broken tablet loses nothing."),
        None => "These records have never been backed up from this tablet. Back them up so a lost or broken tablet loses nothing.".to_string(),
    }
    },
    backup_go: "Back up now",
    storage_nearly_full: |p| {
        format!(
            "This device's storage for the app is {p} % full. Back up all records, then export and delete the ones you no longer need, before new changes can no longer be saved."
        )
    },
    storage_used: |k, p| {
        format!(
            "Storage: about {k} thousand characters of the browser's 5 million for this site ({p} %)."
        )
    },
    storage_kept: "The browser has agreed to keep this site's storage (persistent storage).",
    storage_not_kept: "The browser may clear this site's storage when space runs short, or (Safari) after 7 days without use.",
    storage_unknown: "This browser does not say whether it keeps this site's storage.",
    storage_advice: "On an iPad or iPhone, add the app to the home screen so Safari keeps its storage; back up regularly in any case.",
    restored_suffix: " (restored)",
};

/// Simplified Chinese.
pub const ZH: Words = Words {
    retention_days: "记录保留天数",
    wipe: "清除本设备数据",
    idle_minutes: "闲置多久后锁定（分钟）",
    wipe_confirm: "这将删除本应用在本设备上保存的所有记录、草稿和设置。此操作无法撤销。如需保留记录，请先导出。",
    wipe_yes: "确定全部清除",
    wiped: |n| format!("已清除：删除了 {n} 项已保存内容。"),
    lock_now: "立即锁定",
    passcode_settings: "解锁密码",
    passcode_none: "本设备上的记录未设置解锁密码保护。",
    change_passcode: "更改解锁密码",
    current_passcode: "当前解锁密码",
    new_passcode: "新解锁密码",
    new_passcode_again: "再次输入新解锁密码",
    passcode_changed: "解锁密码已更改。",
    remove_passcode: "移除解锁密码",
    remove_passcode_help: "移除后，记录将以未加密形式保存在本设备上，应用也不再自动锁定。请输入当前解锁密码确认。",
    passcode_removed: "解锁密码已移除：记录以未加密形式保存。",
    backup_title: "备份所有记录",
    backup_help: "生成一个包含所有记录的文件，用您现在设置的备份密码加密（不是解锁密码）。请将文件和备份密码分开保管。可在本设备或其他平板上恢复。",
    backup_password: "备份密码",
    backup_password_again: "再次输入备份密码",
    backup_now: "备份所有记录",
    backup_done: |n| format!("备份文件已生成：共 {n} 条记录。请妥善保管。"),
    restore_title: "从备份恢复",
    restore_help: "不会覆盖本设备上的任何内容：已有的记录保留；内容不同的记录两份都保留，恢复的那份会加以标注。",
    restore_file: "备份文件",
    restore_now: "恢复",
    restored: |added, same, both| {
        format!(
            "已恢复：新增 {added} 条，{same} 条已存在且相同，{both} 条两份都保留（标注“已恢复”）。"
        )
    },
    not_done: |e| format!("未能完成（浏览器提示：{e}）。"),
    restore_stopped: |e| format!("其余记录未能恢复（浏览器提示：{e}）。"),
    restore_refused: |e| {
        use crate::security::backup::RestoreError::*;
        match e {
            TooLarge(n) => format!("未恢复：文件过大（{} MB，最多 20 MB）。", n / 1_048_576),
            NotABackup => "未恢复：这不是本应用的备份文件，或文件已损坏或不完整。".to_string(),
            NewerVersion(v) => {
                format!("未恢复：该备份由更新版本的应用生成（格式 {v}）。请先更新应用。")
            }
            WrongPasswordOrDamaged => "未恢复：备份密码错误，或文件已被改动。".to_string(),
            LabelTooLong(n) => format!(
                "未恢复：某条记录的编号有 {n} 个字符，最多保留 {} 个。",
                crate::record::import::MAX_LABEL_CHARS
            ),
            UnknownCost(_) => "未恢复：该文件要求的密钥派生参数本应用从不使用（文件并非本应用生成，或已被改动）。未做任何更改。".to_string(),
        }
    },
    backup_reminder_days: "超过多少天未备份时提醒我（0：从不提醒）",
    backup_due: |last| match last {
        Some(day) => {
            format!("自上次备份（{day}）以来记录已有更改。请备份，以免平板丢失或损坏时丢失记录。")
        }
        None => "这些记录从未在本平板上备份过。请备份，以免平板丢失或损坏时丢失记录。".to_string(),
    },
    backup_go: "立即备份",
    storage_nearly_full: |p| {
        format!(
            "本设备为本应用保留的存储空间已用 {p}%。请先备份所有记录，再导出并删除不再需要的记录，以免新的修改无法保存。"
        )
    },
    storage_used: |k, p| {
        format!("存储：约 {k} 千字符，浏览器为本网站提供约 500 万字符（已用 {p}%）。")
    },
    storage_kept: "浏览器已同意保留本网站的存储（持久存储）。",
    storage_not_kept: "空间不足时，或（Safari）7 天未使用后，浏览器可能清除本网站的存储。",
    storage_unknown: "此浏览器未说明是否保留本网站的存储。",
    storage_advice: "在 iPad 或 iPhone 上，请将本应用添加到主屏幕，以便 Safari 保留其存储；无论如何都请定期备份。",
    restored_suffix: "（已恢复）",
};

/// The settings screen's words in `lang`.
pub fn of(lang: Lang) -> &'static Words {
    match lang {
        Lang::En => &EN,
        Lang::Zh => &ZH,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::security::backup::RestoreError;

    #[test]
    fn a_wrong_backup_password_is_named_the_backup_password_in_both_languages() {
        let e = RestoreError::WrongPasswordOrDamaged;
        assert!((EN.restore_refused)(&e).contains("backup password is wrong"));
        assert!((ZH.restore_refused)(&e).contains("备份密码错误"));
    }

    #[test]
    fn wiping_the_device_says_it_cannot_be_undone_in_both_languages() {
        assert!(EN.wipe_confirm.contains("cannot be undone"));
        assert!(ZH.wipe_confirm.contains("无法撤销"));
    }
}
