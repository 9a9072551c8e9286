//! The pseudonymised screening log: one CSV row per record, and one per
//! deleted record (from its tombstone, `record::stored::Tombstone::log_row`),
//! as README documents its columns.

use crate::engine::record::Record;
use crate::engine::{CriterionId, Pack, Status, calendar_with, evaluate_with};
use serde_json::Value as Json;

/// One line of the screening log: pseudonymised (the coordinator's label,
/// no answer values, no dates but the screening date and a month).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogRow {
    /// The coordinator's label (screening number).
    pub label: String,
    /// The screening date as recorded.
    pub screening_date: String,
    /// `eligible`, `not_eligible`, `incomplete`, or `invalid` when the
    /// record cannot be judged (no valid screening date).
    pub outcome: String,
    /// Ids of failing criteria.
    pub failing: Vec<&'static str>,
    /// Ids of unknown criteria.
    pub unknown: Vec<&'static str>,
    /// The month (`YYYY-MM`) from which the record is eligible if nothing
    /// else changes, if known. Only the month: the day would give away the
    /// date it counts from (chemotherapy, infarction plus N months). Empty
    /// whenever age is one of the obstacles time removes: the day, and even
    /// the month, of an 18th birthday is a date of birth.
    pub earliest_eligible: Option<String>,
    /// Which text of the criteria judged it: its criteria pack's `source`
    /// (the current pack's for a deleted record, which is not judged).
    pub criteria_text: &'static str,
    /// For a deleted record: when, by whom and why (its tombstone).
    pub deleted: Option<Deleted>,
}

/// A deleted record's row: when, by whom and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deleted {
    /// When (ISO 8601, UTC).
    pub at: String,
    /// Who (initials).
    pub by: String,
    /// Why: the reason's id, and the screener's words after ": " if any.
    pub reason: String,
}

/// The log row of a record JSON (as a draft builds it), judged by the
/// current criteria pack: see [`log_row_by`].
pub fn log_row(label: &str, screening_date: &str, record_json: &Json) -> LogRow {
    log_row_by(Pack::current(), label, screening_date, record_json)
}

/// The log row of a record JSON judged by `pack` (the record's own
/// version): its screening date as the engine read it when it is readable,
/// else `screening_date` as typed.
pub fn log_row_by(pack: &Pack, label: &str, screening_date: &str, record_json: &Json) -> LogRow {
    let mut row = LogRow {
        label: label.to_string(),
        screening_date: screening_date.to_string(),
        outcome: "invalid".to_string(),
        failing: Vec::new(),
        unknown: Vec::new(),
        earliest_eligible: None,
        criteria_text: pack.source,
        deleted: None,
    };
    if let Ok(record) = Record::from_json_value(record_json) {
        // As the engine read it (a date typed `20261125` is `2026-11-25`).
        row.screening_date = record.screening_date.to_string();
        let report = evaluate_with(pack, &record);
        let ids = |s: Status| -> Vec<&'static str> {
            pack.criteria
                .iter()
                .zip(&report.criteria)
                .filter(|(_, r)| r.status == s)
                .map(|(c, _)| c.code)
                .collect()
        };
        row.outcome = report.outcome.as_str().to_string();
        row.failing = ids(Status::Fail);
        row.unknown = ids(Status::Unknown);
        let cal = calendar_with(pack, &record, &report);
        let waits_for_age = cal.time_fixes.iter().any(|f| f.id == CriterionId::I1);
        row.earliest_eligible = cal
            .earliest_eligible
            .filter(|_| !waits_for_age)
            .map(|d| d.to_string()[..7].to_string());
    }
    row
}

/// The log's columns, in order (documented in the README). The last three
/// are filled only for a deleted record.
pub const LOG_COLUMNS: [&str; 11] = [
    "label",
    "screening_date",
    "outcome",
    "failing_criteria",
    "unknown_criteria",
    "earliest_eligible",
    "criteria_text_version",
    "app_version",
    "deleted_at",
    "deleted_by",
    "deletion_reason",
];

/// A CSV field: quoted when needed; a leading `= + - @` (or tab/CR) is
/// prefixed with `'` so a spreadsheet never runs a label as a formula.
fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// The screening log as CSV: UTF-8 with a byte-order mark (so spreadsheet
/// programs read Chinese labels correctly), CRLF line ends, one row per
/// record, then one per deleted record ([`deleted_row`]).
pub fn screening_log_csv(rows: &[LogRow]) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&LOG_COLUMNS.join(","));
    out.push_str("\r\n");
    for r in rows {
        let cells = [
            csv_field(&r.label),
            csv_field(&r.screening_date),
            r.outcome.clone(),
            r.failing.join(" "),
            r.unknown.join(" "),
            r.earliest_eligible.clone().unwrap_or_default(),
            csv_field(r.criteria_text),
            crate::APP_VERSION.to_string(),
            r.deleted
                .as_ref()
                .map_or(String::new(), |d| csv_field(&d.at)),
            r.deleted
                .as_ref()
                .map_or(String::new(), |d| csv_field(&d.by)),
            r.deleted
                .as_ref()
                .map_or(String::new(), |d| csv_field(&d.reason)),
        ];
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}
