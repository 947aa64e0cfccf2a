//! The words of how long ago something happened: "3 days ago", "yesterday", "now".
//!
//! Every catalog words these itself, with its own plural rules and digits, rather than asking
//! the browser's `Intl.RelativeTimeFormat`: the page's first one of those loads the browser's
//! locale data, tens of milliseconds spent just as a list's first page arrives.

mod ar;
mod de;
mod en;
mod fr;

/// A unit of elapsed time, from the largest down.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeUnit {
    /// 365 days.
    Year,
    /// 30 days.
    Month,
    /// 7 days.
    Week,
    /// 24 hours.
    Day,
    /// 60 minutes.
    Hour,
    /// 60 seconds.
    Minute,
    /// The smallest unit.
    Second,
}

/// Messages of elapsed time, in one locale.
pub trait TimeText {
    /// `amount` whole `unit`s ago: "3 days ago"; where the language has a word of its own
    /// for it, that word ("yesterday", "last week"); "now" for no time at all.
    fn ago(&self, amount: u32, unit: TimeUnit) -> String;
}

#[cfg(test)]
mod tests {
    use super::TimeUnit;
    use crate::i18n::Locale;

    const UNITS: [TimeUnit; 7] = [
        TimeUnit::Year,
        TimeUnit::Month,
        TimeUnit::Week,
        TimeUnit::Day,
        TimeUnit::Hour,
        TimeUnit::Minute,
        TimeUnit::Second,
    ];

    /// Every catalog words every amount of every unit, differently from English, and the
    /// amounts that take a number show it in the locale's digits.
    #[test]
    fn every_catalog_words_elapsed_time() {
        let english = Locale::En.catalog();
        for locale in Locale::ALL {
            let catalog = locale.catalog();
            for unit in UNITS {
                for amount in [0, 1, 2, 3, 11, 25, 100, 1_234] {
                    let text = catalog.ago(amount, unit);
                    assert!(!text.trim().is_empty(), "{locale:?} {amount} {unit:?}");
                    if locale != Locale::En {
                        assert_ne!(text, english.ago(amount, unit), "{locale:?} untranslated");
                    }
                    if amount >= 3 {
                        let digits = catalog.number(amount);
                        assert!(
                            text.contains(&digits),
                            "{locale:?}: {text:?} lacks {digits}"
                        );
                    }
                }
            }
        }
    }
}
