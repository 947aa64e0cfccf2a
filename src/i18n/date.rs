//! Calendar dates in the widget's language ("Nov 27, 2026", "27.11.2026"), worded by the
//! browser's `Intl` so every locale gets its own order, month names and digits.

use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;

use super::Locale;

/// The calendar date of `timestamp` (RFC 3339) in `locale`'s medium style; `None` when the
/// timestamp cannot be read.
pub fn date(locale: Locale, timestamp: &str) -> Option<String> {
    let moment = js_sys::Date::new(&JsValue::from_str(timestamp));
    if moment.get_time().is_nan() {
        return None;
    }
    let options = Object::new();
    _ = Reflect::set(&options, &"dateStyle".into(), &"medium".into());
    Some(moment.to_locale_date_string(locale.tag(), &options).into())
}
