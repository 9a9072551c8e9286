//! The browser's clock, the only clock the app reads: today's date, now as
//! a timestamp, and timestamps shown in local time.

use crate::engine::Date;

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
