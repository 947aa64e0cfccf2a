//! Extractors whose rejections speak the contract's error body instead of axum's plain text.

use axum::extract::{FromRequest, FromRequestParts};

use crate::error::Error;

/// A JSON request body. Rejections map to `malformed_json` (400), `invalid_body` (422),
/// `unsupported_media_type` (415) and `payload_too_large` (413).
#[derive(Debug, FromRequest)]
#[from_request(via(axum::Json), rejection(Error))]
pub struct ApiJson<T>(pub T);

/// Query-string parameters; a rejection answers `bad_request` (400).
#[derive(Debug, FromRequestParts)]
#[from_request(via(axum::extract::Query), rejection(Error))]
pub struct ApiQuery<T>(pub T);

/// Path parameters; a rejection answers `bad_request` (400).
#[derive(Debug, FromRequestParts)]
#[from_request(via(axum::extract::Path), rejection(Error))]
pub struct ApiPath<T>(pub T);
