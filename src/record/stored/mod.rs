//! Records as stored: one key per record, `ctit/record/<id>`, holding
//! `{"schema": 2, "protocol": …, "rev": n, "draft": {...}}`. `rev` grows by
//! one on every save; a save whose base revision is older than the stored
//! one is refused as a conflict, so two tabs never silently overwrite each
//! other. An entry that cannot be read is reported ([`Broken`]) and left
//! exactly as it is; an entry of an older schema is migrated. Pure: the
//! store comes in as a [`KeyValue`].

use crate::record::draft::Draft;
use crate::storage::Unreadable;
use crate::storage::keys::{
    APP_PREFIX, DELETED_PREFIX, JOURNAL_SEQ_KEY, RECORD_PREFIX, record_key,
};
use crate::storage::{KeyValue, StoreError};
use serde::{Deserialize, Serialize};
use serde_json::Value as Json;

/// The storage schema written by this version. Schema 1 had no `protocol`;
/// schema 2 records the criteria-text version a record was screened under.
pub const SCHEMA: u64 = 2;

#[derive(Serialize, Deserialize)]
struct Entry {
    schema: u64,
    protocol: String,
    rev: u64,
    draft: Draft,
}

/// A draft as stored, with its revision.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stored {
    /// The stored revision (grows by one on every save).
    pub rev: u64,
    /// The draft.
    pub draft: Draft,
    /// The criteria-text version the record was stored under.
    pub protocol: String,
    /// Written by a newer version of the app: shown, never written over.
    pub read_only: bool,
    /// The older schema it was migrated from on reading, if any.
    pub migrated_from: Option<u64>,
}

impl Stored {
    /// A draft just saved (or kept in memory) by this version, at `rev`.
    pub fn fresh(draft: Draft, rev: u64) -> Stored {
        Stored {
            rev,
            protocol: draft.criteria().source.to_string(),
            draft,
            read_only: false,
            migrated_from: None,
        }
    }
}

/// Migrates an entry of an older schema to the current one (a pure function
/// from old JSON to new). Schema 1 → 2 adds `protocol`: schema 1 was only
/// ever written under the first criteria text (version 1's).
pub fn migrate(mut json: Json) -> Result<Json, Unreadable> {
    loop {
        match json.get("schema").and_then(Json::as_u64) {
            Some(SCHEMA) => return Ok(json),
            Some(1) => {
                json["protocol"] = Json::String(
                    crate::engine::pack::builtin::nct07063225_v1::PACK
                        .source
                        .into(),
                );
                json["schema"] = Json::from(2u64);
            }
            _ => return Err(Unreadable::WrongShape("unknown schema version".into())),
        }
    }
}

/// An entry that could not be read, with its key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Broken {
    /// The storage key, exactly.
    pub key: String,
    /// What is wrong.
    pub why: Unreadable,
}

/// Reads one stored entry (migrating an older schema in memory).
pub fn parse_entry(key: &str, text: &str) -> Result<Stored, Unreadable> {
    // The common case (an entry of this schema), read straight into its
    // struct without building a JSON tree: it is on every save's path.
    let direct = match serde_json::from_str::<Entry>(text) {
        Ok(entry) if entry.schema == SCHEMA => return current(entry, key, None),
        Ok(_) => None,
        Err(e) => Some(e),
    };
    let json: Json = serde_json::from_str(text).map_err(|e| Unreadable::NotJson(e.to_string()))?;
    match json.get("schema").and_then(Json::as_u64) {
        Some(s) if s > SCHEMA => {
            // A newer app wrote it: show it if its draft is still readable,
            // but never write over it.
            let draft: Draft = json
                .get("draft")
                .and_then(|d| from_tree(d).ok())
                .ok_or(Unreadable::NewerSchema(s))?;
            if record_key(&draft.id) != key {
                return Err(Unreadable::NewerSchema(s));
            }
            let rev = json.get("rev").and_then(Json::as_u64).unwrap_or(0);
            let protocol = json
                .get("protocol")
                .and_then(Json::as_str)
                .unwrap_or("")
                .to_string();
            Ok(Stored {
                rev,
                draft,
                protocol,
                read_only: true,
                migrated_from: None,
            })
        }
        // This schema, yet not readable as an entry: why was said above.
        Some(SCHEMA) => Err(Unreadable::WrongShape(
            direct.map_or_else(String::new, |e| e.to_string()),
        )),
        Some(s @ 1..) => {
            let entry: Entry =
                from_tree(&migrate(json)?).map_err(|e| Unreadable::WrongShape(e.to_string()))?;
            current(entry, key, Some(s))
        }
        _ => Err(Unreadable::WrongShape("no schema version".into())),
    }
}

/// An entry of the current schema (read as is, or migrated from
/// `migrated_from`), if it is the record its key names.
fn current(entry: Entry, key: &str, migrated_from: Option<u64>) -> Result<Stored, Unreadable> {
    if record_key(&entry.draft.id) != key {
        return Err(Unreadable::IdMismatch);
    }
    Ok(Stored {
        rev: entry.rev,
        draft: entry.draft,
        protocol: entry.protocol,
        read_only: false,
        migrated_from,
    })
}

/// Reads a struct out of a JSON tree by way of its text. Only the rare
/// entries (an older or newer schema) come here, and reading them with the
/// same text deserializer as every other entry spares the browser app a
/// second, tree-reading copy of each struct's deserializer.
fn from_tree<T: serde::de::DeserializeOwned>(json: &Json) -> serde_json::Result<T> {
    serde_json::from_str(&json.to_string())
}

/// [`Entry`] by reference, for writing: the same fields in the same order,
/// without copying the draft on every save.
#[derive(Serialize)]
struct EntryRef<'a> {
    schema: u64,
    protocol: &'a str,
    rev: u64,
    draft: &'a Draft,
}

fn entry_text(draft: &Draft, protocol: &str, rev: u64) -> Result<String, StoreError> {
    let entry = EntryRef {
        schema: SCHEMA,
        protocol,
        rev,
        draft,
    };
    serde_json::to_string(&entry).map_err(|e| StoreError::Full(e.to_string()))
}

/// Every stored record, newest first, and every entry that could not be read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Catalogue {
    /// Readable drafts, most recently saved first.
    pub drafts: Vec<Stored>,
    /// Entries under the record prefix that could not be read (kept as
    /// they are), in the order the store lists its keys: whoever shows them
    /// sorts them.
    pub broken: Vec<Broken>,
}

/// Loads every record. Unreadable entries are reported, never removed. An
/// entry of an older schema is written back migrated (one atomic write of
/// the new copy under its key; if that fails, the old copy stays and is
/// read again next time).
pub fn load_all(kv: &mut dyn KeyValue) -> Result<Catalogue, StoreError> {
    let mut cat = Catalogue::default();
    for key in kv
        .keys()?
        .into_iter()
        .filter(|k| k.starts_with(RECORD_PREFIX))
    {
        let text = match kv.get(&key) {
            Ok(Some(text)) => Ok(text),
            Ok(None) => continue,
            Err(StoreError::Unreadable(why)) => Err(why),
            Err(e) => return Err(e),
        };
        match text.and_then(|text| parse_entry(&key, &text)) {
            Ok(mut stored) => {
                if stored.migrated_from.is_some()
                    && let Ok(new_text) = entry_text(&stored.draft, &stored.protocol, stored.rev)
                    && kv.set(&key, &new_text).is_ok()
                {
                    stored.migrated_from = None;
                }
                cat.drafts.push(stored)
            }
            Err(why) => cat.broken.push(Broken { key, why }),
        }
    }
    // (Ids are unique, so the order is total and an unstable sort gives
    // the same list, with less code in the first download than a stable one.)
    cat.drafts.sort_unstable_by(|a, b| {
        b.draft
            .updated
            .cmp(&a.draft.updated)
            .then_with(|| a.draft.id.cmp(&b.draft.id))
    });
    Ok(cat)
}

/// Why a save did not happen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// Another tab saved a newer revision since this one was loaded.
    Conflict {
        /// The newer stored revision.
        stored: Box<Stored>,
    },
    /// The stored entry cannot be read; it is not overwritten.
    Unreadable(Unreadable),
    /// Storage failed.
    Store(StoreError),
    /// The draft's history drops or changes an entry already stored
    /// (histories are append-only, `crate::record::history::check_save`): nothing
    /// is written.
    HistoryRewritten,
    /// The draft changes something its history does not record (an input
    /// without an entry, a status the history does not say, a new record
    /// without its first entry): nothing is written.
    Unrecorded(crate::record::history::TrailBroken),
}

impl From<crate::record::history::TrailBroken> for SaveError {
    fn from(e: crate::record::history::TrailBroken) -> Self {
        match e {
            crate::record::history::TrailBroken::Rewritten => SaveError::HistoryRewritten,
            e => SaveError::Unrecorded(e),
        }
    }
}

/// Saves a draft over revision `base_rev` (0 for a new record) and returns
/// the new revision. Refuses, without writing, when the stored revision is
/// not `base_rev` (another tab saved in between) or is unreadable, and
/// when the draft breaks its audit trail (`history::check_save`: every
/// change recorded, nothing written rewritten), whatever the caller did.
pub fn save(kv: &mut dyn KeyValue, draft: &Draft, base_rev: u64) -> Result<u64, SaveError> {
    let key = record_key(&draft.id);
    let stored = kv.get(&key).map_err(|e| match e {
        StoreError::Unreadable(why) => SaveError::Unreadable(why),
        e => SaveError::Store(e),
    })?;
    match stored {
        Some(text) => {
            let stored = parse_entry(&key, &text).map_err(SaveError::Unreadable)?;
            if stored.read_only {
                return Err(SaveError::Unreadable(Unreadable::NewerSchema(SCHEMA + 1)));
            }
            if stored.rev != base_rev {
                return Err(SaveError::Conflict {
                    stored: Box::new(stored),
                });
            }
            crate::record::history::check_save(&stored.draft, draft)?;
        }
        None => crate::record::history::check_new(draft)?,
    }
    write_revision(kv, &key, draft, base_rev)
}

/// Writes `draft` under `key` as the revision after `base_rev`.
fn write_revision(
    kv: &mut dyn KeyValue,
    key: &str,
    draft: &Draft,
    base_rev: u64,
) -> Result<u64, SaveError> {
    let rev = base_rev + 1;
    // The text of the criteria that judge it: its own version's.
    let text = entry_text(draft, draft.criteria().source, rev).map_err(SaveError::Store)?;
    kv.set(key, &text).map_err(SaveError::Store)?;
    Ok(rev)
}

/// Writes `stored` under its key as it is (its revision and criteria-text
/// version kept): a record restored from a backup onto a device without it.
pub fn put(kv: &mut dyn KeyValue, stored: &Stored) -> Result<(), StoreError> {
    let text = entry_text(&stored.draft, &stored.protocol, stored.rev)?;
    kv.set(&record_key(&stored.draft.id), &text)
}

/// Why a record was deleted. (Declared in the order offered.)
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeletionReason {
    /// Created by mistake, or for the wrong person.
    EnteredInError,
    /// The same screening recorded twice.
    Duplicate,
    /// Past the site's retention period (exported first).
    RetentionPeriod,
    /// Something else, said in the free text (which is then required).
    Other,
}

impl DeletionReason {
    /// Every reason, in the order offered.
    pub const ALL: [DeletionReason; 4] = [
        DeletionReason::EnteredInError,
        DeletionReason::Duplicate,
        DeletionReason::RetentionPeriod,
        DeletionReason::Other,
    ];

    /// Its id, as stored and exported.
    pub fn id(self) -> &'static str {
        match self {
            DeletionReason::EnteredInError => "entered_in_error",
            DeletionReason::Duplicate => "duplicate",
            DeletionReason::RetentionPeriod => "retention_period",
            DeletionReason::Other => "other",
        }
    }
}

/// What is left of a deleted record: which record (its label and
/// screening date, and its outcome then), who deleted it, when and why.
/// Kept under [`DELETED_PREFIX`] and the record's id, carried by the
/// screening log and by backups; the record itself is gone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tombstone {
    /// The deleted record's id.
    pub id: String,
    /// Its label.
    #[serde(default)]
    pub label: String,
    /// Its screening date, as typed.
    #[serde(default)]
    pub screening_date: String,
    /// Its outcome when deleted (`Outcome::as_str`, or `invalid`).
    #[serde(default)]
    pub outcome: String,
    /// Who deleted it (initials).
    pub by: String,
    /// When (ISO 8601, UTC).
    pub at: String,
    /// Why.
    pub reason: DeletionReason,
    /// Why, in the screener's words.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason_text: String,
}

impl Tombstone {
    /// Its row of the screening log: its label, date and outcome when
    /// deleted, and when, by whom and why.
    pub fn log_row(&self) -> crate::interop::log::LogRow {
        let reason = if self.reason_text.is_empty() {
            self.reason.id().to_string()
        } else {
            format!("{}: {}", self.reason.id(), self.reason_text)
        };
        crate::interop::log::LogRow {
            label: self.label.clone(),
            // Kept as typed; logged as the record form read it.
            screening_date: crate::record::dates::understood(&self.screening_date)
                .map_or_else(|| self.screening_date.clone(), |d| d.to_string()),
            outcome: self.outcome.clone(),
            failing: Vec::new(),
            unknown: Vec::new(),
            earliest_eligible: None,
            criteria_text: crate::PROTOCOL_TEXT_VERSION,
            deleted: Some(crate::interop::log::Deleted {
                at: self.at.clone(),
                by: self.by.clone(),
                reason,
            }),
        }
    }
}

/// Why a deletion was refused. Nothing was removed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DeleteError {
    /// No valid initials (2–4 letters).
    NoInitials,
    /// "Other" needs the reason in words.
    ReasonTextRequired,
    /// Storage failed (the tombstone could not be written, or the record
    /// not removed: the tombstone is then removed again).
    Store(StoreError),
}

/// The storage key of the tombstone of the record with this id.
pub fn tombstone_key(id: &str) -> String {
    format!("{DELETED_PREFIX}{id}")
}

/// Deletes a record, leaving its tombstone: who, when and why are checked
/// (initials; words for "other") and written first, then the record is
/// removed. If the removal fails the tombstone is taken back, so the two
/// never disagree.
pub fn delete(kv: &mut dyn KeyValue, tombstone: &Tombstone) -> Result<(), DeleteError> {
    if crate::record::history::initials(&tombstone.by).as_deref() != Some(tombstone.by.as_str()) {
        return Err(DeleteError::NoInitials);
    }
    if tombstone.reason == DeletionReason::Other && tombstone.reason_text.trim().is_empty() {
        return Err(DeleteError::ReasonTextRequired);
    }
    let key = tombstone_key(&tombstone.id);
    let text = serde_json::to_string(tombstone)
        .map_err(|e| DeleteError::Store(StoreError::Full(e.to_string())))?;
    kv.set(&key, &text).map_err(DeleteError::Store)?;
    if let Err(e) = kv.remove(&record_key(&tombstone.id)) {
        let _ = kv.remove(&key);
        return Err(DeleteError::Store(e));
    }
    Ok(())
}

/// Every tombstone on the device (one that cannot be read is skipped:
/// it stays as it is), oldest deletion first.
pub fn tombstones(kv: &dyn KeyValue) -> Result<Vec<Tombstone>, StoreError> {
    let mut out = Vec::new();
    for key in kv
        .keys()?
        .into_iter()
        .filter(|k| k.starts_with(DELETED_PREFIX))
    {
        if let Ok(Some(text)) = kv.get(&key)
            && let Ok(t) = serde_json::from_str::<Tombstone>(&text)
            && tombstone_key(&t.id) == key
        {
            out.push(t);
        }
    }
    out.sort_by(|a, b| a.at.cmp(&b.at).then_with(|| a.id.cmp(&b.id)));
    Ok(out)
}

/// Removes everything this app stored on the device (every `ctit/` key but
/// the typing journal's counter), and nothing else. Returns how many keys
/// were removed.
///
/// The typing journal's counter is the journal's to remove
/// (`web/journal.js`): it goes once the journal holds nothing that could
/// bring the wiped records back. Removed here, a crash (or a journal that
/// could not open) would leave old entries with no counter to rank them,
/// and the next start would replay them.
pub fn wipe(kv: &mut dyn KeyValue) -> Result<usize, StoreError> {
    let keys: Vec<String> = kv
        .keys()?
        .into_iter()
        .filter(|k| k.starts_with(APP_PREFIX) && k != JOURNAL_SEQ_KEY)
        .collect();
    for k in &keys {
        kv.remove(k)?;
    }
    Ok(keys.len())
}

/// Records last saved before `cutoff` (an ISO 8601 timestamp): due for
/// export and deletion under the retention period.
pub fn older_than<'a>(cat: &'a Catalogue, cutoff: &str) -> Vec<&'a Stored> {
    cat.drafts
        .iter()
        .filter(|s| s.draft.updated.as_str() < cutoff)
        .collect()
}

#[cfg(test)]
mod tests;
