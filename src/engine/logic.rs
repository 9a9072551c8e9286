//! Three-valued (Kleene) logic and the criterion status built from it.
//!
//! Every atomic question a rule asks ("is the platelet count below 30?") is a
//! [`Tri`]: true, false, or unknown when the answer is missing or invalid.
//! Rules combine them with [`Tri::all`] and [`Tri::any`]; a criterion's
//! [`Status`] then follows spec §3: a fail condition that holds decides, else
//! a pass condition that holds, else unknown.

use serde::Serialize;

/// A truth value that may be unknown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tri {
    /// Definitely true.
    True,
    /// Definitely false.
    False,
    /// Not known (missing or invalid data).
    Unknown,
}

impl Tri {
    /// A known boolean.
    pub fn from_bool(b: bool) -> Tri {
        if b { Tri::True } else { Tri::False }
    }

    /// `Some(b)` as a known value, `None` as unknown.
    pub fn from_option(b: Option<bool>) -> Tri {
        b.map_or(Tri::Unknown, Tri::from_bool)
    }

    /// Kleene negation: unknown stays unknown.
    #[allow(clippy::should_implement_trait)]
    pub fn not(self) -> Tri {
        match self {
            Tri::True => Tri::False,
            Tri::False => Tri::True,
            Tri::Unknown => Tri::Unknown,
        }
    }

    /// Kleene AND: false if any is false, else unknown if any is unknown.
    pub fn and(self, other: Tri) -> Tri {
        match (self, other) {
            (Tri::False, _) | (_, Tri::False) => Tri::False,
            (Tri::True, Tri::True) => Tri::True,
            _ => Tri::Unknown,
        }
    }

    /// Kleene OR: true if any is true, else unknown if any is unknown.
    pub fn or(self, other: Tri) -> Tri {
        self.not().and(other.not()).not()
    }

    /// AND over any number of values (true for none).
    pub fn all(values: impl IntoIterator<Item = Tri>) -> Tri {
        values.into_iter().fold(Tri::True, Tri::and)
    }

    /// OR over any number of values (false for none).
    pub fn any(values: impl IntoIterator<Item = Tri>) -> Tri {
        values.into_iter().fold(Tri::False, Tri::or)
    }

    /// True only when definitely true.
    pub fn is_true(self) -> bool {
        self == Tri::True
    }
}

/// The status of one criterion (spec §3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Does not stand in the way.
    Pass,
    /// Rules the patient out.
    Fail,
    /// The data to decide is missing or invalid.
    Unknown,
}

impl Status {
    /// Spec §3 precedence: the fail condition holding decides; else the pass
    /// condition holding; else unknown.
    pub fn decide(pass: Tri, fail: Tri) -> Status {
        if fail.is_true() {
            Status::Fail
        } else if pass.is_true() {
            Status::Pass
        } else {
            Status::Unknown
        }
    }

    /// The status as written in records and `screen` output.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pass => "pass",
            Status::Fail => "fail",
            Status::Unknown => "unknown",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const ALL: [Tri; 3] = [Tri::True, Tri::False, Tri::Unknown];

    fn tri() -> impl Strategy<Value = Tri> {
        prop::sample::select(ALL.to_vec())
    }

    #[test]
    fn and_or_truth_tables_are_kleene() {
        use Tri::*;
        let and = [
            (True, True, True),
            (True, False, False),
            (True, Unknown, Unknown),
            (False, True, False),
            (False, False, False),
            (False, Unknown, False),
            (Unknown, True, Unknown),
            (Unknown, False, False),
            (Unknown, Unknown, Unknown),
        ];
        for (a, b, want) in and {
            assert_eq!(a.and(b), want, "{a:?} AND {b:?}");
        }
        let or = [
            (True, True, True),
            (True, False, True),
            (True, Unknown, True),
            (False, True, True),
            (False, False, False),
            (False, Unknown, Unknown),
            (Unknown, True, True),
            (Unknown, False, Unknown),
            (Unknown, Unknown, Unknown),
        ];
        for (a, b, want) in or {
            assert_eq!(a.or(b), want, "{a:?} OR {b:?}");
        }
    }

    #[test]
    fn empty_all_is_true_and_empty_any_is_false() {
        assert_eq!(Tri::all([]), Tri::True);
        assert_eq!(Tri::any([]), Tri::False);
    }

    #[test]
    fn a_holding_fail_condition_decides_even_when_pass_also_holds() {
        assert_eq!(Status::decide(Tri::True, Tri::True), Status::Fail);
        assert_eq!(Status::decide(Tri::Unknown, Tri::True), Status::Fail);
        assert_eq!(Status::decide(Tri::True, Tri::Unknown), Status::Pass);
        assert_eq!(Status::decide(Tri::Unknown, Tri::False), Status::Unknown);
        assert_eq!(Status::decide(Tri::False, Tri::False), Status::Unknown);
    }

    proptest! {
        #[test]
        fn de_morgan_holds(a in tri(), b in tri()) {
            prop_assert_eq!(a.and(b).not(), a.not().or(b.not()));
            prop_assert_eq!(a.or(b).not(), a.not().and(b.not()));
        }

        #[test]
        fn and_or_are_commutative_and_associative(a in tri(), b in tri(), c in tri()) {
            prop_assert_eq!(a.and(b), b.and(a));
            prop_assert_eq!(a.or(b), b.or(a));
            prop_assert_eq!(a.and(b).and(c), a.and(b.and(c)));
            prop_assert_eq!(a.or(b).or(c), a.or(b.or(c)));
        }

        #[test]
        fn knowing_more_never_flips_a_known_result(a in tri(), b in tri(), a2 in tri()) {
            // Monotonicity: replacing an unknown by a value never changes a known result.
            if a == Tri::Unknown {
                let before = a.and(b);
                if before != Tri::Unknown { prop_assert_eq!(a2.and(b), before); }
                let before = a.or(b);
                if before != Tri::Unknown { prop_assert_eq!(a2.or(b), before); }
            }
        }

        #[test]
        fn all_and_any_fold_pairwise(xs in prop::collection::vec(tri(), 0..6)) {
            let all = xs.iter().copied().fold(Tri::True, Tri::and);
            let any = xs.iter().copied().fold(Tri::False, Tri::or);
            prop_assert_eq!(Tri::all(xs.clone()), all);
            prop_assert_eq!(Tri::any(xs.clone()), any);
            prop_assert_eq!(Tri::all(xs.iter().map(|x| x.not())), any.not());
        }
    }
}
