//! Calendar dates as forms take them: `YYYY-MM-DD`, the form a browser's date input gives and
//! the one a schema's limits are written in. Only real days are dates (no 31 April, a 29
//! February only in a leap year), and dates compare in calendar order.

use std::fmt;

/// A day of the Gregorian calendar, from year 1 to 9999.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    year: u16,
    month: u8,
    day: u8,
}

impl Day {
    /// The day `text` names as `YYYY-MM-DD`, if it names one.
    pub fn parse(text: &str) -> Option<Self> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let number = |range: std::ops::Range<usize>| -> Option<u16> {
            let digits = &text[range];
            digits
                .bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| digits.parse().ok())
                .flatten()
        };
        let year = number(0..4)?;
        let month = u8::try_from(number(5..7)?).ok()?;
        let day = u8::try_from(number(8..10)?).ok()?;
        let real =
            year >= 1 && (1..=12).contains(&month) && (1..=days_in(year, month)).contains(&day);
        real.then_some(Self { year, month, day })
    }

    /// The day `days` after 1970-01-01 (before it when negative), if it lies in years 1 to
    /// 9999.
    pub fn from_epoch_days(days: i64) -> Option<Self> {
        let (year, month, day) = crate::time::civil_from_days(days);
        Some(Self {
            year: u16::try_from(year)
                .ok()
                .filter(|year| (1..=9999).contains(year))?,
            month: u8::try_from(month).ok()?,
            day: u8::try_from(day).ok()?,
        })
    }

    /// How many days this day lies after 1970-01-01 (negative before it), so that days can be
    /// counted and stepped through.
    pub fn epoch_days(self) -> i64 {
        // Howard Hinnant's `days_from_civil`, the inverse of `time::civil_from_days`.
        let (month, day) = (i64::from(self.month), i64::from(self.day));
        let year = i64::from(self.year) - i64::from(month <= 2);
        let era = year.div_euclid(400);
        let yoe = year.rem_euclid(400);
        let doy = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// How many days `month` of `year` has.
fn days_in(year: u16, month: u8) -> u8 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_real_days_in_the_iso_form_are_dates() {
        for text in [
            "2026-11-27",
            "2024-02-29",
            "2000-02-29",
            "0001-01-01",
            "9999-12-31",
        ] {
            assert_eq!(
                Day::parse(text).map(|day| day.to_string()).as_deref(),
                Some(text)
            );
        }
        for text in [
            "2026-04-31",
            "2023-02-29",
            "1900-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-01-00",
            "0000-01-01",
            "2026-1-01",
            "26-01-01",
            "2026/01/01",
            "2026-01-01T00:00",
            "+026-01-01",
            "２０２６-01-01",
            "",
            "2026-0a-01",
        ] {
            assert_eq!(Day::parse(text), None, "{text}");
        }
    }

    #[test]
    fn days_count_from_1970() {
        for (text, days) in [
            ("1970-01-01", 0),
            ("1969-12-31", -1),
            ("2000-03-01", 11_017),
            ("2024-02-29", 19_782),
            ("0001-01-01", -719_162),
            ("9999-12-31", 2_932_896),
        ] {
            let day = Day::parse(text).unwrap();
            assert_eq!(day.epoch_days(), days, "{text}");
            assert_eq!(Day::from_epoch_days(days), Some(day), "{text}");
        }
        assert_eq!(Day::from_epoch_days(-719_163), None);
        assert_eq!(Day::from_epoch_days(2_932_897), None);
    }

    #[test]
    fn days_compare_in_calendar_order() {
        let day = |text| Day::parse(text).unwrap();
        assert!(day("2026-01-31") < day("2026-02-01"));
        assert!(day("2025-12-31") < day("2026-01-01"));
        assert_eq!(day("2026-03-05"), day("2026-03-05"));
    }
}
