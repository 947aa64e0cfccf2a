//! Blocks: identities barred from writing on a site, and the shapes of identity keys and
//! times they are given in.

use serde::{Deserialize, Serialize};

use crate::moderation::REASON_MAX;
use crate::validate::{self, FieldErrors};

/// The body of `POST /v1/moderation/sites/{site}/blocks`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BlockRequest {
    /// The identity key: `visitor:<uuid>` or `user:<sub>`.
    pub identity: String,
    /// Why, for moderators only; the blocked identity never sees it.
    pub reason: String,
    /// When the block lapses, RFC 3339 in UTC (`2026-05-01T00:00:00Z`); never when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<String>,
}

impl BlockRequest {
    /// Checks the identity's shape, the reason and the expiry's shape.
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        if !is_identity_key(&self.identity) {
            validate::push(&mut errors, "identity", validate::INVALID);
        }
        validate::text(&mut errors, "reason", &self.reason, 1, REASON_MAX);
        if self
            .expires_at
            .as_deref()
            .is_some_and(|at| normalize_utc(at).is_none())
        {
            validate::push(&mut errors, "expires_at", validate::INVALID);
        }
        validate::finish(errors)
    }
}

/// Whether `key` has the shape of an identity key: `visitor:<uuid>` or `user:<sub>`, at most
/// 200 characters, without whitespace or control characters.
pub fn is_identity_key(key: &str) -> bool {
    let valid_rest =
        |rest: &str| !rest.is_empty() && !rest.chars().any(|c| c.is_whitespace() || c.is_control());
    key.len() <= 200
        && match key.split_once(':') {
            Some(("visitor", id)) => crate::VisitorId::parse(id).is_ok(),
            Some(("user", sub)) => valid_rest(sub),
            _ => false,
        }
}

/// An RFC 3339 UTC time (`…Z`, with or without milliseconds) in the stored form
/// `YYYY-MM-DDTHH:MM:SS.mmmZ`; `None` for anything else.
pub fn normalize_utc(text: &str) -> Option<String> {
    const SHAPE: &[u8] = b"dddd-dd-ddTdd:dd:dd";
    let (time, fraction) = text.strip_suffix('Z')?.split_at_checked(SHAPE.len())?;
    let shaped = time.bytes().zip(SHAPE).all(|(byte, &shape)| match shape {
        b'd' => byte.is_ascii_digit(),
        literal => byte == literal,
    });
    let millis = match fraction {
        "" => "000",
        _ => fraction
            .strip_prefix('.')
            .filter(|ms| ms.len() == 3 && ms.bytes().all(|b| b.is_ascii_digit()))?,
    };
    (shaped && is_real_time(time)).then(|| format!("{time}.{millis}Z"))
}

/// Whether `YYYY-MM-DDTHH:MM:SS` (digits already checked) names a moment that exists: a
/// month of 1 to 12, a day within it (leap years counted), a time within the day.
fn is_real_time(time: &str) -> bool {
    let number = |range: std::ops::Range<usize>| time[range].parse::<u32>().unwrap_or(u32::MAX);
    let (year, month, day) = (number(0..4), number(5..7), number(8..10));
    let (hour, minute, second) = (number(11..13), number(14..16), number(17..19));
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    year >= 1 && (1..=days).contains(&day) && hour < 24 && minute < 60 && second < 60
}

/// An identity barred from writing on a site.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    /// The identity key.
    pub identity: String,
    /// Why, for moderators only.
    pub reason: String,
    /// When the block was made, RFC 3339 in UTC.
    pub created_at: String,
    /// When it lapses; never when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<String>,
}
