//! What the record form reads back from what was typed (a date as
//! understood, another record with the same label), in English and
//! Simplified Chinese. Struct literals: a word missing in one language
//! fails to compile.

use crate::engine::Date;
use crate::text::Lang;

/// The words in one language.
pub struct Words {
    /// A date as understood, beside its field ("= 15 March 1958").
    pub date_as_read: fn(Date) -> String,
    /// A date that could be read two ways (the year last, or two digits
    /// of it): how to type it.
    pub date_ambiguous: &'static str,
    /// Other records have the same label.
    pub same_label: &'static str,
    /// One of them: its label and screening date.
    pub same_label_row: fn(&str, &str) -> String,
    /// The button that opens it.
    pub open: &'static str,
    /// The button's accessible name, with the record's label and date.
    pub open_record: fn(&str, &str) -> String,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// English.
pub const EN: Words = Words {
    date_as_read: |d| {
        let month = MONTHS.get(usize::from(d.month()) - 1).unwrap_or(&"");
        format!("= {} {month} {}", d.day(), d.year())
    },
    date_ambiguous: "Not read: type the year first, in four digits (1958-03-15 or 19580315), so day and month cannot be mixed up.",
    same_label: "Another record has the same label. Two screenings of one person are allowed; check that this is not the same screening entered twice.",
    same_label_row: |label, date| format!("{label}, screening date {date}"),
    open: "Open",
    open_record: |label, date| format!("Open {label} ({date})"),
};

/// Simplified Chinese.
pub const ZH: Words = Words {
    date_as_read: |d| format!("= {}年{}月{}日", d.year(), d.month(), d.day()),
    date_ambiguous: "未能识别：请先写四位数年份（1958-03-15 或 19580315），以免日、月混淆。",
    same_label: "另有记录使用相同编号。同一人可以有两次筛选；请确认这不是同一次筛选录入了两遍。",
    same_label_row: |label, date| format!("{label}，筛选日期 {date}"),
    open: "打开",
    open_record: |label, date| format!("打开 {label}（{date}）"),
};

/// The words in `lang`.
pub fn of(lang: Lang) -> &'static Words {
    match lang {
        Lang::En => &EN,
        Lang::Zh => &ZH,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_is_read_back_in_words_in_both_languages() {
        let d = Date::parse("1958-03-15").expect("a date");
        assert_eq!((EN.date_as_read)(d), "= 15 March 1958");
        assert_eq!((ZH.date_as_read)(d), "= 1958年3月15日");
        let d = Date::parse("2026-12-01").expect("a date");
        assert_eq!((EN.date_as_read)(d), "= 1 December 2026");
        assert_eq!((ZH.date_as_read)(d), "= 2026年12月1日");
    }
}
