//! Times as the API writes them, RFC 3339 in UTC, from a count of milliseconds since 1970:
//! the server stamps its records with them, and the widget's adapters turn other APIs' Unix
//! times into them.

use std::ops::RangeInclusive;

/// The milliseconds since 1970 whose year has four digits (0000 to 9999), the years
/// RFC 3339 can write.
pub const WRITABLE_MILLIS: RangeInclusive<i64> = -62_167_219_200_000..=253_402_300_799_999;

/// `millis` since 1970-01-01T00:00:00Z as RFC 3339 in UTC: `2026-07-07T12:39:26.449Z` with
/// the milliseconds, `2026-07-07T12:39:26Z` without. Meant for [`WRITABLE_MILLIS`].
pub fn rfc3339(millis: i64, with_millis: bool) -> String {
    let (days, day_millis) = (millis.div_euclid(86_400_000), millis.rem_euclid(86_400_000));
    let (year, month, day) = civil_from_days(days);
    let seconds = day_millis / 1_000;
    let time = format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}",
        seconds / 3_600,
        seconds / 60 % 60,
        seconds % 60
    );
    if with_millis {
        format!("{time}.{:03}Z", day_millis % 1_000)
    } else {
        format!("{time}Z")
    }
}

/// The proleptic Gregorian date `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
pub(crate) fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn milliseconds_become_utc_dates() {
        assert_eq!(rfc3339(0, true), "1970-01-01T00:00:00.000Z");
        assert_eq!(rfc3339(1_709_251_199_000, false), "2024-02-29T23:59:59Z");
        assert_eq!(rfc3339(1_783_427_966_449, true), "2026-07-07T12:39:26.449Z");
        assert_eq!(rfc3339(951_782_400_000, true), "2000-02-29T00:00:00.000Z");
        assert_eq!(rfc3339(-1_000, false), "1969-12-31T23:59:59Z");
        assert_eq!(
            rfc3339(*WRITABLE_MILLIS.start(), false),
            "0000-01-01T00:00:00Z"
        );
        assert_eq!(
            rfc3339(*WRITABLE_MILLIS.end(), true),
            "9999-12-31T23:59:59.999Z"
        );
    }
}
