//! A signal that outlives the effects and memos reading it (the app's
//! language, the screener's initials) does not keep them: each one dropped
//! (a record screen left) is swept out of the signal's subscribers, so
//! opening a record again and again does not grow the page's memory.
//! Leptos's reactive graph kept every dropped subscriber's allocation for
//! the page's life (61 KB per opening of a record); the vendored copy's
//! patch (`vendor/reactive_graph/PATCHED.md`) sweeps them out. Counted by
//! this test binary's own allocator.
#![cfg(feature = "ui")]

use leptos::prelude::*;
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicIsize, Ordering};

/// Bytes allocated and not yet freed, by this test binary.
static LIVE: AtomicIsize = AtomicIsize::new(0);

struct Counting;

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// A screen's worth of readers of `language`: memos that read it, then
/// dropped as a screen's are when it is left.
fn open_and_leave(language: &ArcRwSignal<u32>) {
    let readers: Vec<ArcMemo<u32>> = (0..100)
        .map(|i| {
            let language = language.clone();
            ArcMemo::new(move |_| language.get() + i)
        })
        .collect();
    for reader in &readers {
        assert!(reader.get_untracked() >= language.get_untracked());
    }
}

#[test]
fn readers_dropped_leave_nothing_behind_in_a_signal_that_outlives_them() {
    let language = ArcRwSignal::new(1);
    for _ in 0..20 {
        open_and_leave(&language);
    }
    let before = LIVE.load(Ordering::Relaxed);
    for _ in 0..200 {
        open_and_leave(&language);
    }
    let grown = LIVE.load(Ordering::Relaxed) - before;
    // (Unswept, the 20,000 dropped memos kept 5.5 MB here.)
    assert!(
        grown < 16 * 1024,
        "200 screens' readers left {grown} bytes behind"
    );
}
