//! What every feature of the app shares: the app's state in Leptos
//! context (`state`), the screen's place in the address (`route`), and
//! the words the features share, as closures that follow the language
//! (`words`), and the screener's initials (`initials`).

pub mod answers;
pub mod deferred;
pub mod initials;
pub mod operations;
pub mod route;
pub mod state;
pub mod words;
