//! The vault's tests: every promise of the passcode's life, natively;
//! here the sealing and the stores, in `changes` creating, changing,
//! re-keying and removing a vault. (The rules of a passcode are tested in
//! `passcode`.)

mod changes;

use super::*;
use crate::record::draft::Draft;
use crate::record::stored::{load_all, save};
use crate::storage::MemoryStore;
use crate::storage::keys::VAULT_KEY;
use crate::storage::{KeyValue, StoreError, Unreadable};
use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;

/// A cheap cost for tests; the app uses [`KdfCost::CURRENT`].
pub(crate) const TEST_COST: KdfCost = KdfCost {
    m_kib: 64,
    t: 1,
    p: 1,
};

/// A deterministic source for tests (never all zeros).
pub(crate) struct Counter(pub(crate) u8);
impl Random for Counter {
    fn fill(&mut self, buf: &mut [u8]) -> Result<(), NoRandomness> {
        for b in buf {
            self.0 = self.0.wrapping_add(1);
            *b = self.0.max(1);
        }
        Ok(())
    }
}

pub(super) struct Broken;
impl Random for Broken {
    fn fill(&mut self, _: &mut [u8]) -> Result<(), NoRandomness> {
        Err(NoRandomness)
    }
}

/// A cheap key derivation of `pass` with `salt`, as tests need it.
pub(crate) fn kdf_with(pass: &str, salt: [u8; 16]) -> (KdfInput, Kek) {
    let input = KdfInput {
        salt,
        cost: TEST_COST,
    };
    let kek = derive(pass, &input.salt, TEST_COST).unwrap();
    (input, kek)
}

pub(super) fn kdf(pass: &str) -> (KdfInput, Kek) {
    kdf_with(pass, [7; 16])
}

pub(super) fn vault(inner: MemoryStore) -> VaultStore {
    let (input, kek) = kdf("2468 tablet");
    create(Box::new(inner), &input, &kek, Box::new(Counter(0)))
        .map_err(|(_, e)| e)
        .unwrap()
        .0
}

pub(super) fn labelled(id: &str, label: &str) -> Draft {
    let mut d =
        crate::record::draft::tests::created(Draft::new(id, "2026-11-25", "2026-11-25T09:00:00Z"));
    d.label = label.into();
    d
}

pub(super) fn raw(store: &VaultStore, key: &str) -> String {
    store.inner.get(key).unwrap().unwrap_or_default()
}

#[test]
fn the_right_passcode_opens_the_vault_and_a_wrong_one_does_not() {
    let store = vault(MemoryStore::default());
    let meta = read_meta(&raw(&store, VAULT_KEY)).unwrap();
    let (salt, cost) = kdf_input(&meta).unwrap();
    let right = derive("2468 tablet", &salt, cost).unwrap();
    assert_eq!(open(&meta, &right).unwrap().0, store.data_key().clone());
    let wrong = derive("2468 Tablet", &salt, cost).unwrap();
    assert_eq!(open(&meta, &wrong).unwrap_err(), VaultError::WrongPasscode);
}

#[test]
fn records_are_stored_sealed_and_read_back_through_the_drafts_code() {
    let mut store = vault(MemoryStore::default());
    save(&mut store, &labelled("r1", "ZQXJV-7731"), 0).unwrap();
    let text = raw(&store, "ctit/record/r1");
    assert!(!text.contains("ZQXJV"), "{text}");
    assert!(text.contains("\"sealed\":2"));
    let cat = load_all(&mut store).unwrap();
    assert_eq!(cat.drafts[0].draft.label, "ZQXJV-7731");
}

#[test]
fn bad_ciphertext_is_reported_and_kept() {
    let mut store = vault(MemoryStore::default());
    let bad = "{\"sealed\":2,\"n\":\"AAAAAAAAAAAAAAAA\",\"c\":\"AAAA\"}";
    store.inner.set("ctit/record/x", bad).unwrap();
    let cat = load_all(&mut store).unwrap();
    assert_eq!(cat.broken[0].why, Unreadable::CannotOpen);
    assert!(
        save(
            &mut store,
            &crate::record::draft::tests::created(Draft::new("x", "", "")),
            0
        )
        .is_err()
    );
    assert_eq!(raw(&store, "ctit/record/x"), bad);
}

#[test]
fn a_sealed_value_moved_to_another_key_does_not_open() {
    let mut store = vault(MemoryStore::default());
    save(&mut store, &labelled("a", "A-LABEL"), 0).unwrap();
    let moved = raw(&store, "ctit/record/a");
    store.inner.set("ctit/record/b", &moved).unwrap();
    let cat = load_all(&mut store).unwrap();
    assert_eq!(cat.drafts.len(), 1);
    assert_eq!(cat.broken[0].key, "ctit/record/b");
    assert_eq!(cat.broken[0].why, Unreadable::CannotOpen);
}

#[test]
fn a_record_in_the_clear_after_the_vault_exists_is_not_trusted_nor_overwritten() {
    let mut store = vault(MemoryStore::default());
    let plain = serde_json::to_string(&serde_json::json!({
        "schema": 2, "protocol": "p", "rev": 1,
        "draft": {"id": "late", "label": "WRITTEN-IN-THE-CLEAR"}
    }))
    .unwrap();
    store.inner.set("ctit/record/late", &plain).unwrap();
    let cat = load_all(&mut store).unwrap();
    assert!(cat.drafts.is_empty());
    assert_eq!(cat.broken[0].why, Unreadable::NotSealed);
    assert!(save(&mut store, &labelled("late", "x"), 1).is_err());
    assert_eq!(raw(&store, "ctit/record/late"), plain);
}

#[test]
fn a_store_without_the_key_never_writes_a_record_once_a_vault_exists() {
    let sealed = vault(MemoryStore::default());
    // Another tab, opened before the passcode was set: same storage,
    // no key.
    let mut stale = GuardedStore::new(sealed.into_inner());
    let r = save(&mut stale, &labelled("new", "STALE-TAB"), 0);
    assert!(
        matches!(
            r,
            Err(crate::record::stored::SaveError::Store(StoreError::Locked))
        ),
        "{r:?}"
    );
    assert_eq!(stale.get("ctit/record/new").unwrap(), None);
    // What it reads of sealed records is reported, never shown as data.
    let mut with_one = vault(MemoryStore::default());
    save(&mut with_one, &labelled("r1", "SEALED"), 0).unwrap();
    let mut locked = GuardedStore::new(with_one.into_inner());
    let cat = load_all(&mut locked).unwrap();
    assert!(cat.drafts.is_empty());
    assert_eq!(cat.broken.len(), 1);
    // Settings are not records: they are written as before.
    stale.set("ctit/settings/lang", "zh").unwrap();
}

#[test]
fn setting_a_passcode_seals_existing_records_and_lists_nothing_left() {
    let mut inner = MemoryStore::default();
    save(&mut inner, &labelled("r1", "PLAIN-LABEL"), 0).unwrap();
    let (input, kek) = kdf("2468 tablet");
    let (mut store, progress) =
        create(Box::new(inner), &input, &kek, Box::new(Counter(0))).unwrap_or_else(|_| panic!());
    assert_eq!(progress, SealProgress { sealed: 1, left: 0 });
    assert!(!raw(&store, "ctit/record/r1").contains("PLAIN-LABEL"));
    assert_eq!(
        load_all(&mut store).unwrap().drafts[0].draft.label,
        "PLAIN-LABEL"
    );
    assert_eq!(read_meta(&raw(&store, VAULT_KEY)).unwrap().state, None);
}

/// A store with a quota in characters, like the browser's.
#[derive(Default)]
pub(super) struct Quota {
    inner: MemoryStore,
    limit: usize,
}
impl Quota {
    fn used(&self) -> usize {
        self.inner
            .keys()
            .unwrap()
            .iter()
            .map(|k| k.len() + self.inner.get(k).unwrap().unwrap().len())
            .sum()
    }
}
impl KeyValue for Quota {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.inner.get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        let old = self.inner.get(key)?.map_or(0, |v| key.len() + v.len());
        if self.used() - old + key.len() + value.len() > self.limit {
            return Err(StoreError::Full("quota".into()));
        }
        self.inner.set(key, value)
    }
    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.inner.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.inner.keys()
    }
}

#[test]
fn setting_a_passcode_on_a_nearly_full_store_loses_no_record_and_resumes_at_the_next_unlock() {
    let mut quota = Quota {
        limit: usize::MAX,
        ..Quota::default()
    };
    for i in 0..40 {
        save(
            &mut quota,
            &labelled(&format!("r{i:02}"), &format!("LABEL-{i:02}")),
            0,
        )
        .unwrap();
    }
    // Room for the vault's description and a few sealed records only.
    quota.limit = quota.used() * 24 / 20;
    let (input, kek) = kdf("2468 tablet");
    let (mut store, progress) = create(Box::new(quota), &input, &kek, Box::new(Counter(0)))
        .unwrap_or_else(|(_, e)| panic!("{e}"));
    assert!(progress.sealed > 0 && progress.left > 0, "{progress:?}");
    assert_eq!(progress.sealed + progress.left, 40);
    // Every record is still readable, sealed or not.
    let cat = load_all(&mut store).unwrap();
    assert_eq!(cat.drafts.len(), 40, "{:?}", cat.broken);
    assert!(cat.broken.is_empty());

    // "Reload": locked, then unlocked with the passcode; space was
    // freed meanwhile (old records exported and deleted).
    let mut plain = store.into_inner();
    for i in 0..20 {
        plain.remove(&format!("ctit/record/r{i:02}")).unwrap();
    }
    let meta = read_meta(&plain.get(VAULT_KEY).unwrap().unwrap()).unwrap();
    let (key, state) = open(&meta, &kek).unwrap();
    assert_eq!(state.unsealed.len(), progress.left);
    let mut store = VaultStore::unlocked(plain, key, state, Box::new(Counter(50)));
    let again = store.seal_pending();
    assert_eq!(again.left, 0, "{again:?}");
    let cat = load_all(&mut store).unwrap();
    assert_eq!(cat.drafts.len(), 20);
    for i in 20..40 {
        assert!(!raw(&store, &format!("ctit/record/r{i:02}")).contains("LABEL"));
    }
    assert_eq!(read_meta(&raw(&store, VAULT_KEY)).unwrap().state, None);
}

#[test]
fn a_store_too_full_for_the_vault_description_is_left_as_it_was() {
    let mut quota = Quota {
        limit: usize::MAX,
        ..Quota::default()
    };
    save(&mut quota, &labelled("r1", "KEEP-ME"), 0).unwrap();
    quota.limit = quota.used() + 10;
    let (input, kek) = kdf("2468 tablet");
    let Err((base, e)) = create(Box::new(quota), &input, &kek, Box::new(Counter(0))) else {
        panic!("created");
    };
    assert!(matches!(e, VaultError::Store(StoreError::Full(_))), "{e:?}");
    assert_eq!(base.get(VAULT_KEY).unwrap(), None);
    assert!(
        base.get("ctit/record/r1")
            .unwrap()
            .unwrap()
            .contains("KEEP-ME")
    );
}

#[test]
fn a_failed_random_source_refuses_and_changes_nothing() {
    let mut inner = MemoryStore::default();
    save(&mut inner, &labelled("r1", "KEEP-ME"), 0).unwrap();
    let (input, kek) = kdf("2468 tablet");
    let Err((base, e)) = create(Box::new(inner), &input, &kek, Box::new(Broken)) else {
        panic!("created without randomness");
    };
    assert_eq!(e, VaultError::NoRandomness);
    assert_eq!(base.get(VAULT_KEY).unwrap(), None);
    assert!(KdfInput::fresh(&mut Broken).is_err());
    assert!(random_id(&mut Broken).is_err());
    // An unlocked store refuses to seal with no nonce rather than reuse one.
    let store = vault(MemoryStore::default());
    let key = store.data_key().clone();
    let mut store = VaultStore::unlocked(
        store.into_inner(),
        key,
        SealState::default(),
        Box::new(Broken),
    );
    assert!(matches!(
        save(&mut store, &labelled("r2", "x"), 0),
        Err(crate::record::stored::SaveError::Store(
            StoreError::NoRandomness
        ))
    ));
}

#[test]
fn a_source_that_gives_only_zeros_is_taken_as_broken() {
    struct Zeros;
    impl Random for Zeros {
        fn fill(&mut self, buf: &mut [u8]) -> Result<(), NoRandomness> {
            buf.fill(0);
            Ok(())
        }
    }
    assert_eq!(random_bytes::<12>(&mut Zeros), Err(NoRandomness));
}

#[test]
fn record_ids_are_random_and_say_nothing_of_time() {
    let mut rng = Counter(0);
    let a = random_id(&mut rng).unwrap();
    let b = random_id(&mut rng).unwrap();
    assert_eq!(a.len(), 24);
    assert_ne!(a, b);
}
