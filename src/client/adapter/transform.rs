//! The small changes a value may need between a brand's API and the widget's types: a name
//! mapped to another (a status `"completed"` to `"shipped"`), text to a number and back, a
//! date in Unix time to RFC 3339, and HTML to the plain text the widget shows.

use kindred_api::time::{self, WRITABLE_MILLIS};
use serde::Deserialize;
use serde_json::{Number, Value};

/// What a value is turned into.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Convert {
    /// Text: numbers and booleans written out.
    String,
    /// A number, from a number or text that reads as one.
    Number,
    /// A whole number, from a number or text; a fraction is cut off.
    Integer,
    /// `true` or `false`, from a boolean, a number (zero is false) or `"true"`/`"false"`.
    Boolean,
    /// RFC 3339 from an ISO 8601 date and time (kept as written, `T` or a space between).
    Date,
    /// RFC 3339 from seconds since 1970.
    Unix,
    /// RFC 3339 from milliseconds since 1970.
    UnixMs,
    /// Plain text from HTML: tags dropped, paragraphs and line breaks as new lines, character
    /// references decoded. Never shown as HTML.
    Text,
}

impl Convert {
    /// `value` converted; `None` when it cannot be.
    pub fn apply(self, value: &Value) -> Option<Value> {
        match self {
            Self::String => match value {
                Value::String(_) => Some(value.clone()),
                Value::Number(number) => Some(Value::String(number.to_string())),
                Value::Bool(flag) => Some(Value::String(flag.to_string())),
                _ => None,
            },
            Self::Number => number(value).map(Value::Number),
            Self::Integer => {
                let number = number(value)?;
                let whole = number.as_i64().or_else(|| {
                    number
                        .as_f64()
                        .filter(|n| n.is_finite())
                        .map(|n| n.trunc() as i64)
                })?;
                Some(Value::from(whole))
            }
            Self::Boolean => match value {
                Value::Bool(_) => Some(value.clone()),
                Value::Number(number) => Some(Value::Bool(number.as_f64() != Some(0.0))),
                Value::String(text) => match text.trim() {
                    "true" => Some(Value::Bool(true)),
                    "false" => Some(Value::Bool(false)),
                    _ => None,
                },
                _ => None,
            },
            Self::Date => iso8601(value.as_str()?).map(Value::String),
            Self::Unix => unix(value, 1).map(Value::String),
            Self::UnixMs => unix(value, 1000).map(Value::String),
            Self::Text => Some(Value::String(html_to_text(value.as_str()?))),
        }
    }
}

/// `value` as a JSON number: a number, or text that reads as one.
fn number(value: &Value) -> Option<Number> {
    match value {
        Value::Number(number) => Some(number.clone()),
        Value::String(text) => {
            let text = text.trim();
            text.parse::<i64>()
                .map(Number::from)
                .ok()
                .or_else(|| text.parse::<f64>().ok().and_then(Number::from_f64))
        }
        _ => None,
    }
}

/// An ISO 8601 date and time (`2024-05-01T10:00:00Z`, `…+02:00`, `2024-05-01 10:00:00`) as
/// RFC 3339; a date alone is taken at midnight UTC and a time without an offset as UTC.
fn iso8601(text: &str) -> Option<String> {
    let text = text.trim();
    let date = text.get(..10).filter(|date| shaped(date, "dddd-dd-dd"))?;
    if text.len() == 10 {
        return Some(format!("{date}T00:00:00Z"));
    }
    if !matches!(text.get(10..11)?, "T" | "t" | " ") {
        return None;
    }
    let time = text.get(11..19).filter(|time| shaped(time, "dd:dd:dd"))?;
    let rest = &text[19..];
    let fraction_end = rest.strip_prefix('.').map_or(0, |after| {
        1 + after.bytes().take_while(u8::is_ascii_digit).count()
    });
    if fraction_end == 1 {
        return None;
    }
    let (fraction, zone) = rest.split_at(fraction_end);
    let offset = match zone {
        "" | "Z" | "z" => "Z",
        zone if shaped(zone, "+dd:dd") || shaped(zone, "-dd:dd") => zone,
        _ => return None,
    };
    Some(format!("{date}T{time}{fraction}{offset}"))
}

/// Whether `text` has the shape of `pattern`, where `d` stands for any digit.
fn shaped(text: &str, pattern: &str) -> bool {
    text.len() == pattern.len()
        && text.bytes().zip(pattern.bytes()).all(|(c, p)| {
            if p == b'd' {
                c.is_ascii_digit()
            } else {
                c == p
            }
        })
}

/// Seconds (or, with `per_second` of 1000, milliseconds) since 1970 as RFC 3339 in UTC.
fn unix(value: &Value, per_second: i64) -> Option<String> {
    let count = number(value)?;
    let millis = match count.as_i64() {
        Some(whole) => whole.checked_mul(1000 / per_second)?,
        None => (count.as_f64()? * (1000 / per_second) as f64).floor() as i64,
    };
    WRITABLE_MILLIS
        .contains(&millis)
        .then(|| time::rfc3339(millis, false))
}

/// The plain text of `html`: tags dropped, `<br>` and the end of a paragraph or list item as a
/// new line, runs of white space as one space, character references decoded, the text of
/// `<script>` and `<style>` left out.
pub fn html_to_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(['<', '&']) {
        push_words(&mut text, &rest[..at]);
        rest = &rest[at..];
        if rest.starts_with('&') {
            let (decoded, used) = reference(rest);
            text.push_str(&decoded);
            rest = &rest[used..];
            continue;
        }
        let Some(end) = rest.find('>') else {
            rest = "";
            break;
        };
        let tag = rest[1..end].trim().to_ascii_lowercase();
        rest = &rest[end + 1..];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        if !tag.starts_with('/') && matches!(name.as_str(), "script" | "style") {
            let close = format!("</{name}");
            let skip = rest.to_ascii_lowercase().find(&close).unwrap_or(rest.len());
            rest = &rest[skip..];
            continue;
        }
        let breaks = name == "br"
            || (tag.starts_with('/')
                && matches!(
                    name.as_str(),
                    "p" | "li" | "div" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote"
                ));
        if breaks {
            while text.ends_with(' ') {
                text.pop();
            }
            text.push('\n');
        }
    }
    push_words(&mut text, rest);
    text.trim().to_owned()
}

/// Appends `words` with each run of white space as one space (none at a line's start).
fn push_words(text: &mut String, words: &str) {
    for c in words.chars() {
        if c.is_whitespace() {
            if !(text.is_empty() || text.ends_with([' ', '\n'])) {
                text.push(' ');
            }
        } else {
            text.push(c);
        }
    }
}

/// The character a reference at the start of `text` stands for, and how many bytes it used;
/// an `&` that starts no reference stands for itself.
fn reference(text: &str) -> (String, usize) {
    let Some(end) = text.find(';').filter(|end| *end <= 10) else {
        return ("&".to_owned(), 1);
    };
    let name = &text[1..end];
    let decoded = match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some('\u{a0}'),
        _ => name
            .strip_prefix("#x")
            .or_else(|| name.strip_prefix("#X"))
            .and_then(|hex| u32::from_str_radix(hex, 16).ok())
            .or_else(|| name.strip_prefix('#').and_then(|dec| dec.parse().ok()))
            .and_then(char::from_u32),
    };
    match decoded {
        Some(c) => (c.to_string(), end + 1),
        None => ("&".to_owned(), 1),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn text_and_numbers_turn_into_each_other() {
        assert_eq!(Convert::String.apply(&json!(42)), Some(json!("42")));
        assert_eq!(Convert::String.apply(&json!(true)), Some(json!("true")));
        assert_eq!(Convert::String.apply(&json!(null)), None);
        assert_eq!(Convert::Number.apply(&json!(" 12 ")), Some(json!(12)));
        assert_eq!(Convert::Number.apply(&json!("1.5")), Some(json!(1.5)));
        assert_eq!(Convert::Number.apply(&json!("twelve")), None);
        assert_eq!(Convert::Integer.apply(&json!("7.9")), Some(json!(7)));
        assert_eq!(Convert::Integer.apply(&json!(3)), Some(json!(3)));
        assert_eq!(Convert::Boolean.apply(&json!(0)), Some(json!(false)));
        assert_eq!(Convert::Boolean.apply(&json!("true")), Some(json!(true)));
        assert_eq!(Convert::Boolean.apply(&json!("yes")), None);
    }

    #[test]
    fn dates_become_rfc_3339() {
        let date = |value: Value| Convert::Date.apply(&value);
        assert_eq!(
            date(json!("2024-05-01T10:00:00Z")),
            Some(json!("2024-05-01T10:00:00Z"))
        );
        assert_eq!(
            date(json!("2024-05-01 10:00:00")),
            Some(json!("2024-05-01T10:00:00Z"))
        );
        assert_eq!(
            date(json!("2024-05-01T10:00:00.123+02:00")),
            Some(json!("2024-05-01T10:00:00.123+02:00"))
        );
        assert_eq!(
            date(json!("2024-05-01")),
            Some(json!("2024-05-01T00:00:00Z"))
        );
        for bad in [
            "01/05/2024",
            "2024-05-01T10:00",
            "2024-05-01T10:00:00+2",
            "yesterday",
        ] {
            assert_eq!(date(json!(bad)), None, "{bad}");
        }
        assert_eq!(
            Convert::Unix.apply(&json!(0)),
            Some(json!("1970-01-01T00:00:00Z"))
        );
        assert_eq!(
            Convert::Unix.apply(&json!(1_709_251_199)),
            Some(json!("2024-02-29T23:59:59Z"))
        );
        assert_eq!(
            Convert::UnixMs.apply(&json!("1709251200500")),
            Some(json!("2024-03-01T00:00:00Z"))
        );
        assert_eq!(
            Convert::Unix.apply(&json!(-1)),
            Some(json!("1969-12-31T23:59:59Z"))
        );
        assert_eq!(Convert::Unix.apply(&json!("soon")), None);
    }

    #[test]
    fn html_becomes_plain_text() {
        assert_eq!(
            html_to_text(
                r#"<p>Hello <a href="https://x.test/@a" class="mention">@<span>a</span></a> &amp; all</p><p>Line<br/>two &#x1F3D4;&#65;</p>"#
            ),
            "Hello @a & all\nLine\ntwo 🏔A"
        );
        assert_eq!(
            html_to_text("<script>alert(1)</script>safe<style>p{}</style> &lt;b&gt; & co"),
            "safe <b> & co"
        );
        assert_eq!(html_to_text("broken <b"), "broken");
        assert_eq!(Convert::Text.apply(&json!("<i>x</i>")), Some(json!("x")));
    }
}
