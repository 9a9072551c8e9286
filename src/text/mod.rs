//! The engine's data in words: how findings, problems, fields and criteria read in
//! each language. Pure (no browser), so the `screen` command and the app
//! share it.
//!
//! Each language implements [`Messages`]; every field label and criterion
//! title is an exhaustive `match`, so a field or criterion added without its
//! wording fails to compile.

mod en;
pub mod glossary;
mod sentence;
mod zh;

use crate::engine::calendar::Calendar;
use crate::engine::criteria::CriterionId;
use crate::engine::date::Date;
use crate::engine::dictionary::Field;
use crate::engine::dictionary::Section;
use crate::engine::finding::Finding;
use crate::engine::logic::Status;
use crate::engine::record::{Problem, ProblemKind};
use crate::engine::report::{CriterionResult, Outcome};

pub use en::English;
pub use zh::Chinese;

/// A platelet unit as people write it (`×10^9/L`, `×10^3/µL`, `/µL`), the
/// same in both languages.
pub fn platelet_unit_text(u: crate::engine::record::PlateletUnit) -> &'static str {
    use crate::engine::record::PlateletUnit;
    match u {
        PlateletUnit::E9PerL => "×10^9/L",
        PlateletUnit::E3PerUl => "×10^3/µL",
        PlateletUnit::PerUl => "/µL",
    }
}

/// Which QTc sentence a finding needs: decided once here, so each language
/// only words it (the limits themselves are the engine's).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum QtcCase {
    /// Fails: must be at most the limit with block (over it, or over the
    /// limit with block).
    MustBe480,
    /// Fails: must be at most the limit (over it without block).
    MustBe450,
    /// Over the limit with the block not known.
    BlockUnknown,
    /// Passes up to the limit with the block.
    Within480,
    /// Passes at the limit or less.
    Within450,
}

impl QtcCase {
    /// The case of a QTc finding with a known QTc.
    pub(crate) fn of(
        f: &Finding,
        qtc: &crate::engine::decimal::Decimal,
        bbb: Option<bool>,
        limit: &crate::engine::decimal::Decimal,
        with_block: &crate::engine::decimal::Decimal,
    ) -> QtcCase {
        use crate::engine::logic::Tri;
        if f.bad == Tri::True {
            if bbb == Some(true) || qtc > with_block {
                QtcCase::MustBe480
            } else {
                QtcCase::MustBe450
            }
        } else if f.ok == Tri::Unknown {
            QtcCase::BlockUnknown
        } else if qtc > limit {
            QtcCase::Within480
        } else {
            QtcCase::Within450
        }
    }
}

/// A language the app speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Simplified Chinese.
    Zh,
}

impl Lang {
    /// Every language.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The wording of this language.
    pub fn messages(self) -> &'static dyn Messages {
        match self {
            Lang::En => &English,
            Lang::Zh => &Chinese,
        }
    }

    /// The language for a browser language tag: Chinese for `zh…`, else English.
    pub fn from_tag(tag: &str) -> Lang {
        if tag.to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// The code stored in settings.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// The other language (for the switch).
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Zh,
            Lang::Zh => Lang::En,
        }
    }
}

/// A criterion's published text in `lang`, when that is not the published
/// language (English): the app's own translation, as the current criteria
/// pack holds it, shown under the published
/// text and marked as such (the protocol's text prevails). A function of
/// its own rather than a `Messages` method, so only the screen that shows
/// it carries the text (a trait's every method ships with its first use).
pub fn source_translation(lang: Lang, id: CriterionId) -> Option<&'static str> {
    match lang {
        Lang::En => None,
        Lang::Zh => Some(crate::engine::pack::current::text_zh(id)),
    }
}

/// A criterion's words as the pack that judged a record has them (a record
/// judged by an earlier criteria version shows that version's title, text
/// and note). Free functions, so only the record screen carries every
/// version's words.
pub mod by_pack {
    use super::Lang;
    use crate::engine::criteria::CriterionId;
    use crate::engine::pack::{Pack, PackWords, current};

    fn words(pack: &Pack) -> &'static PackWords {
        pack.words().unwrap_or(&current::WORDS)
    }

    /// The criterion's short title.
    pub fn title(lang: Lang, pack: &Pack, id: CriterionId) -> &'static str {
        let w = words(pack);
        match lang {
            Lang::En => (w.title_en)(id),
            Lang::Zh => (w.title_zh)(id),
        }
    }

    /// The published text, verbatim (English).
    pub fn source(pack: &Pack, id: CriterionId) -> &'static str {
        (words(pack).text_en)(id)
    }

    /// The app's translation of the published text, in a language other
    /// than English.
    pub fn source_translation(lang: Lang, pack: &Pack, id: CriterionId) -> Option<&'static str> {
        match lang {
            Lang::En => None,
            Lang::Zh => Some((words(pack).text_zh)(id)),
        }
    }

    /// The reading note, if the criterion has one.
    pub fn reading_note(lang: Lang, pack: &Pack, id: CriterionId) -> Option<&'static str> {
        let w = words(pack);
        match lang {
            Lang::En => (w.note_en)(id),
            Lang::Zh => (w.note_zh)(id),
        }
    }
}

/// Everything the engine's data needs to be said in one language.
pub trait Messages: Send + Sync {
    /// A field's short label, as a coordinator reads it.
    fn field_label(&self, field: Field) -> &'static str;
    /// A criterion's short title.
    fn criterion_title(&self, id: CriterionId) -> &'static str;
    /// The spec's reading note (§5) for a criterion, if it has one.
    fn reading_note(&self, id: CriterionId) -> Option<&'static str>;
    /// One finding in words, naming the values it used.
    fn finding(&self, finding: &Finding) -> String;
    /// What is wrong, without the field's name (shown at the field).
    fn problem_kind(&self, problem: &ProblemKind, field: Option<Field>) -> String;
    /// A status in one word.
    fn status(&self, status: Status) -> &'static str;
    /// The outcome headline for coordinators (spec §3 wording).
    fn outcome_headline(&self, outcome: Outcome) -> &'static str;

    /// A form section's title.
    fn section_title(&self, section: Section) -> &'static str;
    /// Help under a field's label for coordinators, where needed.
    fn field_help(&self, field: Field) -> Option<&'static str>;
    /// The unit written after a number field (" days").
    fn unit_suffix(&self, field: Field) -> &'static str;
    /// A patient-mode question in plain words.
    fn patient_question(&self, field: Field) -> &'static str;
    /// Help for a patient-mode question, in plain words.
    fn patient_help(&self, field: Field) -> Option<&'static str>;
    /// The ECOG grades in plain words, 0–4.
    fn ecog_plain(&self, grade: u8) -> &'static str;
    /// Why a failing check rules a patient out, in plain words, as what
    /// the patient answered ("you answered that …"); never a date.
    fn patient_reason(&self, finding: &Finding) -> String;
    /// The one date the patient result gives, when time resolves every
    /// reason: from when the study team could check again (never "start").
    fn patient_check_again(&self, date: Date) -> String;
    /// What the study team checks for a criterion, in plain words.
    fn team_check(&self, id: CriterionId) -> &'static str;

    /// "No date can be given: E10 will not change with time."
    fn no_date(&self, criteria: &[&str]) -> String;
    /// "If nothing else changes, eligible from 2026-12-02."
    fn eligible_from(&self, date: Date) -> String;
    /// "Not before 2026-12-02, and still needs: …."
    fn not_before(&self, date: Date, fields: &[&str]) -> String;

    /// The eligibility calendar in one sentence, when it has something to
    /// say beyond today's verdict (the choice of sentence is made here, once).
    fn calendar_summary(&self, cal: &Calendar, screening: Date) -> Option<String> {
        if !cal.blocked.is_empty() {
            let ids: Vec<&str> = cal.blocked.iter().map(|id| id.as_str()).collect();
            return Some(self.no_date(&ids));
        }
        match (cal.earliest_eligible, cal.not_before) {
            (Some(d), _) if d > screening => Some(self.eligible_from(d)),
            (None, Some(d)) if d > screening => {
                let fields: Vec<&str> = cal
                    .still_needed
                    .iter()
                    .map(|f| self.field_label(*f))
                    .collect();
                Some(self.not_before(d, &fields))
            }
            _ => None,
        }
    }

    /// A problem with the field it concerns, for a list of problems.
    fn problem(&self, problem: &Problem) -> String {
        let what = self.problem_kind(&problem.kind, problem.field);
        if problem.path.is_empty() {
            what
        } else {
            format!("{}: {}", problem.path.escape_debug(), what)
        }
    }

    /// A criterion's reason: the findings that explain its status.
    fn reason(&self, result: &CriterionResult) -> String {
        let parts: Vec<String> = result.reason().map(|f| self.finding(f)).collect();
        parts.join("; ")
    }
}

/// "= 1.50 × ULN" for a lab result and its upper limit of normal, when both
/// are plain numbers (display only: the rule itself compares exact decimals
/// in the engine). Computed in integers, rounded half up to two places, so
/// the browser app carries no floating-point parsing or printing code.
pub fn ratio_text(value: &str, uln: &str) -> String {
    let (Some((v, v_places)), Some((u, u_places))) = (plain_decimal(value), plain_decimal(uln))
    else {
        return String::new();
    };
    if u == 0 {
        return String::new();
    }
    // value / uln = (v / 10^vp) / (u / 10^up); in hundredths, rounded.
    let num = v * 100 * 10u128.pow(u_places);
    let den = u * 10u128.pow(v_places);
    let hundredths = (2 * num + den) / (2 * den);
    format!("= {}.{:02} × ULN", hundredths / 100, hundredths % 100)
}

/// A non-negative number written as digits with an optional fraction
/// (`"35"`, `"1.25"`), as (all its digits, places after the point); `None`
/// for anything else or more than 15 digits (the ratio stays within u128).
fn plain_decimal(text: &str) -> Option<(u128, u32)> {
    let text = text.trim();
    let (int, frac) = text.split_once('.').unwrap_or((text, ""));
    let digits = int.len() + frac.len();
    if int.is_empty() || digits > 15 || !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let n = int
        .bytes()
        .chain(frac.bytes())
        .fold(0u128, |n, b| n * 10 + u128::from(b - b'0'));
    Some((n, frac.len() as u32))
}

#[cfg(test)]
mod tests {
    use super::ratio_text;

    #[test]
    fn the_uln_ratio_is_rounded_half_up_to_two_places() {
        assert_eq!(ratio_text("35", "40"), "= 0.88 × ULN"); // 0.875
        assert_eq!(ratio_text("120", "40"), "= 3.00 × ULN");
        assert_eq!(ratio_text(" 1.5 ", "0.75"), "= 2.00 × ULN");
        assert_eq!(ratio_text("0.01", "3"), "= 0.00 × ULN");
        assert_eq!(
            ratio_text("999999999999999", "0.00000000000001"),
            "= 99999999999999900000000000000.00 × ULN"
        );
    }

    #[test]
    fn no_ratio_unless_both_are_plain_numbers_and_the_limit_is_not_zero() {
        for (v, u) in [
            ("", "40"),
            ("35", ""),
            ("35", "0"),
            ("-3", "40"),
            ("1e3", "40"),
            ("3.", "4.0.1"),
            (".5", "1"),
            ("1234567890123456", "1"),
        ] {
            assert_eq!(ratio_text(v, u), "", "{v} / {u}");
        }
    }
}
