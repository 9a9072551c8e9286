//! Performance marks for the benchmark (`tools/bench.mjs`), made only when
//! it asks for them.

thread_local! {
    /// The page's `performance` when the benchmark asked for marks (it sets
    /// `window.__ctitMarks = true` before the app starts), else `None`.
    /// Marks stay in the page's performance timeline until cleared, so in
    /// everyday use (hours of typing) they would only pile up unread.
    static MARKS: Option<web_sys::Performance> = web_sys::window()
        .filter(|_| crate::ui::platform::bridge::global().ctit_marks() == Some(true))
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
