//! Curating ideas.
//!
//! - `PUT /v1/moderation/ideas/{id}/status` with a `StatusRequest` → `IdeaDetail`: the new
//!   status, its public note in the idea's history. `duplicate` needs `duplicate_of`, another
//!   listed idea of the same site that is not a duplicate itself; other statuses refuse it.
//! - `POST /v1/moderation/ideas/{id}/merge` with a `MergeRequest` → `MergeOutcome`: votes and
//!   comments move to `into` (a supporter of both counts once) and the idea becomes a
//!   `duplicate` of it. Into itself or another site's idea → 422; into a duplicate (a chain)
//!   or an unlisted idea → 409.
//! - `GET /v1/moderation/ideas/{id}/merge?into=` → `MergePreview`: what that merge would do
//!   (the target's votes before and after, supporters of both counted once, the comments
//!   that would move), refused as the merge itself would be.
//! - `PUT /v1/moderation/ideas/{id}/tags` with a `TagsRequest` → `Idea`: its tags replaced
//!   whole, checked as a new idea's (422 otherwise).
//! - `PUT`/`DELETE /v1/moderation/ideas/{id}/pin` → `Idea`: pinned ideas lead every order of
//!   their board's list.
//!
//! Unknown or malformed id → 404. Moderators see ideas whether listed or not. A status change
//! reaches the board's live stream and the site's webhooks; a merge makes the board's streams
//! refetch.

use axum::extract::State;
use axum::Json;
use kindred_api::moderation::{
    MergeOutcome, MergePreview, MergeRequest, StatusRequest, TagsRequest,
};
use kindred_api::{ErrorBody, Idea, IdeaDetail, IdeaStatus};
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::admin::Admin;
use crate::announce;
use crate::error::{Error, Result};
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::routes::parse_idea_id;
use crate::state::AppState;

/// The idea curation routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(ideas_status))
        .routes(routes!(ideas_merge, ideas_merge_preview))
        .routes(routes!(ideas_tags))
        .routes(routes!(ideas_pin, ideas_unpin))
}

/// Sets an idea's status with a public note.
#[utoipa::path(
    put,
    path = "/v1/moderation/ideas/{id}/status",
    tag = "moderation",
    params(("id" = String, Path, description = "The idea's id")),
    request_body = StatusRequest,
    security(("admin" = [])),
    responses(
        (status = OK, description = "The idea with its history", body = IdeaDetail),
        (status = BAD_REQUEST, description = "Malformed JSON", body = ErrorBody),
        (status = UNAUTHORIZED, description = "No admin key, or a wrong one", body = ErrorBody),
        (status = FORBIDDEN, description = "The server has no admin key", body = ErrorBody),
        (status = NOT_FOUND, description = "No such idea", body = ErrorBody),
        (status = CONFLICT, description = "`duplicate_of` is a duplicate itself, or unlisted", body = ErrorBody),
        (status = UNPROCESSABLE_ENTITY, description = "A bad status, note or `duplicate_of`", body = ErrorBody),
    ),
)]
async fn ideas_status(
    _: Admin,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    ApiJson(request): ApiJson<StatusRequest>,
) -> Result<Json<IdeaDetail>> {
    let id = parse_idea_id(&id)?;
    request.validate().map_err(Error::Validation)?;
    let before = state.store.idea_home(id).await?;
    let detail = state.store.set_idea_status(id, &request).await?;
    if let Some(home) = before.filter(|home| home.status != detail.idea.status) {
        let note = request.note.trim();
        announce::status_changed(&state, &home, &detail.idea, home.status, note).await;
    }
    Ok(Json(detail))
}

/// Merges a duplicate into another idea: votes and comments move, no voter counts twice.
#[utoipa::path(
    post,
    path = "/v1/moderation/ideas/{id}/merge",
    tag = "moderation",
    params(("id" = String, Path, description = "The duplicate's id")),
    request_body = MergeRequest,
    security(("admin" = [])),
    responses(
        (status = OK, description = "The merge and the idea that absorbed the duplicate", body = MergeOutcome),
        (status = BAD_REQUEST, description = "Malformed JSON", body = ErrorBody),
        (status = UNAUTHORIZED, description = "No admin key, or a wrong one", body = ErrorBody),
        (status = FORBIDDEN, description = "The server has no admin key", body = ErrorBody),
        (status = NOT_FOUND, description = "No such idea", body = ErrorBody),
        (status = CONFLICT, description = "`into` is a duplicate itself (a chain), or unlisted", body = ErrorBody),
        (status = UNPROCESSABLE_ENTITY, description = "`into` is the idea itself, unknown, or on another site", body = ErrorBody),
    ),
)]
async fn ideas_merge(
    _: Admin,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    ApiJson(request): ApiJson<MergeRequest>,
) -> Result<Json<MergeOutcome>> {
    let id = parse_idea_id(&id)?;
    request.validate().map_err(Error::Validation)?;
    let before = state.store.idea_home(id).await?;
    let outcome = state
        .store
        .merge_idea(id, &request.into.0, &request.note)
        .await?;
    if let Some(home) = before {
        announce::board_resync(&state, home.board_id).await;
        if home.status != IdeaStatus::Duplicate {
            if let Some(merged) = state.store.moderated_idea(id).await? {
                let note = request.note.trim();
                announce::status_changed(&state, &home, &merged, home.status, note).await;
            }
        }
    }
    Ok(Json(outcome))
}

/// Replaces an idea's tags.
#[utoipa::path(
    put,
    path = "/v1/moderation/ideas/{id}/tags",
    tag = "moderation",
    params(("id" = String, Path, description = "The idea's id")),
    request_body = TagsRequest,
    security(("admin" = [])),
    responses(
        (status = OK, description = "The idea with its new tags", body = Idea),
        (status = BAD_REQUEST, description = "Malformed JSON", body = ErrorBody),
        (status = UNAUTHORIZED, description = "No admin key, or a wrong one", body = ErrorBody),
        (status = FORBIDDEN, description = "The server has no admin key", body = ErrorBody),
        (status = NOT_FOUND, description = "No such idea", body = ErrorBody),
        (status = UNPROCESSABLE_ENTITY, description = "Too many tags, or an empty or long one", body = ErrorBody),
    ),
)]
async fn ideas_tags(
    _: Admin,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    ApiJson(request): ApiJson<TagsRequest>,
) -> Result<Json<Idea>> {
    let id = parse_idea_id(&id)?;
    request.validate().map_err(Error::Validation)?;
    let idea = state.store.set_idea_tags(id, &request.normalized()).await?;
    if let Some(home) = state.store.idea_home(id).await? {
        announce::board_resync(&state, home.board_id).await;
    }
    Ok(Json(idea))
}

/// Query parameters of a merge preview.
#[derive(Debug, Deserialize)]
struct PreviewParams {
    into: Option<String>,
}

/// What merging a duplicate into another idea would do, without doing it.
#[utoipa::path(
    get,
    path = "/v1/moderation/ideas/{id}/merge",
    tag = "moderation",
    params(
        ("id" = String, Path, description = "The duplicate's id"),
        ("into" = String, Query, description = "The id of the idea that would absorb it"),
    ),
    security(("admin" = [])),
    responses(
        (status = OK, description = "What the merge would do", body = MergePreview),
        (status = UNAUTHORIZED, description = "No admin key, or a wrong one", body = ErrorBody),
        (status = FORBIDDEN, description = "The server has no admin key", body = ErrorBody),
        (status = NOT_FOUND, description = "No such idea", body = ErrorBody),
        (status = CONFLICT, description = "`into` is a duplicate itself (a chain), or unlisted", body = ErrorBody),
        (status = UNPROCESSABLE_ENTITY, description = "`into` is missing, the idea itself, unknown, or on another site", body = ErrorBody),
    ),
)]
async fn ideas_merge_preview(
    _: Admin,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    ApiQuery(params): ApiQuery<PreviewParams>,
) -> Result<Json<MergePreview>> {
    let id = parse_idea_id(&id)?;
    let into = params.into.unwrap_or_default();
    Ok(Json(state.store.merge_preview(id, &into).await?))
}

/// Pins an idea: it leads every order of its board's list.
#[utoipa::path(
    put,
    path = "/v1/moderation/ideas/{id}/pin",
    tag = "moderation",
    params(("id" = String, Path, description = "The idea's id")),
    security(("admin" = [])),
    responses(
        (status = OK, description = "The pinned idea", body = Idea),
        (status = UNAUTHORIZED, description = "No admin key, or a wrong one", body = ErrorBody),
        (status = FORBIDDEN, description = "The server has no admin key", body = ErrorBody),
        (status = NOT_FOUND, description = "No such idea", body = ErrorBody),
    ),
)]
async fn ideas_pin(
    admin: Admin,
    state: State<AppState>,
    id: ApiPath<String>,
) -> Result<Json<Idea>> {
    pin(admin, state, id, true).await
}

/// Unpins an idea.
#[utoipa::path(
    delete,
    path = "/v1/moderation/ideas/{id}/pin",
    tag = "moderation",
    params(("id" = String, Path, description = "The idea's id")),
    security(("admin" = [])),
    responses(
        (status = OK, description = "The idea, no longer pinned", body = Idea),
        (status = UNAUTHORIZED, description = "No admin key, or a wrong one", body = ErrorBody),
        (status = FORBIDDEN, description = "The server has no admin key", body = ErrorBody),
        (status = NOT_FOUND, description = "No such idea", body = ErrorBody),
    ),
)]
async fn ideas_unpin(
    admin: Admin,
    state: State<AppState>,
    id: ApiPath<String>,
) -> Result<Json<Idea>> {
    pin(admin, state, id, false).await
}

async fn pin(
    _: Admin,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    pinned: bool,
) -> Result<Json<Idea>> {
    let id = parse_idea_id(&id)?;
    Ok(Json(state.store.pin_idea(id, pinned).await?))
}
