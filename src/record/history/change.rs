//! Recording changes in a history: an input's edit (typing coalesced),
//! the checks before anything is kept, marking complete, and a new
//! record's first entry.

use super::*;

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

/// What `after` holds that `before`, the stored version, does not: every
/// input (and the label and screening date) that differs, as its key, text
/// before and text after, and every field whose answer the patient reported
/// is no longer marked without being changed (confirmed).
struct Differences {
    changes: Vec<(String, String, String)>,
    confirmed: Vec<String>,
}

impl Differences {
    fn between(before: &Draft, after: &Draft) -> Differences {
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
        Differences { changes, confirmed }
    }

    fn count(&self) -> usize {
        self.changes.len() + self.confirmed.len()
    }
}

/// Whether `after` holds a change that `before`, the stored version, does
/// not: what [`apply`] would record (a new time of saving alone is none).
pub fn differs(before: &Draft, after: &Draft) -> bool {
    Differences::between(before, after).count() > 0
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
    let differences = Differences::between(before, after);
    if differences.count() == 0 {
        return Ok(0);
    }
    check(before, who)?;
    // The stored history is the base: what the caller's copy says about it
    // is not trusted (append-only).
    after.history = before.history.clone();
    after.status = before.status;
    for (key, b, a) in &differences.changes {
        record_edit(after, key, b, a, who);
    }
    for field in &differences.confirmed {
        let mut entry = Entry::new(Kind::Confirmed, &who.by, &who.at);
        entry.field = field.clone();
        push(after, &entry);
    }
    if Status::of(after).is_complete() {
        after.status = Status::Amended;
    }
    Ok(differences.count())
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
