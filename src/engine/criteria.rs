//! The criteria's identities (`I1`–`E15`, inclusion or exclusion) and the
//! table of the current pack's criteria (spec §4): the rules themselves are
//! data, in the trial's criteria pack (`pack/`).

/// A criterion's identifier, as published (`I1`–`I10`, `E1`–`E15`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[allow(missing_docs)]
pub enum CriterionId {
    I1,
    I2,
    I3,
    I4,
    I5,
    I6,
    I7,
    I8,
    I9,
    I10,
    E1,
    E2,
    E3,
    E4,
    E5,
    E6,
    E7,
    E8,
    E9,
    E10,
    E11,
    E12,
    E13,
    E14,
    E15,
}

impl CriterionId {
    /// The id as written (`"I1"`).
    pub fn as_str(self) -> &'static str {
        self.def().code
    }

    /// This criterion's entry in the current pack.
    pub fn def(self) -> &'static Criterion {
        &CRITERIA[self as usize]
    }
}

/// Inclusion or exclusion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CriterionKind {
    /// Must be met.
    Inclusion,
    /// Must be absent.
    Exclusion,
}

pub use super::pack::Criterion;

/// The criteria of this trial's current pack, in published order
/// (inclusion first): the rules every verdict in this build is judged by.
pub static CRITERIA: &[Criterion] = super::pack::current::PACK.criteria;

impl Criterion {
    /// The published criterion text, verbatim (typos included), as the
    /// current pack holds it. A function rather than a column of the table:
    /// the browser app's first download evaluates records with the table,
    /// and a string the table points to ships with it, while the text is
    /// shown only by the screens fetched later.
    pub fn source(&self) -> &'static str {
        super::pack::current::text_en(self.id)
    }
}
