//! Supporting an idea. Both methods are idempotent and need a visitor id (401 without one).
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
use crate::identity::Visitor;
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
    visitor: Visitor,
) -> Result<Json<VoteState>> {
    vote(state, id, visitor, Change::Cast).await
}

async fn votes_delete(
    state: State<AppState>,
    id: ApiPath<String>,
    visitor: Visitor,
) -> Result<Json<VoteState>> {
    vote(state, id, visitor, Change::Withdraw).await
}

async fn vote(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    visitor: Visitor,
    change: Change,
) -> Result<Json<VoteState>> {
    let id = parse_idea_id(&id)?;
    let key = visitor.key();
    let voter = Voter {
        key: &key,
        anonymous: true,
    };
    Ok(Json(state.store.vote(id, voter, change).await?))
}
