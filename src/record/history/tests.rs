//! The history's own tests: initials and the time arithmetic.

use super::*;

#[test]
fn initials_are_two_to_four_letters_in_capitals() {
    assert_eq!(initials("ab").as_deref(), Some("AB"));
    assert_eq!(initials(" j.k.r ").as_deref(), Some("JKR"));
    assert_eq!(initials("A"), None);
    assert_eq!(initials("Alice"), None);
    assert_eq!(initials("A1"), None);
    assert_eq!(initials("李明"), None);
}

#[test]
fn the_time_arithmetic_reads_iso_timestamps() {
    assert_eq!(millis("1970-01-01T00:00:00.000Z"), Some(0));
    assert_eq!(
        millis("2026-12-01T00:00:59.999Z").unwrap() - millis("2026-12-01T00:00:00Z").unwrap(),
        59_999
    );
    assert_eq!(
        millis("2024-03-01T00:00:00Z").unwrap() - millis("2024-02-28T00:00:00Z").unwrap(),
        2 * 86_400_000
    );
    assert_eq!(millis("yesterday"), None);
}
