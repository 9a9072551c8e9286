//! Records as stored: one key per record, `ctit/record/<id>`, holding
//! `{"schema": 2, "protocol": …, "rev": n, "draft": {...}}`. `rev` grows by
//! one on every save; a save whose base revision is older than the stored
//! one is refused as a conflict, so two tabs never silently overwrite each
//! other. An entry that cannot be read is reported ([`Broken`]) and left
//! exactly as it is; an entry of an older schema is migrated. Pure: the
//! store comes in as a [`KeyValue`].

use crate::drafts::Draft;
use crate::keys::{APP_PREFIX, RECORD_PREFIX, record_key};
use crate::store::{KeyValue, StoreError};
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
            draft,
            protocol: crate::PROTOCOL_TEXT_VERSION.to_string(),
            read_only: false,
            migrated_from: None,
        }
    }
}

/// Migrates an entry of an older schema to the current one (a pure function
/// from old JSON to new). Schema 1 → 2 adds `protocol`: schema 1 was only
/// ever written under the current criteria text.
pub fn migrate(mut json: Json) -> Result<Json, Unreadable> {
    loop {
        match json.get("schema").and_then(Json::as_u64) {
            Some(SCHEMA) => return Ok(json),
            Some(1) => {
                json["protocol"] = Json::String(crate::PROTOCOL_TEXT_VERSION.to_string());
                json["schema"] = Json::from(2u64);
            }
            _ => return Err(Unreadable::WrongShape("unknown schema version".into())),
        }
    }
}

/// Why a stored entry could not be read. The entry is left untouched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unreadable {
    /// Not JSON.
    NotJson(String),
    /// JSON, but not a record entry of this app (wrong shape or types).
    WrongShape(String),
    /// Written by a newer version of the app.
    NewerSchema(u64),
    /// The draft inside names another id than its key.
    IdMismatch,
    /// Sealed, but it does not open with this device's key (altered, or
    /// moved here from another key or device).
    CannotOpen,
    /// In the clear under a record key although a passcode protects this
    /// device's records: not written by this app as it should be (e.g. by a
    /// tab that had not yet seen the passcode), so it is not trusted.
    NotSealed,
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
    /// (histories are append-only, `crate::history::extends`): nothing is
    /// written.
    HistoryRewritten,
}

/// Saves a draft over revision `base_rev` (0 for a new record) and returns
/// the new revision. Refuses, without writing, when the stored revision is
/// not `base_rev` (another tab saved in between) or is unreadable.
///
/// The stored entry is checked by its schema, record id and revision only
/// (the draft in it is not rebuilt: this is on every keystroke's path). An
/// entry carrying this schema, id and revision is the one this tab wrote.
pub fn save(kv: &mut dyn KeyValue, draft: &Draft, base_rev: u64) -> Result<u64, SaveError> {
    let key = record_key(&draft.id);
    let stored = kv.get(&key).map_err(|e| match e {
        StoreError::Unreadable(why) => SaveError::Unreadable(why),
        e => SaveError::Store(e),
    })?;
    if let Some(text) = stored {
        if let Some(history) = our_revision(&text, &draft.id, base_rev) {
            if !crate::history::extends(&history, &draft.history) {
                return Err(SaveError::HistoryRewritten);
            }
            return write_revision(kv, &key, draft, base_rev);
        }
        let stored = parse_entry(&key, &text).map_err(SaveError::Unreadable)?;
        if stored.read_only {
            return Err(SaveError::Unreadable(Unreadable::NewerSchema(SCHEMA + 1)));
        }
        if stored.rev != base_rev {
            return Err(SaveError::Conflict {
                stored: Box::new(stored),
            });
        }
        if !crate::history::extends(&stored.draft.history, &draft.history) {
            return Err(SaveError::HistoryRewritten);
        }
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
    let text = entry_text(draft, crate::PROTOCOL_TEXT_VERSION, rev).map_err(SaveError::Store)?;
    kv.set(key, &text).map_err(SaveError::Store)?;
    Ok(rev)
}

/// The part of a stored entry a save checks before writing over it.
#[derive(Deserialize)]
struct Head<'a> {
    schema: u64,
    rev: u64,
    #[serde(borrow)]
    draft: HeadDraft<'a>,
}

#[derive(Deserialize)]
struct HeadDraft<'a> {
    #[serde(borrow)]
    id: std::borrow::Cow<'a, str>,
    // (Its text is escaped JSON, so it could never be borrowed.)
    #[serde(default)]
    history: String,
}

/// The stored history, if `text` is the entry this app saved for record
/// `id` at revision `rev` (the common case on every keystroke's save): read
/// without building the stored draft. Anything else (another revision,
/// another schema, an unreadable entry) goes through [`parse_entry`], which
/// says what it is.
fn our_revision(text: &str, id: &str, rev: u64) -> Option<String> {
    serde_json::from_str::<Head>(text)
        .ok()
        .filter(|h| h.schema == SCHEMA && h.rev == rev && h.draft.id == id)
        .map(|h| h.draft.history)
}

/// Writes `stored` under its key as it is (its revision and criteria-text
/// version kept): a record restored from a backup onto a device without it.
pub fn put(kv: &mut dyn KeyValue, stored: &Stored) -> Result<(), StoreError> {
    let text = entry_text(&stored.draft, &stored.protocol, stored.rev)?;
    kv.set(&record_key(&stored.draft.id), &text)
}

/// Removes a record.
pub fn delete(kv: &mut dyn KeyValue, id: &str) -> Result<(), StoreError> {
    kv.remove(&record_key(id))
}

/// Removes everything this app stored on the device (every `ctit/` key),
/// and nothing else. Returns how many keys were removed.
pub fn wipe(kv: &mut dyn KeyValue) -> Result<usize, StoreError> {
    let keys: Vec<String> = kv
        .keys()?
        .into_iter()
        .filter(|k| k.starts_with(APP_PREFIX))
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
mod tests {
    use super::*;
    use crate::drafts::tests::draft;
    use crate::store::MemoryStore;

    #[test]
    fn saves_grow_the_revision_and_refuse_stale_writes() {
        let mut kv = MemoryStore::default();
        let mut d = draft();
        assert_eq!(save(&mut kv, &d, 0), Ok(1));
        d.label = "S-001".into();
        assert_eq!(save(&mut kv, &d, 1), Ok(2));
        // Another tab still on revision 1.
        let stale = save(&mut kv, &draft(), 1);
        assert!(
            matches!(stale, Err(SaveError::Conflict { stored }) if stored.rev == 2 && stored.draft.label == "S-001")
        );
    }

    #[test]
    fn a_save_never_writes_over_an_entry_it_cannot_read_or_did_not_write() {
        let mut kv = MemoryStore::default();
        for stored in [
            "{\"schema\":2,\"rev\":1,\"draft\":", // cut off
            "{\"schema\":2,\"rev\":1,\"draft\":{\"id\":\"other\"}}",
            "{\"schema\":3,\"protocol\":\"p\",\"rev\":1,\"draft\":{\"id\":\"r1\"}}",
        ] {
            kv.set("ctit/record/r1", stored).unwrap();
            assert!(save(&mut kv, &draft(), 1).is_err(), "{stored}");
            assert_eq!(kv.get("ctit/record/r1").unwrap().as_deref(), Some(stored));
        }
    }

    #[test]
    fn an_older_schema_is_migrated_and_written_back() {
        let mut kv = MemoryStore::default();
        let old = "{\"schema\":1,\"rev\":4,\"draft\":{\"id\":\"r1\",\"label\":\"OLD\",\"inputs\":{\"ecog\":\"1\"}}}";
        kv.set("ctit/record/r1", old).unwrap();
        let cat = load_all(&mut kv).unwrap();
        assert_eq!(cat.drafts[0].draft.label, "OLD");
        assert_eq!(cat.drafts[0].rev, 4);
        let now = kv.get("ctit/record/r1").unwrap().unwrap();
        let json: Json = serde_json::from_str(&now).unwrap();
        assert_eq!(json["schema"], 2);
        assert_eq!(json["protocol"], crate::PROTOCOL_TEXT_VERSION);
        assert_eq!(json["draft"]["inputs"]["ecog"], "1");
    }

    #[test]
    fn a_newer_schema_is_shown_read_only_and_never_written_over() {
        let mut kv = MemoryStore::default();
        let newer =
            "{\"schema\":7,\"rev\":2,\"future\":true,\"draft\":{\"id\":\"r1\",\"label\":\"NEW\"}}";
        kv.set("ctit/record/r1", newer).unwrap();
        let cat = load_all(&mut kv).unwrap();
        assert!(cat.drafts[0].read_only);
        assert!(save(&mut kv, &draft(), 2).is_err());
        assert_eq!(kv.get("ctit/record/r1").unwrap().as_deref(), Some(newer));
    }

    #[test]
    fn wipe_removes_only_this_apps_keys() {
        let mut kv = MemoryStore::default();
        save(&mut kv, &draft(), 0).unwrap();
        kv.set("ctit/settings/lang", "zh").unwrap();
        kv.set("someone-else", "x").unwrap();
        assert_eq!(wipe(&mut kv), Ok(2));
        assert_eq!(kv.keys().unwrap(), vec!["someone-else".to_string()]);
    }

    #[test]
    fn unreadable_entries_are_reported_and_kept() {
        let mut kv = MemoryStore::default();
        save(&mut kv, &draft(), 0).unwrap();
        kv.set("ctit/record/bad", "{\"schema\":1,\"rev\":").unwrap();
        kv.set("ctit/record/new", "{\"schema\":9,\"rev\":1,\"draft\":{}}")
            .unwrap();
        kv.set("other-app", "whatever").unwrap();
        let cat = load_all(&mut kv).unwrap();
        assert_eq!(cat.drafts.len(), 1);
        let mut broken: Vec<&Broken> = cat.broken.iter().collect();
        broken.sort_by(|a, b| a.key.cmp(&b.key));
        let keys: Vec<&str> = broken.iter().map(|b| b.key.as_str()).collect();
        assert_eq!(keys, ["ctit/record/bad", "ctit/record/new"]);
        assert_eq!(broken[1].why, Unreadable::NewerSchema(9));
        assert_eq!(
            kv.get("ctit/record/bad").unwrap().as_deref(),
            Some("{\"schema\":1,\"rev\":")
        );
        // A save over an unreadable entry is refused, not written.
        let mut d = draft();
        d.id = "bad".into();
        assert!(matches!(
            save(&mut kv, &d, 0),
            Err(SaveError::Unreadable(_))
        ));
    }
}
