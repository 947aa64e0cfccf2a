//! Curating ideas: public status changes and merges of duplicates.

use serde::{Deserialize, Serialize};

use crate::idea::{Idea, IdeaId, IdeaStatus};
use crate::validate::{self, FieldErrors};

/// Most characters in a public status note.
pub const NOTE_MAX: usize = 2_000;

/// The body of `PUT /v1/moderation/ideas/{id}/status`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusRequest {
    /// The new status.
    pub status: IdeaStatus,
    /// What the brand says about it, shown publicly in the idea's history.
    #[serde(default)]
    pub note: String,
    /// The idea this one duplicates: required with status `duplicate`, refused otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<IdeaId>,
}

impl StatusRequest {
    /// Checks the note's length and that `duplicate_of` comes exactly with `duplicate`.
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        validate::text(&mut errors, "note", &self.note, 0, NOTE_MAX);
        match (self.status, &self.duplicate_of) {
            (IdeaStatus::Duplicate, None) => {
                validate::push(&mut errors, "duplicate_of", validate::REQUIRED);
            }
            (IdeaStatus::Duplicate, Some(_)) | (_, None) => {}
            (_, Some(_)) => validate::push(&mut errors, "duplicate_of", validate::INVALID),
        }
        validate::finish(errors)
    }
}

/// The body of `POST /v1/moderation/ideas/{id}/merge`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MergeRequest {
    /// The idea that absorbs this one.
    pub into: IdeaId,
    /// A public note for the merged idea's history.
    #[serde(default)]
    pub note: String,
}

impl MergeRequest {
    /// Checks the note's length; the server checks `into` against the stored ideas.
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        validate::text(&mut errors, "note", &self.note, 0, NOTE_MAX);
        validate::finish(errors)
    }
}

/// The body of `PUT /v1/moderation/ideas/{id}/tags`: the idea's tags, replaced whole.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TagsRequest {
    /// The tags, in order; the same rules as a new idea's (at most
    /// [`TAGS_MAX`](crate::idea::limits::TAGS_MAX), none empty or longer than
    /// [`TAG_MAX`](crate::idea::limits::TAG_MAX) characters). Repeats are kept once.
    pub tags: Vec<String>,
}

impl TagsRequest {
    /// Checks the tags as a new idea's are checked.
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        crate::idea::check_tags(&mut errors, &self.tags);
        validate::finish(errors)
    }

    /// The tags trimmed, each once, in their first order.
    pub fn normalized(&self) -> Vec<String> {
        let mut tags: Vec<String> = Vec::new();
        for tag in &self.tags {
            let tag = tag.trim();
            if !tags.iter().any(|kept| kept == tag) {
                tags.push(tag.to_owned());
            }
        }
        tags
    }
}

/// What merging an idea into another would do, before it is done: the answer of
/// `GET /v1/moderation/ideas/{id}/merge?into=`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MergePreview {
    /// The idea that would absorb this one.
    pub into: IdeaId,
    /// Its votes now.
    pub votes_now: u32,
    /// Votes that would move over: supporters of this idea who do not support `into` yet.
    pub votes_moving: u32,
    /// Supporters of both ideas, who keep one vote.
    pub shared_voters: u32,
    /// Its votes after the merge: `votes_now + votes_moving`.
    pub votes_after: u32,
    /// Comments that would move over.
    pub comments_moving: u32,
}

/// The answer to a merge.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MergeOutcome {
    /// The merged idea, now a `duplicate` of `into`.
    pub source: IdeaId,
    /// The idea that absorbed it, with its new counts.
    pub into: Idea,
    /// Votes moved over; votes of supporters of both ideas are not counted twice.
    pub votes_moved: u32,
    /// Comments moved over.
    pub comments_moved: u32,
}
