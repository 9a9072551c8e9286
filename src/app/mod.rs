//! What the browser app decides that is not drawing, as plain types with
//! native tests: which screen shows ([`route`]) and which labels the
//! records list's search finds ([`search`]), and the style sheets the
//! screens fetched later add ([`sheet`]).

pub mod route;
pub mod search;
pub mod sheet;
