//! Elapsed time, in English.

use super::{TimeText, TimeUnit};
use crate::i18n::English;

impl TimeText for English {
    fn ago(&self, amount: u32, unit: TimeUnit) -> String {
        let (one, other) = match (unit, amount) {
            (_, 0) => return "now".to_owned(),
            (TimeUnit::Day, 1) => return "yesterday".to_owned(),
            (TimeUnit::Week, 1) => return "last week".to_owned(),
            (TimeUnit::Month, 1) => return "last month".to_owned(),
            (TimeUnit::Year, 1) => return "last year".to_owned(),
            (TimeUnit::Year, _) => ("year", "years"),
            (TimeUnit::Month, _) => ("month", "months"),
            (TimeUnit::Week, _) => ("week", "weeks"),
            (TimeUnit::Day, _) => ("day", "days"),
            (TimeUnit::Hour, _) => ("hour", "hours"),
            (TimeUnit::Minute, _) => ("minute", "minutes"),
            (TimeUnit::Second, _) => ("second", "seconds"),
        };
        format!("{} ago", self.counted(amount, one, other))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_have_their_words() {
        assert_eq!(English.ago(0, TimeUnit::Second), "now");
        assert_eq!(English.ago(1, TimeUnit::Minute), "1 minute ago");
        assert_eq!(English.ago(5, TimeUnit::Hour), "5 hours ago");
        assert_eq!(English.ago(1, TimeUnit::Day), "yesterday");
        assert_eq!(English.ago(3, TimeUnit::Day), "3 days ago");
        assert_eq!(English.ago(1, TimeUnit::Week), "last week");
        assert_eq!(English.ago(1_500, TimeUnit::Year), "1,500 years ago");
    }
}
