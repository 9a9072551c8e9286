//! The screening engine: pure Rust, no browser, no storage, no clock.
//!
//! It reads a record (spec §1), validates it against the data dictionary
//! (§2), and decides the criteria (§4) of a criteria pack (`pack/`: the
//! trial's 25 rules as data) with the definitions of §3. It
//! holds no user-facing text: reasons are data ([`Finding`]) that
//! `crate::text` renders in English or Chinese.

pub mod calendar;
pub mod criteria;
pub mod date;
pub mod decimal;
pub mod dictionary;
pub mod finding;
pub mod logic;
pub mod pack;
pub mod record;
pub mod report;

pub use calendar::{
    Calendar, NeededFor, TimeFix, calendar, calendar_with, what_is_needed, what_is_needed_with,
};
pub use criteria::{CRITERIA, Criterion, CriterionId, CriterionKind};
pub use date::Date;
pub use decimal::Decimal;
pub use dictionary::{FIELDS, Field, FieldSet, Kind};
pub use finding::{Detail, Finding};
pub use logic::{Status, Tri};
pub use pack::Pack;
pub use record::{FORMAT, Problem, ProblemKind, Record, Slot, Value};
pub use report::{CriterionResult, Outcome, Report, evaluate, evaluate_with};
