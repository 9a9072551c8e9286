//! What the record form reads back from what was typed, beside the field:
//! a date as understood ("= 15 March 1958", `record::dates`), so a wrong
//! reading is seen, and the other records with the same label
//! (`record::labels`), with a way to open them. The rules are the pure
//! functions'; this only draws what they say. Each part is inserted in the
//! form with one line (`field`, the record screen's head).

pub mod date;
pub mod label;
pub mod words;

pub use date::{input_date, screening_date};
pub use label::same_label;
