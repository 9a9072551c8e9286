//! "Back up all records" and "Restore from a backup", in the records
//! list's settings (the tools module, fetched after the list is painted).
//! The file's format and the restore rules are `crate::backup`'s; the key
//! is derived from the backup's own password in the key-derivation worker,
//! as the passcode's is.

use super::files::{download, read_file_text};
use super::kdf;
use super::state::{AppState, BrowserRandom, now_iso, today, trs, with_store};
use crate::backup;
use crate::vault::{self, KdfInput};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Writes the backup file of every record, with `password`.
async fn back_up(state: AppState, password: String) -> Result<String, String> {
    let sc = state.lang.get_untracked().screens();
    let input = KdfInput::fresh(&mut BrowserRandom).map_err(|_| sc.random_failed.to_string())?;
    let kek = kdf::derive(&password, &input.salt, input.cost)
        .await
        .map_err(|e| (sc.kdf_failed)(&e))?;
    let records = with_store(|kv| backup::entries(kv)).map_err(|e| e.to_string())?;
    let n = records.len();
    let text = backup::write(records, &now_iso(), &input, &kek, &mut BrowserRandom)
        .map_err(|_| sc.random_failed.to_string())?;
    download(
        &format!("ctit-backup-{}.json", today()),
        "application/json",
        &text,
    )?;
    Ok((sc.backup_done)(n))
}

/// Restores `file` with `password`; the message says what was done.
async fn restore(state: AppState, file: web_sys::File, password: String) -> Result<String, String> {
    let sc = state.lang.get_untracked().screens();
    let refused = |e: backup::RestoreError| (sc.restore_refused)(&e);
    // Refused before it is read into memory. (Read through `Reflect`: a
    // typed getter would add glue to the page's start.)
    let size = js_sys::Reflect::get(&file, &"size".into())
        .ok()
        .and_then(|s| s.as_f64())
        .unwrap_or(0.0);
    if size > backup::MAX_FILE_BYTES as f64 {
        return Err(refused(backup::RestoreError::TooLarge(size as usize)));
    }
    let text = read_file_text(&file).await?;
    let (salt, cost) = backup::kdf_of(&text).map_err(refused)?;
    let kek = kdf::derive(&password, &salt, cost)
        .await
        .map_err(|e| (sc.kdf_failed)(&e))?;
    let result =
        with_store(|kv| backup::restore(&text, &kek, kv, sc.restored_suffix, &mut BrowserRandom))
            .map_err(refused)?;
    state.reload();
    match result {
        Ok(done) => Ok((sc.restored)(
            done.added,
            done.unchanged,
            done.kept_both.len(),
        )),
        Err((done, e)) => Err(format!(
            "{} {}",
            (sc.restored)(done.added, done.unchanged, done.kept_both.len()),
            e
        )),
    }
}

/// The backup and restore forms.
#[component]
pub fn BackupRestore() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let first = RwSignal::new(String::new());
    let second = RwSignal::new(String::new());
    let restore_password = RwSignal::new(String::new());
    let file = StoredValue::new_local(None::<web_sys::File>);
    let busy = RwSignal::new(false);
    let message = RwSignal::new(None::<Result<String, String>>);
    let run = move |op: std::pin::Pin<Box<dyn Future<Output = Result<String, String>>>>| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        message.set(None);
        leptos::task::spawn_local(async move {
            let r = op.await;
            busy.set(false);
            message.set(Some(r));
        });
    };
    let on_backup = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (a, b) = (first.get_untracked(), second.get_untracked());
        if let Err(p) = vault::check_new_passcode(&a, &b) {
            message.set(Some(Err(
                (lang.get_untracked().screens().passcode_problem)(p),
            )));
            return;
        }
        first.set(String::new());
        second.set(String::new());
        run(Box::pin(back_up(state, a)));
    };
    let on_restore = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(f) = file.get_value() else { return };
        let password = restore_password.get_untracked();
        restore_password.set(String::new());
        run(Box::pin(restore(state, f, password)));
    };
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
            <legend>{trs(lang, |s| s.backup_title)}</legend>
            <p class="help">{trs(lang, |s| s.backup_help)}</p>
            <form on:submit=on_backup autocomplete="off">
                <super::lock::NewPasscode id="backup-password" label=|s| s.backup_password
                    label_again=|s| s.backup_password_again first=first second=second />
                <button type="submit" disabled=move || busy.get()>{trs(lang, |s| s.backup_now)}</button>
            </form>
            <h3>{trs(lang, |s| s.restore_title)}</h3>
            <p class="help">{trs(lang, |s| s.restore_help)}</p>
            <form on:submit=on_restore autocomplete="off">
                <div class="inline">
                    <label for="restore-file">{trs(lang, |s| s.restore_file)}</label>
                    <input id="restore-file" type="file" accept=".json,application/json" on:change=on_file />
                    <label for="restore-password">{trs(lang, |s| s.backup_password)}</label>
                    <input id="restore-password" type="password" autocomplete="off" spellcheck="false"
                        prop:value=move || restore_password.get() on:input=move |ev| restore_password.set(event_target_value(&ev)) />
                </div>
                <button type="submit" disabled=move || busy.get()>{trs(lang, |s| s.restore_now)}</button>
            </form>
            <Show when=move || busy.get()>
                <p class="status-line" role="status">{trs(lang, |s| s.working)}</p>
            </Show>
            {move || message.get().map(|m| match m {
                Ok(text) => view! { <p class="status-line" role="status" data-backup-result>{text}</p> }.into_any(),
                Err(text) => view! { <p class="field-error" role="alert" data-backup-result>{text}</p> }.into_any(),
            })}
        </fieldset>
    }
}
