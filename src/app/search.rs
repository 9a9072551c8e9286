//! The records list's search, pure: what was typed finds a label when its
//! letters and digits are found in the label's, in order, ignoring case,
//! spaces and punctuation ("S002", "s 002" and "s-002" all find "S-002"),
//! Chinese punctuation and full-width letters and digits (typed with a
//! Chinese input method) included. The list's search box only calls it.

use crate::engine::Outcome;

/// `text` as the search compares it: a label's key
/// ([`crate::record::labels::label_key`]: only its letters and digits, any
/// script, lower case, full-width forms as ASCII), so the search and the
/// record form's same-label warning read labels by one rule.
pub fn folded(text: &str) -> String {
    crate::record::labels::label_key(text)
}

/// What the search box holds, folded once for every label it is compared
/// with.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Search {
    folded: String,
}

impl Search {
    /// The search for what was typed.
    pub fn new(typed: &str) -> Search {
        Search {
            folded: folded(typed),
        }
    }

    /// Whether it holds no letter or digit (and so keeps every label).
    pub fn is_empty(&self) -> bool {
        self.folded.is_empty()
    }

    /// Whether `label` is found by it (every label, when it is empty).
    pub fn finds(&self, label: &str) -> bool {
        self.is_empty() || folded(label).contains(&self.folded)
    }
}

/// Where a record stands, as the list's status filter asks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    /// Not yet marked complete.
    InProgress,
    /// Marked complete (amended or not).
    Complete,
}

impl Progress {
    /// Both, in the filter's order.
    pub const ALL: [Progress; 2] = [Progress::InProgress, Progress::Complete];

    /// The filter option's value.
    pub fn value(self) -> &'static str {
        match self {
            Progress::InProgress => "in-progress",
            Progress::Complete => "complete",
        }
    }

    /// The progress an option's value names (`None` for "any", `""`).
    pub fn from_value(value: &str) -> Option<Progress> {
        Progress::ALL.into_iter().find(|p| p.value() == value)
    }
}

/// Every outcome, in the list's filter order.
pub const OUTCOMES: [Outcome; 3] = [Outcome::Eligible, Outcome::NotEligible, Outcome::Incomplete];

/// The outcome a filter option's value names (`Outcome::as_str`; `None`
/// for "any", `""`).
pub fn outcome_from_value(value: &str) -> Option<Outcome> {
    OUTCOMES.into_iter().find(|o| o.as_str() == value)
}

/// The records list's search and filters, as chosen: what was typed, an
/// outcome (a record without a screening date counts as incomplete) and
/// where it stands; `None` keeps every record.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListFilter {
    /// What the search box holds, as typed.
    pub typed: String,
    /// The outcome filter.
    pub outcome: Option<Outcome>,
    /// The status filter.
    pub progress: Option<Progress>,
    /// Only the records the build's newer criteria version judges
    /// otherwise than the version they keep (the amendment's filter).
    pub amended: bool,
}

impl ListFilter {
    /// Whether it keeps every record (nothing typed or chosen).
    pub fn keeps_all(&self) -> bool {
        *self == ListFilter::default()
    }

    /// Whether a record with this `label`, completeness and outcome is
    /// kept, `search` being `Search::new(&self.typed)` (folded once for
    /// every record). The outcome is asked for last and only when an
    /// outcome is chosen: judging a record is the costly part.
    pub fn keeps(
        &self,
        search: &Search,
        label: &str,
        complete: bool,
        outcome: impl FnOnce() -> Outcome,
    ) -> bool {
        search.finds(label)
            && self
                .progress
                .is_none_or(|p| (p == Progress::Complete) == complete)
            && self.outcome.is_none_or(|o| outcome() == o)
    }

    /// Whether the amendment's filter keeps a record; `changed` (judging it
    /// by two versions) is asked only when the filter is on.
    pub fn keeps_amended(&self, changed: impl FnOnce() -> bool) -> bool {
        !self.amended || changed()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_spaces_and_punctuation_do_not_matter() {
        for typed in [
            "S002",
            "s002",
            "s 002",
            "S-002",
            "s_002",
            " s.0-0 2 ",
            "002",
            "S00",
        ] {
            assert!(Search::new(typed).finds("S-002"), "{typed:?} finds S-002");
        }
        assert!(Search::new("S-002").finds("s002"));
        assert!(Search::new("s002").finds("Ward 3 / S-002 (re-screen)"));
    }

    #[test]
    fn other_letters_or_digits_do_not_match() {
        for typed in ["S003", "S0020", "T002", "S-02-0"] {
            assert!(
                !Search::new(typed).finds("S-002"),
                "{typed:?} does not find S-002"
            );
        }
    }

    #[test]
    fn chinese_labels_are_found_ignoring_chinese_punctuation_and_full_width_forms() {
        assert!(Search::new("张三001").finds("张三-001"));
        assert!(Search::new("张三 001").finds("张三（001）"));
        assert!(Search::new("张三，001").finds("张三001"));
        assert!(Search::new("病区").finds("血液科·病区3·S-002"));
        assert!(
            Search::new("Ｓ００２").finds("S-002"),
            "full-width letters and digits"
        );
        assert!(Search::new("s-002").finds("Ｓ－００２"));
        assert!(!Search::new("李四").finds("张三-001"));
    }

    #[test]
    fn a_search_without_letters_or_digits_keeps_every_label() {
        for typed in ["", "  ", "-", "（）", "—"] {
            let s = Search::new(typed);
            assert!(s.is_empty(), "{typed:?}");
            assert!(s.finds("S-002") && s.finds(""));
        }
        assert!(
            !Search::new("a").finds(""),
            "a label without text is found by nothing"
        );
    }

    #[test]
    fn folding_keeps_letters_and_digits_of_any_script_in_order() {
        assert_eq!(folded("S-002 / Ward B"), "s002wardb");
        assert_eq!(folded("张三（001）"), "张三001");
        assert_eq!(folded("ＡＢ－１２"), "ab12");
        assert_eq!(folded(""), "");
    }

    #[test]
    fn the_amendment_filter_keeps_only_changed_records_and_judges_only_when_on() {
        let off = ListFilter::default();
        assert!(off.keeps_amended(|| panic!("not judged")));
        let on = ListFilter {
            amended: true,
            ..ListFilter::default()
        };
        assert!(!on.keeps_all());
        assert!(on.keeps_amended(|| true));
        assert!(!on.keeps_amended(|| false));
    }

    #[test]
    fn the_filters_keep_what_they_name_and_judge_only_when_an_outcome_is_chosen() {
        let everything = ListFilter::default();
        assert!(everything.keeps_all());
        let search = Search::new("");
        assert!(everything.keeps(&search, "S-1", false, || panic!("not judged")));
        let complete = ListFilter {
            progress: Some(Progress::Complete),
            ..ListFilter::default()
        };
        assert!(complete.keeps(&search, "S-1", true, || panic!("not judged")));
        assert!(!complete.keeps(&search, "S-1", false, || panic!("not judged")));
        let eligible = ListFilter {
            outcome: Some(Outcome::Eligible),
            ..ListFilter::default()
        };
        assert!(eligible.keeps(&search, "S-1", false, || Outcome::Eligible));
        assert!(!eligible.keeps(&search, "S-1", false, || Outcome::Incomplete));
        let typed = ListFilter {
            typed: "s 002".into(),
            outcome: Some(Outcome::Eligible),
            ..ListFilter::default()
        };
        let search = Search::new(&typed.typed);
        assert!(!typed.keeps(&search, "S-003", false, || panic!("not judged")));
        assert!(typed.keeps(&search, "S-002", false, || Outcome::Eligible));
    }

    #[test]
    fn every_filter_option_reads_back_from_its_value() {
        for p in Progress::ALL {
            assert_eq!(Progress::from_value(p.value()), Some(p));
        }
        for o in OUTCOMES {
            assert_eq!(outcome_from_value(o.as_str()), Some(o));
        }
        assert_eq!(Progress::from_value(""), None);
        assert_eq!(outcome_from_value(""), None);
        assert_eq!(outcome_from_value("eligible "), None);
    }
}
