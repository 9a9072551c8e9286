//! A record's history (its audit trail): who changed what, when, and why.
//! Pure. Kept with its record ([`Draft::history`]) as text, one [`Entry`]
//! per line ([`parse_line`] says how), so the records list (first
//! download) carries it without parsing it; the record form parses it.
//! The record file carries it as a JSON array of entries ([`to_json`]).
//!
//! The rules:
//! - **Append-only.** A written line never changes. The one exception is
//!   the newest line while it is an open edit: consecutive edits of one
//!   field by the same person within [`COALESCE_MS`] of that entry's time
//!   are one entry (its `after` follows the typing), so typing does not
//!   flood storage. [`extends`] is the storage layer's check: a save whose
//!   history drops or rewrites any line but the newest is refused
//!   (`records::save`).
//! - **Attributable.** Every entry carries the screener's initials
//!   ([`initials`]: 2–4 letters, never a name in full).
//! - **Finish and amend.** [`complete`] records who, when and the verdict
//!   at that moment; after it every change needs a [`Reason`] ([`apply`]
//!   refuses without one and keeps nothing), and the record is then
//!   "amended after completion" ([`Status::Amended`]).
//! - Lines this version cannot read (a newer version's entry) are kept as
//!   they are and skipped when shown.

use crate::record::draft::Draft;
pub use crate::record::draft::Status;
use serde::{Deserialize, Serialize};

/// Edits of one field by one person within this long of the entry's time
/// (its first edit) are one entry.
pub const COALESCE_MS: i64 = 60_000;

/// The longest free-text reason kept (characters).
pub const MAX_REASON_CHARS: usize = 200;

/// What an entry records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A new, empty record.
    Created,
    /// Created from a file (`note`: the file's name; `after`: how many of
    /// the file's history entries this version could not read and left
    /// out, when any).
    Imported,
    /// Created as a copy (`note`: the label of the record copied).
    Duplicated,
    /// Brought back from a backup file.
    Restored,
    /// Created from a patient's self-check code (`note`: the self-check's date).
    Scanned,
    /// One input changed (`field`, `before`, `after`).
    Edited,
    /// An answer the patient reported, confirmed by the coordinator (`field`).
    Confirmed,
    /// Marked screening complete (`note`: the outcome at that moment).
    Completed,
}

/// Why a completed record was changed. (Declared in the order offered,
/// [`Reason::ALL`]: `reason as usize` indexes a list of their words.)
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// A value was copied wrongly from the source.
    TranscriptionError,
    /// A new result (a lab, an assessment) came in.
    NewResult,
    /// Clarified with the patient.
    ClarifiedWithPatient,
    /// Something else, said in the free text (which is then required).
    Other,
}

impl Reason {
    /// Every reason, in the order offered.
    pub const ALL: [Reason; 4] = [
        Reason::TranscriptionError,
        Reason::NewResult,
        Reason::ClarifiedWithPatient,
        Reason::Other,
    ];

    /// Its id as stored.
    pub fn id(self) -> &'static str {
        match self {
            Reason::TranscriptionError => "transcription_error",
            Reason::NewResult => "new_result",
            Reason::ClarifiedWithPatient => "clarified_with_patient",
            Reason::Other => "other",
        }
    }

    /// The reason with this id.
    pub fn from_id(id: &str) -> Option<Reason> {
        Reason::ALL.into_iter().find(|r| r.id() == id)
    }
}

/// One line of a record's history. Members that do not apply are left out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// When (ISO 8601, UTC); for a coalesced edit, its first keystroke.
    pub at: String,
    /// The screener's initials.
    pub by: String,
    /// What happened.
    pub kind: Kind,
    /// The input key (`ecog`, `platelet_count.unit`, `label`, `screening_date`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub field: String,
    /// Why a completed record was changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<Reason>,
    /// The reason in the screener's words.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason_text: String,
    /// What the kind says it holds (a label, a file name, a date, an outcome).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The input's text before, as typed ("" when empty).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<String>,
    /// The input's text after, as typed ("" when emptied). Last, so a
    /// coalesced edit changes only the end of its line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
}

impl Entry {
    /// An entry of `kind` by `by` at `at`, with nothing else.
    pub fn new(kind: Kind, by: &str, at: &str) -> Entry {
        Entry {
            at: at.to_string(),
            by: by.to_string(),
            kind,
            field: String::new(),
            reason: None,
            reason_text: String::new(),
            note: String::new(),
            before: None,
            after: None,
        }
    }

    /// The same entry with `note`.
    pub fn with_note(mut self, note: &str) -> Entry {
        self.note = note.to_string();
        self
    }

    /// The entry as one stored line (see [`parse_line`]), with its newline.
    fn line(&self) -> String {
        let reason = self.reason.map_or("", Reason::id);
        let parts = [
            self.at.as_str(),
            &self.by,
            self.kind.id(),
            &self.field,
            reason,
            &self.reason_text,
            &self.note,
            self.before.as_deref().unwrap_or(""),
            self.after.as_deref().unwrap_or(""),
        ];
        let used = parts
            .iter()
            .rposition(|p| !p.is_empty())
            .map_or(0, |i| i + 1);
        let mut line = String::new();
        for (i, part) in parts[..used].iter().enumerate() {
            if i > 0 {
                line.push('|');
            }
            for c in part.chars() {
                match c {
                    '%' => line.push_str("%25"),
                    '|' => line.push_str("%7C"),
                    '\n' => line.push_str("%0A"),
                    '\r' => line.push_str("%0D"),
                    c => line.push(c),
                }
            }
        }
        line.push('\n');
        line
    }
}

impl Kind {
    const ALL: [Kind; 8] = [
        Kind::Created,
        Kind::Imported,
        Kind::Duplicated,
        Kind::Restored,
        Kind::Scanned,
        Kind::Edited,
        Kind::Confirmed,
        Kind::Completed,
    ];

    /// Its id, as stored and exported.
    pub fn id(self) -> &'static str {
        match self {
            Kind::Created => "created",
            Kind::Imported => "imported",
            Kind::Duplicated => "duplicated",
            Kind::Restored => "restored",
            Kind::Scanned => "scanned",
            Kind::Edited => "edited",
            Kind::Confirmed => "confirmed",
            Kind::Completed => "completed",
        }
    }
}

/// Reads one stored line: `at|by|kind|field|reason|reason_text|note|before|after`,
/// empty members at the end left out, `%`, `|`, newline and carriage
/// return inside a member written `%25`, `%7C`, `%0A`, `%0D`. (Not JSON:
/// the line is itself inside the record's JSON, where every quote of a
/// JSON line would cost an escape; this is about half the size.) `after`
/// is last, so a coalesced edit changes only the line's end. `None` for a
/// line this version cannot read.
pub fn parse_line(line: &str) -> Option<Entry> {
    let mut parts = line.split('|').map(|p| {
        if !p.contains('%') {
            return p.to_string();
        }
        p.replace("%7C", "|")
            .replace("%0A", "\n")
            .replace("%0D", "\r")
            .replace("%25", "%")
    });
    let mut next = || parts.next().unwrap_or_default();
    let (at, by, kind) = (next(), next(), next());
    let kind = Kind::ALL.into_iter().find(|k| k.id() == kind)?;
    let (field, reason, reason_text, note) = (next(), next(), next(), next());
    let reason = if reason.is_empty() {
        None
    } else {
        Some(Reason::from_id(&reason)?)
    };
    let (before, after) = (next(), next());
    let edit = kind == Kind::Edited;
    let left_out = kind == Kind::Imported && !after.is_empty();
    Some(Entry {
        at,
        by,
        kind,
        field,
        reason,
        reason_text,
        note,
        before: edit.then_some(before),
        after: (edit || left_out).then_some(after),
    })
}

/// Why a change was not kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refused {
    /// No valid initials (2–4 letters).
    NoInitials,
    /// The record was marked complete: a change needs a reason.
    ReasonRequired,
    /// "Other" needs the reason in words.
    ReasonTextRequired,
    /// Already marked complete.
    AlreadyComplete,
}

/// Who is changing the record, and why (after completion).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Who {
    /// Initials, as [`initials`] returns them.
    pub by: String,
    /// Now (ISO 8601, UTC).
    pub at: String,
    /// The reason for changing a completed record, with the free text.
    pub reason: Option<(Reason, String)>,
}

/// Initials as typed, made canonical: 2–4 letters (A–Z, any case; spaces
/// and dots dropped), upper case. Anything else is refused: the app keeps
/// initials, never a name in full.
pub fn initials(typed: &str) -> Option<String> {
    let letters: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '.')
        .collect();
    let n = letters.chars().count();
    ((2..=4).contains(&n) && letters.chars().all(|c| c.is_ascii_alphabetic()))
        .then(|| letters.to_ascii_uppercase())
}

/// The entries of a history text, oldest first; a line this version cannot
/// read is skipped (and kept in the text).
pub fn entries(text: &str) -> Vec<Entry> {
    text.lines().filter_map(parse_line).collect()
}

/// The lines of `text` that can no longer change: all but the newest.
fn closed(text: &str) -> &str {
    let body = text.strip_suffix('\n').unwrap_or(text);
    body.rfind('\n').map_or("", |i| &text[..=i])
}

/// Whether `new` is `old` with entries added (and its newest entry
/// possibly extended): the storage layer's append-only check. A history
/// that drops or changes an earlier line is not, nor one that drops the
/// newest entry. (The newest entry's own rules, that only its `after`
/// changes while it is open, are [`apply`]'s: this check sees text.)
pub fn extends(old: &str, new: &str) -> bool {
    // (Checked on every save, in the first download: kept to plain
    // string operations.)
    let kept = closed(old);
    new == old || (new.starts_with(kept) && new.len() > kept.len())
}

/// Appends `entry` to the history.
pub fn push(draft: &mut Draft, entry: &Entry) {
    if !draft.history.is_empty() && !draft.history.ends_with('\n') {
        draft.history.push('\n');
    }
    draft.history.push_str(&entry.line());
}

/// Milliseconds since 1970 of an ISO 8601 UTC timestamp
/// (`YYYY-MM-DDTHH:MM:SS[.sss]Z`), if it is one.
fn millis(iso: &str) -> Option<i64> {
    let num = |r: std::ops::Range<usize>| iso.get(r)?.parse::<i64>().ok();
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (hh, mm, ss) = (num(11..13)?, num(14..16)?, num(17..19)?);
    let ms = if iso.get(19..20) == Some(".") {
        num(20..23).unwrap_or(0)
    } else {
        0
    };
    // Days from civil (Howard Hinnant's algorithm).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(((days * 24 + hh) * 60 + mm) * 60_000 + ss * 1000 + ms)
}

/// Records one input's change: a new entry, or the newest one extended
/// when it is an edit of the same field by the same person, for the same
/// reason, begun less than [`COALESCE_MS`] ago.
fn record_edit(draft: &mut Draft, key: &str, before: &str, after: &str, who: &Who) {
    let (reason, reason_text) = who
        .reason
        .clone()
        .map_or((None, String::new()), |(r, t)| (Some(r), t));
    let body = draft.history.trim_end_matches('\n');
    let newest_start = body.rfind('\n').map_or(0, |i| i + 1);
    if let Some(mut last) = parse_line(&body[newest_start..])
        && last.kind == Kind::Edited
        && last.field == key
        && last.by == who.by
        && last.reason == reason
        && last.reason_text == reason_text
        && let (Some(then), Some(now)) = (millis(&last.at), millis(&who.at))
        && (0..COALESCE_MS).contains(&(now - then))
    {
        last.after = Some(after.to_string());
        draft.history.truncate(newest_start);
        draft.history.push_str(&last.line());
        return;
    }
    let mut entry = Entry::new(Kind::Edited, &who.by, &who.at);
    entry.field = key.to_string();
    entry.reason = reason;
    entry.reason_text = reason_text;
    entry.before = Some(before.to_string());
    entry.after = Some(after.to_string());
    push(draft, &entry);
}

/// Checks who is changing the record and why, before anything is kept.
fn check(draft: &Draft, who: &Who) -> Result<(), Refused> {
    if initials(&who.by).as_deref() != Some(who.by.as_str()) {
        return Err(Refused::NoInitials);
    }
    if Status::of(draft).is_complete() {
        match &who.reason {
            None => return Err(Refused::ReasonRequired),
            Some((Reason::Other, t)) if t.trim().is_empty() => {
                return Err(Refused::ReasonTextRequired);
            }
            Some(_) => {}
        }
    }
    Ok(())
}

/// Records in `after`'s history every input (and the label and screening
/// date) that differs from `before`, the stored version, and every answer
/// the patient reported that is no longer marked without being changed
/// (confirmed). Returns how many changes there were. With no change,
/// nothing is checked or written.
///
/// A completed record needs a reason: without one the change is refused
/// and `after` is left as it was given (the caller keeps what was typed on
/// screen and asks). With one, the record becomes amended.
pub fn apply(before: &Draft, after: &mut Draft, who: &Who) -> Result<usize, Refused> {
    let mut changes: Vec<(String, String, String)> = Vec::new();
    let mut note = |key: &str, b: &str, a: &str| {
        if b != a {
            changes.push((key.to_string(), b.to_string(), a.to_string()));
        }
    };
    note("label", &before.label, &after.label);
    note(
        "screening_date",
        &before.screening_date,
        &after.screening_date,
    );
    for (key, b) in &before.inputs {
        note(key, b, after.input(key));
    }
    for (key, a) in &after.inputs {
        if !before.inputs.contains_key(key) {
            note(key, "", a);
        }
    }
    let confirmed: Vec<String> = before
        .reported_keys()
        .filter(|k| !after.is_patient_reported(k))
        .filter(|k| {
            !changes.iter().any(|(c, _, _)| {
                crate::record::draft::field_of(c) == crate::record::draft::field_of(k)
            })
        })
        .map(|k| crate::record::draft::field_of(k).to_string())
        .fold(Vec::new(), |mut v, f| {
            if !v.contains(&f) {
                v.push(f);
            }
            v
        });
    if changes.is_empty() && confirmed.is_empty() {
        return Ok(0);
    }
    check(before, who)?;
    // The stored history is the base: what the caller's copy says about it
    // is not trusted (append-only).
    after.history = before.history.clone();
    after.status = before.status;
    for (key, b, a) in &changes {
        record_edit(after, key, b, a, who);
    }
    for field in &confirmed {
        let mut entry = Entry::new(Kind::Confirmed, &who.by, &who.at);
        entry.field = field.clone();
        push(after, &entry);
    }
    if Status::of(after).is_complete() {
        after.status = Status::Amended;
    }
    Ok(changes.len() + confirmed.len())
}

/// Marks the record complete: who, when, and `outcome` (the verdict at
/// that moment, as `Outcome::as_str` writes it).
pub fn complete(draft: &mut Draft, by: &str, at: &str, outcome: &str) -> Result<(), Refused> {
    if Status::of(draft).is_complete() {
        return Err(Refused::AlreadyComplete);
    }
    check(
        draft,
        &Who {
            by: by.to_string(),
            at: at.to_string(),
            reason: None,
        },
    )?;
    push(
        draft,
        &Entry::new(Kind::Completed, by, at).with_note(outcome),
    );
    draft.status = Status::Completed;
    Ok(())
}

/// Starts a new record's history with how it came to be (`kind` and its
/// `note`). An imported file's own history is kept before the new entry
/// (shown as "as stated in the file", [`witnessed_from`]), and the status
/// is what that history says (a completed record stays completed:
/// changing it needs a reason); the entry says how many of the file's entries were
/// `left_out` (unreadable to this version), if any; a copy starts afresh
/// and in progress (it is another record, its source's history stays with
/// the source).
pub fn begin(draft: &mut Draft, kind: Kind, note: &str, left_out: usize, by: &str, at: &str) {
    let mut entry = Entry::new(kind, by, at).with_note(note);
    if kind == Kind::Imported {
        entry.after = (left_out > 0).then(|| left_out.to_string());
    } else {
        draft.history.clear();
    }
    push(draft, &entry);
    // What the history says, never what a file claims beside it.
    draft.status = status_of(&draft.history);
}

/// The newest entry's time and initials, if any: who last changed the
/// record and when (FHIR's `author` and `authored`).
pub fn last_change(text: &str) -> Option<(String, String)> {
    entries(text).pop().map(|e| (e.at, e.by))
}

/// Where this device's own record of a history begins: the index of its
/// newest `Imported` or `Restored` entry (0 when it has none). Every entry
/// before it came from a file, and is shown and exported as "as stated in
/// the file": this device did not witness it.
pub fn witnessed_from(entries: &[Entry]) -> usize {
    entries
        .iter()
        .rposition(|e| matches!(e.kind, Kind::Imported | Kind::Restored))
        .unwrap_or(0)
}

/// The history as a JSON array (for the record file), readable entries
/// only; an entry this device did not witness ([`witnessed_from`]) carries
/// `"as_stated_in_file": true`.
pub fn to_json(text: &str) -> serde_json::Value {
    let all = entries(text);
    let from = witnessed_from(&all);
    serde_json::Value::Array(
        all.into_iter()
            .enumerate()
            .filter_map(|(i, e)| {
                let mut json = serde_json::to_value(e).ok()?;
                if i < from
                    && let Some(map) = json.as_object_mut()
                {
                    map.insert("as_stated_in_file".into(), true.into());
                }
                Some(json)
            })
            .collect(),
    )
}

/// An entry of a file's history whose author is not initials (none, or a
/// name): the file is refused, naming it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnsignedEntry {
    /// Its position in the file's history, from 1.
    pub number: usize,
    /// Its kind as the file says it.
    pub kind: String,
    /// Its time as the file says it.
    pub at: String,
    /// Its author as the file says it ("" when none).
    pub by: String,
}

/// The history from a record file's `history` array, as text: every entry
/// this version can read, and how many it could not (a newer version's
/// kind: left out and counted). An entry without valid initials as its
/// author is not left out quietly: the whole history is refused, each such
/// entry named, since an audit trail with an unattributed entry cannot be
/// trusted at all.
pub fn from_json(json: &serde_json::Value) -> Result<(String, usize), Vec<UnsignedEntry>> {
    let mut text = String::new();
    let mut unreadable = 0;
    let mut unsigned = Vec::new();
    for (i, item) in json
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .enumerate()
    {
        let member = |name: &str| {
            item.get(name)
                .and_then(serde_json::Value::as_str)
                .unwrap_or("")
                .to_string()
        };
        let by = member("by");
        if initials(&by).as_deref() != Some(by.as_str()) {
            unsigned.push(UnsignedEntry {
                number: i + 1,
                kind: member("kind"),
                at: member("at"),
                by,
            });
            continue;
        }
        match serde_json::from_value::<Entry>(item.clone()) {
            Ok(e) => text.push_str(&e.line()),
            Err(_) => unreadable += 1,
        }
    }
    if unsigned.is_empty() {
        Ok((text, unreadable))
    } else {
        Err(unsigned)
    }
}

/// The status a history says: complete from its newest completion, and
/// amended once a change with a reason follows it.
pub fn status_of(text: &str) -> Status {
    let mut status = Status::InProgress;
    for e in entries(text) {
        match e.kind {
            Kind::Completed => status = Status::Completed,
            Kind::Edited | Kind::Confirmed if e.reason.is_some() && status.is_complete() => {
                status = Status::Amended;
            }
            _ => {}
        }
    }
    status
}

/// Why storage refuses to write a record: the audit trail's own rules,
/// checked on every save whatever the caller did (`records::save`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TrailBroken {
    /// A written entry was changed or dropped (the newest may only grow as
    /// the same person's typing of the same field within the minute).
    Rewritten,
    /// An input (or the label, the screening date, a patient's mark)
    /// changed without an entry saying so: its key.
    NotRecorded(String),
    /// The status is not what the history says.
    StatusNotRecorded,
    /// A new record without an entry saying how it came to be.
    NoBeginning,
}

/// The one line of `text` starting at byte `at` (without its newline).
fn line_at(text: &str, at: usize) -> &str {
    let rest = text.get(at..).unwrap_or("");
    rest.split('\n').next().unwrap_or("")
}

/// Checks that `new` may be stored over `stored`: its history extends the
/// stored one (entries appended; the newest stored entry unchanged, or
/// extended as the same person's typing of the same field begun less than
/// [`COALESCE_MS`] before `new.updated`, its author, field, reason and
/// `before` unchanged); every input, the label and the screening date
/// that differ are the `after` of an entry added or extended now; every
/// patient's mark removed is confirmed or changed by one; and the status
/// is what the history says.
pub fn check_save(stored: &Draft, new: &Draft) -> Result<(), TrailBroken> {
    if !extends(&stored.history, &new.history) {
        return Err(TrailBroken::Rewritten);
    }
    let kept = closed(&stored.history).len();
    let old_newest = line_at(&stored.history, kept);
    let new_same = line_at(&new.history, kept);
    // The entries this save adds or extends: what accounts for its changes.
    let mut touched: Vec<Entry> = Vec::new();
    if !old_newest.is_empty() && old_newest != new_same {
        let (Some(was), Some(now)) = (parse_line(old_newest), parse_line(new_same)) else {
            return Err(TrailBroken::Rewritten);
        };
        let same_typing = was.kind == Kind::Edited
            && now.kind == Kind::Edited
            && (was.at.as_str(), was.by.as_str(), was.field.as_str())
                == (now.at.as_str(), now.by.as_str(), now.field.as_str())
            && was.before == now.before
            && (was.reason, &was.reason_text) == (now.reason, &now.reason_text)
            && was.note == now.note
            && matches!(
                (millis(&now.at), millis(&new.updated)),
                (Some(then), Some(saved)) if (0..COALESCE_MS).contains(&(saved - then))
            );
        if !same_typing {
            return Err(TrailBroken::Rewritten);
        }
        touched.push(now);
    }
    let added_from = if old_newest.is_empty() || old_newest != new_same {
        kept + new_same.len()
    } else {
        kept + old_newest.len()
    };
    touched.extend(entries(new.history.get(added_from..).unwrap_or("")));
    // Every difference is the `after` of the last entry touching its key.
    let recorded = |key: &str, value: &str| {
        touched
            .iter()
            .rev()
            .find(|e| e.kind == Kind::Edited && e.field == key)
            .is_some_and(|e| e.after.as_deref() == Some(value))
    };
    let mut changed: Vec<(&str, &str, &str)> = vec![
        ("label", &stored.label, &new.label),
        (
            "screening_date",
            &stored.screening_date,
            &new.screening_date,
        ),
    ];
    for (key, before) in &stored.inputs {
        changed.push((key, before, new.input(key)));
    }
    for (key, after) in &new.inputs {
        if !stored.inputs.contains_key(key) {
            changed.push((key, "", after));
        }
    }
    for (key, before, after) in changed {
        if before != after && !recorded(key, after) {
            return Err(TrailBroken::NotRecorded(key.to_string()));
        }
    }
    // A patient's mark is only ever removed, by a confirmation or a change.
    for key in new.reported_keys() {
        if !stored.is_patient_reported(key) {
            return Err(TrailBroken::NotRecorded(key.to_string()));
        }
    }
    for key in stored.reported_keys() {
        let field = crate::record::draft::field_of(key);
        let cleared = !new.is_patient_reported(key)
            && !touched.iter().any(|e| {
                matches!(e.kind, Kind::Confirmed | Kind::Edited)
                    && crate::record::draft::field_of(&e.field) == field
            });
        if cleared {
            return Err(TrailBroken::NotRecorded(key.to_string()));
        }
    }
    if new.status != status_of(&new.history) {
        return Err(TrailBroken::StatusNotRecorded);
    }
    Ok(())
}

/// Checks a record stored for the first time: its history says how it
/// came to be (an entry of its creation, import, copy, scan or restore),
/// and its status is what the history says. (Typing done before the first
/// save, while storage was full, is recorded after that entry.)
pub fn check_new(new: &Draft) -> Result<(), TrailBroken> {
    let begins = entries(&new.history).iter().any(|e| {
        matches!(
            e.kind,
            Kind::Created | Kind::Imported | Kind::Duplicated | Kind::Scanned | Kind::Restored
        )
    });
    if !begins {
        return Err(TrailBroken::NoBeginning);
    }
    if new.status != status_of(&new.history) {
        return Err(TrailBroken::StatusNotRecorded);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_are_two_to_four_letters_in_capitals() {
        assert_eq!(initials("ab").as_deref(), Some("AB"));
        assert_eq!(initials(" j.k.r ").as_deref(), Some("JKR"));
        assert_eq!(initials("A"), None);
        assert_eq!(initials("Alice"), None);
        assert_eq!(initials("A1"), None);
        assert_eq!(initials("李明"), None);
    }

    #[test]
    fn the_time_arithmetic_reads_iso_timestamps() {
        assert_eq!(millis("1970-01-01T00:00:00.000Z"), Some(0));
        assert_eq!(
            millis("2026-12-01T00:00:59.999Z").unwrap() - millis("2026-12-01T00:00:00Z").unwrap(),
            59_999
        );
        assert_eq!(
            millis("2024-03-01T00:00:00Z").unwrap() - millis("2024-02-28T00:00:00Z").unwrap(),
            2 * 86_400_000
        );
        assert_eq!(millis("yesterday"), None);
    }
}
