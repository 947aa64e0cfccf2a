//! "3 days ago", in the widget's language: the largest whole unit of the time since a moment,
//! worded by the browser's `Intl.RelativeTimeFormat` (so every locale gets its own grammar,
//! plurals and digits).

use std::cell::RefCell;

use js_sys::Intl::RelativeTimeFormat;
use wasm_bindgen::JsValue;

use super::Locale;

/// The span of `seconds` (the time since a moment) in its largest whole unit, as the
/// negative amount and the unit `Intl.RelativeTimeFormat` takes: `(-3.0, "day")`.
pub fn span(seconds: f64) -> (f64, &'static str) {
    const UNITS: [(f64, &str); 6] = [
        (365.0 * 86_400.0, "year"),
        (30.0 * 86_400.0, "month"),
        (7.0 * 86_400.0, "week"),
        (86_400.0, "day"),
        (3_600.0, "hour"),
        (60.0, "minute"),
    ];
    let seconds = seconds.max(0.0);
    UNITS
        .iter()
        .find(|(size, _)| seconds >= *size)
        .map_or((-seconds.floor(), "second"), |(size, unit)| {
            (-(seconds / size).floor(), unit)
        })
}

/// How long ago `timestamp` (RFC 3339) was, in `locale`'s words: "3 days ago", "vor 3 Tagen",
/// "قبل ٣ أيام". `None` when the timestamp cannot be read.
pub fn ago(locale: Locale, timestamp: &str) -> Option<String> {
    let then = js_sys::Date::parse(timestamp);
    if then.is_nan() {
        return None;
    }
    let (amount, unit) = span((js_sys::Date::now() - then) / 1000.0);
    Some(formatter(locale).format(amount, unit).into())
}

thread_local! {
    /// One formatter per locale: building one costs far more than using it, and a list
    /// dates every card.
    static FORMATTERS: RefCell<Vec<(Locale, RelativeTimeFormat)>> = const { RefCell::new(Vec::new()) };
}

/// The page's `Intl.RelativeTimeFormat` for `locale`, made on first use.
fn formatter(locale: Locale) -> RelativeTimeFormat {
    FORMATTERS.with_borrow_mut(|formatters| {
        if let Some((_, format)) = formatters.iter().find(|(l, _)| *l == locale) {
            return format.clone();
        }
        let options = js_sys::Object::new();
        _ = js_sys::Reflect::set(&options, &"numeric".into(), &"auto".into());
        let locales = js_sys::Array::of1(&JsValue::from_str(locale.tag()));
        let format = RelativeTimeFormat::new(&locales, &options);
        formatters.push((locale, format.clone()));
        format
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_largest_whole_unit_is_chosen() {
        let cases = [
            (0.0, (0.0, "second")),
            (59.0, (-59.0, "second")),
            (60.0, (-1.0, "minute")),
            (3_599.0, (-59.0, "minute")),
            (7_200.0, (-2.0, "hour")),
            (3.5 * 86_400.0, (-3.0, "day")),
            (15.0 * 86_400.0, (-2.0, "week")),
            (90.0 * 86_400.0, (-3.0, "month")),
            (800.0 * 86_400.0, (-2.0, "year")),
            // A clock a little ahead of the server's reads as "now", never the future.
            (-30.0, (0.0, "second")),
        ];
        for (seconds, expected) in cases {
            assert_eq!(span(seconds), expected, "{seconds}");
        }
    }
}
