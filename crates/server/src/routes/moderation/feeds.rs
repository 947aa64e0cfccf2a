//! Managing UGC feeds, as [`super::boards`] manages boards.
//!
//! - `GET    /v1/moderation/sites/{site}/feeds` → `Page<FeedSettings>`: the site's feeds in
//!   display order, on one page. Unknown site → 404.
//! - `POST   /v1/moderation/sites/{site}/feeds` with a `CreateFeed` → 201 + `FeedSettings`,
//!   after the site's other feeds unless it gives a position.
//! - `GET    /v1/moderation/feeds/{feed}` → `FeedSettings`.
//! - `PUT    /v1/moderation/feeds/{feed}` with an `UpdateFeed` → `FeedSettings`: only the
//!   fields present change, and apply to the next post or report.
//! - `DELETE /v1/moderation/feeds/{feed}` → 204, with its posts, likes and reports.
//!
//! A slug another feed has → 409; bad fields → 422; unknown feed → 404.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use kindred_api::moderation::{CreateFeed, FeedSettings, UpdateFeed};
use kindred_api::{ErrorBody, Page};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::admin::Admin;
use crate::error::{Error, Result};
use crate::extract::{ApiJson, ApiPath};
use crate::routes::moderation::{checked_slug, created, site_id, Created};
use crate::state::AppState;

/// The feed management routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(feeds_index, feeds_create))
        .routes(routes!(feeds_show, feeds_update, feeds_delete))
}

/// What an unknown feed is answered with.
fn no_feed() -> Error {
    Error::not_found("no feed with this slug")
}

/// A site's feeds.
#[utoipa::path(
    get,
    path = "/v1/moderation/sites/{site}/feeds",
    tag = "moderation",
    params(("site" = String, Path, description = "The site's slug")),
    security(("admin" = [])),
    responses(
        (status = OK, description = "The site's feeds in display order", body = Page<FeedSettings>),
        (status = UNAUTHORIZED, description = "No admin key, or a wrong one", body = ErrorBody),
        (status = FORBIDDEN, description = "The server has no admin key", body = ErrorBody),
        (status = NOT_FOUND, description = "No such site", body = ErrorBody),
    ),
)]
async fn feeds_index(
    _: Admin,
    State(state): State<AppState>,
    ApiPath(site): ApiPath<String>,
) -> Result<Json<Page<FeedSettings>>> {
    let site_id = site_id(&state, &site).await?;
    let items = state.store.feed_settings_list(site_id).await?;
    Ok(Json(Page {
        items,
        next_cursor: None,
    }))
}

/// Creates a feed on a site.
#[utoipa::path(
    post,
    path = "/v1/moderation/sites/{site}/feeds",
    tag = "moderation",
    params(("site" = String, Path, description = "The site's slug")),
    request_body = CreateFeed,
    security(("admin" = [])),
    responses(
        (status = CREATED, description = "The new feed", body = FeedSettings),
        (status = BAD_REQUEST, description = "Malformed JSON", body = ErrorBody),
        (status = UNAUTHORIZED, description = "No admin key, or a wrong one", body = ErrorBody),
        (status = FORBIDDEN, description = "The server has no admin key", body = ErrorBody),
        (status = NOT_FOUND, description = "No such site", body = ErrorBody),
        (status = CONFLICT, description = "A feed with this slug exists", body = ErrorBody),
        (status = UNPROCESSABLE_ENTITY, description = "Bad settings", body = ErrorBody),
    ),
)]
async fn feeds_create(
    _: Admin,
    State(state): State<AppState>,
    ApiPath(site): ApiPath<String>,
    ApiJson(request): ApiJson<CreateFeed>,
) -> Result<Created<FeedSettings>> {
    let site_id = site_id(&state, &site).await?;
    request.validate().map_err(Error::Validation)?;
    let feed = state
        .store
        .create_feed_with_settings(site_id, &request)
        .await?;
    Ok(created(format!("/v1/moderation/feeds/{}", feed.slug), feed))
}

/// A feed's settings.
#[utoipa::path(
    get,
    path = "/v1/moderation/feeds/{feed}",
    tag = "moderation",
    params(("feed" = String, Path, description = "The feed's slug")),
    security(("admin" = [])),
    responses(
        (status = OK, description = "The feed's settings", body = FeedSettings),
        (status = UNAUTHORIZED, description = "No admin key, or a wrong one", body = ErrorBody),
        (status = FORBIDDEN, description = "The server has no admin key", body = ErrorBody),
        (status = NOT_FOUND, description = "No such feed", body = ErrorBody),
    ),
)]
async fn feeds_show(
    _: Admin,
    State(state): State<AppState>,
    ApiPath(slug): ApiPath<String>,
) -> Result<Json<FeedSettings>> {
    state
        .store
        .feed_settings(checked_slug(&slug, "feed")?)
        .await?
        .map(Json)
        .ok_or_else(no_feed)
}

/// Changes a feed's settings; only the fields present change.
#[utoipa::path(
    put,
    path = "/v1/moderation/feeds/{feed}",
    tag = "moderation",
    params(("feed" = String, Path, description = "The feed's slug")),
    request_body = UpdateFeed,
    security(("admin" = [])),
    responses(
        (status = OK, description = "The feed's new settings", body = FeedSettings),
        (status = BAD_REQUEST, description = "Malformed JSON", body = ErrorBody),
        (status = UNAUTHORIZED, description = "No admin key, or a wrong one", body = ErrorBody),
        (status = FORBIDDEN, description = "The server has no admin key", body = ErrorBody),
        (status = NOT_FOUND, description = "No such feed", body = ErrorBody),
        (status = CONFLICT, description = "Another feed has the new slug", body = ErrorBody),
        (status = UNPROCESSABLE_ENTITY, description = "Bad settings", body = ErrorBody),
    ),
)]
async fn feeds_update(
    _: Admin,
    State(state): State<AppState>,
    ApiPath(slug): ApiPath<String>,
    ApiJson(request): ApiJson<UpdateFeed>,
) -> Result<Json<FeedSettings>> {
    let slug = checked_slug(&slug, "feed")?;
    request.validate().map_err(Error::Validation)?;
    state
        .store
        .update_feed(slug, &request)
        .await?
        .map(Json)
        .ok_or_else(no_feed)
}

/// Deletes a feed with its posts, likes and reports.
#[utoipa::path(
    delete,
    path = "/v1/moderation/feeds/{feed}",
    tag = "moderation",
    params(("feed" = String, Path, description = "The feed's slug")),
    security(("admin" = [])),
    responses(
        (status = NO_CONTENT, description = "The feed is gone"),
        (status = UNAUTHORIZED, description = "No admin key, or a wrong one", body = ErrorBody),
        (status = FORBIDDEN, description = "The server has no admin key", body = ErrorBody),
        (status = NOT_FOUND, description = "No such feed", body = ErrorBody),
    ),
)]
async fn feeds_delete(
    _: Admin,
    State(state): State<AppState>,
    ApiPath(slug): ApiPath<String>,
) -> Result<StatusCode> {
    if state
        .store
        .delete_feed(checked_slug(&slug, "feed")?)
        .await?
    {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(no_feed())
    }
}
