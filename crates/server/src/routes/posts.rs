//! One post, as a lightbox shows it.
//!
//! - `GET /v1/posts/{id}` → `Post`; unknown or malformed id, or a post that is not listed
//!   (pending review, or hidden after reports) asked for by anyone but its author → 404.

use axum::extract::State;
use axum::Json;
use kindred_api::{ErrorBody, Post};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::error::{Error, Result};
use crate::extract::ApiPath;
use crate::identity::Identity;
use crate::routes::{likes, parse_post_id, reports};
use crate::state::AppState;

/// The post routes, with its likes and reports.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(posts_show))
        .merge(likes::router())
        .merge(reports::router())
}

/// One post; the author also sees it while it is not listed.
#[utoipa::path(
    get,
    path = "/v1/posts/{id}",
    tag = "feeds",
    params(("id" = String, Path, description = "The post's id")),
    security((), ("visitor" = []), ("sso" = [])),
    responses(
        (status = OK, description = "The post", body = Post),
        (status = UNAUTHORIZED, description = "An invalid identity was sent", body = ErrorBody),
        (status = NOT_FOUND, description = "No such post, or not one the caller may see", body = ErrorBody),
    ),
)]
async fn posts_show(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    identity: Option<Identity>,
) -> Result<Json<Post>> {
    let id = parse_post_id(&id)?;
    let viewer = identity.map(|i| i.key());
    state
        .store
        .post(id, viewer.as_deref())
        .await?
        .map(Json)
        .ok_or_else(|| Error::not_found("no post with this id"))
}
