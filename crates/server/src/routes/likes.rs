//! Liking a post. Both methods are idempotent and need an identity: a visitor id or an SSO
//! token (401 without one).
//!
//! - `PUT    /v1/posts/{id}/like` → `LikeState` with `liked: true`; a repeat changes nothing.
//! - `DELETE /v1/posts/{id}/like` → `LikeState` with `liked: false`; fine when not liked.
//!
//! Unknown or malformed id, or a post that is not listed → 404.

use axum::extract::State;
use axum::Json;
use kindred_api::{ErrorBody, LikeState};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::announce;
use crate::error::Result;
use crate::extract::ApiPath;
use crate::identity::Identity;
use crate::routes::parse_post_id;
use crate::state::AppState;

/// The like routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(likes_put, likes_delete))
}

/// Likes a post; a repeat changes nothing.
#[utoipa::path(
    put,
    path = "/v1/posts/{id}/like",
    tag = "feeds",
    params(("id" = String, Path, description = "The post's id")),
    security(("visitor" = []), ("sso" = [])),
    responses(
        (status = OK, description = "The caller likes the post", body = LikeState),
        (status = UNAUTHORIZED, description = "No identity, or an invalid one", body = ErrorBody),
        (status = NOT_FOUND, description = "No such post", body = ErrorBody),
        (status = TOO_MANY_REQUESTS, description = "Too many writes; see `Retry-After`", body = ErrorBody),
    ),
)]
async fn likes_put(
    state: State<AppState>,
    id: ApiPath<String>,
    identity: Identity,
) -> Result<Json<LikeState>> {
    like(state, id, identity, true).await
}

/// Takes a like back; fine when the caller did not like the post.
#[utoipa::path(
    delete,
    path = "/v1/posts/{id}/like",
    tag = "feeds",
    params(("id" = String, Path, description = "The post's id")),
    security(("visitor" = []), ("sso" = [])),
    responses(
        (status = OK, description = "The caller does not like the post", body = LikeState),
        (status = UNAUTHORIZED, description = "No identity, or an invalid one", body = ErrorBody),
        (status = NOT_FOUND, description = "No such post", body = ErrorBody),
        (status = TOO_MANY_REQUESTS, description = "Too many writes; see `Retry-After`", body = ErrorBody),
    ),
)]
async fn likes_delete(
    state: State<AppState>,
    id: ApiPath<String>,
    identity: Identity,
) -> Result<Json<LikeState>> {
    like(state, id, identity, false).await
}

async fn like(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    identity: Identity,
    liked: bool,
) -> Result<Json<LikeState>> {
    let id = parse_post_id(&id)?;
    let liked = state.store.like(id, &identity.key(), liked).await?;
    announce::likes_changed(&state, &liked).await;
    Ok(Json(liked.state))
}
