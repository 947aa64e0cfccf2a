//! Extractors whose rejections speak the contract's error body instead of axum's plain text.

use axum::extract::{FromRequest, FromRequestParts, Multipart, Request};

use crate::error::Error;

/// A JSON request body. Rejections map to `malformed_json` (400), `invalid_body` (422),
/// `unsupported_media_type` (415) and `payload_too_large` (413).
#[derive(Debug, FromRequest)]
#[from_request(via(axum::Json), rejection(Error))]
pub struct ApiJson<T>(pub T);

/// A `multipart/form-data` body, read part by part; a body of another type answers
/// `unsupported_media_type` (415).
#[derive(Debug)]
pub struct ApiMultipart(pub Multipart);

impl<S: Send + Sync> FromRequest<S> for ApiMultipart {
    type Rejection = Error;

    async fn from_request(request: Request, state: &S) -> Result<Self, Error> {
        Ok(Self(Multipart::from_request(request, state).await?))
    }
}

/// Query-string parameters; a rejection answers `bad_request` (400).
#[derive(Debug, FromRequestParts)]
#[from_request(via(axum::extract::Query), rejection(Error))]
pub struct ApiQuery<T>(pub T);

/// Path parameters; a rejection answers `bad_request` (400).
#[derive(Debug, FromRequestParts)]
#[from_request(via(axum::extract::Path), rejection(Error))]
pub struct ApiPath<T>(pub T);

/// An optional JSON request body: a request without `Content-Type` has none (`None`); one
/// with it is read as [`ApiJson`], with the same rejections.
#[derive(Debug)]
pub struct OptionalJson<T>(pub Option<T>);

impl<T, S> FromRequest<S> for OptionalJson<T>
where
    T: serde::de::DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = Error;

    async fn from_request(request: axum::extract::Request, state: &S) -> Result<Self, Error> {
        if !request
            .headers()
            .contains_key(axum::http::header::CONTENT_TYPE)
        {
            return Ok(Self(None));
        }
        let ApiJson(value) = ApiJson::<T>::from_request(request, state).await?;
        Ok(Self(Some(value)))
    }
}
