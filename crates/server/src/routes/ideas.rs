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
use axum::routing::get;
use axum::{Json, Router};
use kindred_api::{CreateIdea, Idea, IdeaDetail, IdeaSort, IdeaStatus, Page, SimilarIdea};
use serde::Deserialize;

use crate::error::{Error, Result};
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::honeypot;
use crate::identity::Identity;
use crate::routes::{filter_param, page_cursor, page_limit, parse_idea_id};
use crate::state::AppState;
use crate::store::boards::Board;
use crate::store::ideas::{ListQuery, NewIdea, DEFAULT_LIMIT, MAX_LIMIT};

/// The idea routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/v1/boards/{board}/ideas",
            get(ideas_index).post(ideas_create),
        )
        .route("/v1/boards/{board}/ideas/similar", get(ideas_similar))
        .route("/v1/ideas/{id}", get(ideas_show))
}

/// Query parameters of an idea list, as sent.
#[derive(Debug, Deserialize)]
struct IdeasParams {
    #[serde(default)]
    sort: IdeaSort,
    status: Option<IdeaStatus>,
    tag: Option<String>,
    q: Option<String>,
    limit: Option<u32>,
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

        state
            .store
            .idea(id, Some(&author))
            .await?
            .ok_or_else(|| Error::Internal(format!("idea {id} vanished after insert")))?
    };
    let location = format!("/v1/ideas/{}", idea.id);
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(idea),
    ))
}

/// Query parameters of a similar-ideas lookup, as sent.
#[derive(Debug, Deserialize)]
struct SimilarParams {
    #[serde(default)]
    q: String,
}

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
