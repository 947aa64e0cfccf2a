//! The one error body every API failure carries: `{"error":{"code","message","fields"}}`.
//!
//! Clients branch on the stable `code` (and per-field codes in `fields`) and show their own
//! translated text; `message` is an English explanation for developers reading responses.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

/// Per-field validation failures: field name to a list of stable error codes such as `too_short`.
pub type FieldErrors = BTreeMap<String, Vec<String>>;

/// The top-level JSON object of every error response.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    /// What went wrong.
    pub error: ErrorDetail,
}

/// The contents of an [`ErrorBody`].
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorDetail {
    /// Stable, machine-readable reason.
    pub code: ErrorCode,
    /// Human-readable explanation in English, for developers; clients translate `code` instead.
    pub message: String,
    /// Per-field error codes; empty unless `code` is `validation_failed`.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(inline))]
    pub fields: FieldErrors,
}

impl ErrorBody {
    /// Builds an error body without field errors.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            error: ErrorDetail {
                code,
                message: message.into(),
                fields: FieldErrors::new(),
            },
        }
    }

    /// Builds a `validation_failed` body carrying per-field codes.
    pub fn validation(fields: FieldErrors) -> Self {
        Self {
            error: ErrorDetail {
                code: ErrorCode::ValidationFailed,
                message: "some fields are invalid".into(),
                fields,
            },
        }
    }
}

/// Stable error codes of the contract. Unknown codes from newer servers deserialize as
/// [`ErrorCode::Unknown`] so old widgets keep working.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The request is not understood (bad path parameter, bad header, unreadable body).
    BadRequest,
    /// The body is not well-formed JSON.
    MalformedJson,
    /// The body is JSON but does not have the expected shape or types.
    InvalidBody,
    /// The body has the right shape but values break the rules; see `fields`.
    ValidationFailed,
    /// The request needs an identity (visitor id or token) that is missing or invalid.
    Unauthorized,
    /// The identity may not do this.
    Forbidden,
    /// The resource does not exist.
    NotFound,
    /// The resource exists but does not accept this HTTP method.
    MethodNotAllowed,
    /// The request conflicts with the current state.
    Conflict,
    /// The form exists but no longer takes submissions.
    FormClosed,
    /// An `Idempotency-Key` was sent again with a different request.
    IdempotencyKeyReused,
    /// The body is larger than the server accepts.
    PayloadTooLarge,
    /// The body's content type is not accepted.
    UnsupportedMediaType,
    /// Too many requests; retry after the `Retry-After` header.
    RateLimited,
    /// Something failed on the server; details are in its logs, not in the response.
    Internal,
    /// A code this version does not know.
    #[serde(other)]
    Unknown,
}

impl ErrorCode {
    /// The wire spelling of the code.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::BadRequest => "bad_request",
            Self::MalformedJson => "malformed_json",
            Self::InvalidBody => "invalid_body",
            Self::ValidationFailed => "validation_failed",
            Self::Unauthorized => "unauthorized",
            Self::Forbidden => "forbidden",
            Self::NotFound => "not_found",
            Self::MethodNotAllowed => "method_not_allowed",
            Self::Conflict => "conflict",
            Self::FormClosed => "form_closed",
            Self::IdempotencyKeyReused => "idempotency_key_reused",
            Self::PayloadTooLarge => "payload_too_large",
            Self::UnsupportedMediaType => "unsupported_media_type",
            Self::RateLimited => "rate_limited",
            Self::Internal => "internal",
            Self::Unknown => "unknown",
        }
    }

    /// The HTTP status that goes with the code.
    pub fn http_status(self) -> u16 {
        match self {
            Self::BadRequest | Self::MalformedJson => 400,
            Self::Unauthorized => 401,
            Self::Forbidden => 403,
            Self::NotFound => 404,
            Self::MethodNotAllowed => 405,
            Self::Conflict => 409,
            Self::FormClosed => 410,
            Self::PayloadTooLarge => 413,
            Self::UnsupportedMediaType => 415,
            Self::InvalidBody | Self::ValidationFailed | Self::IdempotencyKeyReused => 422,
            Self::RateLimited => 429,
            Self::Internal | Self::Unknown => 500,
        }
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_body_has_the_contract_shape() {
        let mut fields = FieldErrors::new();
        fields.insert("title".into(), vec!["too_short".into()]);
        let json = serde_json::to_value(ErrorBody::validation(fields)).unwrap();
        assert_eq!(json["error"]["code"], "validation_failed");
        assert_eq!(json["error"]["fields"]["title"][0], "too_short");
        assert!(json["error"]["message"].is_string());
    }

    #[test]
    fn every_code_round_trips_through_its_wire_spelling() {
        use ErrorCode::*;
        for code in [
            BadRequest,
            MalformedJson,
            InvalidBody,
            ValidationFailed,
            Unauthorized,
            Forbidden,
            NotFound,
            MethodNotAllowed,
            Conflict,
            FormClosed,
            IdempotencyKeyReused,
            PayloadTooLarge,
            UnsupportedMediaType,
            RateLimited,
            Internal,
        ] {
            let json = serde_json::to_string(&code).unwrap();
            assert_eq!(json, format!("\"{}\"", code.as_str()));
            assert_eq!(serde_json::from_str::<ErrorCode>(&json).unwrap(), code);
        }
    }

    #[test]
    fn unknown_codes_and_missing_fields_are_tolerated() {
        let body: ErrorBody =
            serde_json::from_str(r#"{"error":{"code":"brand_new","message":"x"}}"#).unwrap();
        assert_eq!(body.error.code, ErrorCode::Unknown);
        assert!(body.error.fields.is_empty());
    }
}
