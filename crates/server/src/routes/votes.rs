//! Supporting an idea. Both methods are idempotent and need an identity: a visitor id or an
//! SSO token (401 without one).
//!
//! - `PUT    /v1/ideas/{id}/vote` → `VoteState` with `voted: true`; a repeat changes nothing.
//! - `DELETE /v1/ideas/{id}/vote` → `VoteState` with `voted: false`; fine when not voted.
//!
//! Unknown or malformed id → 404.

use axum::extract::State;
use axum::Json;
use kindred_api::{ErrorBody, VoteState};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::announce;
use crate::error::Result;
use crate::extract::ApiPath;
use crate::identity::Identity;
use crate::routes::parse_idea_id;
use crate::state::AppState;
use crate::store::votes::{Change, Voter};

/// The vote routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(votes_put, votes_delete))
}

/// Supports an idea; a repeat changes nothing.
#[utoipa::path(
    put,
    path = "/v1/ideas/{id}/vote",
    tag = "ideas",
    params(("id" = String, Path, description = "The idea's id")),
    security(("visitor" = []), ("sso" = [])),
    responses(
        (status = OK, description = "The caller supports the idea", body = VoteState),
        (status = UNAUTHORIZED, description = "No identity, or an invalid one", body = ErrorBody),
        (status = FORBIDDEN, description = "The board takes votes from signed-in users only, or the identity is blocked", body = ErrorBody),
        (status = NOT_FOUND, description = "No such idea", body = ErrorBody),
        (status = CONFLICT, description = "The caller already supports as many ideas on the board as it allows", body = ErrorBody),
        (status = TOO_MANY_REQUESTS, description = "Too many writes; see `Retry-After`", body = ErrorBody),
    ),
)]
async fn votes_put(
    state: State<AppState>,
    id: ApiPath<String>,
    identity: Identity,
) -> Result<Json<VoteState>> {
    vote(state, id, identity, Change::Cast).await
}

/// Withdraws support; fine when the caller did not support the idea.
#[utoipa::path(
    delete,
    path = "/v1/ideas/{id}/vote",
    tag = "ideas",
    params(("id" = String, Path, description = "The idea's id")),
    security(("visitor" = []), ("sso" = [])),
    responses(
        (status = OK, description = "The caller does not support the idea", body = VoteState),
        (status = UNAUTHORIZED, description = "No identity, or an invalid one", body = ErrorBody),
        (status = NOT_FOUND, description = "No such idea", body = ErrorBody),
        (status = TOO_MANY_REQUESTS, description = "Too many writes; see `Retry-After`", body = ErrorBody),
    ),
)]
async fn votes_delete(
    state: State<AppState>,
    id: ApiPath<String>,
    identity: Identity,
) -> Result<Json<VoteState>> {
    vote(state, id, identity, Change::Withdraw).await
}

async fn vote(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    identity: Identity,
    change: Change,
) -> Result<Json<VoteState>> {
    let id = parse_idea_id(&id)?;
    let key = identity.key();
    let voter = Voter {
        key: &key,
        anonymous: identity.is_anonymous(),
    };
    let voted = state.store.vote(id, voter, change).await?;
    announce::votes_changed(&state, id, &voted).await;
    Ok(Json(voted.state))
}
