//! Labels that name the same screening number, pure: `S-001`, `s001`,
//! `S 001` and `Ｓ－００１` (typed with a Chinese input method) are one
//! label to a coordinator. The record form warns when another record has
//! the same label, without refusing it: two screenings of one person (a
//! re-screening) are legitimate.

use crate::record::draft::Draft;

/// A label as compared, and as the records list's search folds what is
/// typed (`app::search::folded` calls this): only
/// its letters and digits (any script: Chinese characters are letters),
/// in lower case, full-width forms (`Ｓ００１`) as their ASCII letters and
/// digits. Spaces and punctuation, ASCII, Chinese or full-width, drop out.
pub fn label_key(label: &str) -> String {
    label
        .chars()
        .map(|c| match c {
            // Full-width ASCII forms (U+FF01–U+FF5E) → ASCII.
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            c => c,
        })
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether two labels name the same screening number (see [`label_key`]);
/// a label with no letter or digit matches none.
pub fn same_label(a: &str, b: &str) -> bool {
    let key = label_key(a);
    !key.is_empty() && key == label_key(b)
}

/// The other records (not `id`) whose label is the same as `label`, in the
/// order given.
pub fn others_with_label<'a>(
    drafts: impl IntoIterator<Item = &'a Draft>,
    id: &str,
    label: &str,
) -> Vec<&'a Draft> {
    let key = label_key(label);
    if key.is_empty() {
        return Vec::new();
    }
    drafts
        .into_iter()
        .filter(|d| d.id != id && label_key(&d.label) == key)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_the_same_whatever_their_case_spaces_and_punctuation() {
        for other in [
            "S-001",
            "s001",
            "S 001",
            " s_0.0-1 ",
            "Ｓ－００１",
            "ｓ００１",
        ] {
            assert!(same_label("S-001", other), "{other}");
        }
        for other in ["S-0010", "S-01", "T-001", "S-002", ""] {
            assert!(!same_label("S-001", other), "{other}");
        }
        assert!(same_label("筛选 12", "筛选-12"));
        assert!(same_label("筛选12", "筛选，１２。"));
        assert!(same_label("Ä-1", "ä1"));
    }

    #[test]
    fn a_label_of_punctuation_alone_or_nothing_matches_nothing() {
        assert!(!same_label("", ""));
        assert!(!same_label("--", "-"));
        assert!(!same_label(" ", " "));
    }

    #[test]
    fn only_other_records_with_the_same_label_are_named() {
        let d = |id: &str, label: &str| {
            let mut d = Draft::new(id, "2026-12-01", "2026-12-01T09:00:00Z");
            d.label = label.into();
            d
        };
        let all = [d("a", "S-001"), d("b", "s001"), d("c", "S-002"), d("d", "")];
        let ids = |found: Vec<&Draft>| found.iter().map(|d| d.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(others_with_label(&all, "a", "S 001")), ["b"]);
        assert_eq!(ids(others_with_label(&all, "new", "S-001")), ["a", "b"]);
        assert!(others_with_label(&all, "new", "").is_empty());
        assert!(others_with_label(&all, "new", "-").is_empty());
    }
}
