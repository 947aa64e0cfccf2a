//! Live updates as Server-Sent Events, one stream per board and per feed.
//!
//! - `GET /v1/boards/{board}/events` → `text/event-stream`: one SSE event per [`LiveEvent`],
//!   its `type` as the event name and the whole event as JSON `data`. Public (a browser's
//!   `EventSource` cannot send headers), so it carries counts and ids only, never a pending
//!   idea. Unknown board → 404 before the stream starts.
//! - `GET /v1/feeds/{feed}/events` → the same for a feed: like counts and newly listed posts.
//!
//! The stream opens with a `retry` hint, sends a comment every 15 s so proxies keep it open,
//! and ends when the server shuts down; `EventSource` then reconnects by itself.

use std::convert::Infallible;
use std::time::Duration;

use axum::extract::State;
use axum::response::sse::{Event, KeepAlive, Sse};
use futures_util::stream::{self, Stream};
use futures_util::StreamExt;
use kindred_api::{ErrorBody, LiveEvent};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::error::{Error, Result};
use crate::extract::ApiPath;
use crate::live::{Channel, Subscription};
use crate::state::AppState;

/// How long a client waits before reconnecting a dropped stream.
const RECONNECT: Duration = Duration::from_secs(3);

/// How often an idle stream sends a keep-alive comment.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// The event-stream routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(board_events))
        .routes(routes!(feed_events))
}

/// A board's live updates: vote counts, status changes and newly listed ideas.
#[utoipa::path(
    get,
    path = "/v1/boards/{board}/events",
    tag = "live",
    params(("board" = String, Path, description = "The board's slug")),
    responses(
        (status = OK, description = "A stream of Server-Sent Events, each a `LiveEvent` as JSON",
         content_type = "text/event-stream", body = LiveEvent),
        (status = NOT_FOUND, description = "No board with this slug", body = ErrorBody),
    ),
)]
async fn board_events(
    State(state): State<AppState>,
    ApiPath(board): ApiPath<String>,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>> {
    let board = state
        .store
        .board(&board)
        .await?
        .ok_or_else(|| Error::not_found("no board with this slug"))?;
    Ok(stream_of(state.live.subscribe(Channel::Board(board.id))))
}

/// A feed's live updates: like counts and newly listed posts.
#[utoipa::path(
    get,
    path = "/v1/feeds/{feed}/events",
    tag = "live",
    params(("feed" = String, Path, description = "The feed's slug")),
    responses(
        (status = OK, description = "A stream of Server-Sent Events, each a `LiveEvent` as JSON",
         content_type = "text/event-stream", body = LiveEvent),
        (status = NOT_FOUND, description = "No feed with this slug", body = ErrorBody),
    ),
)]
async fn feed_events(
    State(state): State<AppState>,
    ApiPath(feed): ApiPath<String>,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>> {
    let feed = state
        .store
        .feed(&feed)
        .await?
        .ok_or_else(|| Error::not_found("no feed with this slug"))?;
    Ok(stream_of(state.live.subscribe(Channel::Feed(feed.id))))
}

/// A subscription as an SSE response.
pub fn stream_of(subscription: Subscription) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let opening = stream::once(async { Ok(Event::default().retry(RECONNECT).comment("live")) });
    let events = stream::unfold(subscription, |mut subscription| async move {
        let event = subscription.next().await?;
        Some((Ok(sse_event(&event)), subscription))
    });
    Sse::new(opening.chain(events)).keep_alive(KeepAlive::new().interval(KEEP_ALIVE))
}

/// One live event as an SSE event: its kind as the name, itself as JSON data.
fn sse_event(event: &LiveEvent) -> Event {
    let data = serde_json::to_string(event).unwrap_or_else(|_| r#"{"type":"resync"}"#.into());
    Event::default().event(event.kind()).data(data)
}
