//! Elapsed time, in German.

use super::{TimeText, TimeUnit};
use crate::i18n::German;

impl TimeText for German {
    fn ago(&self, amount: u32, unit: TimeUnit) -> String {
        // The dative plural after "vor": "vor 3 Tagen".
        let (one, other) = match (unit, amount) {
            (_, 0) => return "jetzt".to_owned(),
            (TimeUnit::Day, 1) => return "gestern".to_owned(),
            (TimeUnit::Day, 2) => return "vorgestern".to_owned(),
            (TimeUnit::Week, 1) => return "letzte Woche".to_owned(),
            (TimeUnit::Month, 1) => return "letzten Monat".to_owned(),
            (TimeUnit::Year, 1) => return "letztes Jahr".to_owned(),
            (TimeUnit::Year, _) => ("Jahr", "Jahren"),
            (TimeUnit::Month, _) => ("Monat", "Monaten"),
            (TimeUnit::Week, _) => ("Woche", "Wochen"),
            (TimeUnit::Day, _) => ("Tag", "Tagen"),
            (TimeUnit::Hour, _) => ("Stunde", "Stunden"),
            (TimeUnit::Minute, _) => ("Minute", "Minuten"),
            (TimeUnit::Second, _) => ("Sekunde", "Sekunden"),
        };
        format!("vor {}", self.counted(amount, one, other))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_take_the_dative_after_vor() {
        assert_eq!(German.ago(0, TimeUnit::Minute), "jetzt");
        assert_eq!(German.ago(1, TimeUnit::Hour), "vor 1 Stunde");
        assert_eq!(German.ago(2, TimeUnit::Day), "vorgestern");
        assert_eq!(German.ago(3, TimeUnit::Day), "vor 3 Tagen");
        assert_eq!(German.ago(1, TimeUnit::Month), "letzten Monat");
        assert_eq!(German.ago(2_000, TimeUnit::Year), "vor 2.000 Jahren");
    }
}
