//! Elapsed time, in French.

use super::{TimeText, TimeUnit};
use crate::i18n::French;

impl TimeText for French {
    fn ago(&self, amount: u32, unit: TimeUnit) -> String {
        let (one, other) = match (unit, amount) {
            (_, 0) => return "maintenant".to_owned(),
            (TimeUnit::Day, 1) => return "hier".to_owned(),
            (TimeUnit::Day, 2) => return "avant-hier".to_owned(),
            (TimeUnit::Week, 1) => return "la semaine dernière".to_owned(),
            (TimeUnit::Month, 1) => return "le mois dernier".to_owned(),
            (TimeUnit::Year, 1) => return "l’année dernière".to_owned(),
            (TimeUnit::Year, _) => ("an", "ans"),
            (TimeUnit::Month, _) => ("mois", "mois"),
            (TimeUnit::Week, _) => ("semaine", "semaines"),
            (TimeUnit::Day, _) => ("jour", "jours"),
            (TimeUnit::Hour, _) => ("heure", "heures"),
            (TimeUnit::Minute, _) => ("minute", "minutes"),
            (TimeUnit::Second, _) => ("seconde", "secondes"),
        };
        format!("il y a {}", self.counted(amount, one, other))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_follow_il_y_a() {
        assert_eq!(French.ago(0, TimeUnit::Second), "maintenant");
        assert_eq!(French.ago(1, TimeUnit::Hour), "il y a 1\u{00A0}heure");
        assert_eq!(French.ago(1, TimeUnit::Day), "hier");
        assert_eq!(French.ago(3, TimeUnit::Day), "il y a 3\u{00A0}jours");
        assert_eq!(French.ago(1, TimeUnit::Year), "l’année dernière");
    }
}
