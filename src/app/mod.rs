//! What the browser app decides that is not drawing, as plain types with
//! native tests: which screen shows ([`route`]).

pub mod route;
