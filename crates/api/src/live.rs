//! Live updates: what `GET /v1/boards/{board}/events` and `GET /v1/feeds/{feed}/events` stream.
//!
//! Each Server-Sent Event carries one [`LiveEvent`] as JSON in its `data`, and its `type` as the
//! SSE event name, so a client can `addEventListener("votes", …)` or read every message and
//! switch on `type`. Events say what changed, not the whole resource: a client patches what it
//! shows (a count, a status badge) or refetches a list when new content arrives.

use serde::{Deserialize, Serialize};

use crate::idea::{IdeaId, IdeaStatus};

/// One change on a board or a feed.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum LiveEvent {
    /// An idea's supporter count changed.
    Votes {
        /// The idea.
        idea_id: IdeaId,
        /// Distinct supporters now.
        vote_count: u32,
    },
    /// A moderator moved an idea to another status.
    Status {
        /// The idea.
        idea_id: IdeaId,
        /// The new status.
        status: IdeaStatus,
        /// The moderator's public note, possibly empty.
        note: String,
    },
    /// A new idea was listed on the board: proposed on an open board, or approved.
    Idea {
        /// The new idea.
        idea_id: IdeaId,
    },
    /// A new post was listed on the feed: submitted to an open feed, or approved.
    Post {
        /// The new post.
        post_id: String,
    },
    /// A post's like count changed.
    Likes {
        /// The post.
        post_id: String,
        /// Likes now.
        like_count: u32,
    },
    /// The stream may have missed events (the client fell behind, or the server lost its
    /// database notifications for a moment): refetch what is shown.
    Resync,
}

impl LiveEvent {
    /// The event's `type`, also used as the SSE event name.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Votes { .. } => "votes",
            Self::Status { .. } => "status",
            Self::Idea { .. } => "idea",
            Self::Post { .. } => "post",
            Self::Likes { .. } => "likes",
            Self::Resync => "resync",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_are_tagged_by_kind() {
        let event = LiveEvent::Votes {
            idea_id: IdeaId::from(7),
            vote_count: 12,
        };
        let json = serde_json::to_value(&event).unwrap();
        assert_eq!(json["type"], event.kind());
        assert_eq!(json["idea_id"], "7");
        assert_eq!(json["vote_count"], 12);
        let back: LiveEvent = serde_json::from_value(json).unwrap();
        assert_eq!(back, event);
        assert_eq!(
            serde_json::to_value(LiveEvent::Resync).unwrap()["type"],
            "resync"
        );
    }
}
