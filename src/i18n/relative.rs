//! "3 days ago", in the widget's language: the largest whole unit of the time since a moment,
//! worded by the locale's catalog.

use super::time::TimeUnit;
use super::Locale;

/// The span of `seconds` (the time since a moment) in its largest whole unit:
/// `(3, TimeUnit::Day)`.
pub fn span(seconds: f64) -> (u32, TimeUnit) {
    const UNITS: [(f64, TimeUnit); 6] = [
        (365.0 * 86_400.0, TimeUnit::Year),
        (30.0 * 86_400.0, TimeUnit::Month),
        (7.0 * 86_400.0, TimeUnit::Week),
        (86_400.0, TimeUnit::Day),
        (3_600.0, TimeUnit::Hour),
        (60.0, TimeUnit::Minute),
    ];
    let seconds = seconds.max(0.0);
    let (size, unit) = UNITS
        .into_iter()
        .find(|(size, _)| seconds >= *size)
        .unwrap_or((1.0, TimeUnit::Second));
    // Saturating: a count of years beyond `u32` is not a date anyone wrote.
    ((seconds / size).floor() as u32, unit)
}

/// How long ago `timestamp` (RFC 3339) was, in `locale`'s words: "3 days ago", "vor 3 Tagen",
/// "قبل ٣ أيام". `None` when the timestamp cannot be read.
pub fn ago(locale: Locale, timestamp: &str) -> Option<String> {
    let then = js_sys::Date::parse(timestamp);
    if then.is_nan() {
        return None;
    }
    let (amount, unit) = span((js_sys::Date::now() - then) / 1000.0);
    Some(locale.catalog().ago(amount, unit))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_largest_whole_unit_is_chosen() {
        let cases = [
            (0.0, (0, TimeUnit::Second)),
            (59.0, (59, TimeUnit::Second)),
            (60.0, (1, TimeUnit::Minute)),
            (3_599.0, (59, TimeUnit::Minute)),
            (7_200.0, (2, TimeUnit::Hour)),
            (3.5 * 86_400.0, (3, TimeUnit::Day)),
            (15.0 * 86_400.0, (2, TimeUnit::Week)),
            (90.0 * 86_400.0, (3, TimeUnit::Month)),
            (800.0 * 86_400.0, (2, TimeUnit::Year)),
            // A clock a little ahead of the server's reads as "now", never the future.
            (-30.0, (0, TimeUnit::Second)),
        ];
        for (seconds, expected) in cases {
            assert_eq!(span(seconds), expected, "{seconds}");
        }
    }
}
