//! What is written about one record, in one place for the `screen` command
//! and the app: the verdict as `screen` prints it ([`Verdict`]: outcome,
//! every criterion's status and reason in published order, the earliest
//! eligible date) and the app's record file ([`record_file`]: the record in
//! the spec's format, its label, the versions, and that same verdict as
//! `result`). Pure.
//!
//! The order of the verdict's fields and of the criteria is the published
//! one, whatever the JSON map type sorts by: [`Verdict`] serializes itself
//! field by field, so `screen`'s line and the file's `result` are the same
//! object written the same way (a test compares them for every shared case).

use crate::engine::{CRITERIA, Date, Pack, Record, Report, calendar_with, evaluate_with};
use crate::text::{Lang, Messages};
use serde::ser::{Serialize, SerializeMap, Serializer};

/// A record's verdict as `screen` prints it, reasons in English.
#[derive(Clone, Debug, PartialEq)]
pub struct Verdict {
    /// Statuses, reasons and outcome.
    pub report: Report,
    /// The first date the record is eligible if nothing else changes.
    pub earliest_eligible: Option<Date>,
}

impl Verdict {
    /// Judges `record` by the current pack.
    pub fn of(record: &Record) -> Verdict {
        Verdict::under(Pack::current(), record)
    }

    /// Judges `record` by `pack`.
    pub fn under(pack: &Pack, record: &Record) -> Verdict {
        let report = evaluate_with(pack, record);
        let earliest_eligible = calendar_with(pack, record, &report).earliest_eligible;
        Verdict {
            report,
            earliest_eligible,
        }
    }

    /// The verdict as one line of JSON (what `screen` prints per record).
    pub fn to_line(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// The criteria's statuses (`reasons: false`) or reasons, keyed by code in
/// published order.
struct PerCriterion<'a> {
    report: &'a Report,
    reasons: bool,
}

impl Serialize for PerCriterion<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let messages: &dyn Messages = Lang::En.messages();
        let mut map = s.serialize_map(Some(CRITERIA.len()))?;
        for (c, r) in CRITERIA.iter().zip(&self.report.criteria) {
            if self.reasons {
                map.serialize_entry(c.code, &messages.reason(r))?;
            } else {
                map.serialize_entry(c.code, r.status.as_str())?;
            }
        }
        map.end()
    }
}

impl Serialize for Verdict {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(4))?;
        map.serialize_entry("outcome", self.report.outcome.as_str())?;
        let statuses = PerCriterion {
            report: &self.report,
            reasons: false,
        };
        map.serialize_entry("criteria", &statuses)?;
        let reasons = PerCriterion {
            report: &self.report,
            reasons: true,
        };
        map.serialize_entry("reasons", &reasons)?;
        map.serialize_entry(
            "earliest_eligible",
            &self.earliest_eligible.map(|d| d.to_string()),
        )?;
        map.end()
    }
}

/// The app's record file: the record in the spec's format (what `screen`
/// and import read), then `label`, `app_version`, `criteria_text`,
/// `criteria_version` (the criteria pack that judged it: import keeps it)
/// and `result` (the [`Verdict`]), which readers of the format ignore.
struct RecordFile<'a> {
    record: serde_json::Value,
    label: &'a str,
    verdict: Verdict,
    criteria: &'a Pack,
    trail: Option<&'a Trail<'a>>,
}

/// A record's status and history, for the files of a record kept in the
/// app (the `screen` command has none).
pub struct Trail<'a> {
    /// Where the record stands.
    pub status: crate::record::history::Status,
    /// Its history (its stored text, `crate::record::history`).
    pub history: &'a str,
}

impl Serialize for RecordFile<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        if let Some(fields) = self.record.as_object() {
            for (k, v) in fields {
                map.serialize_entry(k, v)?;
            }
        }
        map.serialize_entry("label", self.label)?;
        map.serialize_entry("app_version", crate::APP_VERSION)?;
        map.serialize_entry("criteria_text", self.criteria.source)?;
        map.serialize_entry("criteria_version", &self.criteria.version)?;
        map.serialize_entry("result", &self.verdict)?;
        if let Some(t) = self.trail {
            map.serialize_entry("status", t.status.as_str())?;
            map.serialize_entry("history", &crate::record::history::to_json(t.history))?;
        }
        map.end()
    }
}

/// The text of the app's record file for `record` (pretty-printed JSON);
/// with a `trail`, its `status` and `history` (an array of entries) last,
/// which `screen` and other readers of the format ignore.
pub fn record_file(record: &Record, label: &str, trail: Option<&Trail>) -> String {
    record_file_by(Pack::current(), record, label, trail)
}

/// The record file of a record judged by `pack` (its own criteria
/// version): the verdict and `criteria_text` are that pack's.
pub fn record_file_by(pack: &Pack, record: &Record, label: &str, trail: Option<&Trail>) -> String {
    let file = RecordFile {
        record: record.to_json_value(),
        label,
        verdict: Verdict::under(pack, record),
        criteria: pack,
        trail,
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// The FHIR R4 QuestionnaireResponse file for `record` (pretty-printed);
/// with a `trail`, its status, author and authored time are the record's
/// (`interop::fhir::with_authorship`).
pub fn fhir_file(record: &Record, label: &str, trail: Option<&Trail>) -> String {
    let mut qr = crate::interop::fhir::questionnaire_response(record, label);
    if let Some(t) = trail {
        let authorship = crate::interop::fhir::Authorship {
            status: t.status.as_str(),
            last_change: crate::record::history::last_change(t.history),
        };
        crate::interop::fhir::with_authorship(&mut qr, record, &authorship);
    }
    serde_json::to_string_pretty(&qr).unwrap_or_default()
}

/// The file name of a record's export: `ctit-record-<id>-<screening date>`
/// plus `extension`. Never the label: downloads folders sync to clouds and
/// show in recent-files lists, and a label is a screening number (or, typed
/// carelessly, a name). The id is random and says nothing of the person; it
/// is made safe for any file system all the same (letters, digits, `-` and
/// `_` kept, anything else a `-`, none at either end).
pub fn file_name(id: &str, record: &Record, extension: &str) -> String {
    let safe: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let mut name = String::from("ctit-record-");
    for part in safe.split('-').filter(|p| !p.is_empty()) {
        name.push_str(part);
        name.push('-');
    }
    format!("{name}{}{extension}", record.screening_date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(date: &str) -> Record {
        Record::from_json_value(&serde_json::json!({
            "format": "ctit-screening/1", "screening_date": date, "answers": {}
        }))
        .unwrap()
    }

    #[test]
    fn an_export_is_named_by_record_id_and_date_never_by_its_label() {
        // Downloads folders sync to clouds and show in recent-files lists:
        // the label (a screening number, or worse, a name typed there) must
        // not be in the file's name.
        let name = file_name("0a1b2c3d4e5f60718293a4b5", &record("2026-11-25"), ".json");
        assert_eq!(name, "ctit-record-0a1b2c3d4e5f60718293a4b5-2026-11-25.json");
    }

    #[test]
    fn an_id_that_is_not_a_plain_token_is_made_safe_for_any_file_system() {
        let name = file_name("../x y", &record("2026-11-25"), ".fhir.json");
        assert_eq!(name, "ctit-record-x-y-2026-11-25.fhir.json");
        assert_eq!(
            file_name("", &record("2026-11-25"), ".json"),
            "ctit-record-2026-11-25.json"
        );
    }
}
