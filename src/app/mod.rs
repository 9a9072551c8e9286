//! What the browser app decides that is not drawing, as plain types with
//! native tests: which screen shows ([`route`]) and which labels the
//! records list's search finds ([`search`]).

pub mod route;
pub mod search;
