//! The stored records' tests: saves, conflicts, migrations, unreadable entries, deletions, natively.

use super::*;
use crate::record::draft::tests::draft;
use crate::storage::MemoryStore;

#[test]
fn saves_grow_the_revision_and_refuse_stale_writes() {
    let mut kv = MemoryStore::default();
    let d = draft();
    assert_eq!(save(&mut kv, &d, 0), Ok(1));
    let d = crate::record::draft::tests::edited(&d, "label", "S-001");
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
fn a_deletion_needs_initials_and_a_reason_and_leaves_a_tombstone() {
    let mut kv = MemoryStore::default();
    let mut d = draft();
    d.label = "S-004".into();
    let d = crate::record::draft::tests::created(d);
    save(&mut kv, &d, 0).unwrap();
    let tomb = |by: &str, reason, text: &str| Tombstone {
        id: "r1".into(),
        label: "S-004".into(),
        screening_date: "2026-11-25".into(),
        outcome: "incomplete".into(),
        by: by.into(),
        at: "2026-12-02T10:00:00.000Z".into(),
        reason,
        reason_text: text.into(),
    };
    assert_eq!(
        delete(&mut kv, &tomb("", DeletionReason::Duplicate, "")),
        Err(DeleteError::NoInitials)
    );
    assert_eq!(
        delete(&mut kv, &tomb("AB", DeletionReason::Other, " ")),
        Err(DeleteError::ReasonTextRequired)
    );
    assert_eq!(
        load_all(&mut kv).unwrap().drafts.len(),
        1,
        "nothing deleted"
    );
    let t = tomb("AB", DeletionReason::EnteredInError, "");
    assert_eq!(delete(&mut kv, &t), Ok(()));
    assert!(load_all(&mut kv).unwrap().drafts.is_empty());
    assert_eq!(tombstones(&kv).unwrap(), vec![t]);
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
fn wipe_leaves_the_typing_journals_counter_to_the_journal() {
    let mut kv = MemoryStore::default();
    save(&mut kv, &draft(), 0).unwrap();
    kv.set(JOURNAL_SEQ_KEY, "mfx1 7").unwrap();
    assert_eq!(wipe(&mut kv), Ok(1));
    assert_eq!(kv.keys().unwrap(), vec![JOURNAL_SEQ_KEY.to_string()]);
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
