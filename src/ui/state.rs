//! App-wide state shared through Leptos context: the store (browser storage,
//! or memory when storage is blocked), the catalogue of records, storage
//! warnings and which screen is showing.

use super::storage::BrowserStore;
use crate::drafts::Draft;
use crate::engine::Date;
use crate::keys::{
    IDLE_KEY, LANG_KEY, LOCK_DECLINED_KEY, LOCK_SIGNAL_KEY, RETENTION_KEY, VAULT_KEY,
};
use crate::records;
use crate::records::{Catalogue, SaveError, Stored};
use crate::store::{KeyValue, MemoryStore, StoreError};
use crate::text::Lang;
use crate::vault::{GuardedStore, NoRandomness, Random};
use leptos::prelude::*;
use std::cell::{Cell, RefCell};

thread_local! {
    /// The one store of this tab. The browser is single-threaded; a
    /// thread-local keeps the `!Send` `web_sys::Storage` out of signals.
    /// Locked (or no passcode): a [`GuardedStore`], which never writes a
    /// record once a vault exists; unlocked: a `vault::VaultStore`, built
    /// only by the lock's own module (so the cryptography stays out of the
    /// first download).
    static STORE: RefCell<Box<dyn KeyValue>> = RefCell::new(Box::new(GuardedStore::new(Box::new(MemoryStore::default()))));
    /// The data key's bytes while unlocked, to hand to another tab of this
    /// app that asks (in memory only, never stored).
    static HELD_KEY: Cell<Option<[u8; 32]>> = const { Cell::new(None) };
}

/// Runs `f` with the store.
pub fn with_store<R>(f: impl FnOnce(&mut dyn KeyValue) -> R) -> R {
    STORE.with(|s| f(s.borrow_mut().as_mut()))
}

/// The plain store of this tab: the browser's storage (guarded), or memory
/// when storage is blocked.
pub fn plain_store() -> Box<dyn KeyValue> {
    match BrowserStore::open() {
        Ok(s) => Box::new(GuardedStore::new(Box::new(s))),
        Err(_) => Box::new(GuardedStore::new(Box::new(MemoryStore::default()))),
    }
}

/// Drops the data key: this tab's store is the plain one again.
fn forget_key() {
    STORE.with(|s| *s.borrow_mut() = plain_store());
    HELD_KEY.with(|k| k.set(None));
}

/// Makes `store` this tab's store and remembers the data key (unlocked).
pub fn install_unlocked(store: Box<dyn KeyValue>, key: [u8; 32]) {
    STORE.with(|s| *s.borrow_mut() = store);
    HELD_KEY.with(|k| k.set(Some(key)));
}

/// The data key this tab holds (`None` when locked), for another tab.
pub fn held_key() -> Option<[u8; 32]> {
    HELD_KEY.with(Cell::get)
}

/// The default retention period.
pub const DEFAULT_RETENTION_DAYS: u32 = 30;
/// The default idle time before the app locks.
pub const DEFAULT_IDLE_MINUTES: u32 = 5;

/// What the user is looking at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Screen {
    /// The start page: choose patient self-check or coordinator screening.
    Home,
    /// The patient self-check.
    Patient,
    /// The records list.
    List,
    /// One record, by id.
    Record(String),
}

/// A storage condition the user must know about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageWarning {
    /// Storage is blocked: everything is kept in this tab only.
    Blocked(String),
    /// Storage is full: the latest changes are kept in this tab only.
    Full(String),
}

/// The app's shared state.
#[derive(Clone, Copy)]
pub struct AppState {
    /// Every readable record and every unreadable entry.
    pub catalogue: RwSignal<Catalogue>,
    /// A storage problem to show, if any.
    pub warning: RwSignal<Option<StorageWarning>>,
    /// The screen showing.
    pub screen: RwSignal<Screen>,
    /// The language of the whole app.
    pub lang: RwSignal<Lang>,
    /// Records last saved longer ago than this are due for export and deletion.
    pub retention_days: RwSignal<u32>,
    /// A passcode vault exists on this device.
    pub has_vault: RwSignal<bool>,
    /// Locked: no record is readable or shown.
    pub locked: RwSignal<bool>,
    /// Minutes of inactivity before the app locks.
    pub idle_minutes: RwSignal<u32>,
    /// The coordinator declined the passcode offer.
    pub lock_declined: RwSignal<bool>,
    /// Records still in the clear after a passcode was set (storage ran
    /// out while sealing): sealing resumes at the next unlock.
    pub unsealed_left: RwSignal<u32>,
    /// "New screening" (1) or "Import" (2) was pressed before the passcode
    /// offer was answered: the offer says to choose first, and a new
    /// record is created once it is answered (1).
    pub offer_pending: RwSignal<u32>,
    /// How many records the list draws (it starts with its first page and
    /// keeps what "show more" drew while the app is open, so coming back
    /// from a record finds the list as it was left).
    pub list_shown: RwSignal<u32>,
}

impl AppState {
    /// Opens storage (falling back to memory) and loads the catalogue.
    pub fn new() -> AppState {
        let warning = match BrowserStore::open() {
            Ok(store) => {
                STORE.with(|s| *s.borrow_mut() = Box::new(GuardedStore::new(Box::new(store))));
                None
            }
            Err(StoreError::Full(why)) => Some(StorageWarning::Full(why)),
            Err(e) => Some(StorageWarning::Blocked(e.to_string())),
        };
        let screen = screen_for_hash(&current_hash());
        let stored_lang = with_store(|kv| kv.get(LANG_KEY).ok().flatten());
        let lang = match stored_lang.as_deref() {
            Some("zh") => Lang::Zh,
            Some("en") => Lang::En,
            _ => Lang::from_tag(
                &web_sys::window()
                    .and_then(|w| w.navigator().language())
                    .unwrap_or_default(),
            ),
        };
        let retention = with_store(|kv| kv.get(RETENTION_KEY).ok().flatten())
            .and_then(|t| t.parse::<u32>().ok())
            .filter(|d| *d > 0)
            .unwrap_or(DEFAULT_RETENTION_DAYS);
        let setting = |key: &str| with_store(|kv| kv.get(key).ok().flatten());
        let has_vault = setting(VAULT_KEY).is_some();
        let idle = setting(IDLE_KEY)
            .and_then(|t| t.parse::<u32>().ok())
            .filter(|m| *m > 0)
            .unwrap_or(DEFAULT_IDLE_MINUTES);
        let state = AppState {
            catalogue: RwSignal::new(Catalogue::default()),
            warning: RwSignal::new(warning),
            screen: RwSignal::new(screen),
            lang: RwSignal::new(lang),
            retention_days: RwSignal::new(retention),
            has_vault: RwSignal::new(has_vault),
            locked: RwSignal::new(has_vault),
            idle_minutes: RwSignal::new(idle),
            lock_declined: RwSignal::new(setting(LOCK_DECLINED_KEY).is_some()),
            unsealed_left: RwSignal::new(0),
            offer_pending: RwSignal::new(0),
            list_shown: RwSignal::new(super::list::PAGE),
        };
        if !has_vault {
            state.reload();
        }
        state
    }

    /// Switches the language and remembers it.
    pub fn set_lang(&self, lang: Lang) {
        self.lang.set(lang);
        let _ = with_store(|kv| kv.set(LANG_KEY, lang.code()));
    }

    /// Shows a screen, keeping the mode in the URL fragment so a reload
    /// returns to it (the fragment never holds an answer). Leaving the
    /// coordinator's screens (for the start page or the patient check)
    /// locks the records, in every tab: the tablet may be handed on.
    pub fn go(&self, screen: Screen) {
        self.lock_if_leaving(&screen);
        let hash = match screen {
            Screen::Home => "",
            Screen::Patient => "#patient",
            Screen::List | Screen::Record(_) => "#coordinator",
        };
        if let Some(w) = web_sys::window()
            && w.location().hash().ok().as_deref() != Some(hash)
            && let Ok(history) = w.history()
        {
            let url = if hash.is_empty() {
                "./".to_string()
            } else {
                hash.to_string()
            };
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
        self.screen.set(screen);
    }

    /// Locks (every tab) when the app leaves the coordinator's screens for
    /// `to`, by `go` or by the address.
    pub fn lock_if_leaving(&self, to: &Screen) {
        if is_coordinator(&self.screen.get_untracked()) && !is_coordinator(to) {
            self.lock();
        }
    }

    /// Locks this tab and every other tab of the app: they see
    /// [`LOCK_SIGNAL_KEY`] change (a storage event, which the first
    /// download already listens to).
    pub fn lock(&self) {
        if self.has_vault.get_untracked() {
            self.lock_here();
            with_store(|kv| {
                let next = match kv.get(LOCK_SIGNAL_KEY) {
                    Ok(Some(v)) if v == "1" => "2",
                    _ => "1",
                };
                let _ = kv.set(LOCK_SIGNAL_KEY, next);
            });
        }
    }

    /// Locks this tab: forgets the data key and every record shown.
    pub fn lock_here(&self) {
        if !self.has_vault.get_untracked() {
            return;
        }
        forget_key();
        self.catalogue.set(Catalogue::default());
        self.locked.set(true);
        if matches!(self.screen.get_untracked(), Screen::Record(_)) {
            self.screen.set(Screen::List);
        }
    }

    /// Brings this tab in line with the device after another tab set or
    /// removed the passcode (or a write was refused as locked): a vault
    /// and no key locks; no vault unlocks with plain storage.
    pub fn recheck_vault(&self) {
        let exists = with_store(|kv| kv.get(VAULT_KEY).ok().flatten()).is_some();
        let held = HELD_KEY.with(Cell::get).is_some();
        if exists && !held {
            self.has_vault.set(true);
            self.lock_here();
        } else if !exists && self.has_vault.get_untracked() {
            forget_key();
            self.has_vault.set(false);
            self.locked.set(false);
            self.unsealed_left.set(0);
            self.reload();
        }
    }

    /// Forgotten passcode: wipes everything, vault included.
    pub fn forget_passcode(&self) {
        self.wipe();
        self.has_vault.set(false);
        self.locked.set(false);
        self.lock_declined.set(false);
    }

    /// Whether the passcode offer is open: no passcode, not declined, and
    /// storage to keep one in (blocked storage keeps records in memory only).
    pub fn offer_open(&self) -> bool {
        !self.has_vault.get()
            && !self.lock_declined.get()
            && !matches!(self.warning.get(), Some(StorageWarning::Blocked(_)))
    }

    /// Declines the passcode offer (remembered on this device).
    pub fn decline_lock(&self) {
        self.lock_declined.set(true);
        let _ = with_store(|kv| kv.set(LOCK_DECLINED_KEY, "1"));
    }

    /// Sets the idle time before locking.
    pub fn set_idle(&self, minutes: u32) {
        self.idle_minutes.set(minutes);
        let _ = with_store(|kv| kv.set(IDLE_KEY, &minutes.to_string()));
    }

    /// Sets the retention period and remembers it.
    pub fn set_retention(&self, days: u32) {
        self.retention_days.set(days);
        let _ = with_store(|kv| kv.set(RETENTION_KEY, &days.to_string()));
    }

    /// Removes everything the app stored on this device; returns how many keys.
    pub fn wipe(&self) -> usize {
        let n = with_store(records::wipe).unwrap_or(0);
        // Whatever the store was (sealed or not), start again from plain storage.
        forget_key();
        self.has_vault.set(false);
        self.unsealed_left.set(0);
        self.locked.set(false);
        self.catalogue.set(Catalogue::default());
        self.retention_days.set(DEFAULT_RETENTION_DAYS);
        n
    }

    /// Re-reads every record from the store (nothing while locked).
    pub fn reload(&self) {
        if self.locked.get_untracked() {
            return;
        }
        match with_store(records::load_all) {
            Ok(cat) => self.catalogue.set(cat),
            Err(e) => self.store_failed(e),
        }
    }

    /// Records a storage failure for the banner; a write refused because a
    /// passcode now protects the records locks this tab instead.
    pub fn store_failed(&self, e: StoreError) {
        self.warning.set(Some(match e {
            StoreError::Unavailable(w) => StorageWarning::Blocked(w),
            StoreError::Full(w) => StorageWarning::Full(w),
            // (Only a save of a sealed record needs randomness, and an
            // unreadable entry reaches here only outside a record: either
            // way the change stays in this tab, as with blocked storage.)
            e @ (StoreError::NoRandomness | StoreError::Unreadable(_)) => {
                StorageWarning::Blocked(e.to_string())
            }
            StoreError::Locked => {
                self.recheck_vault();
                return;
            }
        }));
    }

    /// A stored record by id.
    pub fn stored(&self, id: &str) -> Option<Stored> {
        self.catalogue
            .with_untracked(|c| c.drafts.iter().find(|s| s.draft.id == id).cloned())
    }

    /// Saves a draft over `base_rev`; updates the catalogue on success.
    pub fn save(&self, draft: &Draft, base_rev: u64) -> Result<u64, SaveError> {
        // Performance marks for the benchmark: check, serialize and write.
        mark("ctit-save");
        let result = with_store(|kv| records::save(kv, draft, base_rev));
        measure("ctit-save", "ctit-save");
        match &result {
            Ok(rev) => {
                let stored = Stored::fresh(draft.clone(), *rev);
                self.catalogue.update(|c| {
                    c.drafts.retain(|s| s.draft.id != draft.id);
                    c.drafts.insert(0, stored);
                });
                if matches!(self.warning.get_untracked(), Some(StorageWarning::Full(_))) {
                    self.warning.set(None);
                }
            }
            Err(SaveError::Store(e)) => self.store_failed(e.clone()),
            Err(_) => {}
        }
        result
    }

    /// Creates a record (saved at once) and opens it.
    pub fn create(&self, draft: Draft) {
        let id = draft.id.clone();
        if self.save(&draft, 0).is_err() {
            // Kept in memory: put it in the list so it can still be opened.
            self.catalogue
                .update(|c| c.drafts.insert(0, Stored::fresh(draft, 0)));
        }
        self.go(Screen::Record(id));
    }

    /// Deletes a record.
    pub fn delete(&self, id: &str) {
        if let Err(e) = with_store(|kv| records::delete(kv, id)) {
            self.store_failed(e);
        }
        self.catalogue
            .update(|c| c.drafts.retain(|s| s.draft.id != id));
    }
}

/// The URL fragment now ("" when none).
pub fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Whether a screen is one of the coordinator's (behind the passcode).
pub fn is_coordinator(screen: &Screen) -> bool {
    matches!(screen, Screen::List | Screen::Record(_))
}

/// The screen a URL fragment names.
pub fn screen_for_hash(hash: &str) -> Screen {
    match hash {
        "#coordinator" => Screen::List,
        "#patient" => Screen::Patient,
        _ => Screen::Home,
    }
}

/// Today's date from the browser's clock (the only clock the app reads).
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    let (y, m, d) = (now.get_full_year(), now.get_month() + 1, now.get_date());
    Date::new(y as i32, m as u8, d as u8)
        .or_else(|| Date::parse("2000-01-01"))
        .expect("a literal valid date")
}

/// Now, as an ISO 8601 timestamp.
pub fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// A new record id: 96 random bits (`None` if the random source failed:
/// nothing is created then). Storage keys are in the clear, so an id says
/// nothing of when the record was made.
pub fn new_id() -> Option<String> {
    crate::vault::random_id(&mut BrowserRandom).ok()
}

/// Interface text that follows the language: `tr(lang, |u| u.save)`.
///
/// Every call returns the same closure type (the text is chosen through a
/// function pointer), so the app carries one copy of the code that draws
/// and updates reactive text instead of one per string: in a Leptos app
/// that per-closure code is a large share of the wasm.
pub fn tr(
    lang: RwSignal<Lang>,
    pick: fn(&'static crate::text::UiText) -> &'static str,
) -> impl Fn() -> &'static str + Send + Sync + Copy + 'static {
    move || pick(lang.get().ui())
}

/// [`tr`] for the words of the parts fetched on first use
/// ([`crate::text::ScreenText`]): `trs(lang, |s| s.unlock)`.
pub fn trs(
    lang: RwSignal<Lang>,
    pick: fn(&'static crate::text::ScreenText) -> &'static str,
) -> impl Fn() -> &'static str + Send + Sync + Copy + 'static {
    // first-module: allowed (a generic closure: its code is made where
    // `trs` is called, in the lazily loaded screens).
    move || pick(lang.get().screens())
}

thread_local! {
    /// The page's `performance` when the benchmark asked for marks (it sets
    /// `window.__ctitMarks = true` before the app starts), else `None`.
    /// Marks stay in the page's performance timeline until cleared, so in
    /// everyday use (hours of typing) they would only pile up unread.
    static MARKS: Option<web_sys::Performance> = web_sys::window()
        .filter(|w| js_sys::Reflect::get(w, &"__ctitMarks".into()).is_ok_and(|v| v.is_truthy()))
        .and_then(|w| w.performance());
}

/// A performance mark, when the benchmark asked for them (`window.__ctitMarks`).
pub fn mark(name: &str) {
    MARKS.with(|p| {
        if let Some(p) = p {
            let _ = p.mark(name);
        }
    });
}

/// A performance measure from the mark `start` to now, named `name` (only
/// when the benchmark asked for marks).
pub fn measure(name: &str, start: &str) {
    MARKS.with(|p| {
        if let Some(p) = p {
            let _ = p.measure_with_start_mark(name, start);
        }
    });
}

/// The browser's cryptographic generator (`crypto.getRandomValues`). If it
/// is missing or throws, the operation that needed it is refused.
pub struct BrowserRandom;

impl Random for BrowserRandom {
    fn fill(&mut self, buf: &mut [u8]) -> Result<(), NoRandomness> {
        let crypto = web_sys::window()
            .and_then(|w| w.crypto().ok())
            .ok_or(NoRandomness)?;
        crypto
            .get_random_values_with_u8_array(buf)
            .map(|_| ())
            .map_err(|_| NoRandomness)
    }
}

/// The ISO 8601 timestamp `days` days ago.
pub fn days_ago_iso(days: u32) -> String {
    let ms = js_sys::Date::now() - f64::from(days) * 86_400_000.0;
    js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms))
        .to_iso_string()
        .into()
}

/// A timestamp as local "YYYY-MM-DD HH:MM" for lists.
pub fn local_time(iso: &str) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(iso));
    if d.get_time().is_nan() {
        return String::new();
    }
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}
