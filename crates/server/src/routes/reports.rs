//! Reporting a post to the moderators.
//!
//! - `POST /v1/posts/{id}/reports` with a `CreateReport` body → 201 + `ReportReceipt`; a
//!   repeat by the same reporter → 200 with the first report's receipt, counted once. Needs
//!   an identity (401); a note over 500 characters → 422. The reporter's own pages of the feed
//!   leave the post out from then on. When a post's distinct reports reach its feed's
//!   threshold (3 unless the feed sets another), it is hidden pending review and leaves the
//!   feed. Unknown or malformed id, or a post that is not listed → 404.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use kindred_api::{CreateReport, ErrorBody, ReportReceipt};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::error::{Error, Result};
use crate::extract::{ApiJson, ApiPath};
use crate::identity::Identity;
use crate::routes::parse_post_id;
use crate::state::AppState;

/// The report routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(reports_create))
}

/// Reports a post; a repeat by the same reporter counts once.
#[utoipa::path(
    post,
    path = "/v1/posts/{id}/reports",
    tag = "feeds",
    params(("id" = String, Path, description = "The post's id")),
    request_body = CreateReport,
    security(("visitor" = []), ("sso" = [])),
    responses(
        (status = CREATED, description = "The report is recorded", body = ReportReceipt),
        (status = OK, description = "The caller had already reported the post", body = ReportReceipt),
        (status = BAD_REQUEST, description = "The body is not JSON", body = ErrorBody),
        (status = UNAUTHORIZED, description = "No identity, or an invalid one", body = ErrorBody),
        (status = NOT_FOUND, description = "No such post", body = ErrorBody),
        (status = PAYLOAD_TOO_LARGE, description = "The body is over the JSON limit", body = ErrorBody),
        (status = UNSUPPORTED_MEDIA_TYPE, description = "Not `application/json`", body = ErrorBody),
        (status = UNPROCESSABLE_ENTITY, description = "An unknown reason, or too long a note", body = ErrorBody),
        (status = TOO_MANY_REQUESTS, description = "Too many writes; see `Retry-After`", body = ErrorBody),
    ),
)]
async fn reports_create(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    identity: Identity,
    ApiJson(input): ApiJson<CreateReport>,
) -> Result<(StatusCode, Json<ReportReceipt>)> {
    let id = parse_post_id(&id)?;
    input.validate().map_err(Error::Validation)?;
    let reported = state
        .store
        .report(id, &identity.key(), input.reason, input.note.trim())
        .await?;
    let status = if reported.new {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(reported.receipt)))
}
