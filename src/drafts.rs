//! Drafts: what a coordinator typed, kept exactly (even half-typed), how it
//! becomes a spec §1 record for the engine, and how drafts are stored behind
//! a small key-value trait. Pure: the browser's `localStorage` is one
//! implementation of [`KeyValue`] (in `ui::storage`), [`MemoryStore`] another.
//!
//! Storage layout: one key per record, `ctit/record/<id>`, holding
//! `{"schema": 1, "rev": n, "draft": {...}}`. `rev` grows by one on every
//! save; a save whose base revision is older than the stored one is refused
//! as a conflict, so two tabs never silently overwrite each other. An entry
//! that cannot be read is reported and left exactly as it is.

use crate::engine::dictionary::{FIELDS, Field, FieldDef, Kind};
use crate::engine::record::{FORMAT, PlateletUnit};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value as Json};
use std::collections::{BTreeMap, HashMap};

/// The storage schema written by this version. Schema 1 had no `protocol`;
/// schema 2 records the criteria-text version a record was screened under.
pub const SCHEMA: u64 = 2;
/// Prefix of every record key.
pub const RECORD_PREFIX: &str = "ctit/record/";
/// Prefix of every key this app owns (records, settings).
pub const APP_PREFIX: &str = "ctit/";

/// The unit a platelet count is read in when none was chosen.
pub const DEFAULT_UNIT: PlateletUnit = PlateletUnit::E9PerL;

/// The input key of a platelet field's unit (`platelet_count.unit`).
pub fn unit_key(field: Field) -> String {
    format!("{}.unit", field.id())
}

/// The input key of a lab field's ULN (`alt.uln`).
pub fn uln_key(field: Field) -> String {
    format!("{}.uln", field.id())
}

/// One screening as typed: raw text for every input, so nothing the user
/// typed is ever lost, valid or not.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    /// Stable id (also the storage key's suffix).
    pub id: String,
    /// The coordinator's label: a screening number, never a name.
    #[serde(default)]
    pub label: String,
    /// When it was created (ISO 8601).
    #[serde(default)]
    pub created: String,
    /// When it was last saved (ISO 8601).
    #[serde(default)]
    pub updated: String,
    /// The screening date as typed.
    #[serde(default)]
    pub screening_date: String,
    /// Raw text per input: the field id for the main input, plus
    /// `<id>.unit` and `<id>.uln` for platelet units and lab ULNs. Yes/no
    /// answers are `"yes"` / `"no"`; an empty or absent input is unknown.
    #[serde(default)]
    pub inputs: BTreeMap<String, String>,
}

impl Draft {
    /// A new, empty draft.
    pub fn new(id: &str, screening_date: &str, now: &str) -> Draft {
        Draft {
            id: id.to_string(),
            label: String::new(),
            created: now.to_string(),
            updated: now.to_string(),
            screening_date: screening_date.to_string(),
            inputs: BTreeMap::new(),
        }
    }

    /// The raw text of one input ("" when never typed).
    pub fn input(&self, key: &str) -> &str {
        self.inputs.get(key).map_or("", String::as_str)
    }

    /// Sets one input's raw text (an empty text removes it).
    pub fn set_input(&mut self, key: &str, text: &str) {
        if text.is_empty() {
            self.inputs.remove(key);
        } else {
            self.inputs.insert(key.to_string(), text.to_string());
        }
    }

    /// The draft as a spec §1 record for the engine. Text that is not a
    /// valid value is passed on as it is, so the engine names the problem at
    /// its field; empty inputs are left out (unknown).
    pub fn record_json(&self) -> Json {
        let mut answers = Map::new();
        for def in FIELDS {
            if let Some(v) = self.answer_json(def) {
                answers.insert(def.id.to_string(), v);
            }
        }
        object([
            ("format", Json::String(FORMAT.into())),
            (
                "screening_date",
                Json::String(self.screening_date.trim().into()),
            ),
            ("answers", Json::Object(answers)),
        ])
    }

    fn answer_json(&self, def: &FieldDef) -> Option<Json> {
        let text = self.input(def.id).trim();
        match def.kind {
            Kind::Bool => match text {
                "" => None,
                "yes" => Some(Json::Bool(true)),
                "no" => Some(Json::Bool(false)),
                other => Some(Json::String(other.to_string())),
            },
            Kind::Int { .. } | Kind::Number { .. } => {
                (!text.is_empty()).then(|| number_or_text(text))
            }
            Kind::Date | Kind::Serology | Kind::Sex => {
                (!text.is_empty()).then(|| Json::String(text.to_string()))
            }
            Kind::Platelets => {
                if text.is_empty() {
                    return None;
                }
                let unit = self.input(&unit_key(def.field)).trim();
                let unit = if unit.is_empty() {
                    DEFAULT_UNIT.as_str()
                } else {
                    unit
                };
                Some(object([
                    ("value", number_or_text(text)),
                    ("unit", Json::String(unit.into())),
                ]))
            }
            Kind::Lab => {
                let uln = self.input(&uln_key(def.field)).trim();
                if text.is_empty() && uln.is_empty() {
                    return None;
                }
                let part = |t: &str| {
                    if t.is_empty() {
                        Json::Null
                    } else {
                        number_or_text(t)
                    }
                };
                Some(object([("value", part(text)), ("uln", part(uln))]))
            }
        }
    }
}

/// A JSON object of these members. (Built by hand rather than with `json!`,
/// which turns every value through `serde_json::to_value`: a serializer
/// and a panic path in the browser app's first download for nothing.)
fn object<const N: usize>(members: [(&str, Json); N]) -> Json {
    let mut map = Map::new();
    for (key, value) in members {
        map.insert(key.to_string(), value);
    }
    Json::Object(map)
}

/// A JSON number when the text is one (kept exactly as written), else the text.
fn number_or_text(text: &str) -> Json {
    match serde_json::from_str::<Json>(text) {
        Ok(n @ Json::Number(_)) => n,
        _ => Json::String(text.to_string()),
    }
}

/// The largest record file imported: a complete record is a few KB, so
/// anything larger is not one (and reading it could exhaust a phone).
pub const MAX_IMPORT_BYTES: usize = 1024 * 1024;
/// The longest label kept: a screening number, never a paragraph.
pub const MAX_LABEL_CHARS: usize = 64;

/// Why a file could not be imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// Not JSON, or not a record (with the engine's problems in words).
    NotARecord(Vec<String>),
    /// Larger than [`MAX_IMPORT_BYTES`] (its size in bytes).
    TooLarge(usize),
    /// A label longer than [`MAX_LABEL_CHARS`] (its length in characters).
    LabelTooLong(usize),
}

/// Whether a label is within [`MAX_LABEL_CHARS`]; `Err` with its length.
pub fn check_label(label: &str) -> Result<(), usize> {
    let n = label.chars().count();
    if n > MAX_LABEL_CHARS { Err(n) } else { Ok(()) }
}

/// Reads an exported record (or a worked case `{"record": …}`, or a FHIR
/// `QuestionnaireResponse` this app exported) into a new
/// draft. Record-level problems and unknown field ids refuse the file; a bad
/// value of a known field is kept as typed text, so the field shows its
/// problem after import. `label` comes from the file's top-level `label`,
/// else the file name.
pub fn import_record(
    text: &str,
    file_name: &str,
    id: &str,
    now: &str,
    describe: &dyn Fn(&crate::engine::Problem) -> String,
) -> Result<Draft, ImportError> {
    use crate::engine::{ProblemKind, Record};
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge(text.len()));
    }
    let json: Json = serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| {
        ImportError::NotARecord(vec![describe(&problem_at(
            "",
            ProblemKind::NotJson(e.to_string()),
        ))])
    })?;
    let json = match json.get("record") {
        Some(inner) if inner.is_object() && json.get("format").is_none() => inner.clone(),
        _ => json,
    };
    let json = if json.get("resourceType").is_some() {
        crate::interop::record_from_questionnaire_response(&json)
            .map_err(|e| ImportError::NotARecord(vec![e.0]))?
    } else {
        json
    };
    let fatal: Vec<String> = match Record::from_json_value(&json) {
        Err(problems) => problems.iter().map(describe).collect(),
        Ok(r) => r
            .problems
            .iter()
            .filter(|p| p.kind == ProblemKind::UnknownField)
            .map(describe)
            .collect(),
    };
    if !fatal.is_empty() {
        return Err(ImportError::NotARecord(fatal));
    }
    let mut draft = Draft::new(id, json["screening_date"].as_str().unwrap_or(""), now);
    draft.label = match json.get("label").and_then(Json::as_str) {
        Some(l) => {
            check_label(l).map_err(ImportError::LabelTooLong)?;
            l.to_string()
        }
        // (A long file name is cut, not refused: the user did not type it
        // as a label.)
        None => file_name
            .rsplit_once('.')
            .map_or(file_name, |(stem, _)| stem)
            .chars()
            .take(MAX_LABEL_CHARS)
            .collect(),
    };
    if let Some(answers) = json.get("answers").and_then(Json::as_object) {
        for (id, value) in answers {
            let Some(field) = Field::from_id(id) else {
                continue;
            };
            match (field.def().kind, value) {
                (_, Json::Null) => {}
                (Kind::Platelets, Json::Object(m)) => {
                    draft.set_input(id, &text_of(m.get("value")));
                    draft.set_input(&unit_key(field), &text_of(m.get("unit")));
                }
                (Kind::Lab, Json::Object(m)) => {
                    draft.set_input(id, &text_of(m.get("value")));
                    draft.set_input(&uln_key(field), &text_of(m.get("uln")));
                }
                (_, v) => draft.set_input(id, &text_of(Some(v))),
            }
        }
    }
    Ok(draft)
}

fn problem_at(path: &str, kind: crate::engine::ProblemKind) -> crate::engine::Problem {
    crate::engine::Problem {
        path: path.to_string(),
        field: None,
        kind,
    }
}

/// A JSON value as the text an input would hold.
fn text_of(v: Option<&Json>) -> String {
    match v {
        None | Some(Json::Null) => String::new(),
        Some(Json::Bool(true)) => "yes".into(),
        Some(Json::Bool(false)) => "no".into(),
        Some(Json::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

/// A storage failure, as the browser reports it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// Storage cannot be used at all (blocked by settings or policy).
    Unavailable(String),
    /// Storage is full.
    Full(String),
    /// A passcode protects this device's records and this store holds no
    /// key: a record written now would be in the clear, so nothing is
    /// written (another tab set the passcode, or the app is locked).
    Locked,
    /// The browser's random source failed: nothing that needs fresh
    /// randomness (a nonce, a key, an id) is done, and nothing falls back.
    NoRandomness,
    /// The value is there but must not be read as what it claims to be
    /// (sealed with another key, or in the clear where only sealed values
    /// belong): reported like any unreadable entry, never written over.
    Unreadable(Unreadable),
}

impl std::fmt::Display for StoreError {
    /// The browser's own words for the failure.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Unavailable(m) | StoreError::Full(m) => f.write_str(m),
            StoreError::Locked => f.write_str("locked: a passcode protects these records"),
            StoreError::NoRandomness => f.write_str("the browser's random source failed"),
            StoreError::Unreadable(_) => f.write_str("an entry that cannot be read"),
        }
    }
}

/// A small key-value store (the browser's `localStorage`, or memory).
/// Every call can fail; none may panic.
pub trait KeyValue {
    /// The value of a key, if set.
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    /// Sets a key.
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError>;
    /// Removes a key.
    fn remove(&mut self, key: &str) -> Result<(), StoreError>;
    /// Every key.
    fn keys(&self) -> Result<Vec<String>, StoreError>;
}

/// An in-memory store: for native tests, and the app's fallback when the
/// browser's storage is blocked.
#[derive(Clone, Debug, Default)]
pub struct MemoryStore {
    map: HashMap<String, String>,
}

impl KeyValue for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.map.get(key).cloned())
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.map.insert(key.to_string(), value.to_string());
        Ok(())
    }
    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.map.remove(key);
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.map.keys().cloned().collect())
    }
}

/// The storage key of a record.
pub fn record_key(id: &str) -> String {
    format!("{RECORD_PREFIX}{id}")
}

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
        if is_our_revision(&text, &draft.id, base_rev) {
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
}

/// Whether `text` is the entry this app saved for record `id` at revision
/// `rev` (the common case on every keystroke's save): read without building
/// the stored draft. Anything else (another revision, another schema, an
/// unreadable entry) goes through [`parse_entry`], which says what it is.
fn is_our_revision(text: &str, id: &str, rev: u64) -> bool {
    serde_json::from_str::<Head>(text)
        .is_ok_and(|h| h.schema == SCHEMA && h.rev == rev && h.draft.id == id)
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
    use crate::engine::{Record, Status, evaluate};
    use serde_json::json;

    fn draft() -> Draft {
        Draft::new("r1", "2026-11-25", "2026-11-25T09:00:00Z")
    }

    #[test]
    fn half_typed_values_are_kept_and_reported_by_the_engine() {
        let mut d = draft();
        d.set_input("birth_date", "1961-04");
        d.set_input("ecog", "1.5");
        d.set_input("alt", "35");
        let rec = Record::from_json_value(&d.record_json()).unwrap();
        let bad: Vec<&str> = rec.problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(bad, ["birth_date", "alt", "ecog"]);
        assert_eq!(d.input("birth_date"), "1961-04");
    }

    #[test]
    fn yes_no_and_empty_inputs_map_to_true_false_and_unknown() {
        let mut d = draft();
        d.set_input("diabetes", "no");
        d.set_input("sepsis", "yes");
        d.set_input("platelet_count", "25000");
        d.set_input(&unit_key(Field::PlateletCount), "/uL");
        let j = d.record_json();
        assert_eq!(j["answers"]["diabetes"], json!(false));
        assert_eq!(j["answers"]["sepsis"], json!(true));
        assert!(j["answers"].get("ecog").is_none());
        let report = evaluate(&Record::from_json_value(&j).unwrap());
        assert_eq!(report.criteria[3].status, Status::Pass);
    }

    #[test]
    fn numbers_keep_their_exact_text() {
        let mut d = draft();
        d.set_input("creatinine", "0.15");
        d.set_input(&uln_key(Field::Creatinine), "0.1");
        assert_eq!(
            d.record_json()["answers"]["creatinine"]["value"].to_string(),
            "0.15"
        );
    }

    #[test]
    fn import_reads_exports_and_worked_cases() {
        let describe = |p: &crate::engine::Problem| format!("{p:?}");
        let case = include_str!("../tests/cases/06-platelets-per-microlitre.json");
        let d = import_record(case, "06.json", "x", "now", &describe).unwrap();
        assert_eq!(d.label, "06");
        assert_eq!(d.input(&unit_key(Field::PlateletCount)), "/uL");
        let again = Record::from_json_value(&d.record_json()).unwrap();
        let original: Json = serde_json::from_str(case).unwrap();
        assert_eq!(again, Record::from_json_value(&original["record"]).unwrap());
    }

    #[test]
    fn import_refuses_bad_files_with_reasons() {
        let describe = |p: &crate::engine::Problem| p.path.clone();
        for text in [
            "not json",
            "{\"format\": \"other/1\"}",
            "{\"format\":\"ctit-screening/1\",\"screening_date\":\"2026-11-25\",\"answers\":{\"name\":\"x\"}}",
        ] {
            assert!(
                import_record(text, "f.json", "x", "now", &describe).is_err(),
                "{text}"
            );
        }
        // A bad value of a known field is imported as typed.
        let ok = import_record(
            "{\"format\":\"ctit-screening/1\",\"screening_date\":\"2026-11-25\",\"answers\":{\"ecog\":7}}",
            "f.json",
            "x",
            "now",
            &describe,
        )
        .unwrap();
        assert_eq!(ok.input("ecog"), "7");
    }

    #[test]
    fn import_refuses_oversized_files_and_overlong_labels() {
        let describe = |p: &crate::engine::Problem| p.path.clone();
        let big = format!(
            "{{\"format\":\"ctit-screening/1\",\"screening_date\":\"2026-11-25\",\"answers\":{{}},\"pad\":\"{}\"}}",
            "x".repeat(MAX_IMPORT_BYTES)
        );
        assert!(matches!(
            import_record(&big, "f.json", "x", "now", &describe),
            Err(ImportError::TooLarge(_))
        ));
        let long = format!(
            "{{\"format\":\"ctit-screening/1\",\"screening_date\":\"2026-11-25\",\"answers\":{{}},\"label\":\"{}\"}}",
            "标".repeat(MAX_LABEL_CHARS + 1)
        );
        assert_eq!(
            import_record(&long, "f.json", "x", "now", &describe),
            Err(ImportError::LabelTooLong(MAX_LABEL_CHARS + 1))
        );
        let ok =
            "{\"format\":\"ctit-screening/1\",\"screening_date\":\"2026-11-25\",\"answers\":{}}";
        let name = format!("{}.json", "n".repeat(200));
        let d = import_record(ok, &name, "x", "now", &describe).unwrap();
        assert_eq!(d.label.chars().count(), MAX_LABEL_CHARS);
    }

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
