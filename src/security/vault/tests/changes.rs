//! Creating, changing (re-keying) and removing a vault, natively.

use super::*;

#[test]
fn changing_the_passcode_keeps_every_record_and_only_the_new_one_opens() {
    let mut store = vault(MemoryStore::default());
    save(&mut store, &labelled("r1", "STAYS"), 0).unwrap();
    let (input, kek) = kdf("new passcode 9731");
    change_passcode(&mut store, &input, &kek).unwrap();
    let meta = read_meta(&raw(&store, VAULT_KEY)).unwrap();
    let old_kek = derive("2468 tablet", &[7; 16], TEST_COST).unwrap();
    assert!(open(&meta, &kek).is_ok());
    // Same salt in this test, so only the passcode differs.
    assert_eq!(
        open(&meta, &old_kek).unwrap_err(),
        VaultError::WrongPasscode
    );
    assert_eq!(load_all(&mut store).unwrap().drafts[0].draft.label, "STAYS");
}

#[test]
fn changing_the_passcode_re_keys_so_an_old_copy_of_the_vault_and_the_old_passcode_open_nothing() {
    let mut store = vault_with_five_records();
    // A copy of the browser profile taken before the change: the old
    // vault description, which the old passcode opens.
    let old_meta = read_meta(&raw(&store, VAULT_KEY)).unwrap();
    let (_, old_kek) = kdf("2468 tablet");
    let (old_key, _) = open(&old_meta, &old_kek).unwrap();
    let (input, kek) = kdf("new passcode 9731");
    change_passcode(&mut store, &input, &kek).unwrap();
    assert_ne!(store.data_key(), &old_key, "a new data key");
    // Every record now opens with the new key only.
    let mut stolen = VaultStore::unlocked(
        Box::new(MemoryStore::default()),
        old_key,
        SealState::default(),
        Box::new(Counter(1)),
    );
    for i in 0..5 {
        let k = format!("ctit/record/r{i}");
        stolen.inner.set(&k, &raw(&store, &k)).unwrap();
    }
    let cat = load_all(&mut stolen).unwrap();
    assert!(cat.drafts.is_empty(), "the old key opened {:?}", cat.drafts);
    assert_eq!(cat.broken.len(), 5);
    // …and every record still reads with the new passcode.
    let meta = read_meta(&raw(&store, VAULT_KEY)).unwrap();
    assert_eq!(
        open(&meta, &kek).unwrap().1,
        SealState::default(),
        "nothing left to do"
    );
    assert_eq!(load_all(&mut store).unwrap().drafts.len(), 5);
}

#[test]
fn a_re_keying_cut_short_leaves_every_record_readable_and_finishes_at_the_next_unlock() {
    let mut store = vault_with_five_records();
    let (input, kek) = kdf("new passcode 9731");
    // The new description and two re-sealed records are written, then
    // the battery dies: a store that lets three more writes through
    // stands in for it.
    let left = std::rc::Rc::new(std::cell::Cell::new(3));
    store.inner = Box::new(FailAfter {
        inner: store.inner,
        left: left.clone(),
    });
    let progress = change_passcode(&mut store, &input, &kek).unwrap();
    assert!(progress.left > 0, "{progress:?}");
    // Still every record readable in this tab (old or new key).
    assert_eq!(load_all(&mut store).unwrap().drafts.len(), 5);
    // Next unlock, with the new passcode, with room again.
    let plain = store.into_inner();
    let meta = read_meta(&plain.get(VAULT_KEY).unwrap().unwrap()).unwrap();
    let (key, state) = open(&meta, &kek).unwrap();
    assert!(state.rekey.is_some(), "the unfinished work is in the vault");
    left.set(usize::MAX);
    let mut store = VaultStore::unlocked(plain, key, state, Box::new(Counter(40)));
    store.seal_pending();
    let meta = read_meta(&raw(&store, VAULT_KEY)).unwrap();
    assert_eq!(open(&meta, &kek).unwrap().1, SealState::default());
    assert_eq!(load_all(&mut store).unwrap().drafts.len(), 5);
}

/// A store that lets `left` more writes through, then fails as full.
struct FailAfter {
    inner: Box<dyn KeyValue>,
    left: std::rc::Rc<std::cell::Cell<usize>>,
}
impl KeyValue for FailAfter {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.inner.get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        if self.left.get() == 0 {
            return Err(StoreError::Full("quota".into()));
        }
        self.left.set(self.left.get() - 1);
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
fn only_the_vaults_own_key_is_taken_from_another_tab() {
    let store = vault(MemoryStore::default());
    let meta = read_meta(&raw(&store, VAULT_KEY)).unwrap();
    assert!(key_fits(&meta, store.data_key()));
    assert!(!key_fits(&meta, &DataKey::from_bytes([9; 32])));
    // A vault written before the key check cannot vouch for any key.
    let mut older = meta.clone();
    older.check = None;
    older.schema = 2;
    assert!(!key_fits(&older, store.data_key()));
}

#[test]
fn a_tab_holding_the_key_finds_out_when_another_tab_changed_the_passcode() {
    let mut store = vault(MemoryStore::default());
    let old = store.data_key().bytes();
    assert!(still_fits(&raw(&store, VAULT_KEY), &old));
    let (input, kek) = kdf("new passcode 9731");
    change_passcode(&mut store, &input, &kek).unwrap();
    assert!(!still_fits(&raw(&store, VAULT_KEY), &old));
    assert!(still_fits(
        &raw(&store, VAULT_KEY),
        &store.data_key().bytes()
    ));
}

#[test]
fn a_second_vault_is_never_written_over_the_first() {
    // Two tabs set a passcode at the same moment: the second finds the
    // first's vault and changes nothing (records sealed under the first
    // key would otherwise be lost for good).
    let mut first = vault(MemoryStore::default());
    save(&mut first, &labelled("r1", "FIRST"), 0).unwrap();
    let before = raw(&first, VAULT_KEY);
    let (input, kek) = kdf("second passcode 1357");
    let Err((base, e)) = create(first.into_inner(), &input, &kek, Box::new(Counter(77))) else {
        panic!("a second vault was created");
    };
    assert_eq!(e, VaultError::Exists);
    assert_eq!(
        base.get(VAULT_KEY).unwrap().as_deref(),
        Some(before.as_str())
    );
}

#[test]
fn a_key_derivation_cost_this_app_never_wrote_is_refused() {
    let store = vault(MemoryStore::default());
    let mut meta = read_meta(&raw(&store, VAULT_KEY)).unwrap();
    for cost in [
        KdfCost {
            m_kib: 4 * 1024 * 1024,
            t: 3,
            p: 1,
        },
        KdfCost {
            m_kib: 64 * 1024,
            t: 100_000,
            p: 1,
        },
        KdfCost {
            m_kib: 64 * 1024,
            t: 3,
            p: 16,
        },
    ] {
        meta.kdf = cost;
        assert_eq!(kdf_input(&meta), Err(VaultError::UnknownCost(cost)));
    }
    for cost in [
        KdfCost::CURRENT,
        KdfCost {
            m_kib: 19 * 1024,
            t: 2,
            p: 1,
        },
    ] {
        meta.kdf = cost;
        assert!(kdf_input(&meta).is_ok(), "{cost:?}");
    }
}

/// A vault holding records `r0`…`r4`, labelled `BACK-0`…`BACK-4`.
fn vault_with_five_records() -> VaultStore {
    let mut store = vault(MemoryStore::default());
    for i in 0..5 {
        let d = labelled(&format!("r{i}"), &format!("BACK-{i}"));
        save(&mut store, &d, 0).unwrap();
    }
    store
}

#[test]
fn removing_the_passcode_writes_every_record_back_in_the_clear_then_drops_the_vault() {
    let store = vault_with_five_records();
    let mut plain = remove_passcode(store).unwrap_or_else(|(_, e)| panic!("{e}"));
    assert_eq!(plain.get(VAULT_KEY).unwrap(), None);
    for i in 0..5 {
        assert!(
            plain
                .get(&format!("ctit/record/r{i}"))
                .unwrap()
                .unwrap()
                .contains("BACK-")
        );
    }
    assert_eq!(load_all(plain.as_mut()).unwrap().drafts.len(), 5);
}

#[test]
fn a_removal_cut_short_leaves_every_record_readable_and_finishes_at_the_next_unlock() {
    let store = vault_with_five_records();
    let key = store.data_key().clone();
    // Marked as being removed, then two records written back, then the
    // battery died.
    let mut inner = store.into_inner();
    {
        let mut s = VaultStore::unlocked(
            std::mem::replace(&mut inner, Box::new(MemoryStore::default())),
            key.clone(),
            SealState::default(),
            Box::new(Counter(3)),
        );
        s.state.removing = true;
        s.save_state().unwrap();
        for i in 0..2 {
            let k = format!("ctit/record/r{i}");
            let text = s.get(&k).unwrap().unwrap();
            s.inner.set(&k, &text).unwrap();
        }
        inner = s.into_inner();
    }
    let meta = read_meta(&inner.get(VAULT_KEY).unwrap().unwrap()).unwrap();
    let (_, kek) = kdf("2468 tablet");
    let (key, state) = open(&meta, &kek).unwrap();
    assert!(state.removing);
    let mut store = VaultStore::unlocked(inner, key, state, Box::new(Counter(5)));
    let cat = load_all(&mut store).unwrap();
    assert_eq!(cat.drafts.len(), 5, "{:?}", cat.broken);
    let plain = remove_passcode(store).unwrap_or_else(|(_, e)| panic!("{e}"));
    assert_eq!(plain.get(VAULT_KEY).unwrap(), None);
}

#[test]
fn a_vault_of_the_earlier_format_still_opens_and_its_values_read() {
    // Schema 1: the data key wrapped without associated data, values
    // sealed without their storage key (as the previous version wrote).
    let kek = derive("old passcode", &[3; 16], TEST_COST).unwrap();
    let data = [5u8; 32];
    let meta = VaultMeta {
        schema: 1,
        kdf: TEST_COST,
        salt: B64.encode([3u8; 16]),
        wrapped: seal_with(&kek.0, [1; 12], &data, b""),
        state: None,
        check: None,
    };
    let entry =
        "{\"schema\":2,\"protocol\":\"p\",\"rev\":1,\"draft\":{\"id\":\"o\",\"label\":\"OLD\"}}";
    let s = seal_with(&data, [2; 12], entry.as_bytes(), b"");
    let mut inner = MemoryStore::default();
    inner
        .set(VAULT_KEY, &serde_json::to_string(&meta).unwrap())
        .unwrap();
    inner
        .set(
            "ctit/record/o",
            &format!("{{\"sealed\":1,\"n\":\"{}\",\"c\":\"{}\"}}", s.n, s.c),
        )
        .unwrap();
    let (key, state) = open(&meta, &kek).unwrap();
    assert!(
        KdfCost {
            m_kib: 19 * 1024,
            t: 2,
            p: 1
        }
        .is_weaker_than_current()
    );
    let mut store = VaultStore::unlocked(Box::new(inner), key, state, Box::new(Counter(0)));
    assert_eq!(load_all(&mut store).unwrap().drafts[0].draft.label, "OLD");
}
