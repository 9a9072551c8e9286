//! Back up every record to one encrypted file, and restore it here or on
//! another device without overwriting anything. Pure: the key derived from
//! the backup's own password (Argon2id, as the lock) comes in as a
//! [`Kek`], randomness through [`Random`].
//!
//! The file is JSON that says nothing readable but what it is:
//! `{"format":"ctit-backup","version":1,"kdf":{…},"salt":…,"n":…,"c":…}`.
//! The ciphertext (AES-256-GCM, bound to the format and version) holds
//! every stored record entry exactly as the drafts code wrote it, so a
//! restore gives back each record as it was, its history extended by one
//! entry saying who restored it and when (`history::Kind::Restored`).
//!
//! Restoring never overwrites: a record not on the device is added under
//! its own key; one present with the same content is left as it is; one
//! present with different content is kept as both, the backup's copy under
//! a new id with its label marked. A wrong password, a damaged or cut file
//! and a newer format are refused with their reason, and nothing changes.
//!
//! A reminder ([`reminder_due`]) asks for a new backup when records have
//! changed since the last one and that backup is older than a period the
//! coordinator sets.

use crate::record::draft::Draft;
use crate::record::stored::parse_entry;
use crate::security::vault::{
    KdfCost, KdfInput, Kek, NoRandomness, Random, Sealed, random_bytes, random_id,
};
use crate::storage::keys::{DELETED_PREFIX, RECORD_PREFIX};
use crate::storage::{KeyValue, StoreError};
use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use serde::{Deserialize, Serialize};

/// What the file says it is.
pub const FORMAT: &str = "ctit-backup";
/// The file format this version writes and reads.
pub const VERSION: u32 = 1;
/// The largest backup file read (about 5,000 full records): anything larger
/// is not one of ours, and reading it could exhaust a phone's memory.
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;
/// What the ciphertext is bound to.
const AAD: &[u8] = b"ctit-backup/1";
/// The reminder's period until the coordinator sets another: a week.
pub const DEFAULT_REMINDER_DAYS: u32 = 7;

/// The file, as stored.
#[derive(Serialize, Deserialize)]
struct File {
    format: String,
    version: u32,
    kdf: KdfCost,
    salt: String,
    n: String,
    c: String,
}

/// The sealed contents.
#[derive(Serialize, Deserialize)]
struct Contents {
    /// When the backup was made (ISO 8601).
    created: String,
    /// Every record: storage key and the entry's text.
    records: Vec<(String, String)>,
}

/// Why a backup file was refused. Nothing was changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RestoreError {
    /// Larger than [`MAX_FILE_BYTES`].
    TooLarge(usize),
    /// Not a backup of this app (another file, or damaged beyond reading).
    NotABackup,
    /// Made by a newer version of the app.
    NewerVersion(u32),
    /// The password is wrong, or the file was altered or cut.
    WrongPasswordOrDamaged,
    /// A record's label is longer than `import::MAX_LABEL_CHARS` (its
    /// length in characters).
    LabelTooLong(usize),
    /// The file asks for a key-derivation cost this app never wrote
    /// (`KdfCost::WRITTEN`): refused before anything is derived.
    UnknownCost(KdfCost),
}

/// The salt and cost a backup file's key is derived with (to derive the
/// key from the password the user types).
pub fn kdf_of(text: &str) -> Result<(Vec<u8>, KdfCost), RestoreError> {
    let file = read_file(text)?;
    if !file.kdf.is_accepted() {
        return Err(RestoreError::UnknownCost(file.kdf));
    }
    let salt = B64
        .decode(&file.salt)
        .map_err(|_| RestoreError::NotABackup)?;
    Ok((salt, file.kdf))
}

fn read_file(text: &str) -> Result<File, RestoreError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(RestoreError::TooLarge(text.len()));
    }
    // The version first: a newer file may have another shape.
    let head: serde_json::Value =
        serde_json::from_str(text).map_err(|_| RestoreError::NotABackup)?;
    if head.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(RestoreError::NotABackup);
    }
    match head.get("version").and_then(|v| v.as_u64()) {
        Some(v) if v == u64::from(VERSION) => {}
        Some(v) if v > u64::from(VERSION) => {
            return Err(RestoreError::NewerVersion(
                u32::try_from(v).unwrap_or(u32::MAX),
            ));
        }
        _ => return Err(RestoreError::NotABackup),
    }
    serde_json::from_str(text).map_err(|_| RestoreError::NotABackup)
}

/// Every record entry in `kv`, and every deleted record's tombstone, by
/// key, as stored (opened, when sealed).
pub fn entries(kv: &dyn KeyValue) -> Result<Vec<(String, String)>, StoreError> {
    let mut keys: Vec<String> = kv
        .keys()?
        .into_iter()
        .filter(|k| k.starts_with(RECORD_PREFIX) || k.starts_with(DELETED_PREFIX))
        .collect();
    keys.sort();
    let mut out = Vec::with_capacity(keys.len());
    for k in keys {
        // An entry that cannot be read is left out (and stays on the device).
        if let Ok(Some(text)) = kv.get(&k) {
            out.push((k, text));
        }
    }
    Ok(out)
}

/// The backup file of `records` (from [`entries`]), encrypted with the key
/// derived from the backup's password with `kdf`.
pub fn write(
    records: Vec<(String, String)>,
    created: &str,
    kdf: &KdfInput,
    kek: &Kek,
    rng: &mut dyn Random,
) -> Result<String, NoRandomness> {
    let contents = Contents {
        created: created.to_string(),
        records,
    };
    let plain = serde_json::to_vec(&contents).unwrap_or_default();
    let Sealed { n, c } =
        crate::security::vault::seal_with(&kek.0, random_bytes(rng)?, &plain, AAD);
    let file = File {
        format: FORMAT.into(),
        version: VERSION,
        kdf: kdf.cost,
        salt: B64.encode(kdf.salt),
        n,
        c,
    };
    Ok(serde_json::to_string(&file).unwrap_or_default())
}

/// What a restore did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Restored {
    /// Records added (not on the device before).
    pub added: usize,
    /// Records already on the device with the same content.
    pub unchanged: usize,
    /// Records on the device with other content: kept, and the backup's
    /// copy added beside them under these new ids.
    pub kept_both: Vec<String>,
    /// Tombstones of deleted records added (those already here stay).
    pub tombstones: usize,
    /// Entries of the backup that are not readable records (skipped).
    pub skipped: usize,
}

/// Restores a backup file into `kv` with the key derived from its password:
/// see the module's rules. `copy_suffix` marks the label of a copy kept
/// beside a different record. On an error nothing was written; a storage
/// failure part way leaves what was written (every write adds, none
/// replaces) and says so.
pub fn restore(
    text: &str,
    kek: &Kek,
    kv: &mut dyn KeyValue,
    copy_suffix: &str,
    by: &str,
    at: &str,
    rng: &mut dyn Random,
) -> Result<Result<Restored, (Restored, StoreError)>, RestoreError> {
    let file = read_file(text)?;
    let plain = crate::security::vault::open_with(
        &kek.0,
        &Sealed {
            n: file.n,
            c: file.c,
        },
        AAD,
    )
    .ok_or(RestoreError::WrongPasswordOrDamaged)?;
    // (Through text, as every other read: a second, byte-reading copy of
    // the JSON reader would grow the app's first download.)
    let contents: Contents = String::from_utf8(plain)
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .ok_or(RestoreError::WrongPasswordOrDamaged)?;
    // Checked before anything is written.
    for (key, entry) in &contents.records {
        if let Ok(stored) = parse_entry(key, entry) {
            crate::record::import::check_label(&stored.draft.label)
                .map_err(RestoreError::LabelTooLong)?;
        }
    }
    let mut done = Restored::default();
    for (key, entry) in contents.records {
        if key.starts_with(DELETED_PREFIX) {
            // A deleted record's tombstone: added when missing, never
            // written over (a deletion happened once).
            let result = match kv.get(&key) {
                Ok(None)
                    if serde_json::from_str::<crate::record::stored::Tombstone>(&entry).is_ok() =>
                {
                    kv.set(&key, &entry).map(|()| done.tombstones += 1)
                }
                Ok(None) => {
                    done.skipped += 1;
                    Ok(())
                }
                Ok(Some(_)) | Err(StoreError::Unreadable(_)) => Ok(()),
                Err(e) => Err(e),
            };
            if let Err(e) = result {
                return Ok(Err((done, e)));
            }
            continue;
        }
        let Ok(mut stored) = parse_entry(&key, &entry) else {
            done.skipped += 1;
            continue;
        };
        // What was restored, by whom and when, is in its history; the rest
        // of the entry comes back as it was.
        let restored =
            crate::record::history::Entry::new(crate::record::history::Kind::Restored, by, at);
        crate::record::history::push(&mut stored.draft, &restored);
        let result = match kv.get(&key) {
            Ok(None) => crate::record::stored::put(kv, &stored).map(|()| done.added += 1),
            Ok(Some(here)) if here == entry => {
                done.unchanged += 1;
                Ok(())
            }
            // Different, or unreadable here: both are kept.
            Ok(Some(_)) | Err(StoreError::Unreadable(_)) => {
                keep_beside(kv, stored.draft, copy_suffix, rng).map(|id| done.kept_both.push(id))
            }
            Err(e) => Err(e),
        };
        if let Err(e) = result {
            return Ok(Err((done, e)));
        }
    }
    Ok(Ok(done))
}

/// Adds the backup's copy of a record under a new id, its label marked.
fn keep_beside(
    kv: &mut dyn KeyValue,
    mut draft: Draft,
    copy_suffix: &str,
    rng: &mut dyn Random,
) -> Result<String, StoreError> {
    draft.id = random_id(rng).map_err(|_| StoreError::NoRandomness)?;
    draft.label.push_str(copy_suffix);
    crate::record::stored::save(kv, &draft, 0).map_err(|e| match e {
        crate::record::stored::SaveError::Store(e) => e,
        _ => StoreError::Full("the copy could not be saved".into()),
    })?;
    Ok(draft.id)
}

/// Whether to remind the coordinator to back up: some record changed after
/// the last backup (every record counts if there was none), and that
/// backup was written before `cutoff` (now minus the reminder's period).
/// With no backup ever, the earliest creation among the records stands in
/// for it, so a device is not nagged on its first day.
///
/// `records` are each record's (created, updated) and the times are ISO
/// 8601 in UTC, compared as text (as the retention period's are): the same
/// instant written with and without milliseconds can compare either way,
/// which moves the reminder by less than a second.
pub fn reminder_due<'a>(
    last_backup: Option<&str>,
    records: impl IntoIterator<Item = (&'a str, &'a str)>,
    cutoff: &str,
) -> bool {
    let mut changed = records
        .into_iter()
        .filter(|(_, updated)| last_backup.is_none_or(|last| *updated > last))
        .peekable();
    if changed.peek().is_none() {
        return false;
    }
    match last_backup {
        Some(last) => last < cutoff,
        None => changed.any(|(created, _)| created < cutoff),
    }
}

#[cfg(test)]
mod tests;
