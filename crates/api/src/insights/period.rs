//! The days a report covers: whole UTC days, both ends included, named `YYYY-MM-DD`.

use serde::{Deserialize, Serialize};

use crate::form::Day;
use crate::validate::{self, FieldErrors};

/// Days a report covers when the request names no start: the last 30, the end day included.
pub const DEFAULT_DAYS: u32 = 30;

/// Most days one report covers: a leap year.
pub const MAX_DAYS: u32 = 366;

/// The UTC days a report covers, `from` to `to`, both included.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    /// The first day, `YYYY-MM-DD`.
    pub from: String,
    /// The last day, `YYYY-MM-DD`.
    pub to: String,
    /// How many days that is (1 to [`MAX_DAYS`]).
    pub days: u32,
}

impl Period {
    /// The first and last day a request names with `from` and `to` (blank counts as absent)
    /// on day `today`: `to` defaults to today and `from` to [`DEFAULT_DAYS`] days up to `to`.
    /// Broken rules, by parameter: a day that is not a real `YYYY-MM-DD` (`invalid_date`), `to`
    /// before `from` (`to`: `out_of_range`), and more than [`MAX_DAYS`] days (`from`:
    /// `too_long`).
    pub fn resolve(
        from: Option<&str>,
        to: Option<&str>,
        today: Day,
    ) -> Result<(Day, Day), FieldErrors> {
        let mut errors = FieldErrors::new();
        let mut parse = |name: &str, text: Option<&str>| match text.filter(|t| !t.is_empty()) {
            Some(text) => Day::parse(text).map(Some).unwrap_or_else(|| {
                validate::push(&mut errors, name, validate::INVALID_DATE);
                None
            }),
            None => None,
        };
        let (from, to) = (parse("from", from), parse("to", to));
        validate::finish(errors)?;
        let last = to.unwrap_or(today);
        let first = match from {
            Some(first) => first,
            None => Day::from_epoch_days(last.epoch_days() - i64::from(DEFAULT_DAYS - 1))
                .unwrap_or(last),
        };
        let mut errors = FieldErrors::new();
        if last < first {
            validate::push(&mut errors, "to", validate::OUT_OF_RANGE);
        } else if last.epoch_days() - first.epoch_days() >= i64::from(MAX_DAYS) {
            validate::push(&mut errors, "from", validate::TOO_LONG);
        }
        validate::finish(errors).map(|()| (first, last))
    }

    /// The period from `first` to `last` as the wire writes it.
    pub fn new(first: Day, last: Day) -> Self {
        let days = last.epoch_days() - first.epoch_days() + 1;
        Self {
            from: first.to_string(),
            to: last.to_string(),
            days: u32::try_from(days.max(0)).unwrap_or(u32::MAX),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Day {
        Day::parse(text).unwrap()
    }

    fn resolve(from: &str, to: &str) -> Result<(String, String), FieldErrors> {
        let (from, to) = Period::resolve(Some(from), Some(to), day("2026-03-10"))?;
        Ok((from.to_string(), to.to_string()))
    }

    #[test]
    fn the_default_is_the_last_thirty_days() {
        let ok = |from: &str, to: &str| Ok((from.to_owned(), to.to_owned()));
        assert_eq!(resolve("", ""), ok("2026-02-09", "2026-03-10"));
        assert_eq!(resolve("", "2026-01-30"), ok("2026-01-01", "2026-01-30"));
        assert_eq!(resolve("2026-03-01", ""), ok("2026-03-01", "2026-03-10"));
        assert_eq!(
            resolve("2026-03-10", "2026-03-10"),
            ok("2026-03-10", "2026-03-10")
        );
        assert_eq!(
            resolve("2024-01-01", "2024-12-31"),
            ok("2024-01-01", "2024-12-31")
        );
    }

    #[test]
    fn bad_days_and_spans_are_refused_by_parameter() {
        let codes = |result: Result<_, FieldErrors>| {
            let errors = result.unwrap_err();
            errors
                .iter()
                .map(|(field, codes)| format!("{field}:{}", codes.join(",")))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            codes(resolve("2026-02-30", "yesterday")),
            ["from:invalid_date", "to:invalid_date"]
        );
        assert_eq!(
            codes(resolve("2026-03-02", "2026-03-01")),
            ["to:out_of_range"]
        );
        assert_eq!(
            codes(resolve("2025-01-01", "2026-01-02")),
            ["from:too_long"]
        );
    }

    #[test]
    fn periods_count_their_days() {
        let period = Period::new(day("2024-02-28"), day("2024-03-01"));
        assert_eq!(period.days, 3);
        assert_eq!(
            (period.from.as_str(), period.to.as_str()),
            ("2024-02-28", "2024-03-01")
        );
    }
}
