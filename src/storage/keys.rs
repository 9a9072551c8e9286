//! Every key the app stores under, in one place: a newcomer adding a
//! setting sees what exists, and a wipe (`records::wipe`) knows what is the
//! app's. Everything lives in the browser's `localStorage` under
//! [`APP_PREFIX`]; the typing journal (`web/journal.js`) keeps its counter
//! there too ([`JOURNAL_SEQ_KEY`], written and removed by the journal, not
//! by Rust: a wipe leaves it to the journal).
//!
//! Which values are sealed under a passcode is `vault::is_sealed_key`'s
//! decision: records and a patient's kept answers; settings stay in the
//! clear and say nothing of any patient.

/// Every key of the app starts with this.
pub const APP_PREFIX: &str = "ctit/";
/// One stored record per key: this prefix and the record's id.
pub const RECORD_PREFIX: &str = "ctit/record/";
/// One tombstone per deleted record: this prefix and the record's id
/// (`records::Tombstone`; sealed under a passcode like the record was).
pub const DELETED_PREFIX: &str = "ctit/deleted/";
/// A patient's answers, kept only when they ask (sealed under a passcode).
pub const PATIENT_KEY: &str = "ctit/patient";
/// The passcode vault's description (cost, salt, wrapped data key, sealed
/// state); present exactly when a passcode is set.
pub const VAULT_KEY: &str = "ctit/vault";
/// The stored wait after wrong passcodes.
pub const THROTTLE_KEY: &str = "ctit/lock/throttle";
/// Changed by a tab that locks, so every other tab locks too.
pub const LOCK_SIGNAL_KEY: &str = "ctit/lock/signal";
/// The screener's initials last given on this device: the next session's
/// suggestion (`history`). Not patient data.
pub const INITIALS_KEY: &str = "ctit/settings/initials";
/// The interface language (not patient data).
pub const LANG_KEY: &str = "ctit/settings/lang";
/// The retention period in days.
pub const RETENTION_KEY: &str = "ctit/settings/retention_days";
/// The idle time before the app locks, in minutes.
pub const IDLE_KEY: &str = "ctit/settings/idle_minutes";
/// Set when the coordinator declined the passcode offer.
pub const LOCK_DECLINED_KEY: &str = "ctit/settings/lock_declined";
/// When this device last wrote a backup file (ISO 8601, UTC).
pub const LAST_BACKUP_KEY: &str = "ctit/backup/last";
/// The backup reminder's period in days (0: never).
pub const REMINDER_DAYS_KEY: &str = "ctit/settings/backup_reminder_days";
/// Written and removed once when storage is opened, to see that it works.
pub const PROBE_KEY: &str = "ctit/probe";
/// The typing journal's counter (`web/journal-life.js` names it and the
/// app's prefix, and `web/journal.js` writes and removes it, never the
/// app: listed here so that every key is).
pub const JOURNAL_SEQ_KEY: &str = "ctit/journal/seq";

/// The storage key of the record with this id.
pub fn record_key(id: &str) -> String {
    format!("{RECORD_PREFIX}{id}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_journals_prefix_and_counter_key_are_the_ones_web_journal_life_js_names() {
        let js = include_str!("../../web/journal-life.js");
        assert!(js.contains(&format!("APP_PREFIX = '{APP_PREFIX}';")));
        let rest = JOURNAL_SEQ_KEY.strip_prefix(APP_PREFIX).unwrap();
        assert!(js.contains(&format!("SEQ = `${{APP_PREFIX}}{rest}`;")));
    }

    #[test]
    fn every_key_is_under_the_apps_prefix() {
        for key in [
            RECORD_PREFIX,
            DELETED_PREFIX,
            PATIENT_KEY,
            VAULT_KEY,
            THROTTLE_KEY,
            LOCK_SIGNAL_KEY,
            LANG_KEY,
            RETENTION_KEY,
            IDLE_KEY,
            LOCK_DECLINED_KEY,
            LAST_BACKUP_KEY,
            REMINDER_DAYS_KEY,
            PROBE_KEY,
            JOURNAL_SEQ_KEY,
        ] {
            assert!(key.starts_with(APP_PREFIX), "{key}");
        }
    }
}
