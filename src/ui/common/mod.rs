//! What every feature of the app shares: the app's state in Leptos
//! context (`state`), the screen's place in the address (`route`), and
//! interface words as closures (`words`).

pub mod route;
pub mod state;
pub mod words;
