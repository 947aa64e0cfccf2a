//! The moderation log: every decision moderators made, newest first.

use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::idea::UnknownVariant;

/// What a moderation log entry records.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LogAction {
    /// An item was approved.
    Approve,
    /// An item was rejected.
    Reject,
    /// An idea's status was set.
    Status,
    /// An idea was merged into another.
    Merge,
    /// An idea was pinned.
    Pin,
    /// An idea was unpinned.
    Unpin,
    /// An identity was blocked.
    Block,
    /// A block was lifted.
    Unblock,
    /// An idea's tags were edited.
    Tags,
    /// A decision was taken back: the item waits for review again.
    Reopen,
}

impl LogAction {
    /// Every action.
    pub const ALL: [LogAction; 10] = [
        Self::Approve,
        Self::Reject,
        Self::Status,
        Self::Merge,
        Self::Pin,
        Self::Unpin,
        Self::Block,
        Self::Unblock,
        Self::Tags,
        Self::Reopen,
    ];

    /// The wire spelling, also the stored one.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Approve => "approve",
            Self::Reject => "reject",
            Self::Status => "status",
            Self::Merge => "merge",
            Self::Pin => "pin",
            Self::Unpin => "unpin",
            Self::Block => "block",
            Self::Unblock => "unblock",
            Self::Tags => "tags",
            Self::Reopen => "reopen",
        }
    }
}

impl FromStr for LogAction {
    type Err = UnknownVariant;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|action| action.as_str() == s)
            .ok_or(UnknownVariant)
    }
}

/// One decision in the moderation log.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogEntry {
    /// Identifier; entries are listed newest first.
    pub id: String,
    /// The slug of the site it concerns.
    pub site: String,
    /// What was done.
    pub action: LogAction,
    /// What it was done to: `ideas`, `comments`, `posts`, `reports` or `identities`.
    pub target_kind: String,
    /// The id (or identity key) of what it was done to.
    pub target_id: String,
    /// Why, as the moderator wrote it; empty when they wrote nothing.
    pub reason: String,
    /// When, RFC 3339 in UTC.
    pub at: String,
}
