//! The moderators' key: what every `/v1/moderation/*` handler requires.
//!
//! A handler takes [`Admin`] as an argument; the extractor accepts only `Authorization: Bearer
//! <key>` with the key the server was started with (`--admin-key`, `KINDRED_ADMIN_KEY`). Without
//! a configured key the moderation API is closed to everyone. The comparison takes the same time
//! wherever the presented key first differs, so timing reveals nothing about the key.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use kindred_api::ErrorBody;

use crate::error::{Error, Result};
use crate::identity::read_bearer;
use crate::state::AppState;

/// Proof that a request carries the admin key.
#[derive(Clone, Copy, Debug)]
pub struct Admin;

impl FromRequestParts<AppState> for Admin {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self> {
        let Some(expected) = &state.config.admin_key else {
            return Err(Error::Forbidden(
                "the moderation API is closed: the server was started without an admin key".into(),
            ));
        };
        let presented = read_bearer(parts)?.ok_or_else(|| {
            Error::Unauthorized(
                "the moderation API needs `Authorization: Bearer <admin key>`".into(),
            )
        })?;
        if equal_in_constant_time(presented.as_bytes(), expected.expose().as_bytes()) {
            Ok(Self)
        } else {
            Err(Error::Unauthorized("the admin key is not valid".into()))
        }
    }
}

/// The answers of a request [`Admin`] refuses, for a moderation handler's `responses(...)`.
#[derive(utoipa::IntoResponses)]
pub enum AdminKeyErrors {
    /// No admin key, or a wrong one.
    #[response(status = 401)]
    Unauthorized(ErrorBody),
    /// The server was started without an admin key.
    #[response(status = 403)]
    Forbidden(ErrorBody),
}

/// Whether `a` and `b` are equal, looking at every byte of both whatever they hold.
fn equal_in_constant_time(a: &[u8], b: &[u8]) -> bool {
    let mut difference = u8::from(a.len() != b.len());
    for i in 0..a.len().max(b.len()) {
        let x = a.get(i).copied().unwrap_or(0);
        let y = b.get(i).copied().unwrap_or(0);
        difference |= x ^ y;
    }
    difference == 0
}

#[cfg(test)]
mod tests {
    use super::equal_in_constant_time;

    #[test]
    fn compares_whole_keys() {
        assert!(equal_in_constant_time(b"s3cret", b"s3cret"));
        assert!(!equal_in_constant_time(b"s3cret", b"s3creT"));
        assert!(!equal_in_constant_time(b"s3cret", b"s3cret!"));
        assert!(!equal_in_constant_time(b"", b"s3cret"));
    }
}
