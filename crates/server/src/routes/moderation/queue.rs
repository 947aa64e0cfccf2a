//! The review queue.
//!
//! - `GET /v1/moderation/queue?kind=&site=&board=&feed=&order=&cursor=&limit=` →
//!   `Page<QueueItem>`: ideas on premoderated boards, comments on boards that premoderate
//!   comments, posts on premoderated feeds and posts with reports not yet reviewed, each with
//!   why it waits. `kind` is `ideas`, `comments`, `posts` or `reports` (all when absent);
//!   `site`, `board` and `feed` are slugs; `order` is `oldest` (the default) or `newest`;
//!   `limit` defaults to 50, at most 100. Bad parameter or cursor → 400.
//! - `GET /v1/moderation/queue/counts?site=` → `QueueCounts`: how many items wait, in all and
//!   of each kind.

use axum::extract::State;
use axum::Json;
use kindred_api::moderation::{QueueCounts, QueueItem, QueueKind, QueueOrder};
use kindred_api::{ErrorBody, Page};
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::admin::Admin;
use crate::error::Result;
use crate::extract::ApiQuery;
use crate::routes::moderation::{cursor, page_limit, site_filter, slug_filter};
use crate::state::AppState;
use crate::store::moderation::queue::{QueueCursor, QueueQuery};

/// The queue route.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(queue_index))
        .routes(routes!(queue_counts))
}

/// Query parameters of the queue, as sent.
#[derive(Debug, Deserialize)]
struct QueueParams {
    kind: Option<QueueKind>,
    site: Option<String>,
    board: Option<String>,
    feed: Option<String>,
    order: Option<QueueOrder>,
    cursor: Option<String>,
    limit: Option<u32>,
}

/// Query parameters of the queue's counts, as sent.
#[derive(Debug, Deserialize)]
struct CountParams {
    site: Option<String>,
}

/// What waits for a moderator, oldest or newest first.
#[utoipa::path(
    get,
    path = "/v1/moderation/queue",
    tag = "moderation",
    params(
        ("kind" = Option<QueueKind>, Query, description = "Only items of this kind"),
        ("site" = Option<String>, Query, description = "Only items of the site with this slug"),
        ("board" = Option<String>, Query, description = "Only items of the board with this slug"),
        ("feed" = Option<String>, Query, description = "Only items of the feed with this slug"),
        ("order" = inline(Option<QueueOrder>), Query, description = "`oldest` (the default) or `newest` first"),
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
        board: slug_filter("board", params.board.as_deref())?.map(str::to_owned),
        feed: slug_filter("feed", params.feed.as_deref())?.map(str::to_owned),
        order: params.order.unwrap_or_default(),
        cursor: cursor(params.cursor.as_deref())
            .map(QueueCursor::decode)
            .transpose()?,
        limit: page_limit(params.limit)?,
    };
    Ok(Json(state.store.queue(&query).await?))
}

/// How many items wait for a moderator, in all and of each kind.
#[utoipa::path(
    get,
    path = "/v1/moderation/queue/counts",
    tag = "moderation",
    params(
        ("site" = Option<String>, Query, description = "Only items of the site with this slug"),
    ),
    security(("admin" = [])),
    responses(
        (status = OK, description = "What waits, by kind", body = QueueCounts),
        (status = BAD_REQUEST, description = "A bad parameter", body = ErrorBody),
        (status = UNAUTHORIZED, description = "No admin key, or a wrong one", body = ErrorBody),
        (status = FORBIDDEN, description = "The server has no admin key", body = ErrorBody),
    ),
)]
async fn queue_counts(
    _: Admin,
    State(state): State<AppState>,
    ApiQuery(params): ApiQuery<CountParams>,
) -> Result<Json<QueueCounts>> {
    let site = site_filter(params.site.as_deref())?;
    Ok(Json(state.store.queue_counts(site).await?))
}
