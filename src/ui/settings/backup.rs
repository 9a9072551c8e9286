//! "Back up all records" and "Restore from a backup", on the settings
//! screen (the tools module, fetched after the list is painted).
//! The file's format and the restore rules are `crate::security::backup`'s; the key
//! is derived from the backup's own password in the key-derivation worker,
//! as the passcode's is. Above the list, [`BackupDue`] reminds when
//! records changed since a backup older than the coordinator's period
//! (`crate::security::backup::reminder_due`).

use crate::security::backup;
use crate::security::vault::{self, KdfInput};
use crate::storage::keys;
use crate::text::Lang;
use crate::ui::common;
use crate::ui::common::state::{AppState, Pending};
use crate::ui::common::words::tr;
use crate::ui::lock::failure::Failure;
use crate::ui::platform::clock::{days_ago_iso, local_time, now_iso, today};
use crate::ui::platform::files::{download, read_file_text};
use crate::ui::platform::kdf;
use crate::ui::platform::random::BrowserRandom;
use crate::ui::platform::storage::with_store;
use crate::ui::settings::words;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    /// Notified when a backup is written or the reminder's period changes,
    /// so the reminder above the list looks again. (Not owned by any view:
    /// the reminder and the settings come and go with the list.)
    static BACKUP_CHANGED: ArcTrigger = ArcTrigger::new();
}

fn backup_changed() -> ArcTrigger {
    BACKUP_CHANGED.with(ArcTrigger::clone)
}

/// The reminder's period in days, as stored (the default if none or unreadable).
fn reminder_days() -> u32 {
    with_store(|kv| kv.get(keys::REMINDER_DAYS_KEY).ok().flatten())
        .and_then(|d| d.trim().parse().ok())
        .unwrap_or(backup::DEFAULT_REMINDER_DAYS)
}

/// When this device last wrote a backup file.
fn last_backup() -> Option<String> {
    with_store(|kv| kv.get(keys::LAST_BACKUP_KEY).ok().flatten())
}

/// What a backup or a restore did, kept as what happened and put in
/// words when drawn (in the language of the moment).
#[derive(Clone, Debug, PartialEq, Eq)]
enum Outcome {
    /// The backup file was handed to the browser, with this many records.
    BackedUp(usize),
    /// Restored: added, already here unchanged, kept as both.
    Restored(Counts),
    /// Restored this far, then storage failed (in its own words).
    RestoredInPart(Counts, String),
    /// The file was refused: nothing was changed.
    Refused(backup::RestoreError),
    /// What the backup password's protection met, as the passcode's would
    /// (said in the same words): the rule broken or its entries differing,
    /// the secure random source failed (nothing was written), or the key
    /// derivation failed or ran too long.
    Protection(Failure),
    /// The browser refused (storage, reading the file, the download), in
    /// its own words.
    Failed(String),
}

/// A restore's counts: added, already here unchanged, kept as both.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Counts(usize, usize, usize);

impl Counts {
    fn of(done: &backup::Restored) -> Counts {
        Counts(done.added, done.unchanged, done.kept_both.len())
    }
}

impl Outcome {
    /// Whether it is what was asked for (else it is said as a problem).
    fn is_done(&self) -> bool {
        matches!(self, Outcome::BackedUp(_) | Outcome::Restored(_))
    }

    /// Its words in `lang`.
    fn text(&self, lang: Lang) -> String {
        let sc = words::of(lang);
        match self {
            Outcome::BackedUp(n) => (sc.backup_done)(*n),
            Outcome::Restored(Counts(added, same, both)) => (sc.restored)(*added, *same, *both),
            Outcome::RestoredInPart(Counts(added, same, both), why) => {
                format!(
                    "{} {}",
                    (sc.restored)(*added, *same, *both),
                    (sc.restore_stopped)(why)
                )
            }
            Outcome::Refused(e) => (sc.restore_refused)(e),
            Outcome::Protection(failure) => failure.text(lang),
            Outcome::Failed(why) => (sc.not_done)(why),
        }
    }
}

/// Writes the backup file of every record, with `password`.
async fn back_up(password: String) -> Outcome {
    let Ok(input) = KdfInput::fresh(&mut BrowserRandom) else {
        return Outcome::Protection(Failure::NoRandomness);
    };
    let kek = match kdf::derive(&password, &input.salt, input.cost).await {
        Ok(kek) => kek,
        Err(e) => return Outcome::Protection(Failure::Kdf(e)),
    };
    let records = match with_store(|kv| backup::entries(kv)) {
        Ok(records) => records,
        Err(e) => return Outcome::Failed(e.to_string()),
    };
    let n = records.len();
    let Ok(text) = backup::write(records, &now_iso(), &input, &kek, &mut BrowserRandom) else {
        return Outcome::Protection(Failure::NoRandomness);
    };
    if let Err(e) = download(
        &format!("ctit-backup-{}.json", today()),
        "application/json",
        &text,
    ) {
        return Outcome::Failed(e);
    }
    // The reminder counts from here. (Where the browser put the file is
    // the user's; the app only knows it handed it over.)
    let _ = with_store(|kv| kv.set(keys::LAST_BACKUP_KEY, &now_iso()));
    backup_changed().notify();
    Outcome::BackedUp(n)
}

/// Restores `file` with `password`.
async fn restore(state: AppState, file: web_sys::File, password: String) -> Outcome {
    // Refused before it is read into memory.
    let size = file.size();
    if size > backup::MAX_FILE_BYTES as f64 {
        return Outcome::Refused(backup::RestoreError::TooLarge(size as usize));
    }
    let text = match read_file_text(&file).await {
        Ok(text) => text,
        Err(e) => return Outcome::Failed(e),
    };
    let (salt, cost) = match backup::kdf_of(&text) {
        Ok(input) => input,
        Err(e) => return Outcome::Refused(e),
    };
    let kek = match kdf::derive(&password, &salt, cost).await {
        Ok(kek) => kek,
        Err(e) => return Outcome::Protection(Failure::Kdf(e)),
    };
    // (The suffix marks the restored copy of a record kept as both: data,
    // in the language the restore was made in.)
    let sc = words::of(state.lang.get_untracked());
    let result = with_store(|kv| {
        // (The form asks the initials before it can restore.)
        let by = state.initials.get_untracked();
        backup::restore(
            &text,
            &kek,
            kv,
            sc.restored_suffix,
            &by,
            &crate::ui::platform::clock::now_iso(),
            &mut BrowserRandom,
        )
    });
    let result = match result {
        Ok(result) => result,
        Err(e) => return Outcome::Refused(e),
    };
    state.reload();
    match result {
        Ok(done) => Outcome::Restored(Counts::of(&done)),
        Err((done, e)) => Outcome::RestoredInPart(Counts::of(&done), e.to_string()),
    }
}

/// Which of the two forms is at work.
#[derive(Clone, Copy, PartialEq)]
enum Op {
    Backup,
    Restore,
}

/// What the form `op` did (or is doing), said right under it.
#[component]
fn Said(op: Op, busy: RwSignal<Option<Op>>, said: RwSignal<Option<Outcome>>) -> impl IntoView {
    let lang = expect_context::<AppState>().lang;
    let name = match op {
        Op::Backup => "backup",
        Op::Restore => "restore",
    };
    view! {
        <Show when=move || busy.get() == Some(op)>
            <p class="status-line" role="status">{tr(lang, |l| common::operations::of(l).working)}</p>
        </Show>
        {move || said.get().map(|m| {
            let done = m.is_done();
            let text = move || m.text(lang.get());
            if done {
                view! { <p class="status-line" role="status" data-result=name>{text}</p> }.into_any()
            } else {
                view! { <p class="field-error" role="alert" data-result=name>{text}</p> }.into_any()
            }
        })}
    }
}

/// The backup and restore forms, each saying what it did right under it.
#[component]
pub fn BackupRestore() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let first = RwSignal::new(String::new());
    let second = RwSignal::new(String::new());
    let restore_password = RwSignal::new(String::new());
    let file = StoredValue::new_local(None::<web_sys::File>);
    let busy = RwSignal::new(None::<Op>);
    let backup_said = RwSignal::new(None::<Outcome>);
    let restore_said = RwSignal::new(None::<Outcome>);
    let said = move |op| match op {
        Op::Backup => backup_said,
        Op::Restore => restore_said,
    };
    let run = move |op: Op, work: std::pin::Pin<Box<dyn Future<Output = Outcome>>>| {
        if busy.get_untracked().is_some() {
            return;
        }
        busy.set(Some(op));
        backup_said.set(None);
        restore_said.set(None);
        leptos::task::spawn_local(async move {
            let r = work.await;
            busy.set(None);
            said(op).set(Some(r));
        });
    };
    let on_backup = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (a, b) = (first.get_untracked(), second.get_untracked());
        if let Err(p) = vault::check_new_passcode(&a, &b) {
            backup_said.set(Some(Outcome::Protection(Failure::Rule(p))));
            return;
        }
        first.set(String::new());
        second.set(String::new());
        run(Op::Backup, Box::pin(back_up(a)));
    };
    // What is restored enters each record's history with the screener's
    // initials: asked first if this session has none.
    let asking_initials = RwSignal::new(false);
    let start_restore = move || {
        let Some(f) = file.get_value() else { return };
        // A restore on a fresh device is a first record like any other:
        // it waits for the passcode offer's answer, and then goes on
        // (below), sealed if a passcode was set.
        if state.waits_for_offer(Pending::Restore) {
            return;
        }
        if state.initials.with_untracked(String::is_empty) {
            asking_initials.set(true);
            return;
        }
        let password = restore_password.get_untracked();
        restore_password.set(String::new());
        run(Op::Restore, Box::pin(restore(state, f, password)));
    };
    let on_restore = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        start_restore();
    };
    let initials_given = Callback::new(move |()| {
        asking_initials.set(false);
        start_restore();
    });
    // The offer answered while a restore waited for it: it goes on.
    Effect::new(move |was: Option<Option<Pending>>| {
        let now = state.offer_pending.get();
        if was == Some(Some(Pending::Restore)) && now.is_none() && !state.offer_open() {
            start_restore();
        }
        now
    });
    let on_file = move |ev: leptos::ev::Event| {
        let chosen = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|i| i.files())
            .and_then(|f| f.get(0));
        file.set_value(chosen);
    };
    view! {
        <fieldset class="backup-settings" data-backup>
            <legend>{tr(lang, |l| words::of(l).backup_title)}</legend>
            <p class="help">{tr(lang, |l| words::of(l).backup_help)}</p>
            <form on:submit=on_backup autocomplete="off">
                <crate::ui::lock::passcode::NewPasscode id="backup-password" label=|l| words::of(l).backup_password
                    label_again=|l| words::of(l).backup_password_again first=first second=second />
                <button type="submit" disabled=move || busy.get().is_some()>{tr(lang, |l| words::of(l).backup_now)}</button>
            </form>
            <Said op=Op::Backup busy=busy said=backup_said />
            <div class="inline">
                <label for="backup-reminder-days">{tr(lang, |l| words::of(l).backup_reminder_days)}</label>
                <input id="backup-reminder-days" type="number" min="0" max="365" inputmode="numeric"
                    prop:value=reminder_days().to_string()
                    on:change=move |ev| {
                        if let Ok(d) = event_target_value(&ev).trim().parse::<u32>()
                            && d <= 365
                            && with_store(|kv| kv.set(keys::REMINDER_DAYS_KEY, &d.to_string())).is_ok()
                        {
                            backup_changed().notify();
                        }
                    } />
            </div>
            <h3>{tr(lang, |l| words::of(l).restore_title)}</h3>
            <p class="help">{tr(lang, |l| words::of(l).restore_help)}</p>

            <form on:submit=on_restore autocomplete="off">
                <div class="inline">
                    <label for="restore-file">{tr(lang, |l| words::of(l).restore_file)}</label>
                    <input id="restore-file" type="file" accept=".json,application/json" on:change=on_file />
                    <label for="restore-password">{tr(lang, |l| words::of(l).backup_password)}</label>
                    <input id="restore-password" type="password" autocomplete="off" spellcheck="false"
                        prop:value=move || restore_password.get() on:input=move |ev| restore_password.set(event_target_value(&ev)) />
                </div>
                <button type="submit" disabled=move || busy.get().is_some()>{tr(lang, |l| words::of(l).restore_now)}</button>
            </form>
            <Show when=move || asking_initials.get()>
                <crate::ui::common::initials::InitialsForm starting=false on_done=initials_given />
            </Show>
            <Said op=Op::Restore busy=busy said=restore_said />
        </fieldset>
    }
}

/// Above the records list: records changed since the last backup, which is
/// older than the coordinator's period (or never made), with a button to
/// the backup form on the settings screen. Shown only then.
#[component]
pub fn BackupDue() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let changed = backup_changed();
    // `Some(last backup's local date, if any)` while a backup is due.
    let due = Memo::new(move |_| {
        changed.track();
        let days = reminder_days();
        if days == 0 {
            return None;
        }
        let last = last_backup();
        let due = state.catalogue.with(|c| {
            backup::reminder_due(
                last.as_deref(),
                c.drafts
                    .iter()
                    .map(|s| (s.draft.created.as_str(), s.draft.updated.as_str())),
                &days_ago_iso(days),
            )
        });
        due.then(|| last.map(|l| local_time(&l).chars().take(10).collect::<String>()))
    });
    move || {
        due.get().map(|last| {
            view! {
                <div class="alert warning" role="region" aria-label=tr(lang, |l| words::of(l).backup_title) data-backup-due>
                    <p>{move || (words::of(lang.get()).backup_due)(last.as_deref())}</p>
                    <button on:click=move |_| {
                        state.go(crate::app::route::Screen::Settings);
                        crate::ui::platform::js::focus_after_frame("backup-password");
                    }>{tr(lang, |l| words::of(l).backup_go)}</button>
                </div>
            }
        })
    }
}
