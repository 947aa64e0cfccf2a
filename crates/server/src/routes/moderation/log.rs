//! The moderation log.
//!
//! - `GET /v1/moderation/log?site=&cursor=&limit=` → `Page<LogEntry>`: decisions newest first
//!   (approve, reject, status, merge, pin, unpin, block, unblock) with their target and reason.
//!   `site` keeps one site's; `limit` defaults to 50, at most 100. Bad parameter or cursor →
//!   400.

use axum::extract::State;
use axum::Json;
use kindred_api::moderation::LogEntry;
use kindred_api::{ErrorBody, Page};
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::admin::Admin;
use crate::error::{Error, Result};
use crate::extract::ApiQuery;
use crate::routes::moderation::{cursor, page_limit, site_filter};
use crate::routes::parse_row_id;
use crate::state::AppState;

/// The log route.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(log_index))
}

/// Query parameters of the log, as sent.
#[derive(Debug, Deserialize)]
struct LogParams {
    site: Option<String>,
    cursor: Option<String>,
    limit: Option<u32>,
}

/// What moderators decided, newest first.
#[utoipa::path(
    get,
    path = "/v1/moderation/log",
    tag = "moderation",
    params(
        ("site" = Option<String>, Query, description = "Only entries of the site with this slug"),
        ("cursor" = Option<String>, Query, description = "The previous page's `next_cursor`"),
        ("limit" = Option<u32>, Query, description = "Entries per page, 1 to 100 (default 50)"),
    ),
    security(("admin" = [])),
    responses(
        (status = OK, description = "One page of the log", body = Page<LogEntry>),
        (status = BAD_REQUEST, description = "A bad parameter or cursor", body = ErrorBody),
        (status = UNAUTHORIZED, description = "No admin key, or a wrong one", body = ErrorBody),
        (status = FORBIDDEN, description = "The server has no admin key", body = ErrorBody),
    ),
)]
async fn log_index(
    _: Admin,
    State(state): State<AppState>,
    ApiQuery(params): ApiQuery<LogParams>,
) -> Result<Json<Page<LogEntry>>> {
    let limit = page_limit(params.limit)?;
    let before = cursor(params.cursor.as_deref())
        .map(|text| parse_row_id(text).ok_or_else(|| Error::BadRequest("invalid `cursor`".into())))
        .transpose()?;
    let site = site_filter(params.site.as_deref())?;
    Ok(Json(state.store.moderation_log(site, before, limit).await?))
}
