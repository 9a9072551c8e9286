//! The app's own words (buttons, headings, banners) in each language, as
//! constants of two structs (the first download's words, and those of the
//! parts fetched on first use): leaving a field out of any constant is a
//! compile error, so no text can go untranslated.

/// The words of the app shell, the start page and the records list (the
/// first download). Functions build the texts with values in them.
pub struct UiText {
    /// `lang` attribute value for the page.
    pub html_lang: &'static str,
    /// The trial's short title.
    pub trial_title: &'static str,
    /// The site.
    pub site: &'static str,
    /// Header privacy line.
    pub privacy_short: &'static str,
    /// The records list's status column and its values.
    pub col_status: &'static str,
    /// Status: not yet marked complete.
    pub status_in_progress: &'static str,
    /// Status: marked complete.
    pub status_complete: &'static str,
    /// Status: changed after it was marked complete.
    pub status_amended: &'static str,
    /// Label of the language switch.
    pub language: &'static str,
    /// The other language's name, in that language (the switch's text).
    pub other_language: &'static str,
    /// Storage blocked banner.
    pub storage_blocked: fn(&str) -> String,
    /// Storage full banner.
    pub storage_full: fn(&str) -> String,

    // Home
    /// Home heading.
    pub home_title: &'static str,
    /// Home intro.
    pub home_intro: &'static str,
    /// Patient mode button.
    pub patient_mode: &'static str,
    /// Patient mode description.
    pub patient_mode_help: &'static str,
    /// Coordinator mode button.
    pub coordinator_mode: &'static str,
    /// Coordinator mode description.
    pub coordinator_mode_help: &'static str,
    /// Back to the start.
    pub to_start: &'static str,

    // Records list
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
    /// A record without a label.
    pub no_label: &'static str,
    /// Button.
    pub duplicate: &'static str,
    /// Button.
    pub delete: &'static str,
    /// Delete confirmation.
    pub delete_confirm: fn(&str) -> String,
    /// Button.
    pub yes_delete: &'static str,
    /// Button.
    pub cancel: &'static str,
    /// Badge.
    pub badge_eligible: &'static str,
    /// Badge.
    pub badge_not_eligible: &'static str,
    /// Badge.
    pub badge_incomplete: &'static str,
    /// Badge.
    pub badge_no_date: &'static str,
    /// Screening date field.
    pub screening_date: &'static str,
    /// Button.
    pub export_log: &'static str,
    /// Button.
    pub export_questionnaire: &'static str,
    /// A screen's code could not be fetched (offline before the app was
    /// kept for offline use, or the server is unreachable).
    pub part_unavailable: &'static str,
    /// Try loading that screen again.
    pub try_again: &'static str,
    /// Retention setting label.
    pub retention_days: &'static str,
    /// Button.
    pub wipe: &'static str,
    /// Idle setting.
    pub idle_minutes: &'static str,
    /// Print row.
    pub outcome: &'static str,
}

/// The words of the parts fetched on first use: the record form and its
/// verdict, the print summary, the patient self-check, the lock screen and
/// the records list's tools. A struct of their own because every string the
/// first module's data points to ships in the first download; referenced
/// only from those parts' code, these move into their wasm modules.
pub struct ScreenText {
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

    // Record screen
    /// Back to list.
    pub all_screenings: &'static str,
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
    pub exported_without: fn(&str, &str) -> String,
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
    /// Notice.
    pub updated_elsewhere: fn(&str) -> String,
    /// Notice.
    pub deleted_elsewhere: &'static str,
    /// Notice.
    pub stored_copy_unreadable: &'static str,
    /// A record from a newer app version.
    pub read_only: &'static str,
    /// Retention panel heading.
    pub retention_due: fn(usize, u32) -> String,
    /// Button.
    pub export_old: &'static str,
    /// Button.
    pub delete_old: &'static str,
    /// Confirmation.
    pub delete_old_confirm: fn(usize) -> String,
    /// Confirmation.
    pub wipe_confirm: &'static str,
    /// Button.
    pub wipe_yes: &'static str,
    /// Notice.
    pub wiped: fn(usize) -> String,
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
    /// Passcodes differ.
    pub passcode_mismatch: &'static str,
    /// Button.
    pub set_passcode: &'static str,
    /// Button.
    pub not_now: &'static str,
    /// Button.
    pub lock_now: &'static str,
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
    /// An unreadable entry: sealed, but it does not open with this device's key.
    pub broken_cannot_open: &'static str,
    /// An unreadable entry: in the clear although a passcode protects records.
    pub broken_not_sealed: &'static str,
    /// Why a new passcode is refused.
    pub passcode_problem: fn(crate::security::vault::PasscodeProblem) -> String,
    /// Shown when "New screening" or "Import" is pressed before the
    /// passcode offer was answered.
    pub lock_choose_first: &'static str,
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
    /// Records still in the clear after setting a passcode (storage ran out).
    pub unsealed_left: fn(usize) -> String,
    /// The passcode check could not run (worker failed), with the reason.
    pub kdf_failed: fn(&str) -> String,
    /// The passcode check ran past its time limit and was stopped.
    pub kdf_too_long: &'static str,
    /// Waiting after too many wrong passcodes, in seconds.
    pub wait_before_try: fn(u32) -> String,
    /// The word to type to confirm wiping everything.
    pub wipe_word: &'static str,
    /// Asks for the word.
    pub type_wipe_word: fn(&str) -> String,
    /// Shown while the passcode is being checked or set.
    pub working: &'static str,
    /// The browser's random source failed: nothing was created or saved.
    pub random_failed: &'static str,
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
    /// An imported file over the size limit (its size in bytes).
    pub import_too_large: fn(usize) -> String,
    /// An imported label over the length limit (its length).
    pub import_label_too_long: fn(usize) -> String,
    /// Marks the label of a restored copy kept beside a different record.
    pub restored_suffix: &'static str,
    /// Verdict region label.
    pub verdict: &'static str,
    /// Criteria list label.
    pub criteria: &'static str,
    /// Units.
    pub days: &'static str,
    /// Units.
    pub years: &'static str,

    // Verdict
    /// No valid screening date.
    pub needs_date_headline: &'static str,
    /// Not eligible headline.
    pub not_eligible_headline: fn(usize) -> String,
    /// Incomplete headline.
    pub incomplete_headline: fn(usize) -> String,
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
    /// Reading note lead.
    pub how_read: &'static str,
    /// Reason when no date.
    pub reason_needs_date: &'static str,

    // Print
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

    // Patient self-check
    /// Patient intro heading.
    pub p_title: &'static str,
    /// What the study is.
    pub p_about: &'static str,
    /// Privacy.
    pub p_privacy: &'static str,
    /// What to expect.
    pub p_expect: &'static str,
    /// Start button.
    pub p_start: &'static str,
    /// Keep answers choice.
    pub p_keep: &'static str,
    /// Keep answers help.
    pub p_keep_help: &'static str,
    /// Delete answers button.
    pub p_delete: &'static str,
    /// Deleted notice.
    pub p_deleted: &'static str,
    /// Step progress.
    pub p_step: fn(usize, usize) -> String,
    /// Back button.
    pub p_back: &'static str,
    /// Next button.
    pub p_next: &'static str,
    /// See result button.
    pub p_see_result: &'static str,
    /// Step titles, in order.
    pub p_steps: [&'static str; 7],
    /// Results heading.
    pub p_result_title: &'static str,
    /// Result 1 lead.
    pub p_not_right: &'static str,
    /// Result 1 follow-up.
    pub p_check_with_team: &'static str,
    /// Result 2 lead.
    pub p_not_finished: &'static str,
    /// Result 3 lead.
    pub p_may_take_part: &'static str,
    /// Result 3 follow-up.
    pub p_never_final: &'static str,
    /// What to do next.
    pub p_next_steps: &'static str,
    /// Things to ask the doctor.
    pub p_ask_doctor: &'static str,
    /// Change answers.
    pub p_change_answers: &'static str,
    /// Date help for patients.
    pub p_date_help: &'static str,
    /// No birth date known.
    pub p_age_instead: &'static str,
    /// Serology.
    pub positive: &'static str,
    /// Serology.
    pub negative: &'static str,
    /// Lab sub-label.
    pub result: &'static str,
    /// Lab ULN sub-label.
    pub uln: &'static str,
    /// Platelet unit label.
    pub unit: &'static str,
    /// Export failed.
    pub export_failed: fn(&str) -> String,
    /// Setting a passcode failed (with the browser's or vault's reason).
    pub passcode_failed: fn(&str) -> String,
    /// Another tab set a passcode at the same moment: this one was not set.
    pub passcode_set_elsewhere: &'static str,
    /// Dismisses a notice.
    pub ok: &'static str,

    /// Print row.
    pub earliest_eligible: &'static str,
    /// Print column.
    pub reason: &'static str,
    /// Yes.
    pub yes: &'static str,
    /// No.
    pub no: &'static str,
    /// Not known.
    pub not_known: &'static str,
    /// Sex.
    pub female: &'static str,
    /// Sex.
    pub male: &'static str,
    /// Suffix of a duplicated label.
    pub copy_suffix: &'static str,
}

/// English.
pub const EN: UiText = UiText {
    html_lang: "en",
    trial_title: "Romiplostim N01 for refractory chemotherapy-induced thrombocytopenia",
    site: "Institute of Hematology & Blood Diseases Hospital, Tianjin",
    privacy_short: "Everything stays on this device.",
    col_status: "Status",
    status_in_progress: "In progress",
    status_complete: "Complete",
    status_amended: "Amended after completion",
    language: "Language",
    other_language: "中文",
    storage_blocked: |why| {
        format!(
            "This browser does not let the app store anything ({why}). You can keep working: everything stays in this tab only and is lost when it closes. Export each record before closing."
        )
    },
    storage_full: |why| {
        format!(
            "The browser's storage is full ({why}). Your latest changes are kept in this tab only. Export records and delete ones you no longer need."
        )
    },
    home_title: "Screening for study NCT07063225",
    home_intro: "This study tests romiplostim N01 for people whose platelet count stays very low after chemotherapy, even after treatment with rhTPO.",
    patient_mode: "I am a patient: could this study suit me?",
    patient_mode_help: "A few plain questions, step by step. Your answers stay on this device.",
    coordinator_mode: "Study team: screening records",
    coordinator_mode_help: "Every criterion, live verdicts, drafts kept on this device.",
    to_start: "Start page",
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
    no_label: "(no label)",
    duplicate: "Duplicate",
    delete: "Delete",
    delete_confirm: |label| format!("Delete “{label}” for good?"),
    yes_delete: "Yes, delete",
    cancel: "Cancel",
    badge_eligible: "Meets all recorded criteria",
    badge_not_eligible: "Not eligible",
    badge_incomplete: "Incomplete",
    badge_no_date: "Screening date needed",
    screening_date: "Screening date",
    export_log: "Export screening log (CSV)",
    export_questionnaire: "FHIR Questionnaire",
    part_unavailable: "This screen could not be loaded: the app's files are not on this device yet and the server cannot be reached. Nothing you entered is lost. Check the connection, then try again.",
    try_again: "Try again",
    retention_days: "Keep records for (days)",
    wipe: "Wipe this device",
    idle_minutes: "Lock after idle (minutes)",
    outcome: "Outcome",
};

/// English, for the parts fetched on first use.
pub const EN_SCREENS: ScreenText = ScreenText {
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
    all_screenings: "← All screenings",
    label_field: "Label (screening number, never a name)",
    screening_date_help: "YYYY-MM-DD; every interval is counted to this day",
    export_json: "Export JSON",
    print_summary: "Print summary",
    export_fhir: "Export FHIR",
    exported: |name| format!("Exported {name}."),
    exported_without: |name, fields| {
        format!("Exported {name}. Left out because their values are not valid: {fields}.")
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
    wipe_confirm: "This deletes every record, draft and setting this app stored on this device. It cannot be undone. Export first if you need the records.",
    wipe_yes: "Yes, wipe everything",
    wiped: |n| {
        format!(
            "Wiped: {n} stored item{} removed.",
            if n == 1 { "" } else { "s" }
        )
    },
    lock_offer: "Shared tablet? Protect these records with a passcode.",
    lock_offer_help: "Records are then stored encrypted, and the app locks itself when left idle. If the passcode is forgotten, the records cannot be recovered: they have to be wiped.",
    passcode: "Passcode",
    passcode_again: "Passcode again",
    passcode_rule: "At least 8 characters; not a repeat or a run such as 00000000 or 12345678. A short phrase is easy to remember and hard to guess.",
    passcode_mismatch: "The two passcodes differ.",
    set_passcode: "Set passcode",
    not_now: "Not now",
    lock_now: "Lock now",
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
    broken_cannot_open: "encrypted, but it does not open with this device's key (altered, or copied from elsewhere)",
    broken_not_sealed: "stored without encryption after the passcode was set, so it is not trusted (written by a tab or program that did not use the passcode)",
    passcode_problem: |p| {
        use crate::security::vault::PasscodeProblem::*;
        match p {
            TooShort => "The passcode needs at least 8 characters.",
            Repeats => "Choose a passcode that is not a repeat (such as 00000000 or 12121212).",
            Sequence => {
                "Choose a passcode that is not a run (such as 12345678, abcdefgh or qwertyui)."
            }
            Mismatch => "The two passcodes differ.",
        }
        .to_string()
    },
    lock_choose_first: "Before the first record: set a passcode for this device, or choose “Not now”.",
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
    unsealed_left: |n| {
        let s = if n == 1 { "" } else { "s" };
        format!(
            "{n} record{s} still stored without encryption: there was not enough space to encrypt them. Export and delete old records, then lock and unlock to finish."
        )
    },
    kdf_failed: |e| format!("The passcode could not be checked ({e}). Try again."),
    kdf_too_long: "Checking the password took longer than 30 seconds and was stopped. Try again; if it happens again, close other apps on this device.",
    wait_before_try: |n| {
        format!("Too many wrong passcodes. The next try is possible in {n} seconds.")
    },
    wipe_word: "WIPE",
    type_wipe_word: |w| format!("Type {w} to confirm."),
    working: "Working… (this takes a moment on purpose)",
    random_failed: "This browser's secure random source failed, so nothing was created or saved. Reload the page; if it happens again, use another browser.",
    backup_title: "Back up all records",
    backup_help: "One file with every record, encrypted with a password you choose now (not the passcode). Keep the file and the password apart. Restore it here or on another tablet.",
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
    restore_refused: |e| {
        use crate::security::backup::RestoreError::*;
        match e {
            TooLarge(n) => format!("Not restored: the file is too large ({} MB; at most 20 MB).", n / 1_048_576),
            NotABackup => "Not restored: this is not a backup of this app, or the file is damaged or incomplete.".to_string(),
            NewerVersion(v) => format!("Not restored: the backup was made by a newer version of this app (format {v}). Update the app first."),
            WrongPasswordOrDamaged => "Not restored: the password is wrong, or the file was altered.".to_string(),
            LabelTooLong(n) => format!("Not restored: a record's label has {n} characters; at most {} are kept.", crate::record::import::MAX_LABEL_CHARS),
            UnknownCost(_) => "Not restored: the file asks for a key derivation this app never uses (it was not made by this app, or was altered). Nothing was changed.".to_string(),
        }
    },
    restored_suffix: " (restored)",
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
    verdict: "Verdict",
    criteria: "Criteria",
    days: "days",
    years: "years",
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
    how_read: "How this app reads it: ",
    reason_needs_date: "Needs a valid screening date",
    summary_title: |id| format!("Screening summary — {id}"),
    criteria_text: "Criteria text",
    app_version: "App version",
    criterion: "Criterion",
    status: "Status",
    signature_line: "Investigator to confirm eligibility. Signature: ____________________  Date: ____________",
    incomplete_no_date: "Incomplete (no valid screening date)",
    p_title: "Could this study suit me?",
    p_about: "The study NCT07063225 at the Institute of Hematology & Blood Diseases Hospital in Tianjin tests a medicine called romiplostim N01 for adults whose platelet count stays very low after chemotherapy, even after rhTPO injections.",
    p_privacy: "Your answers stay on this device: nothing is sent anywhere. Unless you choose to keep them, they are gone when you close this page.",
    p_expect: "About 25 short questions in 7 steps. If you don't know an answer, leave it empty. This check cannot tell you that you can take part: only the study team can decide that.",
    p_start: "Start",
    p_keep: "Keep my answers on this device",
    p_keep_help: "Only if this is your own phone or computer.",
    p_delete: "Delete my answers",
    p_deleted: "Your answers have been deleted from this device.",
    p_step: |i, n| format!("Step {i} of {n}"),
    p_back: "Back",
    p_next: "Next",
    p_see_result: "See the result",
    p_steps: [
        "About you",
        "Your illness and treatment",
        "Your platelet count",
        "Your daily activities",
        "Heart and blood vessels",
        "Other health questions",
        "Pregnancy",
    ],
    p_result_title: "Your result",
    p_not_right: "Based on your answers, this study may not be right for you, because:",
    p_check_with_team: "If an answer is not quite right, or you are unsure, the study team can check it with you.",
    p_not_finished: "Not finished yet: please answer these questions:",
    p_may_take_part: "You may be able to take part — the study team will check:",
    p_never_final: "Only the study team can decide whether you can take part.",
    p_next_steps: "What to do next: talk to your doctor, or contact the study team at the Institute of Hematology & Blood Diseases Hospital in Tianjin and mention study NCT07063225.",
    p_ask_doctor: "Things to ask your doctor or the study team about:",
    p_change_answers: "Change my answers",
    p_date_help: "If you are not sure of the exact day, give your best guess.",
    p_age_instead: "If you prefer not to give your date of birth, give your age instead.",
    positive: "Positive",
    negative: "Negative",
    result: "Result",
    uln: "ULN",
    unit: "unit",
    export_failed: |e| format!("Export failed: {e}"),
    passcode_failed: |e| format!("The passcode could not be set: {e}"),
    passcode_set_elsewhere: "A passcode was set in another tab of this app at the same moment, so yours was not set. That passcode protects the records: enter it to unlock.",
    ok: "OK",

    earliest_eligible: "Earliest eligible",
    reason: "Reason",
    yes: "Yes",
    no: "No",
    not_known: "Not known",
    female: "Female",
    male: "Male",
    copy_suffix: " (copy)",
};

/// Simplified Chinese.
pub const ZH: UiText = UiText {
    html_lang: "zh-CN",
    trial_title: "罗米司亭 N01 治疗难治性化疗所致血小板减少症",
    site: "中国医学科学院血液病医院（血液学研究所），天津",
    privacy_short: "所有信息只保存在本设备上。",
    col_status: "状态",
    status_in_progress: "进行中",
    status_complete: "已完成",
    status_amended: "完成后已修改",
    language: "语言",
    other_language: "English",
    storage_blocked: |why| {
        format!(
            "此浏览器不允许本应用保存任何内容（{why}）。您可以继续工作：所有内容只保留在当前标签页中，关闭即丢失。关闭前请逐条导出记录。"
        )
    },
    storage_full: |why| {
        format!(
            "浏览器存储空间已满（{why}）。最近的修改只保留在当前标签页中。请导出记录并删除不再需要的记录。"
        )
    },
    home_title: "NCT07063225 研究筛选",
    home_intro: "本研究评估罗米司亭 N01 用于化疗后血小板持续极低、且经重组人血小板生成素（rhTPO）治疗仍无效的患者。",
    patient_mode: "我是患者：这项研究可能适合我吗？",
    patient_mode_help: "几个通俗的问题，一步一步回答。您的回答只保存在本设备上。",
    coordinator_mode: "研究团队：筛选记录",
    coordinator_mode_help: "全部标准、实时判定，草稿保存在本设备上。",
    to_start: "首页",
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
    no_label: "（无编号）",
    duplicate: "复制",
    delete: "删除",
    delete_confirm: |label| format!("确定永久删除“{label}”吗？"),
    yes_delete: "确定删除",
    cancel: "取消",
    badge_eligible: "符合全部已记录标准",
    badge_not_eligible: "不符合",
    badge_incomplete: "信息不全",
    badge_no_date: "需要筛选日期",
    screening_date: "筛选日期",
    export_log: "导出筛选日志（CSV）",
    export_questionnaire: "FHIR 问卷定义",
    part_unavailable: "此页面未能加载：本设备上还没有应用的文件，且无法连接服务器。您输入的内容都不会丢失。请检查网络连接后重试。",
    try_again: "重试",
    retention_days: "记录保留天数",
    wipe: "清除本设备数据",
    idle_minutes: "闲置多久后锁定（分钟）",
    outcome: "结果",
};

/// Simplified Chinese, for the parts fetched on first use.
pub const ZH_SCREENS: ScreenText = ScreenText {
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
    all_screenings: "← 全部筛选记录",
    label_field: "编号（筛选号，切勿填写姓名）",
    screening_date_help: "YYYY-MM-DD；所有时间间隔都计算到这一天",
    export_json: "导出 JSON",
    print_summary: "打印摘要",
    export_fhir: "导出 FHIR",
    exported: |name| format!("已导出 {name}。"),
    exported_without: |name, fields| {
        format!("已导出 {name}。以下字段的值无效，未包含在内：{fields}。")
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
    retention_due: |n, days| format!("有 {n} 条记录最后保存于 {days} 天前：请先导出，再删除。"),
    export_old: "导出这些记录（JSON）",
    delete_old: "删除这些记录",
    delete_old_confirm: |n| format!("确定永久删除 {n} 条旧记录吗？"),
    wipe_confirm: "这将删除本应用在本设备上保存的所有记录、草稿和设置，且无法恢复。如需保留记录，请先导出。",
    wipe_yes: "确定全部清除",
    wiped: |n| format!("已清除：删除了 {n} 项已保存内容。"),
    lock_offer: "共用平板？用密码保护这些记录。",
    lock_offer_help: "设置后，记录将加密保存，闲置时应用会自动锁定。如果忘记密码，记录无法恢复，只能清除。",
    passcode: "密码",
    passcode_again: "再次输入密码",
    passcode_rule: "至少 8 个字符，不要使用重复或连续的字符（如 00000000 或 12345678）。一句短语既好记又难猜。",
    passcode_mismatch: "两次输入的密码不一致。",
    set_passcode: "设置密码",
    not_now: "暂不设置",
    lock_now: "立即锁定",
    locked_title: "已锁定",
    locked_help: "本设备上的记录已加密。请输入密码继续。",
    unlock: "解锁",
    unlocking: "正在验证…",
    wrong_passcode: |wait| {
        if wait == 0 {
            "密码错误。".to_string()
        } else {
            format!("密码错误。请 {wait} 秒后再试。")
        }
    },
    forgot_passcode: "忘记密码？",
    forgot_warning: "没有密码就无法解密记录。移除密码将清除本应用在本设备上保存的所有记录和设置。",
    forgot_wipe: "清除所有记录并移除密码",
    passcode_set: "密码已设置：记录现已加密保存。",
    broken_cannot_open: "已加密，但无法用本设备的密钥打开（已被改动，或从别处复制而来）",
    broken_not_sealed: "设置密码后以未加密形式保存，因此不予信任（由未使用密码的标签页或程序写入）",
    passcode_problem: |p| {
        use crate::security::vault::PasscodeProblem::*;
        match p {
            TooShort => "密码至少需要 8 个字符。",
            Repeats => "请不要使用重复的密码（如 00000000 或 12121212）。",
            Sequence => "请不要使用连续的密码（如 12345678、abcdefgh 或 qwertyui）。",
            Mismatch => "两次输入的密码不一致。",
        }
        .to_string()
    },
    lock_choose_first: "创建第一条记录之前：请为本设备设置密码，或选择“暂不设置”。",
    passcode_settings: "密码",
    passcode_none: "本设备上的记录未受密码保护。",
    change_passcode: "更改密码",
    current_passcode: "当前密码",
    new_passcode: "新密码",
    new_passcode_again: "再次输入新密码",
    passcode_changed: "密码已更改。",
    remove_passcode: "移除密码",
    remove_passcode_help: "移除后，记录将以未加密形式保存在本设备上，应用也不再自动锁定。请输入当前密码确认。",
    passcode_removed: "密码已移除：记录以未加密形式保存。",
    unsealed_left: |n| {
        format!(
            "还有 {n} 条记录未加密保存：存储空间不足，无法加密。请导出并删除旧记录，然后锁定并重新解锁以完成加密。"
        )
    },
    kdf_failed: |e| format!("无法验证密码（{e}）。请重试。"),
    kdf_too_long: "密码验证超过 30 秒，已停止。请重试；如再次出现，请关闭本设备上的其他应用。",
    wait_before_try: |n| format!("密码错误次数过多。{n} 秒后可再次尝试。"),
    wipe_word: "清除",
    type_wipe_word: |w| format!("请输入“{w}”确认。"),
    working: "正在处理…（此步骤有意放慢）",
    random_failed: "此浏览器的安全随机数源出错，因此未创建或保存任何内容。请重新加载页面；如再次出现，请换用其他浏览器。",
    backup_title: "备份所有记录",
    backup_help: "生成一个包含所有记录的文件，用您现在设置的备份密码加密（不是解锁密码）。请将文件和密码分开保管。可在本设备或其他平板上恢复。",
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
    restore_refused: |e| {
        use crate::security::backup::RestoreError::*;
        match e {
            TooLarge(n) => format!("未恢复：文件过大（{} MB，最多 20 MB）。", n / 1_048_576),
            NotABackup => "未恢复：这不是本应用的备份文件，或文件已损坏或不完整。".to_string(),
            NewerVersion(v) => {
                format!("未恢复：该备份由更新版本的应用生成（格式 {v}）。请先更新应用。")
            }
            WrongPasswordOrDamaged => "未恢复：密码错误，或文件已被改动。".to_string(),
            LabelTooLong(n) => format!(
                "未恢复：某条记录的标签有 {n} 个字符，最多 {} 个。",
                crate::record::import::MAX_LABEL_CHARS
            ),
            UnknownCost(_) => "未恢复：该文件要求的密钥派生参数本应用从不使用（文件并非本应用生成，或已被改动）。未做任何更改。".to_string(),
        }
    },
    restored_suffix: "（已恢复）",
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
    import_too_large: |n| {
        format!(
            "文件大小为 {} KB；记录文件最多 {} KB。",
            n / 1024,
            crate::record::import::MAX_IMPORT_BYTES / 1024
        )
    },
    import_label_too_long: |n| {
        format!(
            "其标签有 {n} 个字符，最多 {} 个。",
            crate::record::import::MAX_LABEL_CHARS
        )
    },
    verdict: "判定",
    criteria: "标准",
    days: "天",
    years: "岁",
    needs_date_headline: "信息不全：请输入有效的筛选日期（YYYY-MM-DD）以判定各项标准",
    not_eligible_headline: |n| format!("不符合：{n} 项标准未满足"),
    incomplete_headline: |n| format!("信息不全：{n} 项标准尚无法判定"),
    time_fix: |d| format!("时间因素：自 {d} 起满足"),
    not_time: "与时间无关",
    also_unknown: |n| format!("另有 {n} 项尚无法判定："),
    what_would_change: |n| format!("可改变判定的信息：{n} 个字段"),
    could_rule_out: " · 可能导致排除",
    investigator_confirms: "是否符合入组条件由研究者确认；本页面不能替代研究者的判断。",
    published_text: "公布原文",
    published_text_and_note: "公布原文及解读说明",
    original_text: "原文（英文，按公布原样）：",
    how_read: "本应用的解读：",
    reason_needs_date: "需要有效的筛选日期",
    summary_title: |id| format!("筛选摘要 — {id}"),
    criteria_text: "标准文本版本",
    app_version: "应用版本",
    criterion: "标准",
    status: "状态",
    signature_line: "由研究者确认是否符合入组条件。签名：____________________  日期：____________",
    incomplete_no_date: "信息不全（无有效筛选日期）",
    p_title: "这项研究可能适合我吗？",
    p_about: "NCT07063225 是天津中国医学科学院血液病医院开展的一项研究，评估一种名为罗米司亭 N01 的药物，用于化疗后血小板持续很低、打了升血小板针（rhTPO）后仍没有好转的成年人。",
    p_privacy: "您的回答只保存在本设备上，不会发送到任何地方。除非您选择保留，关闭本页后回答即被清除。",
    p_expect: "共约 25 个简短问题，分 7 步。不知道的问题可以留空。本自查不能告诉您是否可以参加：只有研究团队才能决定。",
    p_start: "开始",
    p_keep: "在本设备上保留我的回答",
    p_keep_help: "仅当这是您自己的手机或电脑时选择。",
    p_delete: "删除我的回答",
    p_deleted: "您的回答已从本设备上删除。",
    p_step: |i, n| format!("第 {i} 步，共 {n} 步"),
    p_back: "上一步",
    p_next: "下一步",
    p_see_result: "查看结果",
    p_steps: [
        "关于您",
        "您的疾病和治疗",
        "您的血小板计数",
        "您的日常活动",
        "心脏和血管",
        "其他健康问题",
        "妊娠",
    ],
    p_result_title: "您的结果",
    p_not_right: "根据您的回答，这项研究可能不适合您，原因是：",
    p_check_with_team: "如果某个回答不太准确，或者您不确定，研究团队可以和您一起核对。",
    p_not_finished: "尚未完成：请回答以下问题：",
    p_may_take_part: "您也许可以参加——研究团队会检查：",
    p_never_final: "只有研究团队才能决定您是否可以参加。",
    p_next_steps: "下一步：请与您的医生沟通，或联系天津中国医学科学院血液病医院的研究团队，并说明研究编号 NCT07063225。",
    p_ask_doctor: "可以向您的医生或研究团队询问的事项：",
    p_change_answers: "修改我的回答",
    p_date_help: "如果记不清具体哪一天，请填写大概的日期。",
    p_age_instead: "如果不想填写出生日期，可以改为填写年龄。",
    positive: "阳性",
    negative: "阴性",
    result: "结果",
    uln: "正常值上限（ULN）",
    unit: "单位",
    export_failed: |e| format!("导出失败：{e}"),
    passcode_failed: |e| format!("未能设置密码：{e}"),
    passcode_set_elsewhere: "本应用的另一个标签页在同一时刻设置了解锁密码，因此您设置的密码未生效。记录受该密码保护：请输入该密码解锁。",
    ok: "知道了",

    earliest_eligible: "最早可符合日期",
    reason: "理由",
    yes: "是",
    no: "否",
    not_known: "不详",
    female: "女",
    male: "男",
    copy_suffix: "（副本）",
};
