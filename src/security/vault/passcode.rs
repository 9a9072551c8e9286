//! The rules a new passcode must meet, and the stored wait after wrong
//! passcodes (`Throttle`).

use serde::{Deserialize, Serialize};

/// The fewest characters a passcode may have.
pub const MIN_PASSCODE_CHARS: usize = 8;

/// Why a passcode is refused when set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PasscodeProblem {
    /// Fewer than [`MIN_PASSCODE_CHARS`] characters.
    TooShort,
    /// One character or a short group repeated (`00000000`, `12121212`).
    Repeats,
    /// A run up or down the digits, letters or keyboard (`12345678`,
    /// `87654321`, `abcdefgh`, `qwertyui`).
    Sequence,
    /// The two entries differ.
    Mismatch,
}

/// Checks a new passcode (typed twice). Any characters count, Chinese
/// included; what is refused is what a guesser tries first.
pub fn check_new_passcode(passcode: &str, again: &str) -> Result<(), PasscodeProblem> {
    let chars: Vec<char> = passcode.chars().flat_map(char::to_lowercase).collect();
    if passcode.chars().count() < MIN_PASSCODE_CHARS {
        return Err(PasscodeProblem::TooShort);
    }
    let n = chars.len();
    if (1..=n / 2).any(|period| (period..n).all(|i| chars[i] == chars[i - period])) {
        return Err(PasscodeProblem::Repeats);
    }
    let step = |a: char, b: char| i64::from(u32::from(b)) - i64::from(u32::from(a));
    let digits_wrap = |a: char, b: char, d: i64| {
        a.is_ascii_digit() && b.is_ascii_digit() && (step(a, b) - d).rem_euclid(10) == 0
    };
    let run = |d: i64| {
        chars
            .windows(2)
            .all(|w| step(w[0], w[1]) == d || digits_wrap(w[0], w[1], d))
    };
    const ROWS: [&str; 4] = ["1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"];
    let text: String = chars.iter().collect();
    let reversed: String = chars.iter().rev().collect();
    let on_row = ROWS
        .iter()
        .any(|row| row.contains(text.as_str()) || row.contains(reversed.as_str()));
    if run(1) || run(-1) || on_row {
        return Err(PasscodeProblem::Sequence);
    }
    if passcode != again {
        return Err(PasscodeProblem::Mismatch);
    }
    Ok(())
}

/// The stored wait after wrong passcodes: how many in a row, and the
/// device time (milliseconds since 1970) before which no passcode is tried.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Throttle {
    /// Wrong passcodes in a row.
    pub failures: u32,
    /// No passcode is tried before this time.
    pub until_ms: f64,
}

impl Throttle {
    /// Reads the stored throttle (nothing stored, or unreadable: none).
    pub fn read(text: Option<&str>) -> Throttle {
        text.and_then(|t| serde_json::from_str(t).ok())
            .unwrap_or_default()
    }

    /// The stored text.
    pub fn text(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The wait after `failures` wrong passcodes in a row: none after the
    /// first two (a typo), then 5 s doubling to at most 5 minutes.
    pub fn wait_after(failures: u32) -> u32 {
        match failures {
            0..=2 => 0,
            f => (5u32 << (f - 3).min(6)).min(300),
        }
    }

    /// Seconds still to wait at `now_ms` (0: a passcode may be tried).
    /// Never more than the wait itself, so a clock set back cannot lock
    /// the tablet for longer.
    pub fn remaining(&self, now_ms: f64) -> u32 {
        let left = ((self.until_ms - now_ms) / 1000.0).ceil();
        if left.is_nan() || left <= 0.0 {
            return 0;
        }
        let cap = Self::wait_after(self.failures);
        // (Checked above: 0 < left; the cap bounds the conversion.)
        if left >= f64::from(cap) {
            cap
        } else {
            left as u32
        }
    }

    /// The throttle after one more wrong passcode at `now_ms`.
    pub fn failed(&self, now_ms: f64) -> Throttle {
        let failures = self.failures.saturating_add(1);
        Throttle {
            failures,
            until_ms: now_ms + f64::from(Self::wait_after(failures)) * 1000.0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passcodes_a_guesser_tries_first_are_refused() {
        use PasscodeProblem::*;
        for (p, why) in [
            ("1234567", TooShort),
            ("00000000", Repeats),
            ("12121212", Repeats),
            ("abcabcab", Repeats),
            ("12345678", Sequence),
            ("87654321", Sequence),
            ("34567890", Sequence),
            ("abcdefgh", Sequence),
            ("QWERTYUI", Sequence),
            ("lkjhgfds", Sequence),
        ] {
            assert_eq!(check_new_passcode(p, p), Err(why), "{p}");
        }
        assert_eq!(check_new_passcode("ward7-tablet", "ward7-tablet"), Ok(()));
        assert_eq!(
            check_new_passcode("血液科平板电脑密码", "血液科平板电脑密码"),
            Ok(())
        );
        assert_eq!(
            check_new_passcode("ward7-tablet", "ward7-tab1et"),
            Err(Mismatch)
        );
    }

    #[test]
    fn the_wait_after_wrong_passcodes_grows_and_survives_being_stored() {
        let mut t = Throttle::default();
        let now = 1_000_000.0;
        for _ in 0..2 {
            t = t.failed(now);
            assert_eq!(t.remaining(now), 0, "a typo costs nothing");
        }
        t = t.failed(now);
        assert_eq!(t.remaining(now), 5);
        let stored = Throttle::read(Some(&t.text()));
        assert_eq!(stored.remaining(now + 1000.0), 4);
        t = stored.failed(now);
        assert_eq!(t.remaining(now), 10);
        for _ in 0..20 {
            t = t.failed(now);
        }
        assert_eq!(t.remaining(now), 300, "at most five minutes");
        // A clock set back does not make the wait longer than it is.
        assert_eq!(t.remaining(now - 86_400_000.0), 300);
        assert_eq!(Throttle::read(Some("garbage")), Throttle::default());
    }
}
