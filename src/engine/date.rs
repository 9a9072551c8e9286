//! Calendar dates and the calendar arithmetic of spec §3: full years of age,
//! calendar months with end-of-month clamping, and the threshold dates that
//! the reasons name.
//!
//! No clock lives here: "today" always comes in as the record's screening date.

use std::fmt;

/// A proleptic Gregorian calendar date between 0001-01-01 and 9999-12-31.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Whether `year` is a leap year.
pub const fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in a month of a year.
pub const fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        _ => 28,
    }
}

impl Date {
    /// A date from its parts, or `None` if it is not a real calendar date.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=9999).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// A date known when the program is built (a criteria pack's date):
    /// not a real calendar date stops the build.
    pub const fn known(year: i32, month: u8, day: u8) -> Date {
        assert!(year >= 1 && year <= 9999 && month >= 1 && month <= 12);
        assert!(day >= 1 && day <= days_in_month(year, month));
        Date { year, month, day }
    }

    /// Parses exactly `YYYY-MM-DD`; nothing else (no time, no spaces, no
    /// other separators) and only real calendar dates.
    pub fn parse(text: &str) -> Option<Date> {
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            b[r].iter().try_fold(0u32, |acc, &c| {
                c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
            })
        };
        let year = i32::try_from(num(0..4)?).ok()?;
        let month = u8::try_from(num(5..7)?).ok()?;
        let day = u8::try_from(num(8..10)?).ok()?;
        Date::new(year, month, day)
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, 1–31.
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before), for day arithmetic.
    pub fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01, if within the supported range.
    pub fn from_days(days: i64) -> Option<Date> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = u8::try_from(doy - (153 * mp + 2) / 5 + 1).ok()?;
        let month = u8::try_from(if mp < 10 { mp + 3 } else { mp - 9 }).ok()?;
        let year = i32::try_from(yoe + era * 400 + i64::from(month <= 2)).ok()?;
        Date::new(year, month, day)
    }

    /// This date plus (or minus) a number of days.
    pub fn add_days(self, days: i64) -> Option<Date> {
        Date::from_days(self.to_days() + days)
    }

    /// The same day number `months` calendar months later (or earlier, when
    /// negative), clamped to the last day of that month: 2026-01-31 plus one
    /// month is 2026-02-28, and 2024-01-31 plus one month is 2024-02-29.
    pub fn add_months(self, months: i32) -> Option<Date> {
        let index = self.year * 12 + i32::from(self.month) - 1 + months;
        let year = index.div_euclid(12);
        let month = u8::try_from(index.rem_euclid(12) + 1).ok()?;
        if !(1..=9999).contains(&year) {
            return None;
        }
        let day = self.day.min(days_in_month(year, month));
        Date::new(year, month, day)
    }

    /// Birthdays completed on or before `on` by someone born on this date.
    /// Someone born on 29 February completes a year on 1 March in common
    /// years. Zero when `on` is before this date.
    pub fn full_years_on(self, on: Date) -> u32 {
        if on < self {
            return 0;
        }
        let mut years = on.year - self.year;
        if (on.month, on.day) < (self.month, self.day) {
            years -= 1;
        }
        u32::try_from(years).unwrap_or(0)
    }
}

/// "More than `months` calendar months since `since`", judged on `on`:
/// `on` is strictly later than `since` plus that many months (spec §3).
pub fn more_than_months_since(since: Date, months: i32, on: Date) -> bool {
    match since.add_months(months) {
        Some(limit) => on > limit,
        // Past year 9999: the period cannot have elapsed.
        None => false,
    }
}

/// The first date on which "more than `months` months since `since`" holds:
/// the day after `since` plus `months` months.
pub fn first_day_more_than_months_after(since: Date, months: i32) -> Option<Date> {
    since.add_months(months)?.add_days(1)
}

/// The earliest date that no longer satisfies "more than `months` months
/// before `on`": an event must fall *before* this date. Reasons state it
/// ("must be before 2026-10-25").
///
/// Because adding months (with clamping) never reverses the order of two
/// dates, the dates that satisfy the rule are exactly those before this one.
pub fn must_be_before(on: Date, months: i32) -> Option<Date> {
    // Start near the answer and walk a few days: at most three steps either way.
    let mut candidate = on.add_months(-months)?;
    while !more_than_months_since(candidate.add_days(-1)?, months, on) {
        candidate = candidate.add_days(-1)?;
    }
    while more_than_months_since(candidate, months, on) {
        candidate = candidate.add_days(1)?;
    }
    Some(candidate)
}

/// The earliest date that no longer satisfies "more than `days` days
/// before `on`": an event must fall before it.
pub fn must_be_before_days(on: Date, days: i32) -> Option<Date> {
    on.add_days(-i64::from(days))
}

/// The first date on which "more than `days` days since `since`" holds.
pub fn first_day_more_than_days_after(since: Date, days: i32) -> Option<Date> {
    since.add_days(i64::from(days) + 1)
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(s: &str) -> Date {
        Date::parse(s).expect(s)
    }

    #[test]
    fn parses_only_real_dates_in_exact_form() {
        assert!(Date::parse("2024-02-29").is_some());
        for bad in [
            "2026-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-04-31",
            "0000-01-01",
            "2026-1-01",
            "2026/01/01",
            "26-01-01",
            "2026-01-01T00:00",
            " 2026-01-01",
            "２０２６-01-01",
            "",
        ] {
            assert!(Date::parse(bad).is_none(), "{bad:?}");
        }
    }

    #[test]
    fn one_month_after_the_31st_clamps_to_month_end() {
        assert_eq!(d("2026-01-31").add_months(1), Some(d("2026-02-28")));
        assert_eq!(d("2024-01-31").add_months(1), Some(d("2024-02-29")));
        assert_eq!(d("2026-03-31").add_months(1), Some(d("2026-04-30")));
        assert_eq!(d("2026-12-15").add_months(1), Some(d("2027-01-15")));
        assert_eq!(d("2026-08-31").add_months(6), Some(d("2027-02-28")));
    }

    #[test]
    fn more_than_a_month_is_strictly_after_the_same_day_next_month() {
        assert!(!more_than_months_since(d("2026-10-25"), 1, d("2026-11-25")));
        assert!(more_than_months_since(d("2026-10-24"), 1, d("2026-11-25")));
        // Clamped: a month after 31 January 2026 is 28 February.
        assert!(!more_than_months_since(d("2026-01-31"), 1, d("2026-02-28")));
        assert!(more_than_months_since(d("2026-01-31"), 1, d("2026-03-01")));
    }

    #[test]
    fn age_counts_completed_birthdays() {
        assert_eq!(d("2008-11-25").full_years_on(d("2026-11-25")), 18);
        assert_eq!(d("2008-11-26").full_years_on(d("2026-11-25")), 17);
        // Born on 29 February: a year is complete on 1 March in common years.
        assert_eq!(d("2008-02-29").full_years_on(d("2026-02-28")), 17);
        assert_eq!(d("2008-02-29").full_years_on(d("2026-03-01")), 18);
        assert_eq!(d("2008-02-29").full_years_on(d("2028-02-29")), 20);
    }

    #[test]
    fn threshold_date_matches_the_spec_example() {
        assert_eq!(must_be_before(d("2026-11-25"), 1), Some(d("2026-10-25")));
        // On 31 March, 28 February still passes (28 March < 31 March).
        assert_eq!(must_be_before(d("2026-03-31"), 1), Some(d("2026-03-01")));
    }

    fn any_date() -> impl Strategy<Value = Date> {
        (-20_000i64..40_000).prop_map(|n| Date::from_days(n).unwrap())
    }

    proptest! {
        #[test]
        fn day_numbers_round_trip(n in -700_000i64..2_900_000) {
            let date = Date::from_days(n).unwrap();
            prop_assert_eq!(date.to_days(), n);
            prop_assert_eq!(Date::parse(&date.to_string()), Some(date));
        }

        #[test]
        fn adding_months_keeps_order(a in any_date(), b in any_date(), m in -24i32..24) {
            if a <= b {
                prop_assert!(a.add_months(m).unwrap() <= b.add_months(m).unwrap());
            }
        }

        #[test]
        fn adding_months_clamps_and_never_overflows_the_month(a in any_date(), m in -24i32..24) {
            let r = a.add_months(m).unwrap();
            prop_assert_eq!(r.day(), a.day().min(days_in_month(r.year(), r.month())));
            let months = (r.year() - a.year()) * 12 + i32::from(r.month()) - i32::from(a.month());
            prop_assert_eq!(months, m);
        }

        #[test]
        fn threshold_splits_dates_exactly(on in any_date(), offset in 0i64..120, months in prop::sample::select(vec![1, 6])) {
            let limit = must_be_before(on, months).unwrap();
            let event = on.add_days(-offset).unwrap();
            prop_assert_eq!(more_than_months_since(event, months, on), event < limit);
        }

        #[test]
        fn first_passing_day_is_the_boundary(since in any_date(), months in prop::sample::select(vec![1, 6])) {
            let first = first_day_more_than_months_after(since, months).unwrap();
            prop_assert!(more_than_months_since(since, months, first));
            prop_assert!(!more_than_months_since(since, months, first.add_days(-1).unwrap()));
        }

        #[test]
        fn age_grows_by_one_on_each_birthday(birth in any_date(), years in 0i32..100) {
            let Some(next) = Date::new(birth.year() + years, birth.month(), birth.day().min(days_in_month(birth.year() + years, birth.month()))) else { return Ok(()); };
            let age = birth.full_years_on(next);
            if birth.month() == 2 && birth.day() == 29 && !is_leap_year(next.year()) {
                // 28 February: not yet; 1 March: done.
                prop_assert_eq!(age + 1, u32::try_from(years).unwrap());
                prop_assert_eq!(birth.full_years_on(next.add_days(1).unwrap()), u32::try_from(years).unwrap());
            } else {
                prop_assert_eq!(age, u32::try_from(years).unwrap());
                if years > 0 {
                    prop_assert_eq!(birth.full_years_on(next.add_days(-1).unwrap()) + 1, age);
                }
            }
        }
    }
}
