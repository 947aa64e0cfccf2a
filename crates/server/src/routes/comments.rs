//! Comments on an idea: reading its thread and joining the discussion.
//!
//! - `GET  /v1/ideas/{id}/comments?limit=&cursor=` → `Page<Comment>`: top-level comments
//!   oldest first, each with its replies. `limit` defaults to 20 and is capped at 100; `cursor`
//!   is the previous page's `next_cursor` (bad one → 400).
//! - `POST /v1/ideas/{id}/comments` with a `CreateComment` body → 201 + `Comment`. Needs an
//!   identity (401); a visitor needs a board open to anonymous posts (403); a blank or too
//!   long body, or a parent that is not a top-level comment of the idea → 422.
//!
//! Unknown or malformed idea id, or an idea waiting for review → 404.

use std::time::Duration;

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use kindred_api::validate::{self, FieldErrors};
use kindred_api::{Comment, CreateComment, Page};
use serde::Deserialize;

use crate::error::{Error, Result};
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::identity::Identity;
use crate::routes::{parse_idea_id, parse_row_id};
use crate::state::AppState;
use crate::store::comments::{CommentRules, NewComment, DEFAULT_LIMIT, MAX_LIMIT};

/// The comment routes.
pub fn router() -> Router<AppState> {
    Router::new().route(
        "/v1/ideas/{id}/comments",
        get(comments_index).post(comments_create),
    )
}

/// Query parameters of a comment list, as sent.
#[derive(Debug, Deserialize)]
struct CommentsParams {
    limit: Option<u32>,
    cursor: Option<String>,
}

/// The board rules of a visible idea; anything else is a 404.
async fn rules(state: &AppState, id: &str) -> Result<(i64, CommentRules)> {
    let id = parse_idea_id(id)?;
    let rules = state
        .store
        .comment_rules(id)
        .await?
        .ok_or_else(|| Error::not_found("no idea with this id"))?;
    Ok((id, rules))
}

async fn comments_index(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    ApiQuery(params): ApiQuery<CommentsParams>,
) -> Result<Json<Page<Comment>>> {
    let limit = match params.limit {
        Some(0) => return Err(Error::BadRequest("`limit` must be at least 1".into())),
        Some(limit) => limit.min(MAX_LIMIT),
        None => DEFAULT_LIMIT,
    };
    let after = match params.cursor.as_deref().filter(|c| !c.is_empty()) {
        Some(text) => {
            Some(parse_row_id(text).ok_or_else(|| Error::BadRequest("invalid `cursor`".into()))?)
        }
        None => None,
    };
    let (id, _) = rules(&state, &id).await?;
    Ok(Json(state.store.comments(id, after, limit).await?))
}

async fn comments_create(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    identity: Identity,
    ApiJson(input): ApiJson<CreateComment>,
) -> Result<(StatusCode, Json<Comment>)> {
    let (id, rules) = rules(&state, &id).await?;
    if identity.is_anonymous() && !rules.allow_anonymous_posts {
        return Err(Error::Forbidden(
            "this board accepts comments from signed-in users only".into(),
        ));
    }
    input.validate().map_err(Error::Validation)?;
    let parent_id = match input.parent_id.as_deref() {
        Some(text) => Some(parse_row_id(text.trim()).ok_or_else(|| {
            let mut errors = FieldErrors::new();
            validate::push(&mut errors, "parent_id", validate::INVALID);
            Error::Validation(errors)
        })?),
        None => None,
    };
    let key = identity.key();
    let comment = state
        .store
        .create_comment(&NewComment {
            idea_id: id,
            parent_id,
            body: input.body.trim(),
            author_name: identity.author_name(&rules.anonymous_author),
            author_avatar: identity.avatar(),
            author_voter: Some(&key),
            age: Duration::ZERO,
        })
        .await?;
    Ok((StatusCode::CREATED, Json(comment)))
}
