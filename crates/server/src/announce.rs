//! Telling the world about a change, once it is committed: live streams for widgets that are
//! watching, webhooks for the brand's own systems. Each kind of change has one function here,
//! so every route that makes it (a visitor's proposal, a form's idea target, a moderator's
//! decision) announces it the same way.

use kindred_api::{Idea, IdeaStatus, LiveEvent, Post, WebhookEvent};
use serde_json::json;

use crate::error::{Error, Result};
use crate::live::Channel;
use crate::state::AppState;
use crate::store::boards::Board;
use crate::store::feeds::Feed;
use crate::store::ideas::IdeaHome;
use crate::store::likes::Liked;
use crate::store::votes::Voted;

/// A new idea on `board`: listed ones appear on the board's stream; listed or waiting, the
/// brand hears of it.
pub async fn idea_created(state: &AppState, board: &Board, idea: &Idea) {
    if !idea.pending_review {
        idea_listed(state, board.id, idea).await;
    }
    let data = json!({ "board": board.slug, "idea": idea });
    let event = WebhookEvent::IdeaCreated;
    state.webhooks.announce(board.site_id, event, data).await;
}

/// An idea now listed on board `board_id`: proposed on an open board, or approved.
pub async fn idea_listed(state: &AppState, board_id: i64, idea: &Idea) {
    let event = LiveEvent::Idea {
        idea_id: idea.id.clone(),
    };
    state.live.publish(Channel::Board(board_id), event).await;
}

/// A vote changed idea `id`'s count; when it was the first to reach the board's threshold, the
/// brand hears of that too.
pub async fn votes_changed(state: &AppState, id: i64, voted: &Voted) {
    let event = LiveEvent::Votes {
        idea_id: voted.state.idea_id.clone(),
        vote_count: voted.state.vote_count,
    };
    state
        .live
        .publish(Channel::Board(voted.board_id), event)
        .await;
    let Some(threshold) = voted.reached_threshold else {
        return;
    };
    match state.store.idea(id, None).await {
        Ok(Some(idea)) => {
            let data = json!({ "idea": idea, "threshold": threshold });
            let event = WebhookEvent::IdeaThresholdReached;
            state.webhooks.announce(voted.site_id, event, data).await;
        }
        Ok(None) => {}
        Err(error) => tracing::warn!("cannot announce idea {id}'s threshold: {error}"),
    }
}

/// A moderator moved `idea` from `from` with a public `note`.
pub async fn status_changed(
    state: &AppState,
    home: &IdeaHome,
    idea: &Idea,
    from: IdeaStatus,
    note: &str,
) {
    if !idea.pending_review {
        let event = LiveEvent::Status {
            idea_id: idea.id.clone(),
            status: idea.status,
            note: note.to_owned(),
        };
        state
            .live
            .publish(Channel::Board(home.board_id), event)
            .await;
    }
    let data = json!({ "idea": idea, "from": from, "to": idea.status, "note": note });
    let event = WebhookEvent::IdeaStatusChanged;
    state.webhooks.announce(home.site_id, event, data).await;
}

/// Counts on board `board_id` moved in ways a stream cannot spell out one by one (a merge):
/// watchers refetch.
pub async fn board_resync(state: &AppState, board_id: i64) {
    state
        .live
        .publish(Channel::Board(board_id), LiveEvent::Resync)
        .await;
}

/// Post `id`, just stored on `feed` by the identity keyed `author`: read back as its author
/// sees it (listed or waiting) and announced with [`post_created`]. Answers the post.
pub async fn stored_post(state: &AppState, feed: &Feed, id: i64, author: &str) -> Result<Post> {
    let post = state
        .store
        .post(id, Some(author))
        .await?
        .ok_or_else(|| Error::Internal(format!("post {id} vanished after insert")))?;
    post_created(state, feed, &post).await;
    Ok(post)
}

/// A new post on `feed`: a listed one appears on the feed's stream; listed or waiting, the
/// brand hears of it.
pub async fn post_created(state: &AppState, feed: &Feed, post: &Post) {
    if !post.pending_review {
        post_listed(state, feed.id, post).await;
    }
    let data = json!({ "feed": feed.slug, "post": post });
    let event = WebhookEvent::PostCreated;
    state.webhooks.announce(feed.site_id, event, data).await;
}

/// A post now listed on feed `feed_id`: posted on an open feed, or approved.
pub async fn post_listed(state: &AppState, feed_id: i64, post: &Post) {
    let event = LiveEvent::Post {
        post_id: post.id.to_string(),
    };
    state.live.publish(Channel::Feed(feed_id), event).await;
}

/// What feed `feed_id` shows changed in ways a stream cannot spell out (a post taken down):
/// watchers refetch.
pub async fn feed_resync(state: &AppState, feed_id: i64) {
    state
        .live
        .publish(Channel::Feed(feed_id), LiveEvent::Resync)
        .await;
}

/// A like changed a post's count.
pub async fn likes_changed(state: &AppState, liked: &Liked) {
    let event = LiveEvent::Likes {
        post_id: liked.state.post_id.to_string(),
        like_count: liked.state.like_count,
    };
    state
        .live
        .publish(Channel::Feed(liked.feed_id), event)
        .await;
}
