//! Ideas on a board: browsing, proposing and reading one.
//!
//! - `GET  /v1/boards/{board}/ideas?sort=&status=&tag=&q=&limit=&cursor=` → `Page<Idea>`.
//!   `q` keeps ideas whose title or body has all its words (the last as a prefix).
//!   `sort` is `top` (default), `new`, `trending` or `discussed`; `limit` defaults to 20 and
//!   is capped at 100; `cursor` is the previous page's `next_cursor`. `voted` reflects the
//!   caller's identity (visitor id or SSO token) when present. Unknown board → 404, bad
//!   parameter → 400.
//! - `POST /v1/boards/{board}/ideas` with a `CreateIdea` body → 201 + `Idea` and `Location`.
//!   Needs an identity (401); a visitor needs a board open to anonymous posts (403); rule
//!   violations → 422 `validation_failed` with `fields`. On a premoderated board the idea
//!   answers with `pending_review: true` and stays unlisted.
//! - `GET  /v1/boards/{board}/ideas/similar?q=` → `Page<SimilarIdea>`: up to 5 listed ideas
//!   sharing words with a title being typed, most relevant first, never more than one page;
//!   fewer than 3 letters → none. Unknown board → 404.
//! - `GET  /v1/ideas/{id}` → `IdeaDetail` (the idea and its status history); unknown or
//!   malformed id, or an idea pending review asked for by anyone but its author → 404.

use std::time::Duration;

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::Json;
use kindred_api::{
    CreateIdea, ErrorBody, Idea, IdeaDetail, IdeaSort, IdeaStatus, Page, SimilarIdea,
};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::announce;
use crate::error::{Error, Result};
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::honeypot;
use crate::identity::Identity;
use crate::routes::{filter_param, page_cursor, page_limit, parse_idea_id};
use crate::state::AppState;
use crate::store::boards::Board;
use crate::store::ideas::{ListQuery, NewIdea, DEFAULT_LIMIT, MAX_LIMIT};

/// The idea routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(ideas_index, ideas_create))
        .routes(routes!(ideas_similar))
        .routes(routes!(ideas_show))
}

/// Query parameters of an idea list, as sent.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct IdeasParams {
    /// The order: `top` (most supporters, the default), `new`, `trending` (supporters in the
    /// last week, weighted towards recent ones) or `discussed` (most comments).
    #[serde(default)]
    #[param(inline)]
    sort: IdeaSort,
    /// Only ideas with this status.
    #[param(inline)]
    status: Option<IdeaStatus>,
    /// Only ideas with this tag.
    tag: Option<String>,
    /// Only ideas whose title or body holds every word (the last one as a prefix).
    q: Option<String>,
    /// Ideas per page: 20 unless given, at most 100.
    #[param(minimum = 1)]
    limit: Option<u32>,
    /// The previous page's `next_cursor`.
    cursor: Option<String>,
}

impl IdeasParams {
    fn into_query(self) -> Result<ListQuery> {
        Ok(ListQuery {
            sort: self.sort,
            status: self.status,
            tag: filter_param(self.tag),
            q: self.q,
            limit: page_limit(self.limit, DEFAULT_LIMIT, MAX_LIMIT)?,
            cursor: page_cursor(self.cursor.as_deref(), self.sort)?,
        })
    }
}

async fn find_board(state: &AppState, slug: &str) -> Result<Board> {
    state
        .store
        .board(slug)
        .await?
        .ok_or_else(|| Error::not_found("no board with this slug"))
}

/// A page of a board's listed ideas.
#[utoipa::path(
    get,
    path = "/v1/boards/{board}/ideas",
    tag = "ideas",
    params(("board" = String, Path, description = "The board's slug"), IdeasParams),
    security((), ("visitor" = []), ("sso" = [])),
    responses(
        (status = OK, description = "A page of ideas; `voted` is for the caller's identity", body = Page<Idea>),
        (status = BAD_REQUEST, description = "A parameter or the cursor is not valid", body = ErrorBody),
        (status = UNAUTHORIZED, description = "An identity was sent but is not valid", body = ErrorBody),
        (status = NOT_FOUND, description = "No board with this slug", body = ErrorBody),
    ),
)]
async fn ideas_index(
    State(state): State<AppState>,
    ApiPath(board): ApiPath<String>,
    ApiQuery(params): ApiQuery<IdeasParams>,
    identity: Option<Identity>,
) -> Result<Json<Page<Idea>>> {
    let query = params.into_query()?;
    let board = find_board(&state, &board).await?;
    let viewer = identity.map(|i| i.key());
    let page = state
        .store
        .ideas(board.id, &query, viewer.as_deref())
        .await?;
    Ok(Json(page))
}

/// Proposes an idea. On a premoderated board it waits for review, seen only by its author.
#[utoipa::path(
    post,
    path = "/v1/boards/{board}/ideas",
    tag = "ideas",
    params(("board" = String, Path, description = "The board's slug")),
    request_body = CreateIdea,
    security(("visitor" = []), ("sso" = [])),
    responses(
        (status = CREATED, description = "The new idea; `Location` is its URL", body = Idea,
         headers(("Location" = String, description = "The idea's URL"))),
        (status = BAD_REQUEST, description = "The body is not JSON", body = ErrorBody),
        (status = UNAUTHORIZED, description = "No identity, or an invalid one", body = ErrorBody),
        (status = FORBIDDEN, description = "The board takes ideas from signed-in users only", body = ErrorBody),
        (status = NOT_FOUND, description = "No board with this slug", body = ErrorBody),
        (status = PAYLOAD_TOO_LARGE, description = "The body is over the size limit", body = ErrorBody),
        (status = UNSUPPORTED_MEDIA_TYPE, description = "The body is not `application/json`", body = ErrorBody),
        (status = UNPROCESSABLE_ENTITY, description = "The idea breaks the rules; `fields` says which", body = ErrorBody),
        (status = TOO_MANY_REQUESTS, description = "Too many writes; see `Retry-After`", body = ErrorBody),
    ),
)]
async fn ideas_create(
    State(state): State<AppState>,
    ApiPath(board): ApiPath<String>,
    identity: Identity,
    ApiJson(input): ApiJson<CreateIdea>,
) -> Result<(StatusCode, [(header::HeaderName, String); 1], Json<Idea>)> {
    let board = find_board(&state, &board).await?;
    if identity.is_anonymous() && !board.allow_anonymous_posts {
        return Err(Error::Forbidden(
            "this board accepts ideas from signed-in users only".into(),
        ));
    }
    input.validate().map_err(Error::Validation)?;

    let tags: Vec<String> = input.tags.iter().map(|t| t.trim().to_owned()).collect();
    // A filled honeypot is a bot: it gets the answer a person would, and nothing is stored.
    let idea = if honeypot::is_triggered(&input.website) {
        honeypot::decoy(&board, &input, tags, &identity)
    } else {
        let author = identity.key();
        let id = state
            .store
            .create_idea(&NewIdea {
                board_id: board.id,
                title: input.title.trim(),
                body: input.body.trim(),
                tags: &tags,
                status: IdeaStatus::Open,
                author_name: identity.author_name(&board.anonymous_author),
                author_voter: Some(&author),
                author_avatar: identity.avatar(),
                pending_review: board.premoderation,
                age: Duration::ZERO,
            })
            .await?;

        let idea = state
            .store
            .idea(id, Some(&author))
            .await?
            .ok_or_else(|| Error::Internal(format!("idea {id} vanished after insert")))?;
        announce::idea_created(&state, &board, &idea).await;
        idea
    };
    let location = format!("/v1/ideas/{}", idea.id);
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(idea),
    ))
}

/// Query parameters of a similar-ideas lookup, as sent.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct SimilarParams {
    /// The title being typed; fewer than 3 letters finds nothing.
    #[serde(default)]
    q: String,
}

/// Up to 5 listed ideas sharing words with a title being typed, most relevant first.
#[utoipa::path(
    get,
    path = "/v1/boards/{board}/ideas/similar",
    tag = "ideas",
    params(("board" = String, Path, description = "The board's slug"), SimilarParams),
    responses(
        (status = OK, description = "Similar ideas, never more than one page", body = Page<SimilarIdea>),
        (status = NOT_FOUND, description = "No board with this slug", body = ErrorBody),
    ),
)]
async fn ideas_similar(
    State(state): State<AppState>,
    ApiPath(board): ApiPath<String>,
    ApiQuery(params): ApiQuery<SimilarParams>,
) -> Result<Json<Page<SimilarIdea>>> {
    let board = find_board(&state, &board).await?;
    let items = state.store.similar_ideas(board.id, &params.q).await?;
    Ok(Json(Page {
        items,
        next_cursor: None,
    }))
}

/// One idea and its status history.
#[utoipa::path(
    get,
    path = "/v1/ideas/{id}",
    tag = "ideas",
    params(("id" = String, Path, description = "The idea's id")),
    security((), ("visitor" = []), ("sso" = [])),
    responses(
        (status = OK, description = "The idea; `voted` is for the caller's identity", body = IdeaDetail),
        (status = UNAUTHORIZED, description = "An identity was sent but is not valid", body = ErrorBody),
        (status = NOT_FOUND, description = "No such idea, or one waiting for review asked for by anyone but its author", body = ErrorBody),
    ),
)]
async fn ideas_show(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    identity: Option<Identity>,
) -> Result<Json<IdeaDetail>> {
    let id = parse_idea_id(&id)?;
    let viewer = identity.map(|i| i.key());
    state
        .store
        .idea_detail(id, viewer.as_deref())
        .await?
        .map(Json)
        .ok_or_else(|| Error::not_found("no idea with this id"))
}
