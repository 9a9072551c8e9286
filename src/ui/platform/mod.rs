//! The browser, for the rest of the app: `localStorage` behind the
//! `KeyValue` trait (`storage`), the clock, the random source, files in
//! and out, the key derivation's worker (`kdf`), the benchmark's marks
//! (`perf`), DOM helpers, and typed bindings to what `web-sys` lacks and
//! to the app's own JavaScript (`bridge`, `js`).

pub mod bridge;
pub mod clock;
pub mod dom;
pub mod files;
pub mod js;
pub mod kdf;
pub mod perf;
pub mod random;
pub mod storage;
