//! Dates as a coordinator types them on a tablet, understood: the one
//! reading behind the record form's date fields (and its screening date).
//! Pure. The draft keeps the text exactly as typed; what is understood
//! becomes `YYYY-MM-DD` only where the draft becomes the spec §1 record
//! for the engine (`Draft::record_json`, `Draft::problem_at`), and the form
//! shows the date as understood beside the field, so a wrong reading is
//! seen. Record files, codes and `screen` stay strict: this is only for
//! what is typed.
//!
//! What is read, and why:
//! - **The year first, always four digits**, then the month, then the day:
//!   `1958-03-15`, `1958-3-15`, `1958/03/15`, `1958.3.15`, `1958 03 15`,
//!   `1958年3月15日` (年, 月 and 日 are read as separators), and
//!   `19580315`, the eight digits a numeric keypad (no hyphen on a
//!   tablet's) can type. Full-width digits and separators from a Chinese
//!   input method (`１９５８－０３－１５`) are read as their plain forms.
//!   Any run of separators splits the parts (`1958 - 03 - 15`).
//! - **Never guessed** ([`Typed::Ambiguous`]): the year last
//!   (`15.03.1958`, `03/15/1958`), because day-first and month-first are
//!   both in use (`03/04/1958` is 3 April in Tianjin and 4 March in Boston),
//!   and refusing them all means a form is never read one day and refused
//!   the next when the day happens to be over 12; and a two-digit year
//!   (`58-03-15`, `580315`, `03/15/58`), which could be 1958 or 2058 and
//!   puts the year's place in doubt too. The form says to type the year
//!   first.
//! - **Nothing else is read**: a half-typed date (`1958-03`, `1958031`)
//!   or any other text goes to the engine as typed, which names the
//!   problem at its field. A form read as year, month and day that is no
//!   real date (`1958-02-30`, `19581503`) goes as `YYYY-MM-DD` and the
//!   engine says it is not a real date: the parts are never swapped.

use crate::engine::Date;

/// What a typed date says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Typed {
    /// Year, month and day, in that order, as typed (a real date or not:
    /// [`Date::new`] judges).
    Read {
        /// The year (four digits).
        year: u32,
        /// The month as typed (1–2 digits).
        month: u32,
        /// The day as typed (1–2 digits).
        day: u32,
    },
    /// A date readable two ways (the year last, or two digits of it):
    /// never guessed.
    Ambiguous,
    /// Not a date this app reads: nothing, half-typed, or other text.
    Unreadable,
}

/// The digit a character stands for (plain or full-width).
fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// Whether a character separates a date's parts: `-` `/` `.` and spaces,
/// their full-width forms, dashes and the minus sign, and 年 月 日.
fn separator(c: char) -> bool {
    matches!(
        c,
        '-' | '/' | '.' | ' ' | '\t' | '\u{3000}' | '－' | '／' | '．' | '\u{2010}'
            ..='\u{2015}' | '\u{2212}' | '年' | '月' | '日'
    )
}

/// Reads a typed date (see the module's documentation for what is read).
/// Never panics, whatever the text.
pub fn read(typed: &str) -> Typed {
    // Up to three runs of digits: (value, how many digits).
    let mut parts = [(0u32, 0u32); 3];
    let mut n = 0;
    let mut in_digits = false;
    for c in typed.chars() {
        if let Some(d) = digit(c) {
            if !in_digits {
                if n == parts.len() {
                    return Typed::Unreadable;
                }
                n += 1;
                in_digits = true;
            }
            let part = &mut parts[n - 1];
            if part.1 == 8 {
                return Typed::Unreadable;
            }
            *part = (part.0 * 10 + d, part.1 + 1);
        } else if separator(c) {
            in_digits = false;
        } else {
            return Typed::Unreadable;
        }
    }
    let [(a, la), (b, lb), (c, lc)] = parts;
    let short = |l: u32| (1..=2).contains(&l);
    match (n, la, lb, lc) {
        (1, 8, _, _) => Typed::Read {
            year: a / 10_000,
            month: a / 100 % 100,
            day: a % 100,
        },
        (1, 6, _, _) => Typed::Ambiguous,
        (3, 4, _, _) if short(lb) && short(lc) => Typed::Read {
            year: a,
            month: b,
            day: c,
        },
        (3, _, _, 4) if short(la) && short(lb) => Typed::Ambiguous,
        (3, _, _, _) if short(la) && short(lb) && short(lc) => Typed::Ambiguous,
        _ => Typed::Unreadable,
    }
}

/// The date as understood, if it is read and a real calendar date.
pub fn understood(typed: &str) -> Option<Date> {
    match read(typed) {
        Typed::Read { year, month, day } => Date::new(
            i32::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        ),
        _ => None,
    }
}

/// The text the engine is given for a typed date: `YYYY-MM-DD` when it is
/// read as year, month and day (a real date or not), else the text as
/// typed without surrounding spaces.
pub fn for_record(typed: &str) -> String {
    match read(typed) {
        Typed::Read { year, month, day } => format!("{year:04}-{month:02}-{day:02}"),
        _ => typed.trim().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_as(typed: &str) -> Option<String> {
        understood(typed).map(|d| d.to_string())
    }

    #[test]
    fn eight_digits_from_a_numeric_keypad_are_year_month_day() {
        assert_eq!(read_as("19580315").as_deref(), Some("1958-03-15"));
        assert_eq!(for_record(" 19580315 "), "1958-03-15");
    }

    #[test]
    fn the_year_first_with_any_separator_or_single_digits_is_read() {
        for typed in [
            "1958-03-15",
            "1958-3-15",
            "1958/03/15",
            "1958.03.15",
            "1958 03 15",
            "1958 - 3 - 15",
            "1958年3月15日",
            "1958年03月15日",
            "1958 年 3 月 15 日",
            "１９５８－０３－１５",
            "１９５８年３月１５日",
            "1958\u{2013}03\u{2013}15",
            "1958\u{3000}3\u{3000}15",
        ] {
            assert_eq!(read_as(typed).as_deref(), Some("1958-03-15"), "{typed}");
            assert_eq!(for_record(typed), "1958-03-15", "{typed}");
        }
        assert_eq!(read_as("2026-1-5").as_deref(), Some("2026-01-05"));
    }

    #[test]
    fn the_year_last_or_a_two_digit_year_is_never_guessed() {
        for typed in [
            "15.03.1958",
            "03/15/1958",
            "03/04/1958",
            "15-3-1958",
            "58-03-15",
            "03/15/58",
            "580315",
            "150358",
            "1/2/3",
        ] {
            assert_eq!(read(typed), Typed::Ambiguous, "{typed}");
            assert_eq!(understood(typed), None, "{typed}");
            assert_eq!(for_record(typed), typed, "kept as typed: {typed}");
        }
    }

    #[test]
    fn half_typed_or_other_text_is_passed_on_as_typed() {
        for typed in [
            "",
            "  ",
            "1958",
            "1958-03",
            "1958031",
            "195803150",
            "1958-03-15-1",
            "15 March 1958",
            "1958-03-15T10:00",
            "１９５８－",
            "-",
            "1958-003-15",
            "0x7B2",
        ] {
            assert_eq!(read(typed), Typed::Unreadable, "{typed}");
            assert_eq!(for_record(typed), typed.trim(), "{typed}");
        }
    }

    #[test]
    fn a_reading_that_is_no_real_date_goes_on_as_yyyy_mm_dd_never_swapped() {
        assert_eq!(for_record("1958-2-30"), "1958-02-30");
        assert_eq!(understood("1958-2-30"), None);
        // Year, day, month is not guessed into year, month, day.
        assert_eq!(for_record("19581503"), "1958-15-03");
        assert_eq!(understood("19581503"), None);
        assert_eq!(for_record("00000000"), "0000-00-00");
        assert_eq!(
            understood("2024-02-29").map(|d| d.to_string()).as_deref(),
            Some("2024-02-29")
        );
    }

    #[test]
    fn any_text_is_read_without_panicking() {
        let mut text = String::new();
        for c in "9１年-/.日 x月\u{3000}0".chars().cycle().take(400) {
            text.push(c);
            let _ = (read(&text), understood(&text), for_record(&text));
        }
        assert_eq!(read(&"9".repeat(40)), Typed::Unreadable);
    }
}
