//! The patient → study team handoff, pure: a patient's self-check answers
//! written as the text of one QR code, and read back (or refused with its
//! reason) on the coordinator's tablet. No server: the answers travel as a
//! picture from one screen to the other.
//!
//! The text is `NCT07063225:1:` followed by Base45 (RFC 9285) of the
//! zlib-compressed answers, so the whole code is in the QR alphanumeric
//! mode, as the EU digital COVID certificate does. zlib rather than raw
//! DEFLATE: its Adler-32 check costs four bytes and lets a damaged or
//! altered text be refused rather than read as other answers (the QR
//! code's own error correction fixes what a camera misreads; this catches
//! the rest, such as a text typed or cut by hand).
//!
//! The compressed text is one line per answer: a one-character code for
//! the input (its position in [`codes`]) and the answer as the patient
//! typed it (without surrounding spaces), yes/no and female/male answers
//! written as one character. The first line is the date of the
//! self-check. Never a name: the self-check asks none, and only the inputs
//! in [`codes`] are carried.
//!
//! Choices the issue leaves open, written down:
//! - **Every answer a code carries is valid**, and the reader holds a code
//!   to that: the date of the self-check must be a real date written
//!   `YYYY-MM-DD` (the engine's [`Date::parse`]), and each answer must be
//!   one the engine accepts for its question (the data dictionary's type
//!   and range: yes/no, whole numbers in range, real dates not after the
//!   self-check, female/male, a platelet unit; [`Draft::problem_at`], the
//!   same validation as the record form's, but dates written exactly
//!   `YYYY-MM-DD`: the form also reads `19610402` and the like as typed
//!   (`record::dates`), a code does not) and at most [`MAX_VALUE_BYTES`]
//!   long. The patient's side writes a date the patient typed (a browser
//!   without a date picker) as the form reads it. A code that breaks this is refused, naming the field
//!   ([`Refusal::BadCheckDate`], [`Refusal::BadAnswer`]), and nothing is
//!   created. This reverses the first version's choice ("answers are
//!   carried as typed, even when not valid"): a crafted code could then
//!   bring kilobytes of text into a new record as the patient's. Whether
//!   a question applies (pregnancy for a man) is not the reader's
//!   business: the record form and the engine skip what does not apply.
//! - **The patient's side carries only valid answers** ([`Handoff::from_draft`]),
//!   so it never shows a code the reader refuses. A patient can reach
//!   "Show my answers to the study team" with an answer that is not valid
//!   (a half-typed number, a date in the future): the code is still shown,
//!   without that answer, and the code sheet names each question left out
//!   ([`Carried::left_out`]) and says the study team will ask it again or
//!   the patient can correct it first. Holding the code back instead would
//!   turn a patient away from the team over one typo; a coordinator asks
//!   an unanswered question anyway, and a question left out is one they
//!   can see. Answers to questions that do not apply (an age typed before
//!   the birth date, kept but no longer asked) are left out silently when
//!   not valid: the patient never sees those questions.
//! - **Answers are cut to [`MAX_VALUE_BYTES`] bytes** when written: no
//!   answer the self-check's inputs give is longer than 10 characters (a
//!   date), and the cut guarantees that any set of answers fits one code
//!   of version 25 or lower at error correction M (`worst_case_fits`). The
//!   patient's side judges each answer as it will be carried, after the
//!   cut.
//! - **Line breaks inside an answer** (which the inputs cannot produce)
//!   become spaces, since a line is one answer.
//! - **A format version other than 1 is refused**, newer or older: reading
//!   it as version 1 could put an answer in the wrong field.

pub mod qr;
pub mod site;

use crate::engine::dictionary::{Field, Kind};
use crate::engine::record::PlateletUnit;
use crate::engine::{Date, ProblemKind};
use crate::patient::all_questions;
use crate::record::draft::{Draft, field_of, unit_key};
use crate::record::judge::{On, judge};
use std::collections::BTreeMap;

/// The trial this app screens for; a code names it first.
pub const TRIAL: &str = crate::TRIAL_ID;
/// The format version this app writes and reads.
pub const VERSION: u32 = 1;
/// The longest answer carried, in bytes of UTF-8 (cut at a character).
pub const MAX_VALUE_BYTES: usize = 32;
/// The largest QR version a code may need (at error correction M).
pub const MAX_QR_VERSION: u8 = 25;
/// The most text a code can decompress to: far above any set of answers,
/// so a crafted code cannot make a tablet inflate megabytes.
const MAX_PLAIN_BYTES: usize = 4096;

/// The input keys a code carries, in code order: every question of the
/// self-check (the dictionary's P fields, in the order they are asked),
/// then the platelet count's unit. A key's code is the character at its
/// position in [`CODE_CHARS`]; appending keys keeps version 1 readable,
/// reordering them does not.
pub fn codes() -> impl Iterator<Item = String> {
    all_questions()
        .map(|f| f.id().to_string())
        .chain(std::iter::once(unit_key(Field::PlateletCount)))
}

/// The characters naming the inputs, one per key of [`codes`].
const CODE_CHARS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// A patient's answers as carried by a code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Handoff {
    /// The date of the self-check (the patient's device's).
    pub checked_on: Date,
    /// The answers, by input key (see the module's choices).
    pub inputs: BTreeMap<String, String>,
}

/// What a code carries of a self-check (see [`Handoff::from_draft`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Carried {
    /// The valid answers.
    pub handoff: Handoff,
    /// The questions asked whose answers are not valid and so are not in
    /// the code, in the order they are asked.
    pub left_out: Vec<Field>,
}

/// What is wrong with an answer a code carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswerFault {
    /// Longer than any answer this app writes ([`MAX_VALUE_BYTES`]).
    TooLong,
    /// Not valid for its question: the engine's problem with it.
    Invalid(ProblemKind),
}

/// Why a scanned code is not taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Not a screening code at all (a web address, another app's code).
    NotOurs,
    /// A screening code of another trial (its id).
    OtherTrial(String),
    /// A code of this trial in a format version this app does not read.
    OtherVersion(String),
    /// The right trial and version, but the content is damaged or altered.
    Damaged,
    /// The date of the self-check is not a real date written `YYYY-MM-DD`.
    BadCheckDate,
    /// An answer that is not valid for its question.
    BadAnswer {
        /// The question.
        field: Field,
        /// What is wrong with the answer.
        fault: AnswerFault,
    },
}

impl Handoff {
    /// What a code carries of a patient's self-check (its draft) done on
    /// `checked_on`: only the inputs in [`codes`], only those given, and
    /// only those valid as they will be carried; the questions still asked
    /// whose answers are left out are named (see the module's choices).
    pub fn from_draft(draft: &Draft, checked_on: Date) -> Carried {
        let mut inputs = BTreeMap::new();
        for key in codes() {
            let typed = draft.input(&key).trim();
            // A date typed (a browser without a date picker gives a text
            // box) goes as the record form reads it: `YYYY-MM-DD`.
            let value = if kind_of(&key) == Some(Kind::Date) {
                clean(&crate::record::dates::for_record(typed))
            } else {
                clean(typed)
            };
            if !value.is_empty() {
                inputs.insert(key, value);
            }
        }
        let faulty: Vec<Field> = all_questions()
            .filter(|&f| answer_fault(&inputs, f, checked_on).is_some())
            .collect();
        inputs.retain(|key, _| Field::from_id(field_of(key)).is_none_or(|f| !faulty.contains(&f)));
        let applicable = judge(draft, On::Today, checked_on).applicable;
        Carried {
            handoff: Handoff { checked_on, inputs },
            left_out: faulty
                .into_iter()
                .filter(|f| applicable.contains(f))
                .collect(),
        }
    }

    /// The code's text: `NCT07063225:1:` and the Base45 of the zlib-compressed
    /// answers (see the module documentation).
    pub fn encode(&self) -> String {
        let mut plain = self.checked_on.to_string();
        for (i, key) in codes().enumerate() {
            let value = self.inputs.get(&key).map(|v| clean(v)).unwrap_or_default();
            if value.is_empty() {
                continue;
            }
            plain.push('\n');
            plain.push(char::from(CODE_CHARS[i]));
            plain.push_str(&compact(kind_of(&key), &value));
        }
        let packed = miniz_oxide::deflate::compress_to_vec_zlib(plain.as_bytes(), 9);
        format!("{TRIAL}:{VERSION}:{}", base45_encode(&packed))
    }

    /// Reads a code's text, or says why it is refused. Never panics, whatever
    /// the text.
    pub fn decode(text: &str) -> Result<Handoff, Refusal> {
        let mut parts = text.trim().splitn(3, ':');
        let (trial, version, body) = match (parts.next(), parts.next(), parts.next()) {
            (Some(t), Some(v), Some(b)) => (t, v, b),
            _ => return Err(Refusal::NotOurs),
        };
        let looks_like_a_trial = trial.len() == 11
            && trial.starts_with("NCT")
            && trial[3..].bytes().all(|b| b.is_ascii_digit());
        if !looks_like_a_trial {
            return Err(Refusal::NotOurs);
        }
        if trial != TRIAL {
            return Err(Refusal::OtherTrial(trial.to_string()));
        }
        if version != VERSION.to_string() {
            return Err(Refusal::OtherVersion(version.chars().take(8).collect()));
        }
        let packed = base45_decode(body).ok_or(Refusal::Damaged)?;
        let plain =
            miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&packed, MAX_PLAIN_BYTES)
                .map_err(|_| Refusal::Damaged)?;
        let plain = String::from_utf8(plain).map_err(|_| Refusal::Damaged)?;
        let mut lines = plain.split('\n');
        let checked_on = lines.next().unwrap_or("");
        let keys: Vec<String> = codes().collect();
        let mut inputs = BTreeMap::new();
        for line in lines {
            let mut chars = line.chars();
            let code = chars.next().ok_or(Refusal::Damaged)?;
            let index = CODE_CHARS
                .iter()
                .position(|&c| char::from(c) == code)
                .ok_or(Refusal::Damaged)?;
            let key = keys.get(index).ok_or(Refusal::Damaged)?;
            let value = expand(kind_of(key), chars.as_str()).ok_or(Refusal::Damaged)?;
            if value.is_empty() || inputs.insert(key.clone(), value).is_some() {
                return Err(Refusal::Damaged);
            }
        }
        let checked_on = Date::parse(checked_on).ok_or(Refusal::BadCheckDate)?;
        for field in all_questions() {
            if let Some(fault) = answer_fault(&inputs, field, checked_on) {
                return Err(Refusal::BadAnswer { field, fault });
            }
        }
        Ok(Handoff { checked_on, inputs })
    }

    /// A new draft holding these answers (a new record: `id`, created `now`,
    /// screened on `screening_date`), each marked as reported by the patient.
    pub fn into_draft(self, id: &str, screening_date: &str, now: &str) -> Draft {
        let mut draft = Draft::new(id, screening_date, now);
        for (key, value) in self.inputs {
            draft.set_input(&key, &value);
            draft.mark_reported(&key);
        }
        draft.patient_checked_on = self.checked_on.to_string();
        draft
    }
}

/// What is wrong with the answer to `field` among `inputs` (by input key),
/// judged as on `on`: too long, not valid for the field (the engine's
/// validation, with its unit), or a platelet unit that is not one of the
/// three (also when no count was given). `None` when valid or absent.
fn answer_fault(inputs: &BTreeMap<String, String>, field: Field, on: Date) -> Option<AnswerFault> {
    let keys = [field.id().to_string(), unit_key(field)];
    let given = || keys.iter().filter_map(|k| inputs.get(k));
    if given().any(|v| v.len() > MAX_VALUE_BYTES) {
        return Some(AnswerFault::TooLong);
    }
    // A code is a file format: its dates are `YYYY-MM-DD` exactly, though
    // the record form reads more of what is typed (`record::dates`).
    if field.def().kind == Kind::Date && given().any(|v| Date::parse(v.trim()).is_none()) {
        return Some(AnswerFault::Invalid(ProblemKind::BadDate));
    }
    let mut draft = Draft::new("", "", "");
    for key in &keys {
        if let Some(value) = inputs.get(key) {
            draft.set_input(key, value);
        }
    }
    if let Some(problem) = draft.problem_at(field, on) {
        return Some(AnswerFault::Invalid(problem));
    }
    let unit = inputs.get(&keys[1]).map(|u| u.trim());
    match unit {
        Some(u) if field.def().kind == Kind::Platelets && PlateletUnit::parse(u).is_none() => Some(
            AnswerFault::Invalid(ProblemKind::UnknownUnit(u.to_string())),
        ),
        _ => None,
    }
}

/// The kind of the field an input key belongs to (`None` for a unit).
fn kind_of(key: &str) -> Option<Kind> {
    Field::from_id(key).map(|f| f.def().kind)
}

/// One line's worth of an answer: line breaks as spaces, at most
/// [`MAX_VALUE_BYTES`] bytes, cut at a character.
fn clean(value: &str) -> String {
    let mut out = String::new();
    for c in value.chars() {
        let c = if c == '\n' || c == '\r' { ' ' } else { c };
        if out.len() + c.len_utf8() > MAX_VALUE_BYTES {
            break;
        }
        out.push(c);
    }
    out
}

/// Yes/no and female/male as one character; anything else as typed, after
/// `=` when it could be mistaken for one of those.
fn compact(kind: Option<Kind>, value: &str) -> String {
    let short = match (kind, value) {
        (Some(Kind::Bool), "yes") => Some("1"),
        (Some(Kind::Bool), "no") => Some("0"),
        (Some(Kind::Sex), "female") => Some("f"),
        (Some(Kind::Sex), "male") => Some("m"),
        _ => None,
    };
    match (short, kind) {
        (Some(s), _) => s.to_string(),
        (None, Some(Kind::Bool | Kind::Sex)) => format!("={value}"),
        (None, _) => value.to_string(),
    }
}

/// The inverse of [`compact`]; `None` for a value [`compact`] cannot write.
fn expand(kind: Option<Kind>, text: &str) -> Option<String> {
    match kind {
        Some(Kind::Bool | Kind::Sex) => match text {
            "1" if kind == Some(Kind::Bool) => Some("yes".into()),
            "0" if kind == Some(Kind::Bool) => Some("no".into()),
            "f" if kind == Some(Kind::Sex) => Some("female".into()),
            "m" if kind == Some(Kind::Sex) => Some("male".into()),
            _ => text.strip_prefix('=').map(str::to_string),
        },
        _ => Some(text.to_string()),
    }
}

/// The Base45 alphabet (RFC 9285): exactly the QR alphanumeric characters.
const BASE45: &[u8; 45] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

/// Base45 (RFC 9285): two bytes as three characters, a last byte as two.
pub fn base45_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 3 / 2 + 2);
    for pair in bytes.chunks(2) {
        let (mut n, digits) = match *pair {
            [a, b] => (usize::from(a) * 256 + usize::from(b), 3),
            [a] => (usize::from(a), 2),
            _ => unreachable!("chunks(2) gives one or two bytes"),
        };
        for _ in 0..digits {
            out.push(char::from(BASE45[n % 45]));
            n /= 45;
        }
    }
    out
}

/// Reads Base45; `None` for a character outside the alphabet, a dangling
/// character, or a group worth more than its bytes can hold.
pub fn base45_decode(text: &str) -> Option<Vec<u8>> {
    let digits: Vec<usize> = text
        .bytes()
        .map(|b| BASE45.iter().position(|&c| c == b))
        .collect::<Option<_>>()?;
    let mut out = Vec::with_capacity(digits.len() * 2 / 3 + 1);
    for group in digits.chunks(3) {
        match *group {
            [c, d, e] => {
                let n = c + d * 45 + e * 45 * 45;
                let pair = u16::try_from(n).ok()?;
                out.extend_from_slice(&pair.to_be_bytes());
            }
            [c, d] => out.push(u8::try_from(c + d * 45).ok()?),
            _ => return None,
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests;
