//! Decisions on what waits for review.
//!
//! - `POST /v1/moderation/{kind}/{id}/approve` with an optional `DecisionRequest` → the
//!   `DecisionOutcome`: the item is shown (an idea or a post listed, a comment counted and
//!   shown); for `reports`, the post's reports are dismissed and it is listed again.
//! - `POST /v1/moderation/{kind}/{id}/reject` with a `DecisionRequest` whose `reason` is
//!   required (422 without) → the item stays hidden and leaves the queue; for `reports`, the
//!   post is taken down and its reports are marked reviewed.
//!
//! - `POST /v1/moderation/{kind}/{id}/reopen` with an optional `DecisionRequest` → a
//!   `ReopenOutcome`: the decision is taken back and the item waits for review again, hidden
//!   from the public (a reported post: its reports the decision reviewed count again, and it
//!   is listed unless they reach its feed's threshold). An item already waiting is left as it
//!   is (`changed: false`).
//!
//! `kind` is `ideas`, `comments`, `posts` or `reports` (whose id is the post's); an unknown
//! kind or id → 404. Repeating the decision in force changes nothing (`changed: false`); the
//! other decision overrides it, so a listed item can be taken down and a rejected one
//! reinstated. Every change is logged with its reason. An idea or a post that appears is
//! announced on its board's or feed's live stream; one taken down makes watchers refetch.

use axum::extract::State;
use axum::Json;
use kindred_api::moderation::{
    Decision, DecisionOutcome, DecisionRequest, QueueKind, ReopenOutcome,
};
use kindred_api::ErrorBody;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::admin::Admin;
use crate::announce;
use crate::error::{Error, Result};
use crate::extract::{ApiPath, OptionalJson};
use crate::routes::parse_row_id;
use crate::state::AppState;
use crate::store::moderation::queue::Decided;

/// The decision routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(decisions_approve))
        .routes(routes!(decisions_reject))
        .routes(routes!(decisions_reopen))
}

/// Shows an item waiting for review (or reinstates a rejected one).
#[utoipa::path(
    post,
    path = "/v1/moderation/{kind}/{id}/approve",
    tag = "moderation",
    params(
        ("kind" = QueueKind, Path, description = "What the item is"),
        ("id" = String, Path, description = "The item's id"),
    ),
    request_body(content = Option<DecisionRequest>, description = "Why, for the log (optional)"),
    security(("admin" = [])),
    responses(
        (status = OK, description = "The item is approved", body = DecisionOutcome),
        (status = BAD_REQUEST, description = "Malformed JSON", body = ErrorBody),
        (status = UNAUTHORIZED, description = "No admin key, or a wrong one", body = ErrorBody),
        (status = FORBIDDEN, description = "The server has no admin key", body = ErrorBody),
        (status = NOT_FOUND, description = "No such kind or item", body = ErrorBody),
        (status = UNPROCESSABLE_ENTITY, description = "A reason that is too long", body = ErrorBody),
    ),
)]
async fn decisions_approve(
    admin: Admin,
    state: State<AppState>,
    path: ApiPath<(String, String)>,
    OptionalJson(body): OptionalJson<DecisionRequest>,
) -> Result<Json<DecisionOutcome>> {
    decide(
        admin,
        state,
        path,
        body.unwrap_or_default(),
        Decision::Approved,
    )
    .await
}

/// Keeps an item hidden (or takes a listed one down), with a reason.
#[utoipa::path(
    post,
    path = "/v1/moderation/{kind}/{id}/reject",
    tag = "moderation",
    params(
        ("kind" = QueueKind, Path, description = "What the item is"),
        ("id" = String, Path, description = "The item's id"),
    ),
    request_body(content = DecisionRequest, description = "Why (required)"),
    security(("admin" = [])),
    responses(
        (status = OK, description = "The item is rejected", body = DecisionOutcome),
        (status = BAD_REQUEST, description = "Malformed JSON", body = ErrorBody),
        (status = UNAUTHORIZED, description = "No admin key, or a wrong one", body = ErrorBody),
        (status = FORBIDDEN, description = "The server has no admin key", body = ErrorBody),
        (status = NOT_FOUND, description = "No such kind or item", body = ErrorBody),
        (status = UNPROCESSABLE_ENTITY, description = "No reason, or one too long", body = ErrorBody),
    ),
)]
async fn decisions_reject(
    admin: Admin,
    state: State<AppState>,
    path: ApiPath<(String, String)>,
    OptionalJson(body): OptionalJson<DecisionRequest>,
) -> Result<Json<DecisionOutcome>> {
    decide(
        admin,
        state,
        path,
        body.unwrap_or_default(),
        Decision::Rejected,
    )
    .await
}

/// Takes a decision back: the item waits for review again.
#[utoipa::path(
    post,
    path = "/v1/moderation/{kind}/{id}/reopen",
    tag = "moderation",
    params(
        ("kind" = QueueKind, Path, description = "What the item is"),
        ("id" = String, Path, description = "The item's id"),
    ),
    request_body(content = Option<DecisionRequest>, description = "Why, for the log (optional)"),
    security(("admin" = [])),
    responses(
        (status = OK, description = "The item waits for review again", body = ReopenOutcome),
        (status = BAD_REQUEST, description = "Malformed JSON", body = ErrorBody),
        (status = UNAUTHORIZED, description = "No admin key, or a wrong one", body = ErrorBody),
        (status = FORBIDDEN, description = "The server has no admin key", body = ErrorBody),
        (status = NOT_FOUND, description = "No such kind or item", body = ErrorBody),
        (status = UNPROCESSABLE_ENTITY, description = "A reason that is too long", body = ErrorBody),
    ),
)]
async fn decisions_reopen(
    _: Admin,
    State(state): State<AppState>,
    ApiPath((kind, id)): ApiPath<(String, String)>,
    OptionalJson(body): OptionalJson<DecisionRequest>,
) -> Result<Json<ReopenOutcome>> {
    let (kind, id) = item(&kind, &id)?;
    let request = body.unwrap_or_default();
    request.validate(false).map_err(Error::Validation)?;
    let reopened = state.store.reopen(kind, id, request.reason.trim()).await?;
    if reopened.outcome.changed {
        announce_visibility(&state, kind, id, reopened.was_shown, reopened.shown).await?;
    }
    Ok(Json(reopened.outcome))
}

/// The kind and row id a path names; an unknown kind or a malformed id → 404.
fn item(kind: &str, id: &str) -> Result<(QueueKind, i64)> {
    let kind: QueueKind = kind.parse().map_err(|_| {
        Error::not_found("no such kind: use `ideas`, `comments`, `posts` or `reports`")
    })?;
    let id = parse_row_id(id).ok_or_else(|| Error::not_found("no item with this id"))?;
    Ok((kind, id))
}

async fn decide(
    _: Admin,
    State(state): State<AppState>,
    ApiPath((kind, id)): ApiPath<(String, String)>,
    request: DecisionRequest,
    decision: Decision,
) -> Result<Json<DecisionOutcome>> {
    let (kind, id) = item(&kind, &id)?;
    request
        .validate(decision == Decision::Rejected)
        .map_err(Error::Validation)?;
    let decided = state
        .store
        .decide(kind, id, decision, request.reason.trim())
        .await?;
    if decided.outcome.changed {
        announce_decision(&state, kind, id, &decided).await?;
    }
    Ok(Json(decided.outcome))
}

/// What a changed decision shows watchers: an approved idea joins its board's list; anything
/// else on an idea changes what the board shows in ways to refetch. A post that appears joins
/// its feed's list, one taken down makes the feed refetch. Comments are not streamed.
async fn announce_decision(
    state: &AppState,
    kind: QueueKind,
    id: i64,
    decided: &Decided,
) -> Result<()> {
    match kind {
        QueueKind::Ideas => {
            let Some(home) = state.store.idea_home(id).await? else {
                return Ok(());
            };
            match (
                decided.outcome.decision,
                state.store.moderated_idea(id).await?,
            ) {
                (Decision::Approved, Some(idea)) => {
                    announce::idea_listed(state, home.board_id, &idea).await
                }
                _ => announce::board_resync(state, home.board_id).await,
            }
        }
        QueueKind::Comments => {}
        QueueKind::Posts | QueueKind::Reports => {
            let Some(feed_id) = state.store.post_feed_id(id).await? else {
                return Ok(());
            };
            if decided.appeared() {
                if let Some(post) = state.store.post(id, None).await? {
                    announce::post_listed(state, feed_id, &post).await;
                }
            } else if decided.taken_down() {
                announce::feed_resync(state, feed_id).await;
            }
        }
    }
    Ok(())
}

/// What a reopened item shows watchers: an idea no longer listed makes its board refetch; a
/// post taken down makes its feed refetch, one listed again joins it.
async fn announce_visibility(
    state: &AppState,
    kind: QueueKind,
    id: i64,
    was_shown: bool,
    shown: bool,
) -> Result<()> {
    match kind {
        QueueKind::Ideas if was_shown => {
            if let Some(home) = state.store.idea_home(id).await? {
                announce::board_resync(state, home.board_id).await;
            }
        }
        QueueKind::Ideas | QueueKind::Comments => {}
        QueueKind::Posts | QueueKind::Reports => {
            let Some(feed_id) = state.store.post_feed_id(id).await? else {
                return Ok(());
            };
            if was_shown && !shown {
                announce::feed_resync(state, feed_id).await;
            } else if shown && !was_shown {
                if let Some(post) = state.store.post(id, None).await? {
                    announce::post_listed(state, feed_id, &post).await;
                }
            }
        }
    }
    Ok(())
}
