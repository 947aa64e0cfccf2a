//! What widgets report about being seen, for the brand's insights.
//!
//! - `POST /v1/sites/{site}/engagement` with an [`EngagementBatch`] → 204. Widgets send it
//!   with `navigator.sendBeacon`, whose body is `text/plain` (a CORS-safelisted type, so no
//!   preflight) holding the JSON; `application/json` is accepted too, anything else is 415.
//!   Malformed JSON → 400 `malformed_json`; the wrong shape → 422 `invalid_body`; a batch that
//!   breaks the rules (see [`EngagementBatch::validate`]) → 422 `validation_failed` listing
//!   every bad field, and nothing of it is stored. Well-formed events naming a board, feed or
//!   form the site does not have are skipped: a page may outlive what it embeds. Unknown site
//!   → 404.
//!
//! The visitor id travels in the body, since a beacon sets no header. A browser request whose
//! `Origin` is not one of the site's allowed origins is refused with 403 (beacons skip the
//! preflight that would stop it elsewhere); requests without `Origin` are not from a page.
//! Each batch counts as a write against the visitor's and the client IP's write limits (429
//! `rate_limited`). Nothing about the request is kept beyond the visitor id, the places and the
//! day (see [`crate::store::engagement`]).

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use kindred_api::insights::{CheckedBatch, EngagementBatch};
use kindred_api::ErrorBody;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::cors::normalize_origin;
use crate::error::{Error, Result};
use crate::extract::ApiPath;
use crate::identity::voter_key;
use crate::state::AppState;

/// The engagement routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(engagement_create))
}

/// Records which of a site's widgets a visitor saw.
#[utoipa::path(
    post,
    path = "/v1/sites/{site}/engagement",
    tag = "sites",
    params(("site" = String, Path, description = "The site's slug, as in `data-site`")),
    request_body(content(
        (EngagementBatch = "text/plain"),
        (EngagementBatch = "application/json"),
    ), description = "1 to 50 events; beacons send the JSON as `text/plain`"),
    responses(
        (status = NO_CONTENT, description = "Recorded; a visitor seeing a place again the same UTC day changes nothing"),
        (status = BAD_REQUEST, description = "Malformed JSON", body = ErrorBody),
        (status = FORBIDDEN, description = "The request's `Origin` is not one of the site's allowed origins", body = ErrorBody),
        (status = NOT_FOUND, description = "No site with this slug", body = ErrorBody),
        (status = PAYLOAD_TOO_LARGE, description = "Over the JSON limit", body = ErrorBody),
        (status = UNSUPPORTED_MEDIA_TYPE, description = "Neither `text/plain` nor `application/json`", body = ErrorBody),
        (status = UNPROCESSABLE_ENTITY, description = "`invalid_body`, or `validation_failed` with per-field codes: `visitor` (`invalid`), `events` (`required`, `too_many`), `events[n].type` and `events[n]` (`invalid`)", body = ErrorBody),
        (status = TOO_MANY_REQUESTS, description = "Too many writes; see `Retry-After`", body = ErrorBody),
    ),
)]
async fn engagement_create(
    State(state): State<AppState>,
    ApiPath(site): ApiPath<String>,
    headers: HeaderMap,
    body: std::result::Result<Bytes, BytesRejection>,
) -> Result<StatusCode> {
    let origin = match headers.get(header::ORIGIN) {
        Some(origin) => Some(
            origin
                .to_str()
                .ok()
                .and_then(normalize_origin)
                .ok_or_else(refused)?,
        ),
        None => None,
    };
    let site = state
        .store
        .engagement_site(&site, origin.as_deref())
        .await?
        .ok_or_else(|| Error::not_found("no site with this slug"))?;
    if origin.is_some() && !site.origin_allowed {
        return Err(refused());
    }
    check_content_type(&headers)?;
    let batch: EngagementBatch = serde_json::from_slice(&body?).map_err(|error| {
        if error.is_data() {
            Error::InvalidBody(error.to_string())
        } else {
            Error::MalformedJson(error.to_string())
        }
    })?;
    let CheckedBatch { visitor, places } = batch.validate().map_err(Error::Validation)?;
    let key = voter_key(&visitor);
    state.limits.check_identity(&key)?;
    state.store.record_seen(site.id, &key, &places).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The answer to a page whose origin may not embed the site.
fn refused() -> Error {
    Error::Forbidden("this page's origin is not one of the site's allowed origins".into())
}

/// Accepts `text/plain` (what beacons send) and `application/json`, with any parameters.
fn check_content_type(headers: &HeaderMap) -> Result<()> {
    let essence = headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .map(|essence| essence.trim().to_ascii_lowercase());
    match essence.as_deref() {
        Some("text/plain" | "application/json") => Ok(()),
        _ => Err(Error::UnsupportedMediaType(
            "expected `Content-Type: text/plain` or `application/json`".into(),
        )),
    }
}
