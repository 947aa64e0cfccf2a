//! The review queue: what waits for a moderator, and why.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::feed::PostImage;
use crate::idea::{IdeaId, UnknownVariant};

/// What a queue item is; also the `{kind}` of `/v1/moderation/{kind}/{id}/approve`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QueueKind {
    /// An idea proposed on a premoderated board.
    Ideas,
    /// A comment written on a board that premoderates comments.
    Comments,
    /// A photo posted on a premoderated feed.
    Posts,
    /// A post with reports no moderator has reviewed yet; its id is the post's.
    Reports,
}

impl QueueKind {
    /// Every kind.
    pub const ALL: [QueueKind; 4] = [Self::Ideas, Self::Comments, Self::Posts, Self::Reports];

    /// The wire spelling, as in paths and `?kind=`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Ideas => "ideas",
            Self::Comments => "comments",
            Self::Posts => "posts",
            Self::Reports => "reports",
        }
    }
}

impl fmt::Display for QueueKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for QueueKind {
    type Err = UnknownVariant;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|kind| kind.as_str() == s)
            .ok_or(UnknownVariant)
    }
}

/// The order of the queue: `?order=` of `/v1/moderation/queue`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QueueOrder {
    /// What has waited longest first.
    #[default]
    Oldest,
    /// What came in last first.
    Newest,
}

/// How many items wait in the queue, in all and of each kind: the answer of
/// `/v1/moderation/queue/counts`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueCounts {
    /// Every item.
    pub total: u32,
    /// Ideas.
    pub ideas: u32,
    /// Comments.
    pub comments: u32,
    /// Posts held for review.
    pub posts: u32,
    /// Reported posts.
    pub reports: u32,
}

/// Why an item waits in the queue.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QueueReason {
    /// Its board or feed holds new items of its kind for review before they are shown.
    Premoderation,
    /// Visitors reported it; it may already be hidden (see [`ReportSummary::hidden`]).
    Reports,
}

/// Something waiting for a moderator's decision.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueItem {
    /// What it is.
    pub kind: QueueKind,
    /// Its id within its kind.
    pub id: String,
    /// The slug of its site.
    pub site: String,
    /// The slug of its board, for ideas and comments.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub board: Option<String>,
    /// The slug of its feed, for posts and reports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feed: Option<String>,
    /// For a comment, the idea it was written on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub idea_id: Option<IdeaId>,
    /// The start of its text (an idea's title, a comment's body, a post's caption or, without
    /// one, its alt text).
    pub excerpt: String,
    /// For posts and reports, the photo, as the public [`Post`](crate::Post) shows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<PostImage>,
    /// For reports, what the reports not yet reviewed say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reports: Option<ReportSummary>,
    /// Who wrote it.
    pub author: QueueAuthor,
    /// When it was written, RFC 3339 in UTC; for reports, when the first report not yet
    /// reviewed came.
    pub created_at: String,
    /// Why it is in the queue.
    pub reason: QueueReason,
}

/// What the reports of a post that no moderator has reviewed yet say.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportSummary {
    /// How many there are.
    pub count: u32,
    /// How many of them say spam.
    pub spam: u32,
    /// How many say offensive.
    pub offensive: u32,
    /// How many say it infringes someone's rights.
    pub rights: u32,
    /// How many give another reason.
    pub other: u32,
    /// Whether they hid the post (its feed's report threshold was reached).
    pub hidden: bool,
}

/// The author of a queue item, as moderators see them.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueAuthor {
    /// Display name.
    pub name: String,
    /// Identity key (`visitor:<uuid>` or `user:<sub>`), what a block names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity: Option<String>,
}
