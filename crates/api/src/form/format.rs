//! Named formats a short text answer may be held to: a few shapes brands ask for often,
//! each checked by a few lines of plain code rather than a pattern language, so the rules
//! cost the widget next to nothing and read the same on both sides.

use serde::{Deserialize, Serialize};

/// A shape a short text answer must have: `{"type": "short_text", "format": "phone"}`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TextFormat {
    /// Digits only, such as an order or membership number: `004217`.
    Digits,
    /// Letters and digits only (any script), such as a code on a box: `SUMMIT3`.
    Alphanumeric,
    /// A telephone number: 7 to 15 digits (the international limit), an optional leading
    /// `+`, and spaces, dots, hyphens or parentheses between them: `+44 20 7946 0958`.
    Phone,
    /// A postal code: 2 to 10 letters and digits, at least one a digit, in groups
    /// separated by one space or hyphen: `SW1A 1AA`, `75008`, `1010-123`.
    PostalCode,
    /// A colour as CSS writes it in hexadecimal: `#` and 3 or 6 hexadecimal digits:
    /// `#2f6f4e`.
    HexColor,
    /// A social media handle: an optional `@`, then 1 to 30 ASCII letters, digits, `_`
    /// and `.`: `@trail.runner_42`.
    Handle,
}

impl TextFormat {
    /// Every format, in the order the documentation lists them.
    pub const ALL: [Self; 6] = [
        Self::Digits,
        Self::Alphanumeric,
        Self::Phone,
        Self::PostalCode,
        Self::HexColor,
        Self::Handle,
    ];

    /// Whether `text` (trimmed already) has this shape.
    pub fn matches(self, text: &str) -> bool {
        match self {
            Self::Digits => !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()),
            Self::Alphanumeric => !text.is_empty() && text.chars().all(char::is_alphanumeric),
            Self::Phone => is_phone(text),
            Self::PostalCode => is_postal_code(text),
            Self::HexColor => text.strip_prefix('#').is_some_and(|hex| {
                matches!(hex.len(), 3 | 6) && hex.bytes().all(|b| b.is_ascii_hexdigit())
            }),
            Self::Handle => {
                let name = text.strip_prefix('@').unwrap_or(text);
                (1..=30).contains(&name.len())
                    && name
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.')
            }
        }
    }
}

/// Whether `text` is a telephone number: see [`TextFormat::Phone`].
fn is_phone(text: &str) -> bool {
    let rest = text.strip_prefix('+').unwrap_or(text);
    let digits = rest.bytes().filter(u8::is_ascii_digit).count();
    (7..=15).contains(&digits)
        && rest.starts_with(|c: char| c.is_ascii_digit() || c == '(')
        && rest
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b' ' | b'.' | b'-' | b'(' | b')'))
}

/// Whether `text` is a postal code: see [`TextFormat::PostalCode`].
fn is_postal_code(text: &str) -> bool {
    let groups: Vec<&str> = text.split([' ', '-']).collect();
    let characters: usize = groups.iter().map(|group| group.len()).sum();
    (2..=10).contains(&characters)
        && groups
            .iter()
            .all(|group| !group.is_empty() && group.bytes().all(|b| b.is_ascii_alphanumeric()))
        && text.bytes().any(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::TextFormat::{self, *};

    fn check(format: TextFormat, good: &[&str], bad: &[&str]) {
        for text in good {
            assert!(format.matches(text), "{format:?} should take {text:?}");
        }
        for text in bad {
            assert!(!format.matches(text), "{format:?} should refuse {text:?}");
        }
    }

    #[test]
    fn digits_and_alphanumerics() {
        check(
            Digits,
            &["0", "004217"],
            &["", "12 34", "12a", "١٢", "-3", "1.5"],
        );
        check(
            Alphanumeric,
            &["SUMMIT3", "abc", "Größe9", "東京2"],
            &["", "a b", "a-b", "a_b", "x!"],
        );
    }

    #[test]
    fn phone_numbers() {
        check(
            Phone,
            &[
                "+44 20 7946 0958",
                "(030) 123-4567",
                "0301234567",
                "+1.555.010.9999",
            ],
            &[
                "",
                "12345",
                "+44 20 7946 0958 12345",
                "phone",
                "+ 44 20 7946 0958",
                "-030 1234567",
                "030/1234567",
                "++4420794609",
            ],
        );
    }

    #[test]
    fn postal_codes() {
        check(
            PostalCode,
            &["SW1A 1AA", "75008", "1010-123", "D02 X285", "12"],
            &[
                "",
                "ABCDE",
                "SW1A  1AA",
                "-1234",
                "1234-",
                "12345678901",
                "750 08!",
                "1",
            ],
        );
    }

    #[test]
    fn colours_and_handles() {
        check(
            HexColor,
            &["#2f6f4e", "#FFF", "#abc"],
            &["", "2f6f4e", "#12", "#1234", "#ggg", "#2f6f4e0"],
        );
        check(
            Handle,
            &["@trail.runner_42", "barista", "@a", &"x".repeat(30)],
            &[
                "",
                "@",
                "@two words",
                "@dash-ed",
                "@émile",
                &"x".repeat(31),
                "@@a",
            ],
        );
    }

    #[test]
    fn formats_are_named_in_snake_case() {
        let names: Vec<String> = TextFormat::ALL
            .iter()
            .map(|format| {
                serde_json::to_value(format)
                    .unwrap()
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
            .collect();
        assert_eq!(
            names,
            [
                "digits",
                "alphanumeric",
                "phone",
                "postal_code",
                "hex_color",
                "handle"
            ]
        );
    }
}
