//! The device's settings, a screen of their own at `#settings` (reached
//! from the records list's header, behind the passcode like the records):
//! the passcode (`passcode`), the retention period, backup and its
//! reminder and restore (`backup`), the storage the browser keeps and how
//! much is used (`storage_care`), and wiping the device.

pub mod backup;
pub mod door;
pub mod passcode;
pub mod storage_care;
pub mod words;

use crate::app::route::Screen;
use crate::ui::common;
use crate::ui::common::state::{AppState, Pending};
use crate::ui::common::words::tr;
use leptos::prelude::*;

/// The settings screen.
#[component]
pub fn SettingsScreen() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let confirming = RwSignal::new(false);
    // How many records the wipe removed (said in the language of the moment).
    let wiped = RwSignal::new(None::<usize>);
    let wipe = move |_| {
        let n = state.wipe();
        confirming.set(false);
        wiped.set(Some(n));
    };
    view! {
        <section class="settings-screen" aria-labelledby="settings-title" data-settings>
            <button class="link back" on:click=move |_| state.go(Screen::List)>{tr(lang, |l| common::words::of(l).all_screenings)}</button>
            <h2 id="settings-title">{tr(lang, |l| common::words::of(l).settings)}</h2>
            // A restore on a device whose passcode offer is still open waits
            // for the answer: the offer is asked here, where the restore was.
            // (Only a restore waits on it here, and says its own outcome: no
            // records list's action is there to meet a problem.)
            <Show when=move || state.offer_pending.get() == Some(Pending::Restore)>
                <crate::ui::lock::passcode::LockOffer problem=RwSignal::new(None) />
            </Show>
            <passcode::LockSettings />
            <div class="settings">
                <label for="retention-days">{tr(lang, |l| words::of(l).retention_days)}</label>
                <input id="retention-days" type="number" min="1" max="3650" inputmode="numeric"
                    prop:value=move || state.retention_days.get().to_string()
                    on:change=move |ev| {
                        if let Ok(d) = event_target_value(&ev).trim().parse::<u32>() && d > 0 {
                            state.set_retention(d);
                        }
                    } />
            </div>
            <backup::BackupRestore />
            <storage_care::StorageUse />
            <div class="settings">
                <button class="danger" on:click=move |_| confirming.set(true)>{tr(lang, |l| words::of(l).wipe)}</button>
            </div>
            <Show when=move || confirming.get()>
                <div class="alert error" role="alert">
                    <p>{tr(lang, |l| words::of(l).wipe_confirm)}</p>
                    <button class="danger" on:click=wipe>{tr(lang, |l| words::of(l).wipe_yes)}</button>
                    <button on:click=move |_| confirming.set(false)>{tr(lang, |l| common::words::of(l).cancel)}</button>
                </div>
            </Show>
            {move || wiped.get().map(|n| view! { <p class="status-line" role="status">{move || (words::of(lang.get()).wiped)(n)}</p> })}
        </section>
    }
}
