//! A history in and out of a record file: which entries this device
//! witnessed, the JSON array, and reading one back (an entry without
//! initials refuses the file).

use super::*;

/// Where this device's own record of a history begins: the index of its
/// newest `Imported` or `Restored` entry (0 when it has none). Every entry
/// before it came from a file, and is shown and exported as "as stated in
/// the file": this device did not witness it.
pub fn witnessed_from(entries: &[Entry]) -> usize {
    entries
        .iter()
        .rposition(|e| matches!(e.kind, Kind::Imported | Kind::Restored))
        .unwrap_or(0)
}

/// The history as a JSON array (for the record file), readable entries
/// only; an entry this device did not witness ([`witnessed_from`]) carries
/// `"as_stated_in_file": true`.
pub fn to_json(text: &str) -> serde_json::Value {
    let all = entries(text);
    let from = witnessed_from(&all);
    serde_json::Value::Array(
        all.into_iter()
            .enumerate()
            .filter_map(|(i, e)| {
                let mut json = serde_json::to_value(e).ok()?;
                if i < from
                    && let Some(map) = json.as_object_mut()
                {
                    map.insert("as_stated_in_file".into(), true.into());
                }
                Some(json)
            })
            .collect(),
    )
}

/// An entry of a file's history whose author is not initials (none, or a
/// name): the file is refused, naming it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnsignedEntry {
    /// Its position in the file's history, from 1.
    pub number: usize,
    /// Its kind as the file says it.
    pub kind: String,
    /// Its time as the file says it.
    pub at: String,
    /// Its author as the file says it ("" when none).
    pub by: String,
}

/// The history from a record file's `history` array, as text: every entry
/// this version can read, and how many it could not (a newer version's
/// kind: left out and counted). An entry without valid initials as its
/// author is not left out quietly: the whole history is refused, each such
/// entry named, since an audit trail with an unattributed entry cannot be
/// trusted at all.
pub fn from_json(json: &serde_json::Value) -> Result<(String, usize), Vec<UnsignedEntry>> {
    let mut text = String::new();
    let mut unreadable = 0;
    let mut unsigned = Vec::new();
    for (i, item) in json
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .enumerate()
    {
        let member = |name: &str| {
            item.get(name)
                .and_then(serde_json::Value::as_str)
                .unwrap_or("")
                .to_string()
        };
        let by = member("by");
        if initials(&by).as_deref() != Some(by.as_str()) {
            unsigned.push(UnsignedEntry {
                number: i + 1,
                kind: member("kind"),
                at: member("at"),
                by,
            });
            continue;
        }
        match serde_json::from_value::<Entry>(item.clone()) {
            Ok(e) => text.push_str(&e.line()),
            Err(_) => unreadable += 1,
        }
    }
    if unsigned.is_empty() {
        Ok((text, unreadable))
    } else {
        Err(unsigned)
    }
}
