//! Supporting an idea. Both methods are idempotent and need an identity: a visitor id or an
//! SSO token (401 without one).
//!
//! - `PUT    /v1/ideas/{id}/vote` → `VoteState` with `voted: true`; a repeat changes nothing.
//! - `DELETE /v1/ideas/{id}/vote` → `VoteState` with `voted: false`; fine when not voted.
//!
//! Unknown or malformed id → 404.

use axum::extract::State;
use axum::routing::put;
use axum::{Json, Router};
use kindred_api::VoteState;

use crate::error::Result;
use crate::extract::ApiPath;
use crate::identity::Identity;
use crate::routes::parse_idea_id;
use crate::state::AppState;
use crate::store::votes::{Change, Voter};

/// The vote routes.
pub fn router() -> Router<AppState> {
    Router::new().route("/v1/ideas/{id}/vote", put(votes_put).delete(votes_delete))
}

async fn votes_put(
    state: State<AppState>,
    id: ApiPath<String>,
    identity: Identity,
) -> Result<Json<VoteState>> {
    vote(state, id, identity, Change::Cast).await
}

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
    Ok(Json(state.store.vote(id, voter, change).await?))
}
