//! Why a passcode operation (unlocking, setting, changing, removing) did
//! not happen, kept as what happened and put in words only when drawn, so
//! a coordinator who switches the language to read it reads it in that
//! language.

use crate::security::vault::PasscodeProblem;
use crate::text::Lang;
use crate::ui::common;
use crate::ui::lock::words;
use crate::ui::platform::kdf::KdfError;

/// The operation a technical failure interrupted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Doing {
    /// Unlocking with the passcode.
    Unlocking,
    /// Setting a passcode.
    Setting,
    /// Changing the passcode.
    Changing,
    /// Removing the passcode.
    Removing,
}

/// Why a passcode operation did not happen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// A wrong passcode; seconds before the next try.
    Wrong(u32),
    /// Still waiting after wrong passcodes; seconds left.
    Wait(u32),
    /// The new passcode breaks the rule, or its two entries differ.
    Rule(PasscodeProblem),
    /// Another tab set a passcode at the same moment; that one protects
    /// the records.
    SetElsewhere,
    /// The browser's secure random source failed: nothing was changed.
    NoRandomness,
    /// The key derivation failed or ran too long.
    Kdf(KdfError),
    /// No passcode is set any more (removed in another tab).
    NoPasscode,
    /// The browser's storage or the vault refused, in their own words (a
    /// detail for site IT, not translated), after what was being done.
    Failed(Doing, String),
}

impl Failure {
    /// What to tell the coordinator, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let w = words::of(lang);
        let ops = common::operations::of(lang);
        match self {
            Failure::Wrong(wait) => (w.wrong_passcode)(*wait),
            Failure::Wait(left) => (w.wait_before_try)(*left),
            Failure::Rule(problem) => (w.passcode_problem)(*problem),
            Failure::SetElsewhere => w.passcode_set_elsewhere.to_string(),
            Failure::NoRandomness => ops.random_failed.to_string(),
            Failure::Kdf(e) => e.words(ops),
            Failure::NoPasscode => w.no_passcode_now.to_string(),
            Failure::Failed(doing, detail) => (match doing {
                Doing::Unlocking => w.unlock_failed,
                Doing::Setting => w.passcode_failed,
                Doing::Changing => w.change_failed,
                Doing::Removing => w.remove_failed,
            })(detail),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every() -> Vec<Failure> {
        let mut all = vec![
            Failure::Wrong(0),
            Failure::Wrong(5),
            Failure::Wait(30),
            Failure::Rule(PasscodeProblem::Mismatch),
            Failure::SetElsewhere,
            Failure::NoRandomness,
            Failure::Kdf(KdfError::TooLong),
            Failure::NoPasscode,
        ];
        for doing in [
            Doing::Unlocking,
            Doing::Setting,
            Doing::Changing,
            Doing::Removing,
        ] {
            all.push(Failure::Failed(doing, "QuotaExceededError".into()));
        }
        all
    }

    #[test]
    fn every_failure_is_said_in_each_language_and_keeps_its_detail() {
        for failure in every() {
            let (en, zh) = (failure.text(Lang::En), failure.text(Lang::Zh));
            assert!(
                zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{failure:?}: {zh}"
            );
            assert!(!en.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)));
            if let Failure::Failed(..) = failure {
                assert!(en.contains("QuotaExceededError") && zh.contains("QuotaExceededError"));
            }
        }
    }

    #[test]
    fn each_operation_interrupted_is_named() {
        let said: Vec<String> = [
            Doing::Unlocking,
            Doing::Setting,
            Doing::Changing,
            Doing::Removing,
        ]
        .into_iter()
        .map(|d| Failure::Failed(d, "x".into()).text(Lang::En))
        .collect();
        for (i, a) in said.iter().enumerate() {
            assert!(said[i + 1..].iter().all(|b| b != a), "{said:?}");
        }
    }
}
