//! Small, dependency-free validation helpers that record stable per-field error codes.
//!
//! The codes are part of the contract: the server answers them in a 422 body and the widget
//! looks them up in its locale catalog.

pub use crate::error::FieldErrors;

/// A required value is missing or blank.
pub const REQUIRED: &str = "required";
/// Text is shorter than the minimum.
pub const TOO_SHORT: &str = "too_short";
/// Text is longer than the maximum.
pub const TOO_LONG: &str = "too_long";
/// A list has more entries than allowed.
pub const TOO_MANY: &str = "too_many";
/// A value has the wrong form.
pub const INVALID: &str = "invalid";
/// A list has fewer entries than required.
pub const TOO_FEW: &str = "too_few";
/// A number lies outside the allowed range.
pub const OUT_OF_RANGE: &str = "out_of_range";
/// Text is not an email address.
pub const INVALID_EMAIL: &str = "invalid_email";
/// Text is not a web address (`http` or `https`).
pub const INVALID_URL: &str = "invalid_url";
/// Text is not a day of the calendar written `YYYY-MM-DD`.
pub const INVALID_DATE: &str = "invalid_date";
/// A short text answer does not have its field's named format.
pub const INVALID_FORMAT: &str = "invalid_format";
/// A choice names no option of its field.
pub const NOT_AN_OPTION: &str = "not_an_option";
/// A required consent was not given.
pub const CONSENT_REQUIRED: &str = "consent_required";
/// An answer names no field of the form.
pub const UNKNOWN_FIELD: &str = "unknown_field";
/// An answer has the wrong JSON type for its field (text for a number, say).
pub const WRONG_TYPE: &str = "wrong_type";
/// A reference names nothing that exists (a board, say).
pub const NOT_FOUND: &str = "not_found";
/// A name or value that must be unique appears twice.
pub const DUPLICATE: &str = "duplicate";
/// A file is larger than allowed: its bytes, or an image's pixel dimensions.
pub const TOO_LARGE: &str = "too_large";
/// A file's media type is not one its field accepts.
pub const UNSUPPORTED_TYPE: &str = "unsupported_type";

/// Most characters in a slug.
pub const SLUG_MAX: usize = 64;

/// Records `code` against `field`, once.
pub fn push(errors: &mut FieldErrors, field: &str, code: &str) {
    let codes = errors.entry(field.to_owned()).or_default();
    if !codes.iter().any(|c| c == code) {
        codes.push(code.to_owned());
    }
}

/// `Ok(())` when nothing was recorded, else the recorded errors.
pub fn finish(errors: FieldErrors) -> Result<(), FieldErrors> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// Whether `value` is a slug: 1 to [`SLUG_MAX`] lowercase ASCII letters, digits and hyphens.
pub fn is_slug(value: &str) -> bool {
    (1..=SLUG_MAX).contains(&value.len())
        && value
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Checks the trimmed length of `value`, in characters, against `min..=max`.
///
/// A `min` above zero makes the field required: blank text records [`REQUIRED`].
///
/// Text holding a NUL character, which no database column takes, records [`INVALID`].
pub fn text(errors: &mut FieldErrors, field: &str, value: &str, min: usize, max: usize) {
    let len = value.trim().chars().count();
    if value.contains('\0') {
        push(errors, field, INVALID);
    } else if len == 0 && min > 0 {
        push(errors, field, REQUIRED);
    } else if len < min {
        push(errors, field, TOO_SHORT);
    } else if len > max {
        push(errors, field, TOO_LONG);
    }
}

/// Whether `url` is an absolute `http` or `https` URL with a host, without white space or
/// control characters.
pub fn is_web_url(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    let host = rest.map(|rest| rest.split(['/', '?', '#']).next().unwrap_or(""));
    host.is_some_and(|host| !host.is_empty()) && !has_space_or_control(url)
}

/// Whether `path` is a path on the same origin, such as `/v1/media/…`: one `/` first (two
/// would name another host), without white space or control characters.
pub fn is_root_path(path: &str) -> bool {
    path.starts_with('/') && !path.starts_with("//") && !has_space_or_control(path)
}

fn has_space_or_control(text: &str) -> bool {
    text.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Checks a URL field: blank records [`REQUIRED`], over `max` characters [`TOO_LONG`], and a
/// value `accept` refuses (say [`is_web_url`]) [`INVALID`].
pub fn url(
    errors: &mut FieldErrors,
    field: &str,
    value: &str,
    max: usize,
    accept: fn(&str) -> bool,
) {
    if value.trim().is_empty() {
        push(errors, field, REQUIRED);
    } else if value.chars().count() > max {
        push(errors, field, TOO_LONG);
    } else if !accept(value) {
        push(errors, field, INVALID);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_counts_characters_not_bytes() {
        let mut errors = FieldErrors::new();
        text(&mut errors, "t", "ééééé", 5, 5);
        assert!(errors.is_empty());
        text(&mut errors, "t", "éééééé", 5, 5);
        assert_eq!(errors["t"], [TOO_LONG]);
    }

    #[test]
    fn blank_required_text_is_required_not_short() {
        let mut errors = FieldErrors::new();
        text(&mut errors, "title", "   ", 5, 10);
        assert_eq!(errors["title"], [REQUIRED]);
        let mut errors = FieldErrors::new();
        text(&mut errors, "body", "", 0, 10);
        assert!(errors.is_empty());
    }

    #[test]
    fn nul_characters_are_invalid() {
        let mut errors = FieldErrors::new();
        text(&mut errors, "body", "a\0b", 0, 10);
        assert_eq!(errors["body"], [INVALID]);
    }

    #[test]
    fn slugs_are_lowercase_letters_digits_and_hyphens() {
        for good in ["summit-3", "a", &"x".repeat(SLUG_MAX)] {
            assert!(is_slug(good), "{good}");
        }
        for bad in [
            "",
            "Summit",
            "summit 3",
            "summit_3",
            "é",
            &"x".repeat(SLUG_MAX + 1),
        ] {
            assert!(!is_slug(bad), "{bad}");
        }
    }

    #[test]
    fn web_urls_are_absolute_http_with_a_host() {
        for good in ["https://shop.example/p/1?x=2#top", "http://localhost:8080"] {
            assert!(is_web_url(good), "{good}");
        }
        for bad in [
            "",
            "shop.example/p",
            "ftp://shop.example",
            "https://",
            "https:///p",
            "https://shop.example/a b",
            "https://shop.example/\u{7}",
            "javascript:alert(1)",
        ] {
            assert!(!is_web_url(bad), "{bad}");
        }
        assert!(is_root_path("/v1/media/a.jpg"));
        for bad in ["", "v1/a.jpg", "//evil.example/a.jpg", "/a b.jpg"] {
            assert!(!is_root_path(bad), "{bad}");
        }
    }

    #[test]
    fn url_fields_are_required_bounded_and_checked() {
        let mut errors = FieldErrors::new();
        url(&mut errors, "a", " ", 10, is_web_url);
        url(&mut errors, "b", "https://a.example/long", 10, is_web_url);
        url(&mut errors, "c", "nope", 10, is_web_url);
        url(&mut errors, "d", "http://a.b", 10, is_web_url);
        assert_eq!(errors["a"], [REQUIRED]);
        assert_eq!(errors["b"], [TOO_LONG]);
        assert_eq!(errors["c"], [INVALID]);
        assert!(!errors.contains_key("d"));
    }

    #[test]
    fn push_records_a_code_once() {
        let mut errors = FieldErrors::new();
        push(&mut errors, "tags", INVALID);
        push(&mut errors, "tags", INVALID);
        assert_eq!(errors["tags"], [INVALID]);
    }
}
