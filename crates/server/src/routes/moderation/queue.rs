//! The review queue.
//!
//! - `GET /v1/moderation/queue?kind=&site=&cursor=&limit=` → `Page<QueueItem>`: ideas on
//!   premoderated boards, comments on boards that premoderate comments, posts on premoderated
//!   feeds and posts with reports not yet reviewed, oldest first, each with why it waits.
//!   `kind` is `ideas`, `comments`, `posts` or `reports` (all when absent), `site` a site slug;
//!   `limit` defaults to 50, at most 100. Bad parameter or cursor → 400.

use axum::extract::State;
use axum::Json;
use kindred_api::moderation::{QueueItem, QueueKind};
use kindred_api::{ErrorBody, Page};
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::admin::Admin;
use crate::error::Result;
use crate::extract::ApiQuery;
use crate::routes::moderation::{cursor, page_limit, site_filter};
use crate::state::AppState;
use crate::store::moderation::queue::{QueueCursor, QueueQuery};

/// The queue route.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(queue_index))
}

/// Query parameters of the queue, as sent.
#[derive(Debug, Deserialize)]
struct QueueParams {
    kind: Option<QueueKind>,
    site: Option<String>,
    cursor: Option<String>,
    limit: Option<u32>,
}

/// What waits for a moderator, oldest first.
#[utoipa::path(
    get,
    path = "/v1/moderation/queue",
    tag = "moderation",
    params(
        ("kind" = Option<QueueKind>, Query, description = "Only items of this kind"),
        ("site" = Option<String>, Query, description = "Only items of the site with this slug"),
        ("cursor" = Option<String>, Query, description = "The previous page's `next_cursor`"),
        ("limit" = Option<u32>, Query, description = "Items per page, 1 to 100 (default 50)"),
    ),
    security(("admin" = [])),
    responses(
        (status = OK, description = "One page of the queue", body = Page<QueueItem>),
        (status = BAD_REQUEST, description = "A bad parameter or cursor", body = ErrorBody),
        (status = UNAUTHORIZED, description = "No admin key, or a wrong one", body = ErrorBody),
        (status = FORBIDDEN, description = "The server has no admin key", body = ErrorBody),
    ),
)]
async fn queue_index(
    _: Admin,
    State(state): State<AppState>,
    ApiQuery(params): ApiQuery<QueueParams>,
) -> Result<Json<Page<QueueItem>>> {
    let query = QueueQuery {
        kind: params.kind,
        site: site_filter(params.site.as_deref())?.map(str::to_owned),
        cursor: cursor(params.cursor.as_deref())
            .map(QueueCursor::decode)
            .transpose()?,
        limit: page_limit(params.limit)?,
    };
    Ok(Json(state.store.queue(&query).await?))
}
