//! The records list's outcomes, each judged once per saved revision, and
//! judged ahead of need: the list's tools walk the catalogue a step (one
//! short task) at a time from their first frame, so the first filter finds
//! them judged instead of judging every record then (1,000 records took
//! about 60 ms at 4x CPU, 5,000 about 220 ms).

use crate::engine::Outcome;
use crate::record::draft::Draft;
use std::collections::HashMap;

/// Each record's outcome as last judged, by id, with the revision it was
/// judged at (`Draft::updated`): a record saved since is judged again.
#[derive(Debug, Default)]
pub struct Outcomes {
    by_id: HashMap<String, (String, Outcome)>,
}

impl Outcomes {
    /// The outcome of `d`: the one kept if `d` has not been saved since it
    /// was judged, else `judge(d)`, kept for next time.
    pub fn of(&mut self, d: &Draft, judge: impl FnOnce(&Draft) -> Outcome) -> Outcome {
        if let Some((at, o)) = self.by_id.get(&d.id)
            && *at == d.updated
        {
            return *o;
        }
        let o = judge(d);
        self.by_id.insert(d.id.clone(), (d.updated.clone(), o));
        o
    }
}

/// Where judging ahead has got to in the catalogue (most recently saved
/// first, the order the list shows).
#[derive(Debug, Default)]
pub struct JudgeAhead {
    next: usize,
}

impl JudgeAhead {
    /// Records judged in one step: 2-7 ms at 4x CPU (traced), so a keystroke or
    /// a tap that comes meanwhile waits no longer than that.
    pub const STEP: usize = 64;

    /// Judges the next [`JudgeAhead::STEP`] records of `drafts` into
    /// `outcomes` (those judged already at their revision cost a lookup).
    /// Returns whether any may be left: false once the end is reached.
    /// Records saved or added later are judged when a filter asks.
    pub fn step<'a>(
        &mut self,
        drafts: impl Iterator<Item = &'a Draft>,
        outcomes: &mut Outcomes,
        judge: impl Fn(&Draft) -> Outcome,
    ) -> bool {
        let mut judged = 0;
        for d in drafts.skip(self.next).take(Self::STEP) {
            outcomes.of(d, &judge);
            judged += 1;
        }
        self.next += judged;
        judged == Self::STEP
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    fn drafts(n: usize) -> Vec<Draft> {
        (0..n)
            .map(|i| Draft::new(&format!("r{i}"), "2026-11-25", "2026-11-25T08:00:00Z"))
            .collect()
    }

    #[test]
    fn a_record_is_judged_once_per_saved_revision() {
        let mut outcomes = Outcomes::default();
        let judged = Cell::new(0);
        let judge = |_: &Draft| {
            judged.set(judged.get() + 1);
            Outcome::Incomplete
        };
        let mut d = drafts(1).remove(0);
        assert_eq!(outcomes.of(&d, judge), Outcome::Incomplete);
        assert_eq!(outcomes.of(&d, judge), Outcome::Incomplete);
        assert_eq!(judged.get(), 1);
        // Saved again: its outcome may have changed.
        d.updated = "2026-11-25T09:00:00Z".into();
        outcomes.of(&d, |_| Outcome::Eligible);
        assert_eq!(outcomes.of(&d, judge), Outcome::Eligible);
        assert_eq!(judged.get(), 1);
    }

    #[test]
    fn judging_ahead_walks_the_catalogue_a_step_at_a_time_to_its_end() {
        let all = drafts(2 * JudgeAhead::STEP + 5);
        let mut outcomes = Outcomes::default();
        let mut ahead = JudgeAhead::default();
        let judged = Cell::new(0);
        let judge = |_: &Draft| {
            judged.set(judged.get() + 1);
            Outcome::NotEligible
        };
        assert!(ahead.step(all.iter(), &mut outcomes, judge));
        assert_eq!(judged.get(), JudgeAhead::STEP);
        assert!(ahead.step(all.iter(), &mut outcomes, judge));
        assert!(!ahead.step(all.iter(), &mut outcomes, judge));
        assert_eq!(judged.get(), all.len());
        // Nothing left: a filter now finds every record judged.
        assert!(!ahead.step(all.iter(), &mut outcomes, judge));
        for d in &all {
            assert_eq!(outcomes.of(d, |_| unreachable!()), Outcome::NotEligible);
        }
    }

    #[test]
    fn records_a_filter_judged_already_are_not_judged_again_ahead() {
        let all = drafts(10);
        let mut outcomes = Outcomes::default();
        for d in &all[..4] {
            outcomes.of(d, |_| Outcome::Eligible);
        }
        let judged = Cell::new(0);
        let more = JudgeAhead::default().step(all.iter(), &mut outcomes, |_| {
            judged.set(judged.get() + 1);
            Outcome::Incomplete
        });
        assert!(!more);
        assert_eq!(judged.get(), 6);
    }
}
