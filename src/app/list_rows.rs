//! The records list's rows past its first frame's, pure: drawn, or
//! waiting for the paint of the frame that drew the first rows of the
//! latest change that moved them (the list opening, or a search or filter
//! that moved the rows shown). The list only asks whether they are drawn.

/// One change that moved the rows shown, in the order they came: each
/// waits for the paint of its own frame, and only the latest one's paint
/// draws the rest.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Change(u32);

/// The rows past the first frame's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RestRows {
    /// Not drawn: waiting for the paint of the frame that drew the first
    /// rows of this change.
    Waiting(Change),
    /// Drawn, since the paint after this change's frame (or nothing has
    /// moved the rows yet).
    Drawn(Change),
}

impl Default for RestRows {
    /// Nothing has moved the rows yet: drawn.
    fn default() -> RestRows {
        RestRows::Drawn(Change(0))
    }
}

impl RestRows {
    /// A change moved the rows: they wait for the paint of its frame. The
    /// change returned is the one [`RestRows::painted`] is told of then.
    pub fn wait(&mut self) -> Change {
        let (RestRows::Waiting(Change(last)) | RestRows::Drawn(Change(last))) = *self;
        let next = Change(last.wrapping_add(1));
        *self = RestRows::Waiting(next);
        next
    }

    /// The frame of `change` was painted: the rest are drawn if it is the
    /// latest change (an earlier one's paint draws nothing before a later
    /// change's frame). Whether that changed anything.
    pub fn painted(&mut self, change: Change) -> bool {
        let latest = *self == RestRows::Waiting(change);
        if latest {
            *self = RestRows::Drawn(change);
        }
        latest
    }

    /// Whether the rows past the first frame's are drawn.
    pub fn drawn(&self) -> bool {
        matches!(self, RestRows::Drawn(_))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_drawn_until_a_change_moves_them_and_again_after_its_paint() {
        let mut rest = RestRows::default();
        assert!(rest.drawn());
        let opened = rest.wait();
        assert!(!rest.drawn());
        assert!(rest.painted(opened));
        assert!(rest.drawn());
    }

    #[test]
    fn an_earlier_changes_paint_draws_nothing_before_the_latest_changes_frame() {
        let mut rest = RestRows::default();
        let first = rest.wait();
        let second = rest.wait();
        assert!(!rest.painted(first), "the first search's paint came");
        assert!(!rest.drawn());
        assert!(rest.painted(second));
        assert!(rest.drawn());
    }

    #[test]
    fn a_paint_told_twice_or_late_changes_nothing() {
        let mut rest = RestRows::default();
        let first = rest.wait();
        assert!(rest.painted(first));
        assert!(!rest.painted(first), "already drawn: nothing to notify");
        // A change after the rows were drawn waits again, and the paint of
        // a change already drawn does not end that wait.
        let second = rest.wait();
        assert_ne!(first, second);
        assert!(!rest.painted(first));
        assert!(!rest.drawn());
    }

    #[test]
    fn the_count_of_changes_wraps_without_panicking() {
        let mut rest = RestRows::Drawn(Change(u32::MAX));
        let next = rest.wait();
        assert_eq!(next, Change(0));
        assert!(rest.painted(next));
    }
}
