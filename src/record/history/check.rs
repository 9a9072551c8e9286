//! The storage layer's own check of a record's trail (`check_save`,
//! `check_new`) and the status a history says (`status_of`).

use super::*;

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
