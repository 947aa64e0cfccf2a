//! The server's one error type: every failure becomes a contract [`ErrorBody`] with a stable code.
//!
//! Handlers return [`Result`]; extractor rejections, database errors and validation failures all
//! convert into [`Error`], so no response ever leaves the server in another shape. Internal
//! errors are logged in full and reach the client only as `internal`.

use axum::extract::multipart::MultipartRejection;
use axum::extract::rejection::{BytesRejection, JsonRejection, PathRejection, QueryRejection};
use std::time::Duration;

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use kindred_api::{ErrorBody, ErrorCode, FieldErrors};

/// A handler result whose error renders as the contract's error body.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong while answering a request.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The request is not understood (bad path or query parameter, bad cursor).
    #[error("bad request: {0}")]
    BadRequest(String),
    /// Query parameters that break the rules, each with its codes: a 400 like
    /// [`Error::BadRequest`], naming the parameters in `fields`.
    #[error("bad query parameters: {0:?}")]
    BadQuery(FieldErrors),
    /// The body is not well-formed JSON.
    #[error("malformed JSON: {0}")]
    MalformedJson(String),
    /// The body is JSON of the wrong shape or types.
    #[error("invalid body: {0}")]
    InvalidBody(String),
    /// The body has the right shape but breaks the rules.
    #[error("validation failed: {0:?}")]
    Validation(FieldErrors),
    /// The request needs an identity that is missing or invalid.
    #[error("unauthorized: {0}")]
    Unauthorized(String),
    /// The identity may not do this.
    #[error("forbidden: {0}")]
    Forbidden(String),
    /// The resource does not exist.
    #[error("not found: {0}")]
    NotFound(String),
    /// The path exists but not with this method.
    #[error("method not allowed")]
    MethodNotAllowed,
    /// The request conflicts with what is stored, such as a taken slug.
    #[error("conflict: {0}")]
    Conflict(String),
    /// The form exists but takes no submissions.
    #[error("form closed: {0}")]
    FormClosed(String),
    /// An `Idempotency-Key` came back with a different request.
    #[error("idempotency key reused")]
    IdempotencyKeyReused,
    /// The body is over the size limit.
    #[error("payload too large")]
    PayloadTooLarge,
    /// The body's content type is not accepted.
    #[error("unsupported media type: {0}")]
    UnsupportedMediaType(String),
    /// Too many writes; the client may try again after this many whole seconds (at least 1).
    #[error("rate limited for {0} s")]
    RateLimited(u64),
    /// The database failed; the client learns only that something went wrong.
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    /// A schema migration failed.
    #[error("migration error: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// Any other server-side failure; the text is for the logs only.
    #[error("internal error: {0}")]
    Internal(String),
}

impl Error {
    /// Shorthand for a [`Error::NotFound`] naming what was missing.
    pub fn not_found(what: impl Into<String>) -> Self {
        Self::NotFound(what.into())
    }

    /// A [`Error::Validation`] of one `field` with `code`.
    pub fn invalid_field(field: &str, code: &str) -> Self {
        let mut errors = FieldErrors::new();
        kindred_api::validate::push(&mut errors, field, code);
        Self::Validation(errors)
    }

    /// A [`Error::RateLimited`] for a wait of `wait`, rounded up to whole seconds.
    pub fn rate_limited(wait: Duration) -> Self {
        let whole = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
        Self::RateLimited(whole.max(1))
    }

    /// The contract code this error answers with.
    pub fn code(&self) -> ErrorCode {
        match self {
            Self::BadRequest(_) | Self::BadQuery(_) => ErrorCode::BadRequest,
            Self::MalformedJson(_) => ErrorCode::MalformedJson,
            Self::InvalidBody(_) => ErrorCode::InvalidBody,
            Self::Validation(_) => ErrorCode::ValidationFailed,
            Self::Unauthorized(_) => ErrorCode::Unauthorized,
            Self::Forbidden(_) => ErrorCode::Forbidden,
            Self::NotFound(_) => ErrorCode::NotFound,
            Self::MethodNotAllowed => ErrorCode::MethodNotAllowed,
            Self::Conflict(_) => ErrorCode::Conflict,
            Self::FormClosed(_) => ErrorCode::FormClosed,
            Self::IdempotencyKeyReused => ErrorCode::IdempotencyKeyReused,
            Self::RateLimited(_) => ErrorCode::RateLimited,
            Self::PayloadTooLarge => ErrorCode::PayloadTooLarge,
            Self::UnsupportedMediaType(_) => ErrorCode::UnsupportedMediaType,
            Self::Database(_) | Self::Migrate(_) | Self::Internal(_) => ErrorCode::Internal,
        }
    }

    /// The HTTP status that goes with [`Error::code`].
    pub fn status(&self) -> StatusCode {
        StatusCode::from_u16(self.code().http_status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    /// The body the client sees. Internal details stay out of it.
    pub fn body(&self) -> ErrorBody {
        let code = self.code();
        match self {
            Self::Validation(fields) => ErrorBody::validation(fields.clone()),
            Self::BadQuery(fields) => {
                let mut body = ErrorBody::new(code, "some query parameters are invalid");
                body.error.fields = fields.clone();
                body
            }
            Self::BadRequest(message)
            | Self::MalformedJson(message)
            | Self::InvalidBody(message)
            | Self::Unauthorized(message)
            | Self::Forbidden(message)
            | Self::NotFound(message)
            | Self::Conflict(message)
            | Self::FormClosed(message)
            | Self::UnsupportedMediaType(message) => ErrorBody::new(code, message.clone()),
            Self::MethodNotAllowed => ErrorBody::new(code, "this method is not allowed here"),
            Self::PayloadTooLarge => ErrorBody::new(code, "the request body is too large"),
            Self::IdempotencyKeyReused => ErrorBody::new(
                code,
                "this Idempotency-Key was used for a different request; use a new key",
            ),
            Self::RateLimited(seconds) => ErrorBody::new(
                code,
                format!("too many requests; try again in {seconds} s (see `Retry-After`)"),
            ),
            Self::Database(_) | Self::Migrate(_) | Self::Internal(_) => {
                ErrorBody::new(code, "something went wrong on the server")
            }
        }
    }
}

impl IntoResponse for Error {
    fn into_response(self) -> Response {
        if self.code() == ErrorCode::Internal {
            tracing::error!(error = %self, "request failed");
        }
        let mut response = (self.status(), Json(self.body())).into_response();
        if let Self::RateLimited(seconds) = self {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}

impl From<JsonRejection> for Error {
    fn from(rejection: JsonRejection) -> Self {
        match rejection {
            JsonRejection::JsonSyntaxError(e) => Self::MalformedJson(e.body_text()),
            JsonRejection::JsonDataError(e) => Self::InvalidBody(e.body_text()),
            JsonRejection::MissingJsonContentType(_) => {
                Self::UnsupportedMediaType("expected `Content-Type: application/json`".into())
            }
            other if other.status() == StatusCode::PAYLOAD_TOO_LARGE => Self::PayloadTooLarge,
            other => Self::BadRequest(other.body_text()),
        }
    }
}

impl From<BytesRejection> for Error {
    fn from(rejection: BytesRejection) -> Self {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            Self::PayloadTooLarge
        } else {
            Self::BadRequest(rejection.body_text())
        }
    }
}

impl From<MultipartRejection> for Error {
    fn from(rejection: MultipartRejection) -> Self {
        match rejection {
            MultipartRejection::InvalidBoundary(_) => Self::UnsupportedMediaType(
                "expected `Content-Type: multipart/form-data` with a boundary".into(),
            ),
            other => Self::BadRequest(other.body_text()),
        }
    }
}

impl From<QueryRejection> for Error {
    fn from(rejection: QueryRejection) -> Self {
        Self::BadRequest(rejection.body_text())
    }
}

impl From<PathRejection> for Error {
    fn from(rejection: PathRejection) -> Self {
        Self::BadRequest(rejection.body_text())
    }
}

/// Turns database constraint violations into client errors where they mean "already exists".
pub trait ResultExt<T> {
    /// Maps a unique-constraint violation to [`Error::Conflict`] with `message`; other errors
    /// convert as usual.
    fn conflict_on_unique(self, message: &str) -> Result<T>;
}

impl<T, E> ResultExt<T> for std::result::Result<T, E>
where
    E: Into<Error>,
{
    fn conflict_on_unique(self, message: &str) -> Result<T> {
        self.map_err(|error| match error.into() {
            Error::Database(sqlx::Error::Database(db)) if db.is_unique_violation() => {
                Error::Conflict(message.to_owned())
            }
            other => other,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_follow_the_contract_codes() {
        assert_eq!(Error::not_found("x").status(), StatusCode::NOT_FOUND);
        assert_eq!(
            Error::PayloadTooLarge.status(),
            StatusCode::PAYLOAD_TOO_LARGE
        );
        assert_eq!(
            Error::Validation(FieldErrors::new()).status(),
            StatusCode::UNPROCESSABLE_ENTITY
        );
        assert_eq!(
            Error::Internal("x".into()).status(),
            StatusCode::INTERNAL_SERVER_ERROR
        );
    }

    #[test]
    fn internal_details_stay_out_of_the_body() {
        let body = Error::Internal("disk full at /secret/path".into()).body();
        assert_eq!(body.error.code, ErrorCode::Internal);
        assert!(!body.error.message.contains("secret"));
    }
}
