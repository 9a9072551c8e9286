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

mod change;
mod check;
mod files;
#[cfg(test)]
mod tests;

pub use change::{apply, begin, complete, differs, last_change};
pub use check::{TrailBroken, check_new, check_save, status_of};
pub use files::{UnsignedEntry, from_json, to_json, witnessed_from};

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
    pub(super) fn line(&self) -> String {
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
pub(super) fn closed(text: &str) -> &str {
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
pub(super) fn millis(iso: &str) -> Option<i64> {
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
