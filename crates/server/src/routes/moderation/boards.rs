//! Managing boards.
//!
//! - `GET    /v1/moderation/sites/{site}/boards` → `Page<BoardSettings>`: the site's boards in
//!   display order, on one page. Unknown site → 404.
//! - `POST   /v1/moderation/sites/{site}/boards` with a `CreateBoard` → 201 + `BoardSettings`,
//!   after the site's other boards.
//! - `GET    /v1/moderation/boards/{board}` → `BoardSettings`.
//! - `PUT    /v1/moderation/boards/{board}` with an `UpdateBoard` → `BoardSettings`: only the
//!   fields present change; `null` clears the threshold or the vote cap.
//! - `DELETE /v1/moderation/boards/{board}` → 204, with its ideas, votes and comments.
//!
//! A slug another board has → 409; bad fields → 422; unknown board → 404.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use kindred_api::moderation::{BoardSettings, CreateBoard, UpdateBoard};
use kindred_api::{ErrorBody, Page};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::admin::Admin;
use crate::error::{Error, Result};
use crate::extract::{ApiJson, ApiPath};
use crate::routes::moderation::{board, checked_slug, created, site_id, Created};
use crate::state::AppState;

/// The board management routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(boards_index, boards_create))
        .routes(routes!(boards_show, boards_update, boards_delete))
}

/// A site's boards.
#[utoipa::path(
    get,
    path = "/v1/moderation/sites/{site}/boards",
    tag = "moderation",
    params(("site" = String, Path, description = "The site's slug")),
    security(("admin" = [])),
    responses(
        (status = OK, description = "The site's boards in display order", body = Page<BoardSettings>),
        (status = UNAUTHORIZED, description = "No admin key, or a wrong one", body = ErrorBody),
        (status = FORBIDDEN, description = "The server has no admin key", body = ErrorBody),
        (status = NOT_FOUND, description = "No such site", body = ErrorBody),
    ),
)]
async fn boards_index(
    _: Admin,
    State(state): State<AppState>,
    ApiPath(site): ApiPath<String>,
) -> Result<Json<Page<BoardSettings>>> {
    let site_id = site_id(&state, &site).await?;
    let items = state.store.board_settings_list(site_id).await?;
    Ok(Json(Page {
        items,
        next_cursor: None,
    }))
}

/// Creates a board on a site.
#[utoipa::path(
    post,
    path = "/v1/moderation/sites/{site}/boards",
    tag = "moderation",
    params(("site" = String, Path, description = "The site's slug")),
    request_body = CreateBoard,
    security(("admin" = [])),
    responses(
        (status = CREATED, description = "The new board", body = BoardSettings),
        (status = BAD_REQUEST, description = "Malformed JSON", body = ErrorBody),
        (status = UNAUTHORIZED, description = "No admin key, or a wrong one", body = ErrorBody),
        (status = FORBIDDEN, description = "The server has no admin key", body = ErrorBody),
        (status = NOT_FOUND, description = "No such site", body = ErrorBody),
        (status = CONFLICT, description = "A board with this slug exists", body = ErrorBody),
        (status = UNPROCESSABLE_ENTITY, description = "Bad settings", body = ErrorBody),
    ),
)]
async fn boards_create(
    _: Admin,
    State(state): State<AppState>,
    ApiPath(site): ApiPath<String>,
    ApiJson(request): ApiJson<CreateBoard>,
) -> Result<Created<BoardSettings>> {
    let site_id = site_id(&state, &site).await?;
    request.validate().map_err(Error::Validation)?;
    let board = state
        .store
        .create_board_with_settings(site_id, &request)
        .await?;
    let location = format!("/v1/moderation/boards/{}", board.slug);
    Ok(created(location, board))
}

/// A board's settings.
#[utoipa::path(
    get,
    path = "/v1/moderation/boards/{board}",
    tag = "moderation",
    params(("board" = String, Path, description = "The board's slug")),
    security(("admin" = [])),
    responses(
        (status = OK, description = "The board's settings", body = BoardSettings),
        (status = UNAUTHORIZED, description = "No admin key, or a wrong one", body = ErrorBody),
        (status = FORBIDDEN, description = "The server has no admin key", body = ErrorBody),
        (status = NOT_FOUND, description = "No such board", body = ErrorBody),
    ),
)]
async fn boards_show(
    _: Admin,
    State(state): State<AppState>,
    ApiPath(slug): ApiPath<String>,
) -> Result<Json<BoardSettings>> {
    state
        .store
        .board_settings(checked_slug(&slug, "board")?)
        .await?
        .map(Json)
        .ok_or_else(|| Error::not_found("no board with this slug"))
}

/// Changes a board's settings; only the fields present change.
#[utoipa::path(
    put,
    path = "/v1/moderation/boards/{board}",
    tag = "moderation",
    params(("board" = String, Path, description = "The board's slug")),
    request_body = UpdateBoard,
    security(("admin" = [])),
    responses(
        (status = OK, description = "The board's new settings", body = BoardSettings),
        (status = BAD_REQUEST, description = "Malformed JSON", body = ErrorBody),
        (status = UNAUTHORIZED, description = "No admin key, or a wrong one", body = ErrorBody),
        (status = FORBIDDEN, description = "The server has no admin key", body = ErrorBody),
        (status = NOT_FOUND, description = "No such board", body = ErrorBody),
        (status = CONFLICT, description = "Another board has the new slug", body = ErrorBody),
        (status = UNPROCESSABLE_ENTITY, description = "Bad settings", body = ErrorBody),
    ),
)]
async fn boards_update(
    _: Admin,
    State(state): State<AppState>,
    ApiPath(slug): ApiPath<String>,
    ApiJson(request): ApiJson<UpdateBoard>,
) -> Result<Json<BoardSettings>> {
    request.validate().map_err(Error::Validation)?;
    let id = board(&state, &slug).await?.id;
    let current = state
        .store
        .board_settings(&slug)
        .await?
        .ok_or_else(|| Error::not_found("no board with this slug"))?;
    Ok(Json(state.store.update_board(id, current, &request).await?))
}

/// Deletes a board with its ideas, votes and comments.
#[utoipa::path(
    delete,
    path = "/v1/moderation/boards/{board}",
    tag = "moderation",
    params(("board" = String, Path, description = "The board's slug")),
    security(("admin" = [])),
    responses(
        (status = NO_CONTENT, description = "The board is gone"),
        (status = UNAUTHORIZED, description = "No admin key, or a wrong one", body = ErrorBody),
        (status = FORBIDDEN, description = "The server has no admin key", body = ErrorBody),
        (status = NOT_FOUND, description = "No such board", body = ErrorBody),
    ),
)]
async fn boards_delete(
    _: Admin,
    State(state): State<AppState>,
    ApiPath(slug): ApiPath<String>,
) -> Result<StatusCode> {
    let id = board(&state, &slug).await?.id;
    state.store.delete_board(id).await?;
    Ok(StatusCode::NO_CONTENT)
}
