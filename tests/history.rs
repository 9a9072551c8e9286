//! A record's history, natively: coalescing, an entry for every kind of
//! change, the reason a completed record needs, the round trip through the
//! record file (which `screen` reads as before), FHIR's status and author,
//! and the append-only promise held by storage.

use ctit_screening::engine::Record;
use ctit_screening::record::draft::Draft;
use ctit_screening::record::export::{Trail, fhir_file, record_file};
use ctit_screening::record::history::{
    self, Entry, Kind, Reason, Refused, Status, Who, apply, begin, complete, entries,
};
use ctit_screening::record::import::{ImportError, import_record};
use ctit_screening::record::stored::{SaveError, load_all, save};
use ctit_screening::storage::{KeyValue, MemoryStore};

const T0: &str = "2026-12-01T09:00:00.000Z";

fn who(by: &str, at: &str) -> Who {
    Who {
        by: by.into(),
        at: at.into(),
        reason: None,
    }
}

fn new_record() -> Draft {
    let mut d = Draft::new("r1", "2026-12-01", T0);
    begin(&mut d, Kind::Created, "", 0, "AB", T0);
    d
}

/// `before` with one input typed, recorded as `w`.
fn typed(before: &Draft, key: &str, text: &str, w: &Who) -> Result<Draft, Refused> {
    let mut after = before.clone();
    after.set_input(key, text);
    apply(before, &mut after, w).map(|_| after)
}

#[test]
fn typing_one_field_within_a_minute_is_one_entry_with_the_first_and_last_text() {
    let mut d = new_record();
    d.set_input("ecog", "1");
    d.history = new_record().history;
    // "2", "21", then back to "2" just inside the minute.
    for (text, at) in [
        ("2", "2026-12-01T09:01:00.000Z"),
        ("21", "2026-12-01T09:01:00.400Z"),
        ("2", "2026-12-01T09:01:59.000Z"),
    ] {
        d = typed(&d, "rhtpo_days", text, &who("AB", at)).unwrap();
    }
    let e = entries(&d.history);
    assert_eq!(e.len(), 2, "{}", d.history);
    assert_eq!(e[1].kind, Kind::Edited);
    assert_eq!(e[1].field, "rhtpo_days");
    assert_eq!(e[1].before.as_deref(), Some(""));
    assert_eq!(e[1].after.as_deref(), Some("2"));
    assert_eq!(
        e[1].at, "2026-12-01T09:01:00.000Z",
        "the entry keeps its first time"
    );
}

#[test]
fn another_field_another_person_or_a_minute_later_starts_a_new_entry() {
    let d = new_record();
    let d = typed(&d, "ecog", "1", &who("AB", "2026-12-01T09:01:00.000Z")).unwrap();
    // A minute after the entry began.
    let d = typed(&d, "ecog", "2", &who("AB", "2026-12-01T09:02:00.000Z")).unwrap();
    // Another person.
    let d = typed(&d, "ecog", "3", &who("CD", "2026-12-01T09:02:01.000Z")).unwrap();
    // Another field, then back to the first: not consecutive.
    let d = typed(
        &d,
        "rhtpo_days",
        "9",
        &who("CD", "2026-12-01T09:02:02.000Z"),
    )
    .unwrap();
    let d = typed(&d, "ecog", "1", &who("CD", "2026-12-01T09:02:03.000Z")).unwrap();
    let e = entries(&d.history);
    let edits: Vec<(&str, &str, &str, &str)> = e[1..]
        .iter()
        .map(|e| {
            (
                e.by.as_str(),
                e.field.as_str(),
                e.before.as_deref().unwrap(),
                e.after.as_deref().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        edits,
        [
            ("AB", "ecog", "", "1"),
            ("AB", "ecog", "1", "2"),
            ("CD", "ecog", "2", "3"),
            ("CD", "rhtpo_days", "", "9"),
            ("CD", "ecog", "3", "1"),
        ]
    );
}

#[test]
fn every_kind_of_change_is_an_entry() {
    for (kind, note) in [
        (Kind::Created, ""),
        (Kind::Imported, "s-001.json"),
        (Kind::Duplicated, "S-001"),
        (Kind::Scanned, "2026-11-30"),
    ] {
        let mut d = Draft::new("r1", "2026-12-01", T0);
        begin(&mut d, kind, note, 0, "AB", T0);
        let e = entries(&d.history);
        assert_eq!(
            (e[0].kind, e[0].note.as_str(), e[0].by.as_str()),
            (kind, note, "AB")
        );
    }
    let mut d = new_record();
    // The label, the screening date, a unit.
    let mut after = d.clone();
    after.label = "S-9".into();
    after.screening_date = "2026-12-02".into();
    after.set_input("platelet_count.unit", "10^9/L");
    assert_eq!(
        apply(&d, &mut after, &who("AB", "2026-12-01T09:00:01.000Z")),
        Ok(3)
    );
    d = after;
    // A patient's answer confirmed without being changed.
    d.mark_reported("ecog");
    d.set_input("ecog", "1");
    let mut after = d.clone();
    after.confirm("ecog");
    assert_eq!(
        apply(&d, &mut after, &who("AB", "2026-12-01T09:00:02.000Z")),
        Ok(1)
    );
    d = after;
    complete(&mut d, "AB", "2026-12-01T09:10:00.000Z", "eligible").unwrap();
    let kinds: Vec<(Kind, String)> = entries(&d.history)
        .into_iter()
        .map(|e| (e.kind, if e.field.is_empty() { e.note } else { e.field }))
        .collect();
    assert_eq!(
        kinds,
        [
            (Kind::Created, String::new()),
            (Kind::Edited, "label".into()),
            (Kind::Edited, "screening_date".into()),
            (Kind::Edited, "platelet_count.unit".into()),
            (Kind::Confirmed, "ecog".into()),
            (Kind::Completed, "eligible".into()),
        ]
    );
    assert_eq!(Status::of(&d), Status::Completed);
}

#[test]
fn a_copy_starts_its_own_history_in_progress() {
    let mut source = new_record();
    complete(&mut source, "AB", "2026-12-01T09:10:00.000Z", "eligible").unwrap();
    let mut copy = source.clone();
    begin(
        &mut copy,
        Kind::Duplicated,
        "S-001",
        0,
        "CD",
        "2026-12-01T10:00:00.000Z",
    );
    assert_eq!(Status::of(&copy), Status::InProgress);
    let e = entries(&copy.history);
    assert_eq!(e.len(), 1);
    assert_eq!((e[0].kind, e[0].note.as_str()), (Kind::Duplicated, "S-001"));
}

#[test]
fn without_initials_nothing_is_kept() {
    let d = new_record();
    for bad in ["", "A", "Alice", "A1"] {
        let mut after = d.clone();
        after.set_input("ecog", "1");
        assert_eq!(
            apply(&d, &mut after, &who(bad, T0)),
            Err(Refused::NoInitials),
            "{bad:?}"
        );
    }
}

#[test]
fn a_completed_record_needs_a_reason_and_is_then_amended() {
    let mut d = new_record();
    d = typed(&d, "ecog", "1", &who("AB", "2026-12-01T09:01:00.000Z")).unwrap();
    complete(&mut d, "AB", "2026-12-01T09:10:00.000Z", "eligible").unwrap();
    assert_eq!(
        complete(&mut d.clone(), "AB", "2026-12-01T09:11:00.000Z", "eligible"),
        Err(Refused::AlreadyComplete)
    );
    // No reason: refused, and nothing about the record changes.
    let kept = d.clone();
    let mut after = d.clone();
    after.set_input("ecog", "2");
    assert_eq!(
        apply(&d, &mut after, &who("AB", "2026-12-01T09:12:00.000Z")),
        Err(Refused::ReasonRequired)
    );
    assert_eq!(
        (after.history.as_str(), after.status.as_str()),
        (kept.history.as_str(), "completed")
    );
    // "Other" needs words.
    let mut w = who("CD", "2026-12-01T09:12:00.000Z");
    w.reason = Some((Reason::Other, "  ".into()));
    assert_eq!(
        apply(&d, &mut after.clone(), &w),
        Err(Refused::ReasonTextRequired)
    );
    // With a reason: kept, the reason in the entry, the record amended.
    w.reason = Some((Reason::NewResult, "repeat ECOG at visit 2".into()));
    let mut after = d.clone();
    after.set_input("ecog", "2");
    assert_eq!(apply(&d, &mut after, &w), Ok(1));
    let last = entries(&after.history).pop().unwrap();
    assert_eq!(last.reason, Some(Reason::NewResult));
    assert_eq!(last.reason_text, "repeat ECOG at visit 2");
    assert_eq!(
        (last.before.as_deref(), last.after.as_deref()),
        (Some("1"), Some("2"))
    );
    assert_eq!(Status::of(&after), Status::Amended);
}

#[test]
fn a_change_never_rewrites_an_earlier_entry_whatever_the_form_sends() {
    let d = new_record();
    let d = typed(&d, "ecog", "1", &who("AB", "2026-12-01T09:01:00.000Z")).unwrap();
    let d = typed(
        &d,
        "rhtpo_days",
        "9",
        &who("AB", "2026-12-01T09:01:10.000Z"),
    )
    .unwrap();
    // The form's copy of the history was tampered with: the stored one is
    // the base, so the tampering has no effect.
    let mut after = d.clone();
    after.history = after.history.replace("|AB|", "|ZZ|");
    after.set_input("ecog", "2");
    apply(&d, &mut after, &who("AB", "2026-12-01T09:05:00.000Z")).unwrap();
    assert!(after.history.starts_with(&d.history));
    assert!(!after.history.contains("ZZ"));
}

#[test]
fn storage_refuses_a_save_that_changes_or_drops_a_written_entry() {
    let mut kv = MemoryStore::default();
    let d = new_record();
    let d = typed(&d, "ecog", "1", &who("AB", "2026-12-01T09:01:00.000Z")).unwrap();
    let d = typed(
        &d,
        "rhtpo_days",
        "9",
        &who("AB", "2026-12-01T09:01:10.000Z"),
    )
    .unwrap();
    assert_eq!(save(&mut kv, &d, 0), Ok(1));
    let stored = kv.get("ctit/record/r1").unwrap();
    for (what, forged) in [
        (
            "an earlier entry edited",
            d.history.replacen("|AB|", "|ZZ|", 1),
        ),
        (
            "an entry dropped",
            d.history
                .lines()
                .skip(1)
                .map(|l| format!("{l}\n"))
                .collect(),
        ),
        ("the history emptied", String::new()),
    ] {
        let mut f = d.clone();
        f.history = forged;
        assert_eq!(
            save(&mut kv, &f, 1),
            Err(SaveError::HistoryRewritten),
            "{what}"
        );
        assert_eq!(
            kv.get("ctit/record/r1").unwrap(),
            stored,
            "{what}: nothing written"
        );
    }
    // Appending is what a save does.
    let next = typed(&d, "ecog", "2", &who("CD", "2026-12-01T09:03:00.000Z")).unwrap();
    assert_eq!(save(&mut kv, &next, 1), Ok(2));
    let back = load_all(&mut kv).unwrap().drafts.remove(0).draft;
    assert_eq!(entries(&back.history).len(), 4);
}

#[test]
fn export_and_import_keep_the_history_and_screen_reads_the_file_as_before() {
    let mut d = new_record();
    d.label = "S-042".into();
    for (k, v) in [("birth_date", "1960-01-01"), ("ecog", "1")] {
        d = typed(&d, k, v, &who("AB", "2026-12-01T09:01:00.000Z")).unwrap();
    }
    complete(&mut d, "AB", "2026-12-01T09:10:00.000Z", "incomplete").unwrap();
    let record = Record::from_json_value(&d.record_json()).unwrap();
    let trail = Trail {
        status: Status::of(&d),
        history: &d.history,
    };
    let file = record_file(&record, &d.label, Some(&trail));
    let json: serde_json::Value = serde_json::from_str(&file).unwrap();
    assert_eq!(json["status"], "completed");
    assert_eq!(json["history"].as_array().unwrap().len(), 4);
    // The spec's reader ignores the members it does not know.
    let plain = record_file(&record, &d.label, None);
    let reread = Record::from_json_value(&json).unwrap();
    assert_eq!(reread.problems, record.problems);
    assert_eq!(
        ctit_screening::record::export::Verdict::of(&reread).to_line(),
        ctit_screening::record::export::Verdict::of(
            &Record::from_json_value(&serde_json::from_str(&plain).unwrap()).unwrap()
        )
        .to_line()
    );
    // Imported: the same entries, then the import's own; still completed.
    let mut back = import_record(&file, "S-042.json", "r2", "2026-12-02T08:00:00.000Z")
        .unwrap()
        .draft;
    assert_eq!(back.history, d.history);
    begin(
        &mut back,
        Kind::Imported,
        "S-042.json",
        0,
        "CD",
        "2026-12-02T08:00:00.000Z",
    );
    let e = entries(&back.history);
    assert_eq!(e.len(), 5);
    assert_eq!(e[..4], entries(&d.history)[..]);
    assert_eq!((e[4].kind, e[4].by.as_str()), (Kind::Imported, "CD"));
    assert_eq!(Status::of(&back), Status::Completed);
    assert_eq!(back.inputs, d.inputs);
}

#[test]
fn fhir_says_the_records_status_author_and_time_and_keeps_the_screening_date() {
    let mut d = new_record();
    d = typed(&d, "ecog", "1", &who("AB", "2026-12-01T09:01:00.000Z")).unwrap();
    let record = Record::from_json_value(&d.record_json()).unwrap();
    let qr = |d: &Draft| -> serde_json::Value {
        let t = Trail {
            status: Status::of(d),
            history: &d.history,
        };
        serde_json::from_str(&fhir_file(&record, "S-1", Some(&t))).unwrap()
    };
    assert_eq!(qr(&d)["status"], "in-progress");
    complete(&mut d, "CD", "2026-12-01T09:10:00.000Z", "incomplete").unwrap();
    let done = qr(&d);
    assert_eq!(done["status"], "completed");
    assert_eq!(done["author"]["display"], "CD");
    assert_eq!(done["authored"], "2026-12-01T09:10:00.000Z");
    let mut w = who("AB", "2026-12-01T11:00:00.000Z");
    w.reason = Some((Reason::TranscriptionError, String::new()));
    d = typed(&d, "ecog", "2", &w).unwrap();
    assert_eq!(qr(&d)["status"], "amended");
    // Read back, the screening date is the record's, not the time of the change.
    let back = ctit_screening::interop::fhir::record_from_questionnaire_response(&qr(&d)).unwrap();
    assert_eq!(back["screening_date"], "2026-12-01");
}

#[test]
fn a_value_with_the_separators_comes_back_as_typed() {
    let d = new_record();
    let odd = "50% | 2\nlines";
    let d = typed(&d, "label", odd, &who("AB", "2026-12-01T09:01:00.000Z")).unwrap();
    let e = entries(&d.history);
    assert_eq!(e[1].after.as_deref(), Some(odd));
    assert_eq!(d.history.lines().count(), 2);
}

#[test]
fn a_line_this_version_cannot_read_is_kept_and_skipped() {
    let mut d = new_record();
    d.history.push_str("2027-01-01T00:00:00Z|AB|signed\n");
    let stored = d.history.clone();
    let d2 = typed(&d, "ecog", "1", &who("AB", "2027-01-01T00:01:00.000Z")).unwrap();
    assert!(d2.history.starts_with(&stored));
    assert_eq!(entries(&d2.history).len(), 2);
    assert!(history::extends(&stored, &d2.history));
    let _ = Entry::new(Kind::Created, "AB", T0);
}

#[test]
fn an_import_says_how_many_of_the_files_history_entries_it_could_not_read() {
    // A newer version's entry (a kind this one does not know) is left out
    // and counted.
    let file = r#"{"format":"ctit-screening/1","screening_date":"2026-11-25","answers":{},
        "history":[{"at":"2026-11-25T08:00:00.000Z","by":"AB","kind":"created"},
                   {"at":"2026-11-25T08:05:00.000Z","by":"AB","kind":"signed"},
                   {"at":"2026-11-25T08:06:00.000Z","by":"AB","kind":"witnessed","field":"ecog"}]}"#;
    let mut imported = import_record(file, "S-7.json", "r7", T0).unwrap();
    assert_eq!(imported.left_out, 2);
    assert_eq!(entries(&imported.draft.history).len(), 1);
    let d = &mut imported.draft;
    begin(d, Kind::Imported, "S-7.json", imported.left_out, "CD", T0);
    let own = entries(&d.history).pop().unwrap();
    assert_eq!(
        (own.kind, own.note.as_str(), own.after.as_deref()),
        (Kind::Imported, "S-7.json", Some("2"))
    );
    // The count travels with the record: exported and imported again.
    let again = history::from_json(&history::to_json(&d.history));
    assert_eq!(again, Ok((d.history.clone(), 0)));
    // Nothing left out, nothing said.
    let mut clean = new_record();
    begin(&mut clean, Kind::Imported, "S-8.json", 0, "CD", T0);
    assert_eq!(entries(&clean.history).pop().unwrap().after, None);
}

#[test]
fn an_import_refuses_history_entries_without_initials_naming_each() {
    // An entry with no author, or a name where initials belong, cannot be
    // attributed: the file is refused and each such entry named, never
    // left out quietly.
    let file = r#"{"format":"ctit-screening/1","screening_date":"2026-11-25","answers":{},
        "history":[{"at":"2026-11-25T08:00:00.000Z","by":"AB","kind":"created"},
                   {"at":"2026-11-25T08:05:00.000Z","by":"","kind":"completed","note":"eligible"},
                   {"at":"2026-11-25T08:06:00.000Z","by":"Alice Smith","kind":"edited","field":"ecog","before":"","after":"1"}]}"#;
    let refused = import_record(file, "S-7.json", "r7", T0).unwrap_err();
    let ImportError::UnsignedHistory(unsigned) = refused else {
        panic!("{refused:?}");
    };
    let named: Vec<(usize, &str, &str)> = unsigned
        .iter()
        .map(|u| (u.number, u.kind.as_str(), u.by.as_str()))
        .collect();
    assert_eq!(named, [(2, "completed", ""), (3, "edited", "Alice Smith")]);
}

#[test]
fn a_files_status_is_what_its_history_says_not_what_the_file_claims() {
    // "completed" with no completion in the history is in progress…
    let claims = r#"{"format":"ctit-screening/1","screening_date":"2026-11-25","answers":{},
        "status":"completed",
        "history":[{"at":"2026-11-25T08:00:00.000Z","by":"AB","kind":"created"}]}"#;
    let d = import_record(claims, "a.json", "r1", T0).unwrap().draft;
    assert_eq!(Status::of(&d), Status::InProgress);
    // …and a completion in the history is complete, whatever `status` says.
    let hides = r#"{"format":"ctit-screening/1","screening_date":"2026-11-25","answers":{},
        "status":"in-progress",
        "history":[{"at":"2026-11-25T08:00:00.000Z","by":"AB","kind":"created"},
                   {"at":"2026-11-25T08:10:00.000Z","by":"AB","kind":"completed","note":"incomplete"}]}"#;
    let d = import_record(hides, "b.json", "r2", T0).unwrap().draft;
    assert_eq!(Status::of(&d), Status::Completed);
}

#[test]
fn imported_and_restored_history_is_exported_as_stated_in_the_file() {
    let mut d = new_record();
    d = typed(&d, "ecog", "1", &who("AB", "2026-12-01T09:01:00.000Z")).unwrap();
    let record = Record::from_json_value(&d.record_json()).unwrap();
    let trail = Trail {
        status: Status::of(&d),
        history: &d.history,
    };
    let file = record_file(&record, &d.label, Some(&trail));
    // Here, every entry is this device's own.
    let json: serde_json::Value = serde_json::from_str(&file).unwrap();
    assert!(
        json["history"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e.get("as_stated_in_file").is_none())
    );
    // Imported elsewhere, then changed there: what came in the file is
    // "as stated in the file", what that device did is its own.
    let mut back = import_record(&file, "x.json", "r2", T0).unwrap().draft;
    begin(
        &mut back,
        Kind::Imported,
        "x.json",
        0,
        "CD",
        "2026-12-02T08:00:00.000Z",
    );
    let back = typed(&back, "ecog", "2", &who("CD", "2026-12-02T08:01:00.000Z")).unwrap();
    let all = entries(&back.history);
    assert_eq!(history::witnessed_from(&all), 2);
    let exported = history::to_json(&back.history);
    let stated: Vec<bool> = exported
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["as_stated_in_file"] == true)
        .collect();
    assert_eq!(stated, [true, true, false, false]);
}

#[test]
fn storage_refuses_a_change_of_inputs_or_status_without_an_entry() {
    let mut kv = MemoryStore::default();
    let d = new_record();
    let d = typed(&d, "ecog", "1", &who("AB", "2026-12-01T09:01:00.000Z")).unwrap();
    assert_eq!(save(&mut kv, &d, 0), Ok(1));
    let stored = kv.get("ctit/record/r1").unwrap();
    let mut quiet = d.clone();
    quiet.set_input("ecog", "4");
    let mut label = d.clone();
    label.label = "S-999".into();
    let mut done = d.clone();
    done.status = Status::Completed;
    let mut no_entry_at_all = Draft::new("r9", "2026-12-01", T0);
    no_entry_at_all.set_input("ecog", "1");
    for (what, f, rev, refusal) in [
        (
            "an input",
            &quiet,
            1,
            history::TrailBroken::NotRecorded("ecog".into()),
        ),
        (
            "the label",
            &label,
            1,
            history::TrailBroken::NotRecorded("label".into()),
        ),
        (
            "the status",
            &done,
            1,
            history::TrailBroken::StatusNotRecorded,
        ),
        (
            "a new record",
            &no_entry_at_all,
            0,
            history::TrailBroken::NoBeginning,
        ),
    ] {
        assert_eq!(
            save(&mut kv, f, rev),
            Err(SaveError::Unrecorded(refusal)),
            "{what}"
        );
    }
    assert_eq!(kv.get("ctit/record/r1").unwrap(), stored, "nothing written");
    assert_eq!(kv.get("ctit/record/r9").unwrap(), None);
}

#[test]
fn the_newest_entry_grows_only_as_the_same_persons_typing_of_the_same_field_within_the_minute() {
    let mut kv = MemoryStore::default();
    let mut d = new_record();
    d.updated = "2026-12-01T09:01:00.000Z".into();
    let d = typed(&d, "ecog", "1", &who("AB", "2026-12-01T09:01:00.000Z")).unwrap();
    assert_eq!(save(&mut kv, &d, 0), Ok(1));
    // The form's typing, coalesced: allowed.
    let mut next = d.clone();
    next.updated = "2026-12-01T09:01:20.000Z".into();
    let next = typed(&next, "ecog", "2", &who("AB", "2026-12-01T09:01:20.000Z")).unwrap();
    assert_eq!(entries(&next.history).len(), 2, "coalesced");
    // Forged extensions of the newest entry, each with the input to match.
    let line = d.history.lines().last().unwrap().to_string();
    let forge = |from: &str, to: &str, updated: &str| {
        let mut f = next.clone();
        let newest = next.history.lines().last().unwrap();
        let forged = newest.replacen(from, to, 1);
        assert!(from == to || forged != newest, "{from} in {newest}");
        f.history = next.history.replace(newest, &forged);
        f.updated = updated.into();
        f
    };
    assert!(line.contains("|AB|edited|ecog|"));
    for (what, f) in [
        (
            "its author",
            forge("|AB|", "|ZZ|", "2026-12-01T09:01:20.000Z"),
        ),
        (
            "its field",
            forge("|ecog|", "|nyha_class|", "2026-12-01T09:01:20.000Z"),
        ),
        (
            "its before",
            forge("|ecog|||||", "|ecog||||0|", "2026-12-01T09:01:20.000Z"),
        ),
        (
            "past the minute",
            forge("|AB|", "|AB|", "2026-12-01T09:02:30.000Z"),
        ),
    ] {
        assert_eq!(
            save(&mut kv, &f, 1),
            Err(SaveError::HistoryRewritten),
            "{what}"
        );
    }
    assert_eq!(save(&mut kv, &next, 1), Ok(2));
}

/// A realistic history: a record created, every answer of a shared case
/// typed one field after another (20 s apart), five answers corrected,
/// marked complete, and one answer amended with a reason.
fn realistic(id: &str, case: &str) -> Draft {
    let full = import_record(case, "case.json", id, T0).unwrap().draft;
    let mut d = Draft::new(id, &full.screening_date, T0);
    begin(&mut d, Kind::Created, "", 0, "AB", T0);
    let mut second = 0;
    let mut at = || {
        second += 20;
        format!(
            "2026-12-01T{:02}:{:02}:{:02}.000Z",
            9 + second / 3600,
            second / 60 % 60,
            second % 60
        )
    };
    let mut after = d.clone();
    after.label = format!("S-{id}");
    apply(&d, &mut after, &who("AB", &at())).unwrap();
    d = after;
    for (k, v) in &full.inputs {
        d = typed(&d, k, v, &who("AB", &at())).unwrap();
    }
    let keys: Vec<String> = full.inputs.keys().take(5).cloned().collect();
    for k in &keys {
        d = typed(&d, k, "corrected", &who("AB", &at())).unwrap();
        d = typed(&d, k, full.input(k), &who("AB", &at())).unwrap();
    }
    complete(&mut d, "AB", &at(), "eligible").unwrap();
    let mut w = who("CD", &at());
    w.reason = Some((
        Reason::NewResult,
        "repeat count from the morning's sample".into(),
    ));
    typed(&d, &keys[0], "1", &w).unwrap()
}

#[test]
fn two_hundred_records_with_a_realistic_history_fit_the_device() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cases");
    let mut cases: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .filter(|t| import_record(t, "c.json", "x", T0).is_ok_and(|i| i.draft.inputs.len() >= 5))
        .collect();
    cases.sort();
    let mut kv = MemoryStore::default();
    let (mut entries_total, mut history_bytes) = (0, 0);
    for i in 0..200 {
        let d = realistic(&format!("r{i:03}"), &cases[i % cases.len()]);
        entries_total += entries(&d.history).len();
        history_bytes += d.history.len();
        save(&mut kv, &d, 0).unwrap();
    }
    // localStorage counts UTF-16 code units: two bytes per character.
    let chars: usize = kv
        .keys()
        .unwrap()
        .iter()
        .map(|k| k.chars().count() + kv.get(k).unwrap().unwrap().chars().count())
        .sum();
    let bytes = chars * 2;
    eprintln!(
        "200 records, {} history entries ({:.0} per record): {:.2} MB stored (UTF-16), of which history {:.2} MB as typed",
        entries_total,
        entries_total as f64 / 200.0,
        bytes as f64 / 1e6,
        history_bytes as f64 * 2.0 / 1e6
    );
    // Browsers give an origin about 5 MB of localStorage (10 M UTF-16
    // bytes in Chromium): 200 such records leave most of it free.
    assert!(bytes < 3_000_000, "{bytes} bytes");
}
