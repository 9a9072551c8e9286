//! App-wide state shared through Leptos context: the catalogue of records,
//! storage warnings, the language, settings and which screen is showing;
//! locking this tab and following a passcode set or removed elsewhere. The
//! store itself is `storage`'s, the address `route`'s, the clock `clock`'s.

use crate::app::list_rows::RestRows;
use crate::record::draft::Draft;
use crate::record::stored;
use crate::record::stored::{Catalogue, SaveError, Stored};
use crate::storage::StoreError;
use crate::storage::keys::{
    IDLE_KEY, LANG_KEY, LOCK_DECLINED_KEY, LOCK_SIGNAL_KEY, RETENTION_KEY, VAULT_KEY,
};
use crate::text::Lang;
use crate::ui::common::route::{self, Screen};
use crate::ui::platform::perf::{mark, measure};
use crate::ui::platform::storage::{BrowserStore, forget_key, held_key, use_browser, with_store};
use leptos::prelude::*;
use std::collections::HashSet;

/// How many records the records list draws at first: the most recently saved.
///
/// Every record is loaded and counted, but drawing a row (its outcome
/// judged by the engine, its elements and reactive parts) and laying out a
/// long table are what a coordinator waits for: with 500 stored records
/// the list's first paint took 1.2 s instead of 0.5 s (warm, 4x CPU
/// throttling); drawing 50 of them, 0.65 s. The rest are a click away.
///
/// (`u32` as the other counters: each value type of a signal is its own
/// generated code in the first download.)
pub const LIST_PAGE: u32 = 50;

/// The default retention period.
pub const DEFAULT_RETENTION_DAYS: u32 = 30;
/// The default idle time before the app locks.
pub const DEFAULT_IDLE_MINUTES: u32 = 5;

/// A storage condition the user must know about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageWarning {
    /// Storage is blocked: everything is kept in this tab only.
    Blocked(String),
    /// Storage is full: the latest changes are kept in this tab only.
    Full(String),
}

/// Something a tab tells the coordinator above every screen: once, until
/// dismissed; the idle warning until someone uses a tab.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    /// Another tab set a passcode at the same moment as this one: this
    /// tab's was not set; the other's protects the records.
    PasscodeSetElsewhere,
    /// The tabs lock in this many seconds unless someone uses one
    /// (`security::session::Idle::Warn`).
    LockingSoon(u32),
}

/// What a coordinator asked for before answering the passcode offer: every
/// way a first record comes to be waits for the answer, so nothing is ever
/// written in the clear on a device that will use a passcode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pending {
    /// "New screening": a new, empty record is created once answered.
    Create,
    /// "Import": the file is chosen again once answered (the browser's
    /// file is not kept across the question).
    Import,
    /// "Scan a patient's code": the scan screen opens once answered.
    Scan,
    /// "Restore" from a backup: the restore goes on once answered, sealed
    /// if a passcode was set.
    Restore,
}

/// The app's shared state.
#[derive(Clone, Copy)]
pub struct AppState {
    /// Every readable record and every unreadable entry.
    pub catalogue: RwSignal<Catalogue>,
    /// A storage problem to show, if any.
    pub warning: RwSignal<Option<StorageWarning>>,
    /// Something this tab must tell the coordinator once (until dismissed).
    pub notice: RwSignal<Option<Notice>>,
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
    /// What was asked for before the passcode offer was answered: the
    /// offer says to choose first, and once it is answered that goes on
    /// (see [`Pending`]).
    pub offer_pending: RwSignal<Option<Pending>>,
    /// How many records the list draws (it starts with its first page and
    /// keeps what "show more" drew while the app is open, so coming back
    /// from a record finds the list as it was left).
    pub list_shown: RwSignal<u32>,
    /// The screener's initials for this session (`crate::record::history`): empty
    /// until given at the first change, and again after the app locks or
    /// leaves the coordinator's screens (the tablet may be handed on).
    pub initials: RwSignal<String>,
    /// A record waiting for the screener's initials before it is created
    /// (`crate::ui::record::creating`).
    pub creating: RwSignal<Option<crate::record::create::Pending>>,
    /// The record open holds what its stored copy does not (a conflict
    /// waiting, or a change the store refused or could not take): set by
    /// the record screen (`crate::record::session::RecordSession::unsaved`),
    /// so a reload is not offered over it.
    pub record_unsaved: RwSignal<bool>,
    /// The records list shows only these record ids, when a search or
    /// filter is set (the list's tools set it, through
    /// `crate::ui::list::show_only`).
    pub list_only: RwSignal<Option<HashSet<String>>>,
    /// When the records list draws its rows past the first frame's
    /// (`crate::ui::list`, [`RestRows`]): waiting from the moment the list opens or a
    /// search or filter moves the rows it shows, until the task after the
    /// paint of the frame that drew the first of them (the latest such
    /// change's; a hidden tab paints no frame until it is shown).
    pub list_rest: RwSignal<RestRows>,
}

impl AppState {
    /// Opens storage (falling back to memory) and loads the catalogue.
    pub fn new() -> AppState {
        let warning = match BrowserStore::open() {
            Ok(store) => {
                use_browser(store);
                None
            }
            Err(StoreError::Full(why)) => Some(StorageWarning::Full(why)),
            Err(e) => Some(StorageWarning::Blocked(e.to_string())),
        };
        let screen = route::current();
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
            notice: RwSignal::new(None),
            screen: RwSignal::new(screen),
            lang: RwSignal::new(lang),
            retention_days: RwSignal::new(retention),
            has_vault: RwSignal::new(has_vault),
            locked: RwSignal::new(has_vault),
            idle_minutes: RwSignal::new(idle),
            lock_declined: RwSignal::new(setting(LOCK_DECLINED_KEY).is_some()),
            unsealed_left: RwSignal::new(0),
            offer_pending: RwSignal::new(None),
            list_shown: RwSignal::new(LIST_PAGE),
            initials: RwSignal::new(String::new()),
            creating: RwSignal::new(None),
            record_unsaved: RwSignal::new(false),
            list_only: RwSignal::new(None),
            list_rest: RwSignal::new(RestRows::default()),
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
        route::show_in_address(&screen);
        self.screen.set(screen);
    }

    /// Locks (every tab) when the app leaves the coordinator's screens for
    /// `to`, by `go` or by the address.
    pub fn lock_if_leaving(&self, to: &Screen) {
        if self.screen.get_untracked().is_coordinator() && !to.is_coordinator() {
            self.initials.set(String::new());
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
        self.initials.set(String::new());
        self.locked.set(true);
        // The screen is kept (the lock screen stands in for it): unlocking
        // returns to it, a record included.
    }

    /// Brings this tab in line with the device after another tab set or
    /// removed the passcode (or a write was refused as locked): a vault
    /// and no key locks; no vault unlocks with plain storage.
    pub fn recheck_vault(&self) {
        let exists = with_store(|kv| kv.get(VAULT_KEY).ok().flatten()).is_some();
        let held = held_key().is_some();
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

    /// Whether `what` must wait for the passcode offer's answer; if so, it
    /// is remembered for then, and the offer says to choose first.
    pub fn waits_for_offer(&self, what: Pending) -> bool {
        let open = self.offer_open_untracked();
        if open {
            self.offer_pending.set(Some(what));
        }
        open
    }

    /// [`AppState::offer_open`], read without subscribing to it.
    pub fn offer_open_untracked(&self) -> bool {
        untrack(|| self.offer_open())
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
        let n = with_store(stored::wipe).unwrap_or(0);
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
        match with_store(stored::load_all) {
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
        let result = with_store(|kv| stored::save(kv, draft, base_rev));
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
            self.keep_in_memory(draft);
        }
        self.go(Screen::Record(id));
    }

    /// A new record that storage refused (full or blocked: the banner
    /// says so) is kept in memory: put in the list, it can still be
    /// opened and exported while the app is open.
    pub fn keep_in_memory(&self, draft: Draft) {
        self.catalogue.update(|c| {
            c.drafts.retain(|s| s.draft.id != draft.id);
            c.drafts.insert(0, Stored::fresh(draft, 0));
        });
    }

    /// Deletes a record, leaving its tombstone (who, when, why; checked
    /// by `stored::delete`). The record stays if that is refused.
    pub fn delete(&self, tombstone: &stored::Tombstone) -> Result<(), stored::DeleteError> {
        match with_store(|kv| stored::delete(kv, tombstone)) {
            Ok(()) => {
                self.catalogue
                    .update(|c| c.drafts.retain(|s| s.draft.id != tombstone.id));
                Ok(())
            }
            Err(stored::DeleteError::Store(e)) => {
                self.store_failed(e.clone());
                Err(stored::DeleteError::Store(e))
            }
            Err(e) => Err(e),
        }
    }
}
