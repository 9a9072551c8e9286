//! The records list's search, pure: what was typed finds a label when its
//! letters and digits are found in the label's, in order, ignoring case,
//! spaces and punctuation ("S002", "s 002" and "s-002" all find "S-002"),
//! Chinese punctuation and full-width letters and digits (typed with a
//! Chinese input method) included. The list's search box only calls it.

/// `text` as the search compares it: only its letters and digits (any
/// script: Chinese characters are letters), lower case, full-width forms
/// (`Ｓ００２`) as their ASCII letters and digits.
pub fn folded(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            // Full-width ASCII forms (U+FF01–U+FF5E) → ASCII.
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
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
}
