//! What the browser app decides that is not drawing, as plain types with
//! native tests: which screen shows ([`route`]) and which labels the
//! records list's search finds ([`search`]), the records' outcomes its
//! filter reads, judged ahead ([`outcomes`]), when the list's rows past its
//! first frame's are drawn ([`list_rows`]), a row's delete question while
//! it is open ([`delete_question`]), what its last action met
//! ([`list_problem`]), the style sheets the
//! screens fetched later add ([`sheet`]), and when the offer of a new
//! version may show ([`update_offer`]).

pub mod delete_question;
pub mod list_problem;
pub mod list_rows;
pub mod outcomes;
pub mod route;
pub mod search;
pub mod sheet;
pub mod update_offer;
