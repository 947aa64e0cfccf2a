//! What is wrong with an answer, as a visitor needs to hear it: the validation code of the
//! shared rules (in the browser or from the server), with the limit from the field's
//! settings that tells how to fix it.

use kindred_api::{validate, Day, Field, FieldKind, TextFormat};

/// What is wrong with an answer.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FormIssue {
    /// A required field left blank.
    Required,
    /// A required consent not given.
    ConsentRequired,
    /// More characters than the number given.
    TooLong(usize),
    /// Fewer characters than the number given.
    TooShort(usize),
    /// Not in the field's named format.
    InvalidFormat(TextFormat),
    /// Not an email address.
    InvalidEmail,
    /// Not a web address.
    InvalidUrl,
    /// Not a day of the calendar.
    InvalidDate,
    /// Not a number.
    NotANumber,
    /// A number outside the bounds given.
    OutOfRange {
        /// The smallest accepted, if any.
        min: Option<f64>,
        /// The largest accepted, if any.
        max: Option<f64>,
    },
    /// A day outside the bounds given.
    DateOutOfRange {
        /// The earliest accepted, if any.
        min: Option<Day>,
        /// The latest accepted, if any.
        max: Option<Day>,
    },
    /// Fewer choices than the number given.
    TooFew(u32),
    /// More choices than the number given.
    TooMany(u32),
    /// A photo of a type the field does not take.
    UnsupportedType,
    /// A photo larger than the number of bytes given.
    TooLarge(u64),
    /// Anything else.
    Invalid,
}

impl FormIssue {
    /// The issue `code` amounts to on `field`.
    pub fn of(field: &Field, code: &str) -> Self {
        match (&field.kind, code) {
            (_, validate::REQUIRED) => Self::Required,
            (_, validate::CONSENT_REQUIRED) => Self::ConsentRequired,
            (kind, validate::TOO_LONG) => Self::TooLong(kind.max_chars().unwrap_or(0)),
            (kind, validate::TOO_SHORT) => Self::TooShort(kind.min_chars()),
            (
                FieldKind::ShortText {
                    format: Some(format),
                    ..
                },
                validate::INVALID_FORMAT,
            ) => Self::InvalidFormat(*format),
            (_, validate::INVALID_EMAIL) => Self::InvalidEmail,
            (_, validate::INVALID_URL) => Self::InvalidUrl,
            (_, validate::INVALID_DATE) => Self::InvalidDate,
            (FieldKind::Date { min, max }, validate::OUT_OF_RANGE) => {
                let day = |limit: &Option<String>| limit.as_deref().and_then(Day::parse);
                Self::DateOutOfRange {
                    min: day(min),
                    max: day(max),
                }
            }
            (FieldKind::Number { .. }, validate::WRONG_TYPE) => Self::NotANumber,
            (FieldKind::Number { min, max }, validate::OUT_OF_RANGE) => Self::OutOfRange {
                min: *min,
                max: *max,
            },
            (FieldKind::Rating { max }, validate::OUT_OF_RANGE) => Self::OutOfRange {
                min: Some(1.0),
                max: Some(f64::from(*max)),
            },
            (FieldKind::Nps, validate::OUT_OF_RANGE) => Self::OutOfRange {
                min: Some(0.0),
                max: Some(10.0),
            },
            (FieldKind::MultipleChoice { min, .. }, validate::TOO_FEW) => Self::TooFew(*min),
            (FieldKind::MultipleChoice { max, options, .. }, validate::TOO_MANY) => {
                let count = u32::try_from(options.len()).unwrap_or(u32::MAX);
                Self::TooMany(max.unwrap_or(count))
            }
            (_, validate::UNSUPPORTED_TYPE) => Self::UnsupportedType,
            (FieldKind::Image { max_bytes, .. }, validate::TOO_LARGE) => Self::TooLarge(*max_bytes),
            _ => Self::Invalid,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(kind: serde_json::Value) -> Field {
        serde_json::from_value(serde_json::json!({ "name": "f", "label": "F", "kind": kind }))
            .unwrap()
    }

    #[test]
    fn codes_carry_the_limits_of_their_field() {
        let text = field(
            serde_json::json!({ "type": "short_text", "max_len": 80, "min_len": 3, "format": "phone" }),
        );
        assert_eq!(FormIssue::of(&text, "too_long"), FormIssue::TooLong(80));
        assert_eq!(FormIssue::of(&text, "too_short"), FormIssue::TooShort(3));
        assert_eq!(
            FormIssue::of(&text, "invalid_format"),
            FormIssue::InvalidFormat(TextFormat::Phone)
        );
        assert_eq!(FormIssue::of(&text, "required"), FormIssue::Required);
        let number = field(serde_json::json!({ "type": "number", "min": 3.5 }));
        assert_eq!(
            FormIssue::of(&number, "out_of_range"),
            FormIssue::OutOfRange {
                min: Some(3.5),
                max: None
            }
        );
        assert_eq!(FormIssue::of(&number, "wrong_type"), FormIssue::NotANumber);
        let rating = field(serde_json::json!({ "type": "rating", "max": 5 }));
        assert_eq!(
            FormIssue::of(&rating, "out_of_range"),
            FormIssue::OutOfRange {
                min: Some(1.0),
                max: Some(5.0)
            }
        );
        let options = serde_json::json!([
            { "value": "a", "label": "A" }, { "value": "b", "label": "B" }, { "value": "c", "label": "C" }
        ]);
        let choice =
            field(serde_json::json!({ "type": "multiple_choice", "options": options, "min": 2 }));
        assert_eq!(FormIssue::of(&choice, "too_few"), FormIssue::TooFew(2));
        assert_eq!(FormIssue::of(&choice, "too_many"), FormIssue::TooMany(3));
        let photo = field(
            serde_json::json!({ "type": "image", "accept": ["image/jpeg"], "max_bytes": 2_000_000 }),
        );
        assert_eq!(
            FormIssue::of(&photo, "too_large"),
            FormIssue::TooLarge(2_000_000)
        );
        assert_eq!(
            FormIssue::of(&photo, "unsupported_type"),
            FormIssue::UnsupportedType
        );
        let consent = field(serde_json::json!({ "type": "consent", "text": "Yes" }));
        assert_eq!(
            FormIssue::of(&consent, "consent_required"),
            FormIssue::ConsentRequired
        );
        assert_eq!(FormIssue::of(&consent, "unknown_field"), FormIssue::Invalid);
        let site = field(serde_json::json!({ "type": "url" }));
        assert_eq!(FormIssue::of(&site, "invalid_url"), FormIssue::InvalidUrl);
        let day = field(serde_json::json!({ "type": "date", "min": "2026-01-01" }));
        assert_eq!(FormIssue::of(&day, "invalid_date"), FormIssue::InvalidDate);
        assert_eq!(
            FormIssue::of(&day, "out_of_range"),
            FormIssue::DateOutOfRange {
                min: Day::parse("2026-01-01"),
                max: None
            }
        );
    }
}
