//! Plural categories (after Unicode CLDR's rules for whole numbers), so each catalog picks the
//! right noun form.

/// The plural category of a count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plural {
    /// Arabic `0`.
    Zero,
    /// Singular: English `1 vote`, French `0 vote` and `1 vote`.
    One,
    /// Arabic dual: `2`.
    Two,
    /// Arabic `3`–`10` (and `103`–`110`, …).
    Few,
    /// Arabic `11`–`99` (and `111`–`199`, …).
    Many,
    /// Every other count.
    Other,
}

impl Plural {
    /// English and German: exactly one is `One`.
    pub fn english(n: u32) -> Self {
        if n == 1 {
            Self::One
        } else {
            Self::Other
        }
    }

    /// French: zero and one are `One`.
    pub fn french(n: u32) -> Self {
        if n <= 1 {
            Self::One
        } else {
            Self::Other
        }
    }

    /// Arabic: zero, one, two, few (`n % 100` in 3–10), many (`n % 100` in 11–99), other.
    pub fn arabic(n: u32) -> Self {
        match (n, n % 100) {
            (0, _) => Self::Zero,
            (1, _) => Self::One,
            (2, _) => Self::Two,
            (_, 3..=10) => Self::Few,
            (_, 11..=99) => Self::Many,
            _ => Self::Other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_has_one_singular() {
        assert_eq!(Plural::english(1), Plural::One);
        for n in [0, 2, 11, 21, 101] {
            assert_eq!(Plural::english(n), Plural::Other, "{n}");
        }
    }

    #[test]
    fn french_counts_zero_as_singular() {
        assert_eq!(Plural::french(0), Plural::One);
        assert_eq!(Plural::french(1), Plural::One);
        assert_eq!(Plural::french(2), Plural::Other);
    }

    #[test]
    fn arabic_has_six_categories() {
        let cases = [
            (0, Plural::Zero),
            (1, Plural::One),
            (2, Plural::Two),
            (3, Plural::Few),
            (10, Plural::Few),
            (11, Plural::Many),
            (99, Plural::Many),
            (100, Plural::Other),
            (102, Plural::Other),
            (103, Plural::Few),
            (111, Plural::Many),
        ];
        for (n, category) in cases {
            assert_eq!(Plural::arabic(n), category, "{n}");
        }
    }
}
