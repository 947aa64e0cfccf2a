//! Boards as moderators manage them: settings, and what a create or an update carries.

use serde::{Deserialize, Serialize};

use crate::moderation::{check_board_or_feed, present, yes};
use crate::validate::{self, FieldErrors};

/// A board as moderators manage it.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardSettings {
    /// The board's slug, as in `data-board`; unique across the server.
    pub slug: String,
    /// The slug of its site.
    pub site: String,
    /// Display name.
    pub name: String,
    /// Short description shown above the board.
    pub description: String,
    /// Supporters an idea needs before the brand reviews it; none when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supporter_threshold: Option<u32>,
    /// Most ideas one identity may support at once; no limit when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vote_cap: Option<u32>,
    /// Whether new ideas wait for a moderator before they are listed.
    pub premoderation: bool,
    /// Whether new comments wait for a moderator before they are shown.
    pub premoderate_comments: bool,
    /// Whether anonymous visitors may propose ideas and comment.
    pub allow_anonymous_posts: bool,
    /// Whether anonymous visitors may vote.
    pub allow_anonymous_votes: bool,
}

/// The body of `POST /v1/moderation/sites/{site}/boards`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateBoard {
    /// The board's slug: 1 to 64 lowercase letters, digits and hyphens, unique on the server.
    pub slug: String,
    /// Display name.
    pub name: String,
    /// Short description.
    #[serde(default)]
    pub description: String,
    /// Supporters an idea needs before the brand reviews it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supporter_threshold: Option<u32>,
    /// Most ideas one identity may support at once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vote_cap: Option<u32>,
    /// Whether new ideas wait for review; off when absent.
    #[serde(default)]
    pub premoderation: bool,
    /// Whether new comments wait for review; off when absent.
    #[serde(default)]
    pub premoderate_comments: bool,
    /// Whether anonymous visitors may propose ideas and comment; on when absent.
    #[serde(default = "yes")]
    pub allow_anonymous_posts: bool,
    /// Whether anonymous visitors may vote; on when absent.
    #[serde(default = "yes")]
    pub allow_anonymous_votes: bool,
}

impl CreateBoard {
    /// Checks the slug, the texts and that limits are positive.
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        check_board_or_feed(
            &mut errors,
            Some(&self.slug),
            Some(&self.name),
            Some(&self.description),
            &[
                ("supporter_threshold", self.supporter_threshold),
                ("vote_cap", self.vote_cap),
            ],
        );
        validate::finish(errors)
    }
}

/// The body of `PUT /v1/moderation/boards/{board}`: only the fields present change; `null`
/// clears a threshold or a vote cap.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UpdateBoard {
    /// A new slug (the old one stops working).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slug: Option<String>,
    /// New display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// New description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// New supporter threshold, or `null` for none.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<u32>))]
    pub supporter_threshold: Option<Option<u32>>,
    /// New vote cap, or `null` for no limit.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<u32>))]
    pub vote_cap: Option<Option<u32>>,
    /// Whether new ideas wait for review.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub premoderation: Option<bool>,
    /// Whether new comments wait for review.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub premoderate_comments: Option<bool>,
    /// Whether anonymous visitors may propose ideas and comment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow_anonymous_posts: Option<bool>,
    /// Whether anonymous visitors may vote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow_anonymous_votes: Option<bool>,
}

impl UpdateBoard {
    /// Checks the fields present.
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        check_board_or_feed(
            &mut errors,
            self.slug.as_deref(),
            self.name.as_deref(),
            self.description.as_deref(),
            &[
                ("supporter_threshold", self.supporter_threshold.flatten()),
                ("vote_cap", self.vote_cap.flatten()),
            ],
        );
        validate::finish(errors)
    }
}
