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
use axum::Json;
use kindred_api::validate::{self, FieldErrors};
use kindred_api::{Comment, CreateComment, ErrorBody, Page};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::error::{Error, Result};
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::identity::Identity;
use crate::routes::{page_limit, parse_idea_id, parse_row_id, row_cursor};
use crate::state::AppState;
use crate::store::comments::{CommentRules, NewComment, DEFAULT_LIMIT, MAX_LIMIT};

/// The comment routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(comments_index, comments_create))
}

/// Query parameters of a comment list, as sent.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct CommentsParams {
    /// Top-level comments per page: 20 unless given, at most 100.
    #[param(minimum = 1)]
    limit: Option<u32>,
    /// The previous page's `next_cursor`.
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

/// A page of an idea's top-level comments, oldest first, each with its replies.
#[utoipa::path(
    get,
    path = "/v1/ideas/{id}/comments",
    tag = "ideas",
    params(("id" = String, Path, description = "The idea's id"), CommentsParams),
    responses(
        (status = OK, description = "A page of comments", body = Page<Comment>),
        (status = BAD_REQUEST, description = "A parameter or the cursor is not valid", body = ErrorBody),
        (status = NOT_FOUND, description = "No such idea, or one waiting for review", body = ErrorBody),
    ),
)]
async fn comments_index(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    ApiQuery(params): ApiQuery<CommentsParams>,
) -> Result<Json<Page<Comment>>> {
    let limit = page_limit(params.limit, DEFAULT_LIMIT, MAX_LIMIT)?;
    let after = row_cursor(params.cursor.as_deref())?;
    let (id, _) = rules(&state, &id).await?;
    Ok(Json(state.store.comments(id, after, limit).await?))
}

/// Comments on an idea, or replies to one of its top-level comments.
#[utoipa::path(
    post,
    path = "/v1/ideas/{id}/comments",
    tag = "ideas",
    params(("id" = String, Path, description = "The idea's id")),
    request_body = CreateComment,
    security(("visitor" = []), ("sso" = [])),
    responses(
        (status = CREATED, description = "The new comment", body = Comment),
        (status = BAD_REQUEST, description = "The body is not JSON", body = ErrorBody),
        (status = UNAUTHORIZED, description = "No identity, or an invalid one", body = ErrorBody),
        (status = FORBIDDEN, description = "The board takes comments from signed-in users only", body = ErrorBody),
        (status = NOT_FOUND, description = "No such idea, or one waiting for review", body = ErrorBody),
        (status = PAYLOAD_TOO_LARGE, description = "The body is over the size limit", body = ErrorBody),
        (status = UNSUPPORTED_MEDIA_TYPE, description = "The body is not `application/json`", body = ErrorBody),
        (status = UNPROCESSABLE_ENTITY, description = "A blank or too long body, or a parent that is not a top-level comment of the idea", body = ErrorBody),
        (status = TOO_MANY_REQUESTS, description = "Too many writes; see `Retry-After`", body = ErrorBody),
    ),
)]
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
