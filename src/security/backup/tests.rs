//! The backup file's tests: every promise of backing up and restoring, natively.

use super::*;
use crate::record::stored::{load_all, save};
use crate::security::vault::tests::{Counter, TEST_COST as COST, kdf_with};
use crate::storage::MemoryStore;

fn key(password: &str) -> (KdfInput, Kek) {
    kdf_with(password, [4; 16])
}

fn device(n: usize) -> MemoryStore {
    let mut kv = MemoryStore::default();
    for i in 0..n {
        let mut d = crate::record::draft::tests::created(Draft::new(
            &format!("r{i:03}"),
            "2026-11-25",
            "2026-11-25T09:00:00Z",
        ));
        d.label = format!("S-{i:03}");
        d.set_input("ecog", "1");
        save(&mut kv, &d, 0).unwrap();
    }
    kv
}

fn backup_of(kv: &MemoryStore, password: &str) -> String {
    let (input, kek) = key(password);
    write(
        entries(kv).unwrap(),
        "2026-12-01T10:00:00Z",
        &input,
        &kek,
        &mut Counter(0),
    )
    .unwrap()
}

#[test]
fn a_backup_says_nothing_readable_and_restores_every_record_with_a_restored_entry() {
    let mut here = device(200);
    let text = backup_of(&here, "backup pass 1");
    assert!(!text.contains("S-0"), "no label in the clear");
    assert!(text.starts_with("{\"format\":\"ctit-backup\",\"version\":1"));
    let mut wiped = MemoryStore::default();
    let (_, kek) = key("backup pass 1");
    let at = "2026-12-02T09:00:00.000Z";
    let done = restore(
        &text,
        &kek,
        &mut wiped,
        " (restored)",
        "AB",
        at,
        &mut Counter(9),
    )
    .unwrap()
    .unwrap();
    assert_eq!(done.added, 200);
    // Each record as it was (revision, criteria text, every input), its
    // history one entry longer: who restored it, when.
    let mut was = load_all(&mut here).unwrap().drafts;
    let now = load_all(&mut wiped).unwrap().drafts;
    assert_eq!(now.len(), 200);
    for (mut w, n) in was.drain(..).zip(now) {
        let restored =
            crate::record::history::Entry::new(crate::record::history::Kind::Restored, "AB", at);
        crate::record::history::push(&mut w.draft, &restored);
        assert_eq!(n, w);
    }
}

#[test]
fn restoring_over_existing_records_keeps_both_versions_and_overwrites_nothing() {
    let mut kv = device(3);
    let text = backup_of(&kv, "backup pass 1");
    // Since the backup, r001 changed here.
    let d = load_all(&mut kv)
        .unwrap()
        .drafts
        .into_iter()
        .find(|s| s.draft.id == "r001")
        .unwrap();
    let changed = crate::record::draft::tests::edited(&d.draft, "ecog", "2");
    save(&mut kv, &changed, d.rev).unwrap();
    let before = kv.get("ctit/record/r001").unwrap();
    let (_, kek) = key("backup pass 1");
    let done = restore(
        &text,
        &kek,
        &mut kv,
        " (restored)",
        "AB",
        "2026-12-02T09:00:00.000Z",
        &mut Counter(9),
    )
    .unwrap()
    .unwrap();
    assert_eq!(done.unchanged, 2);
    assert_eq!(done.kept_both.len(), 1);
    assert_eq!(
        kv.get("ctit/record/r001").unwrap(),
        before,
        "not overwritten"
    );
    let cat = load_all(&mut kv).unwrap();
    assert_eq!(cat.drafts.len(), 4);
    let copy = cat
        .drafts
        .iter()
        .find(|s| s.draft.id == done.kept_both[0])
        .unwrap();
    assert_eq!(copy.draft.label, "S-001 (restored)");
    assert_eq!(copy.draft.input("ecog"), "1");
}

#[test]
fn a_wrong_password_a_damaged_or_cut_file_and_a_newer_version_change_nothing() {
    let kv = device(2);
    let text = backup_of(&kv, "backup pass 1");
    let (_, right) = key("backup pass 1");
    let (_, wrong) = key("backup pass 2");
    let mut target = device(1);
    let before = entries(&target).unwrap();
    let mut try_it = |t: &str, k: &Kek| {
        restore(
            t,
            k,
            &mut target,
            " (r)",
            "AB",
            "2026-12-02T09:00:00Z",
            &mut Counter(1),
        )
        .map(|_| ())
    };
    assert_eq!(
        try_it(&text, &wrong),
        Err(RestoreError::WrongPasswordOrDamaged)
    );
    let cut = &text[..text.len() - 20];
    assert_eq!(try_it(cut, &right), Err(RestoreError::NotABackup));
    let flipped = text.replacen("\"c\":\"", "\"c\":\"AAAA", 1);
    assert_eq!(
        try_it(&flipped, &right),
        Err(RestoreError::WrongPasswordOrDamaged)
    );
    let newer = text.replacen("\"version\":1", "\"version\":2", 1);
    assert_eq!(try_it(&newer, &right), Err(RestoreError::NewerVersion(2)));
    assert_eq!(
        try_it("{\"records\":[]}", &right),
        Err(RestoreError::NotABackup)
    );
    let mut long = device(0);
    let mut d = crate::record::draft::tests::created(Draft::new(
        "long",
        "2026-11-25",
        "2026-11-25T09:00:00Z",
    ));
    d.label = "L".repeat(crate::record::import::MAX_LABEL_CHARS + 1);
    save(&mut long, &d, 0).unwrap();
    let long = backup_of(&long, "backup pass 1");
    assert_eq!(
        try_it(&long, &right),
        Err(RestoreError::LabelTooLong(
            crate::record::import::MAX_LABEL_CHARS + 1
        ))
    );
    let huge = " ".repeat(MAX_FILE_BYTES + 1);
    assert_eq!(
        try_it(&huge, &right),
        Err(RestoreError::TooLarge(MAX_FILE_BYTES + 1))
    );
    assert_eq!(entries(&target).unwrap(), before);
}

#[test]
fn a_file_that_chooses_a_key_derivation_cost_the_app_never_wrote_is_refused_before_any_work() {
    // A crafted backup could ask a tablet for gigabytes of memory or
    // hours of passes: only the app's own costs are derived.
    let text = backup_of(&device(1), "backup pass 1");
    for (m, t, p) in [
        (4 * 1024 * 1024, 3, 1),
        (64 * 1024, 1_000_000, 1),
        (64 * 1024, 3, 64),
    ] {
        let crafted = text.replacen(
            &format!(
                "\"kdf\":{{\"m_kib\":{},\"t\":{},\"p\":{}}}",
                COST.m_kib, COST.t, COST.p
            ),
            &format!("\"kdf\":{{\"m_kib\":{m},\"t\":{t},\"p\":{p}}}"),
            1,
        );
        assert_ne!(crafted, text);
        assert_eq!(
            kdf_of(&crafted),
            Err(RestoreError::UnknownCost(KdfCost { m_kib: m, t, p }))
        );
    }
}

#[test]
fn a_backup_carries_the_tombstones_of_deleted_records() {
    let mut kv = device(2);
    let t = crate::record::stored::Tombstone {
        id: "r001".into(),
        label: "S-001".into(),
        screening_date: "2026-11-25".into(),
        outcome: "incomplete".into(),
        by: "AB".into(),
        at: "2026-12-01T09:00:00.000Z".into(),
        reason: crate::record::stored::DeletionReason::Duplicate,
        reason_text: String::new(),
    };
    crate::record::stored::delete(&mut kv, &t).unwrap();
    let text = backup_of(&kv, "backup pass 1");
    let mut wiped = MemoryStore::default();
    let (_, kek) = key("backup pass 1");
    let done = restore(
        &text,
        &kek,
        &mut wiped,
        " (r)",
        "CD",
        "2026-12-02T09:00:00Z",
        &mut Counter(3),
    )
    .unwrap()
    .unwrap();
    assert_eq!((done.added, done.tombstones), (1, 1));
    assert_eq!(crate::record::stored::tombstones(&wiped).unwrap(), vec![t]);
}

#[test]
fn the_file_names_the_salt_and_cost_its_key_is_derived_with() {
    let text = backup_of(&device(1), "backup pass 1");
    assert_eq!(kdf_of(&text), Ok((vec![4; 16], COST)));
}

/// (created, updated) of three records; the cutoff is 2026-12-01.
const RECORDS: [(&str, &str); 3] = [
    ("2026-11-01T09:00:00Z", "2026-11-02T09:00:00Z"),
    ("2026-11-10T09:00:00Z", "2026-11-20T09:00:00Z"),
    ("2026-11-28T09:00:00Z", "2026-11-28T09:30:00Z"),
];
const CUTOFF: &str = "2026-12-01T00:00:00Z";

#[test]
fn a_backup_is_due_when_records_changed_since_one_older_than_the_period() {
    assert!(reminder_due(Some("2026-11-15T00:00:00Z"), RECORDS, CUTOFF));
}

#[test]
fn no_reminder_when_nothing_changed_since_the_last_backup_however_old() {
    assert!(!reminder_due(
        Some("2026-11-29T00:00:00Z"),
        RECORDS,
        "2026-12-31T00:00:00Z"
    ));
    assert!(!reminder_due(None, [], CUTOFF));
}

#[test]
fn no_reminder_while_the_last_backup_is_within_the_period() {
    assert!(!reminder_due(Some("2026-12-01T08:00:00Z"), RECORDS, CUTOFF));
}

#[test]
fn never_backed_up_reminds_once_the_first_record_is_older_than_the_period() {
    assert!(reminder_due(None, RECORDS, CUTOFF));
    assert!(!reminder_due(None, RECORDS, "2026-11-01T00:00:00Z"));
    let new_today = ("2026-12-01T09:00:00Z", "2026-12-01T10:00:00Z");
    assert!(!reminder_due(None, [new_today], CUTOFF));
}
