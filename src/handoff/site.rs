//! The site's own words, pure: an optional `site.json` that site IT places
//! next to `index.html`, naming the study team and how to reach it, in
//! English and Chinese. The patient's result ("what to do next") and the
//! printed page show it; a file that is absent or not valid leaves the
//! generic text, and the app says on the console which member is wrong.
//!
//! ```json
//! {
//!   "team": { "en": "Clinical Trial Unit, IHBD Hospital", "zh": "血液病医院临床试验中心" },
//!   "phone": "+86 22 2390 9000",
//!   "email": "trials@example.org",
//!   "address": { "en": "288 Nanjing Road, Tianjin", "zh": "天津市南京路288号" },
//!   "hours": { "en": "Mon–Fri 8:00–17:00", "zh": "周一至周五 8:00–17:00" }
//! }
//! ```
//!
//! Choices: `team` is required (contact details without a name tell a
//! patient nothing); every other member is optional. A text may be one
//! string for both languages or `{"en": …, "zh": …}` with both. Members the
//! app does not know refuse the file, so a misspelt `"telephone"` is named
//! rather than silently left out. Texts are at most 200 characters, the
//! file at most 16 KB.

use crate::text::Lang;
use serde_json::Value as Json;

/// The largest `site.json` read.
pub const MAX_SITE_BYTES: usize = 16 * 1024;
/// The longest text of one member.
pub const MAX_TEXT_CHARS: usize = 200;

/// A text in both languages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Texts {
    /// English.
    pub en: String,
    /// Simplified Chinese.
    pub zh: String,
}

impl Texts {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Zh => &self.zh,
        }
    }
}

/// The study team's contact details, as the site wrote them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Site {
    /// The team's name.
    pub team: Texts,
    /// A telephone number.
    pub phone: Option<String>,
    /// An e-mail address.
    pub email: Option<String>,
    /// Where to find the team.
    pub address: Option<Texts>,
    /// When the team can be reached.
    pub hours: Option<Texts>,
}

/// Reads `site.json`; `Err` names the problem and its member, for the
/// console warning (the generic text stays).
pub fn read_site(text: &str) -> Result<Site, String> {
    if text.len() > MAX_SITE_BYTES {
        return Err(format!(
            "site.json is {} bytes; at most {MAX_SITE_BYTES} are read",
            text.len()
        ));
    }
    let json: Json = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|e| format!("site.json is not JSON: {e}"))?;
    let Json::Object(members) = json else {
        return Err("site.json must be an object ({\"team\": …})".into());
    };
    if let Some(unknown) = members
        .keys()
        .find(|k| !["team", "phone", "email", "address", "hours"].contains(&k.as_str()))
    {
        return Err(format!(
            "site.json: unknown member \"{unknown}\" (known: team, phone, email, address, hours)"
        ));
    }
    let team = texts(&members, "team")?.ok_or("site.json: \"team\" is required")?;
    let phone = one(&members, "phone")?;
    if let Some(p) = &phone
        && !p
            .chars()
            .all(|c| c.is_ascii_digit() || " +-()./".contains(c))
    {
        return Err(format!(
            "site.json: \"phone\" may hold digits, spaces and + - ( ) . / only: \"{p}\""
        ));
    }
    let email = one(&members, "email")?;
    if let Some(e) = &email {
        let parts: Vec<&str> = e.split('@').collect();
        let valid = parts.len() == 2
            && !parts[0].is_empty()
            && parts[1].contains('.')
            && !e.chars().any(char::is_whitespace);
        if !valid {
            return Err(format!(
                "site.json: \"email\" is not an e-mail address: \"{e}\""
            ));
        }
    }
    Ok(Site {
        team,
        phone,
        email,
        address: texts(&members, "address")?,
        hours: texts(&members, "hours")?,
    })
}

type Members = serde_json::Map<String, Json>;

/// One string member (absent: `None`).
fn one(members: &Members, name: &str) -> Result<Option<String>, String> {
    match members.get(name) {
        None => Ok(None),
        Some(Json::String(s)) => checked(s, name).map(Some),
        Some(_) => Err(format!("site.json: \"{name}\" must be a string")),
    }
}

/// A text member: one string for both languages, or `{"en", "zh"}`.
fn texts(members: &Members, name: &str) -> Result<Option<Texts>, String> {
    match members.get(name) {
        None => Ok(None),
        Some(Json::String(s)) => {
            let s = checked(s, name)?;
            Ok(Some(Texts {
                en: s.clone(),
                zh: s,
            }))
        }
        Some(Json::Object(langs)) => {
            let lang = |l: &str| match langs.get(l) {
                Some(Json::String(s)) => checked(s, &format!("{name}.{l}")),
                _ => Err(format!("site.json: \"{name}\" needs \"{l}\" as a string")),
            };
            if let Some(other) = langs.keys().find(|k| *k != "en" && *k != "zh") {
                return Err(format!(
                    "site.json: \"{name}\" has \"{other}\"; only \"en\" and \"zh\" are read"
                ));
            }
            Ok(Some(Texts {
                en: lang("en")?,
                zh: lang("zh")?,
            }))
        }
        Some(_) => Err(format!(
            "site.json: \"{name}\" must be a string or {{\"en\": …, \"zh\": …}}"
        )),
    }
}

/// A trimmed, non-empty text of at most [`MAX_TEXT_CHARS`] characters.
fn checked(s: &str, name: &str) -> Result<String, String> {
    let s = s.trim();
    if s.is_empty() {
        return Err(format!("site.json: \"{name}\" is empty"));
    }
    let n = s.chars().count();
    if n > MAX_TEXT_CHARS {
        return Err(format!(
            "site.json: \"{name}\" has {n} characters; at most {MAX_TEXT_CHARS}"
        ));
    }
    Ok(s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXAMPLE: &str = r#"{
      "team": { "en": "Clinical Trial Unit", "zh": "临床试验中心" },
      "phone": "+86 22 2390 9000",
      "email": "trials@example.org",
      "address": "Tianjin",
      "hours": { "en": "Mon–Fri 8:00–17:00", "zh": "周一至周五 8:00–17:00" }
    }"#;

    #[test]
    fn the_documented_example_reads_in_both_languages() {
        let site = read_site(EXAMPLE).unwrap();
        assert_eq!(site.team.get(Lang::Zh), "临床试验中心");
        assert_eq!(site.address.unwrap().get(Lang::Zh), "Tianjin");
        assert_eq!(site.phone.as_deref(), Some("+86 22 2390 9000"));
    }

    #[test]
    fn only_the_team_is_required() {
        let site = read_site(r#"{"team": "CTU"}"#).unwrap();
        assert_eq!(site.team.en, "CTU");
        assert_eq!((site.phone, site.email, site.hours), (None, None, None));
        assert!(
            read_site(r#"{"phone": "123"}"#)
                .unwrap_err()
                .contains("\"team\" is required")
        );
    }

    #[test]
    fn each_problem_names_its_member() {
        for (text, named) in [
            ("not json", "not JSON"),
            ("[1]", "must be an object"),
            (r#"{"team": "x", "telephone": "1"}"#, "\"telephone\""),
            (r#"{"team": {"en": "x"}}"#, "needs \"zh\""),
            (r#"{"team": {"en": "x", "zh": "y", "fr": "z"}}"#, "\"fr\""),
            (r#"{"team": 3}"#, "\"team\" must be"),
            (r#"{"team": "x", "phone": "call me"}"#, "\"phone\""),
            (r#"{"team": "x", "email": "a@b"}"#, "\"email\""),
            (r#"{"team": "  "}"#, "\"team\" is empty"),
            (
                r#"{"team": "x", "hours": {"en": "", "zh": "y"}}"#,
                "\"hours.en\" is empty",
            ),
        ] {
            let e = read_site(text).unwrap_err();
            assert!(e.contains(named), "{text}: {e}");
        }
        let long = format!(r#"{{"team": "{}"}}"#, "x".repeat(201));
        assert!(read_site(&long).unwrap_err().contains("201 characters"));
        let big = format!(
            r#"{{"team": "x", "pad": "{}"}}"#,
            " ".repeat(MAX_SITE_BYTES)
        );
        assert!(read_site(&big).unwrap_err().contains("bytes"));
    }
}
