//! Exact decimal numbers as written in a record, so that a comparison at a
//! boundary (creatinine 0.15 against 1.5 × ULN 0.1) is exact (spec §3).
//!
//! A [`Decimal`] is a sign, a string of significant digits and a power of ten.
//! It is parsed from the JSON number's own text (serde_json keeps it with the
//! `arbitrary_precision` feature), compares exactly at any size, and can be
//! multiplied by a small whole number, which is all the rules need
//! (`value < 1.5 × uln` is `2 × value < 3 × uln`).

use std::cmp::Ordering;
use std::fmt;

/// The largest exponent magnitude accepted. Numbers beyond it cannot be a
/// plausible measurement and are refused rather than expanded.
const MAX_EXPONENT: i64 = 1_000;
/// The most significant digits accepted in one number.
const MAX_DIGITS: usize = 60;

/// An exact decimal number: `(-1)^negative × digits × 10^exp`.
///
/// Invariants: `digits` has no leading or trailing zeros (zero is the empty
/// digit string with `exp == 0` and `negative == false`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Decimal {
    negative: bool,
    digits: Vec<u8>,
    exp: i64,
}

impl Decimal {
    /// Zero.
    pub fn zero() -> Self {
        Decimal {
            negative: false,
            digits: Vec::new(),
            exp: 0,
        }
    }

    /// A whole number.
    pub fn from_i64(n: i64) -> Self {
        let negative = n < 0;
        let digits: Vec<u8> = n
            .unsigned_abs()
            .to_string()
            .bytes()
            .map(|b| b - b'0')
            .collect();
        Decimal::normalised(negative, digits, 0)
    }

    /// Parses a JSON number literal (`-12.5`, `3e2`, `0.15`). Returns `None`
    /// for anything else, or for a number too long or too large to be a
    /// measurement (more than 60 significant digits, exponent beyond ±1000).
    pub fn parse(text: &str) -> Option<Self> {
        let bytes = text.as_bytes();
        let mut i = 0;
        let negative = bytes.first() == Some(&b'-');
        if negative {
            i += 1;
        }
        let mut digits = Vec::new();
        let mut frac_len: i64 = 0;
        let mut seen_digit = false;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            digits.push(bytes[i] - b'0');
            seen_digit = true;
            i += 1;
        }
        if i < bytes.len() && bytes[i] == b'.' {
            i += 1;
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                digits.push(bytes[i] - b'0');
                i += 1;
            }
            if i == start {
                return None;
            }
            frac_len = (i - start) as i64;
        }
        if !seen_digit {
            return None;
        }
        let mut exp: i64 = 0;
        if i < bytes.len() && (bytes[i] == b'e' || bytes[i] == b'E') {
            i += 1;
            let exp_negative = match bytes.get(i) {
                Some(b'-') => {
                    i += 1;
                    true
                }
                Some(b'+') => {
                    i += 1;
                    false
                }
                _ => false,
            };
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                exp = exp
                    .saturating_mul(10)
                    .saturating_add(i64::from(bytes[i] - b'0'));
                i += 1;
            }
            if i == start {
                return None;
            }
            if exp_negative {
                exp = -exp;
            }
        }
        if i != bytes.len() {
            return None;
        }
        let d = Decimal::normalised(negative, digits, exp.saturating_sub(frac_len));
        let magnitude = d.exp.saturating_add(d.digits.len() as i64);
        if d.digits.len() > MAX_DIGITS || d.exp < -MAX_EXPONENT || magnitude > MAX_EXPONENT {
            return None;
        }
        Some(d)
    }

    fn normalised(negative: bool, mut digits: Vec<u8>, mut exp: i64) -> Self {
        let lead = digits.iter().take_while(|&&d| d == 0).count();
        digits.drain(..lead);
        while digits.last() == Some(&0) {
            digits.pop();
            exp += 1;
        }
        if digits.is_empty() {
            return Decimal::zero();
        }
        Decimal {
            negative,
            digits,
            exp,
        }
    }

    /// True for a value below zero.
    pub fn is_negative(&self) -> bool {
        self.negative
    }

    /// True when the value is zero.
    pub fn is_zero(&self) -> bool {
        self.digits.is_empty()
    }

    /// True when the value has no fractional part (`14`, `14.0`, `1.4e1`).
    pub fn is_integer(&self) -> bool {
        self.exp >= 0
    }

    /// The value as an `i64`, when it is a whole number that fits.
    pub fn to_i64(&self) -> Option<i64> {
        if !self.is_integer() {
            return None;
        }
        let mut n: i64 = 0;
        for &d in &self.digits {
            n = n.checked_mul(10)?.checked_add(i64::from(d))?;
        }
        for _ in 0..self.exp {
            n = n.checked_mul(10)?;
        }
        Some(if self.negative { -n } else { n })
    }

    /// This value multiplied by a small whole number, exactly.
    pub fn mul_small(&self, factor: u32) -> Decimal {
        if factor == 0 || self.is_zero() {
            return Decimal::zero();
        }
        let mut out: Vec<u8> = Vec::with_capacity(self.digits.len() + 10);
        let mut carry: u64 = 0;
        for &d in self.digits.iter().rev() {
            let v = u64::from(d) * u64::from(factor) + carry;
            out.push((v % 10) as u8);
            carry = v / 10;
        }
        while carry > 0 {
            out.push((carry % 10) as u8);
            carry /= 10;
        }
        out.reverse();
        Decimal::normalised(self.negative, out, self.exp)
    }

    /// This value times 10^power (e.g. `-3` divides by 1000), exactly.
    pub fn scale10(&self, power: i64) -> Decimal {
        if self.is_zero() {
            return Decimal::zero();
        }
        Decimal {
            negative: self.negative,
            digits: self.digits.clone(),
            exp: self.exp + power,
        }
    }

    fn cmp_magnitude(&self, other: &Decimal) -> Ordering {
        match (self.is_zero(), other.is_zero()) {
            (true, true) => return Ordering::Equal,
            (true, false) => return Ordering::Less,
            (false, true) => return Ordering::Greater,
            _ => {}
        }
        // Position of the most significant digit decides first.
        let top_a = self.exp + self.digits.len() as i64;
        let top_b = other.exp + other.digits.len() as i64;
        top_a.cmp(&top_b).then_with(|| {
            let n = self.digits.len().max(other.digits.len());
            (0..n)
                .map(|i| {
                    let a = self.digits.get(i).copied().unwrap_or(0);
                    let b = other.digits.get(i).copied().unwrap_or(0);
                    a.cmp(&b)
                })
                .find(|o| o.is_ne())
                .unwrap_or(Ordering::Equal)
        })
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self.negative, other.negative) {
            (false, true) => Ordering::Greater,
            (true, false) => Ordering::Less,
            (false, false) => self.cmp_magnitude(other),
            (true, true) => other.cmp_magnitude(self),
        }
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Decimal {
    /// Plain notation (`15.2`, `0.15`, `30000`); scientific notation only for
    /// numbers whose plain form would be very long.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_zero() {
            return f.write_str("0");
        }
        if self.negative {
            f.write_str("-")?;
        }
        let digits: String = self.digits.iter().map(|d| char::from(b'0' + d)).collect();
        let len = self.digits.len() as i64;
        if self.exp > 21 || self.exp + len < -6 {
            let (first, rest) = digits.split_at(1);
            let e = self.exp + len - 1;
            return if rest.is_empty() {
                write!(f, "{first}e{e}")
            } else {
                write!(f, "{first}.{rest}e{e}")
            };
        }
        if self.exp >= 0 {
            f.write_str(&digits)?;
            for _ in 0..self.exp {
                f.write_str("0")?;
            }
            Ok(())
        } else {
            let point = len + self.exp;
            if point > 0 {
                let (whole, frac) = digits.split_at(point as usize);
                write!(f, "{whole}.{frac}")
            } else {
                f.write_str("0.")?;
                for _ in 0..(-point) {
                    f.write_str("0")?;
                }
                f.write_str(&digits)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(s: &str) -> Decimal {
        Decimal::parse(s).expect(s)
    }

    #[test]
    fn parses_json_number_forms() {
        assert_eq!(d("15.2").to_string(), "15.2");
        assert_eq!(d("0.15").to_string(), "0.15");
        assert_eq!(d("-0.0").to_string(), "0");
        assert_eq!(d("3e2").to_string(), "300");
        assert_eq!(d("1.50E+1").to_string(), "15");
        assert_eq!(d("30000").to_string(), "30000");
        assert_eq!(d("2.5e-3").to_string(), "0.0025");
    }

    #[test]
    fn refuses_what_is_not_a_json_number() {
        for bad in [
            "", "-", ".5", "5.", "1e", "1e+", "abc", "1.2.3", "0x10", "１２", "1 ",
        ] {
            assert!(Decimal::parse(bad).is_none(), "{bad:?}");
        }
    }

    #[test]
    fn refuses_absurd_sizes_instead_of_expanding_them() {
        assert!(Decimal::parse("1e400000").is_none());
        assert!(Decimal::parse("1e-99999999999999999999").is_none());
        assert!(Decimal::parse(&"9".repeat(100)).is_none());
        assert!(Decimal::parse("1e400").is_some());
    }

    #[test]
    fn creatinine_0_15_is_exactly_one_and_a_half_times_0_1() {
        assert_eq!(
            d("0.15").mul_small(2).cmp(&d("0.1").mul_small(3)),
            Ordering::Equal
        );
    }

    #[test]
    fn integers_with_zero_fraction_are_integers() {
        assert_eq!(d("14.0").to_i64(), Some(14));
        assert_eq!(d("1.4e1").to_i64(), Some(14));
        assert_eq!(d("14.5").to_i64(), None);
        assert_eq!(d("1e400").to_i64(), None);
    }

    proptest! {
        #[test]
        fn ordering_matches_integer_ordering(a in any::<i64>(), b in any::<i64>()) {
            prop_assert_eq!(Decimal::from_i64(a).cmp(&Decimal::from_i64(b)), a.cmp(&b));
        }

        #[test]
        fn ordering_matches_scaled_integers(a in -1_000_000i64..1_000_000, b in -1_000_000i64..1_000_000, sa in 0u32..6, sb in 0u32..6) {
            // a / 10^sa versus b / 10^sb, compared exactly via integers.
            let da = Decimal::parse(&format!("{a}e-{sa}")).unwrap();
            let db = Decimal::parse(&format!("{b}e-{sb}")).unwrap();
            let lhs = i128::from(a) * 10i128.pow(sb);
            let rhs = i128::from(b) * 10i128.pow(sa);
            prop_assert_eq!(da.cmp(&db), lhs.cmp(&rhs));
        }

        #[test]
        fn display_round_trips(a in any::<i64>(), s in 0u32..12) {
            let x = Decimal::parse(&format!("{a}e-{s}")).unwrap();
            prop_assert_eq!(Decimal::parse(&x.to_string()).unwrap(), x);
        }

        #[test]
        fn mul_small_matches_integer_product(a in -1_000_000_000i64..1_000_000_000, k in 0u32..5000) {
            prop_assert_eq!(Decimal::from_i64(a).mul_small(k), Decimal::from_i64(a * i64::from(k)));
        }
    }
}
