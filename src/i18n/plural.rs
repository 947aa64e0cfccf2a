//! Plural categories (after Unicode CLDR), so each catalog picks the right noun form.

/// The plural category of a count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plural {
    /// Singular, as in English `1 vote`.
    One,
    /// Every other count, as in English `0 votes`, `2 votes`.
    Other,
}

impl Plural {
    /// The English rule: exactly one is `One`, everything else `Other`.
    pub fn english(n: u32) -> Self {
        if n == 1 {
            Self::One
        } else {
            Self::Other
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
}
