//! Importing a record file: an exported record, a worked case, or a FHIR
//! QuestionnaireResponse, read into a new draft; files over a size and
//! labels over a length are refused with their reason. Pure.

use crate::engine::dictionary::{Field, Kind};
use crate::record::draft::{Draft, uln_key, unit_key};
use serde_json::Value as Json;

/// The largest record file imported: a complete record is a few KB, so
/// anything larger is not one (and reading it could exhaust a phone).
pub const MAX_IMPORT_BYTES: usize = 1024 * 1024;
/// The longest label kept: a screening number, never a paragraph.
pub const MAX_LABEL_CHARS: usize = 64;

/// Why a file could not be imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// Not JSON, or not a record: the engine's problems with it.
    NotARecord(Vec<crate::engine::Problem>),
    /// A FHIR resource this app cannot read back as a record.
    NotFhirRecord(crate::interop::fhir::FhirImportError),
    /// Larger than [`MAX_IMPORT_BYTES`] (its size in bytes).
    TooLarge(usize),
    /// A label longer than [`MAX_LABEL_CHARS`] (its length in characters).
    LabelTooLong(usize),
    /// History entries whose author is not initials, each named.
    UnsignedHistory(Vec<crate::record::history::UnsignedEntry>),
    /// Judged by a criteria version this app does not carry (its
    /// `criteria_version` or `criteria_text`, as written): judging it by
    /// other criteria would re-judge it silently.
    CriteriaNotCarried(String),
}

/// A record read from a file.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    /// The new draft, with the file's history and status when it has them.
    pub draft: Draft,
    /// How many of the file's history entries this version could not read
    /// (a newer version's, or altered) and left out: the import's own
    /// history entry says so ([`crate::record::history::begin`]).
    pub left_out: usize,
}

/// The criteria version a record file was judged by: its
/// `criteria_version`, else the version whose text its `criteria_text`
/// names (files from before versions were written), else, for a record
/// with neither (a worked case, `screen`'s input, a FHIR response), the
/// current one. A version this app does not carry refuses the file.
fn criteria_version_of(file: &Json) -> Result<u32, ImportError> {
    use crate::engine::Pack;
    if let Some(v) = file.get("criteria_version") {
        return v
            .as_u64()
            .and_then(|v| u32::try_from(v).ok())
            .and_then(Pack::version)
            .map(|p| p.version)
            .ok_or_else(|| ImportError::CriteriaNotCarried(v.to_string()));
    }
    match file.get("criteria_text").and_then(Json::as_str) {
        Some(text) => Pack::versions()
            .find(|p| p.source == text)
            .map(|p| p.version)
            .ok_or_else(|| ImportError::CriteriaNotCarried(text.to_string())),
        None => Ok(Pack::current().version),
    }
}

/// Whether a label is within [`MAX_LABEL_CHARS`]; `Err` with its length.
pub fn check_label(label: &str) -> Result<(), usize> {
    let n = label.chars().count();
    if n > MAX_LABEL_CHARS { Err(n) } else { Ok(()) }
}

/// Reads an exported record (or a worked case `{"record": …}`, or a FHIR
/// `QuestionnaireResponse` this app exported) into a new
/// draft. Record-level problems and unknown field ids refuse the file; a bad
/// value of a known field is kept as typed text, so the field shows its
/// problem after import. `label` comes from the file's top-level `label`,
/// else the file name.
pub fn import_record(
    text: &str,
    file_name: &str,
    id: &str,
    now: &str,
) -> Result<Imported, ImportError> {
    use crate::engine::{ProblemKind, Record};
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge(text.len()));
    }
    let json: Json = serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| {
        ImportError::NotARecord(vec![problem_at("", ProblemKind::NotJson(e.to_string()))])
    })?;
    let json = match json.get("record") {
        Some(inner) if inner.is_object() && json.get("format").is_none() => inner.clone(),
        _ => json,
    };
    let json = if json.get("resourceType").is_some() {
        crate::interop::fhir::record_from_questionnaire_response(&json)
            .map_err(ImportError::NotFhirRecord)?
    } else {
        json
    };
    let fatal: Vec<crate::engine::Problem> = match Record::from_json_value(&json) {
        Err(problems) => problems,
        Ok(r) => r
            .problems
            .into_iter()
            .filter(|p| p.kind == ProblemKind::UnknownField)
            .collect(),
    };
    if !fatal.is_empty() {
        return Err(ImportError::NotARecord(fatal));
    }
    let mut draft = Draft::new(id, json["screening_date"].as_str().unwrap_or(""), now);
    draft.criteria_version = criteria_version_of(&json)?;
    draft.label = match json.get("label").and_then(Json::as_str) {
        Some(l) => {
            check_label(l).map_err(ImportError::LabelTooLong)?;
            l.to_string()
        }
        // (A long file name is cut, not refused: the user did not type it
        // as a label.)
        None => file_name
            .rsplit_once('.')
            .map_or(file_name, |(stem, _)| stem)
            .chars()
            .take(MAX_LABEL_CHARS)
            .collect(),
    };
    // A record file of this app keeps its history (an entry this version
    // cannot read is left out, and counted; one without initials refuses
    // the file); its status is what that history says, whatever the
    // file's `status` claims. The caller adds the import's own entry.
    let mut left_out = 0;
    if let Some(history) = json.get("history") {
        (draft.history, left_out) =
            crate::record::history::from_json(history).map_err(ImportError::UnsignedHistory)?;
        draft.status = crate::record::history::status_of(&draft.history);
    }
    if let Some(answers) = json.get("answers").and_then(Json::as_object) {
        for (id, value) in answers {
            let Some(field) = Field::from_id(id) else {
                continue;
            };
            match (field.def().kind, value) {
                (_, Json::Null) => {}
                (Kind::Platelets, Json::Object(m)) => {
                    draft.set_input(id, &text_of(m.get("value")));
                    draft.set_input(&unit_key(field), &text_of(m.get("unit")));
                }
                (Kind::Lab, Json::Object(m)) => {
                    draft.set_input(id, &text_of(m.get("value")));
                    draft.set_input(&uln_key(field), &text_of(m.get("uln")));
                }
                (_, v) => draft.set_input(id, &text_of(Some(v))),
            }
        }
    }
    Ok(Imported { draft, left_out })
}

fn problem_at(path: &str, kind: crate::engine::ProblemKind) -> crate::engine::Problem {
    crate::engine::Problem {
        path: path.to_string(),
        field: None,
        kind,
    }
}

/// A JSON value as the text an input would hold.
fn text_of(v: Option<&Json>) -> String {
    match v {
        None | Some(Json::Null) => String::new(),
        Some(Json::Bool(true)) => "yes".into(),
        Some(Json::Bool(false)) => "no".into(),
        Some(Json::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Record;

    #[test]
    fn import_reads_exports_and_worked_cases() {
        let case = include_str!("../../tests/cases/06-platelets-per-microlitre.json");
        let d = import_record(case, "06.json", "x", "now").unwrap().draft;
        assert_eq!(d.label, "06");
        assert_eq!(d.input(&unit_key(Field::PlateletCount)), "/uL");
        let again = Record::from_json_value(&d.record_json()).unwrap();
        let original: Json = serde_json::from_str(case).unwrap();
        assert_eq!(again, Record::from_json_value(&original["record"]).unwrap());
    }

    #[test]
    fn import_refuses_bad_files_with_reasons() {
        for text in [
            "not json",
            "{\"format\": \"other/1\"}",
            "{\"format\":\"ctit-screening/1\",\"screening_date\":\"2026-11-25\",\"answers\":{\"name\":\"x\"}}",
        ] {
            assert!(import_record(text, "f.json", "x", "now").is_err(), "{text}");
        }
        // A bad value of a known field is imported as typed.
        let ok = import_record(
            "{\"format\":\"ctit-screening/1\",\"screening_date\":\"2026-11-25\",\"answers\":{\"ecog\":7}}",
            "f.json",
            "x",
            "now"
        )
        .unwrap()
        .draft;
        assert_eq!(ok.input("ecog"), "7");
    }

    #[test]
    fn import_refuses_oversized_files_and_overlong_labels() {
        let big = format!(
            "{{\"format\":\"ctit-screening/1\",\"screening_date\":\"2026-11-25\",\"answers\":{{}},\"pad\":\"{}\"}}",
            "x".repeat(MAX_IMPORT_BYTES)
        );
        assert!(matches!(
            import_record(&big, "f.json", "x", "now"),
            Err(ImportError::TooLarge(_))
        ));
        let long = format!(
            "{{\"format\":\"ctit-screening/1\",\"screening_date\":\"2026-11-25\",\"answers\":{{}},\"label\":\"{}\"}}",
            "标".repeat(MAX_LABEL_CHARS + 1)
        );
        assert_eq!(
            import_record(&long, "f.json", "x", "now"),
            Err(ImportError::LabelTooLong(MAX_LABEL_CHARS + 1))
        );
        let ok =
            "{\"format\":\"ctit-screening/1\",\"screening_date\":\"2026-11-25\",\"answers\":{}}";
        let name = format!("{}.json", "n".repeat(200));
        let d = import_record(ok, &name, "x", "now").unwrap().draft;
        assert_eq!(d.label.chars().count(), MAX_LABEL_CHARS);
    }
}
