//! Ideas on a board: what a list or detail returns, what a visitor submits, and vote results.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::validate::{self, FieldErrors};

/// An idea's identifier. Opaque text on the wire so backends with any id scheme fit.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct IdeaId(pub String);

impl fmt::Display for IdeaId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<i64> for IdeaId {
    fn from(id: i64) -> Self {
        Self(id.to_string())
    }
}

/// An idea as the API returns it.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Idea {
    /// Identifier.
    pub id: IdeaId,
    /// One-line title.
    pub title: String,
    /// Plain-text body (clients may render a small safe Markdown subset, never HTML).
    pub body: String,
    /// Where the brand has taken the idea.
    pub status: IdeaStatus,
    /// Tags chosen by the author or the brand.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Number of distinct supporters.
    pub vote_count: u32,
    /// Number of visible comments.
    pub comment_count: u32,
    /// Whether the identity that asked has voted for it.
    pub voted: bool,
    /// Who proposed it.
    pub author: Author,
    /// Creation time, RFC 3339 in UTC.
    pub created_at: String,
    /// Supporters needed for the brand to review it, where the board sets a threshold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold: Option<u32>,
    /// The idea this one duplicates, when `status` is `duplicate`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<IdeaId>,
    /// Whether the idea waits for a moderator before it is listed; only its author sees it
    /// meanwhile. Sent only when true.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub pending_review: bool,
    /// Whether a moderator pinned it: pinned ideas lead every order of the board's list.
    /// Sent only when true.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub pinned: bool,
}

/// One idea with what only its own page shows: where it has been.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdeaDetail {
    /// The idea, its fields inline.
    #[serde(flatten)]
    pub idea: Idea,
    /// Its status changes, oldest first; empty while it has never moved.
    #[serde(default)]
    pub history: Vec<StatusChange>,
}

/// A move of an idea from one status to another.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChange {
    /// The status before.
    pub from: IdeaStatus,
    /// The status after.
    pub to: IdeaStatus,
    /// What the brand said about it, for everyone to read; empty when it said nothing.
    #[serde(default)]
    pub note: String,
    /// When it happened, RFC 3339 in UTC.
    pub at: String,
}

/// An existing idea like a title being typed, offered before a visitor posts a duplicate.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SimilarIdea {
    /// Identifier.
    pub id: IdeaId,
    /// One-line title.
    pub title: String,
    /// Where the brand has taken the idea.
    pub status: IdeaStatus,
    /// Number of distinct supporters.
    pub vote_count: u32,
}

/// The public face of an idea's author.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Author {
    /// Display name.
    pub name: String,
    /// Avatar image URL, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avatar: Option<String>,
}

/// The life cycle of an idea, from proposal to decision.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IdeaStatus {
    /// Newly proposed, collecting support.
    #[default]
    Open,
    /// The brand is looking at it.
    UnderReview,
    /// The brand plans to do it.
    Planned,
    /// Work has started.
    InProgress,
    /// Done and available.
    Shipped,
    /// The brand decided against it.
    Declined,
    /// Merged into another idea (see `duplicate_of`).
    Duplicate,
}

impl IdeaStatus {
    /// Every status, in life-cycle order.
    pub const ALL: [IdeaStatus; 7] = [
        Self::Open,
        Self::UnderReview,
        Self::Planned,
        Self::InProgress,
        Self::Shipped,
        Self::Declined,
        Self::Duplicate,
    ];

    /// The wire spelling, also used for CSS modifier classes and catalog keys.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::UnderReview => "under_review",
            Self::Planned => "planned",
            Self::InProgress => "in_progress",
            Self::Shipped => "shipped",
            Self::Declined => "declined",
            Self::Duplicate => "duplicate",
        }
    }
}

impl FromStr for IdeaStatus {
    type Err = UnknownVariant;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|status| status.as_str() == s)
            .ok_or(UnknownVariant)
    }
}

/// Orders of an idea list.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IdeaSort {
    /// Most votes first.
    #[default]
    Top,
    /// Newest first.
    New,
    /// Most recent support first, decaying with age.
    Trending,
    /// Most comments first.
    Discussed,
}

impl IdeaSort {
    /// The wire spelling, as used in `?sort=`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Top => "top",
            Self::New => "new",
            Self::Trending => "trending",
            Self::Discussed => "discussed",
        }
    }
}

/// A string that names no variant of the enum it was parsed into.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnknownVariant;

impl fmt::Display for UnknownVariant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("unknown variant")
    }
}

impl std::error::Error for UnknownVariant {}

/// The body of `POST /v1/boards/{board}/ideas`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateIdea {
    /// One-line title.
    pub title: String,
    /// Plain-text description.
    #[serde(default)]
    pub body: String,
    /// Optional tags.
    #[serde(default)]
    pub tags: Vec<String>,
    /// A honeypot for bots: must stay empty. The widget renders it hidden from people (and
    /// from assistive technology); a submission that fills it is answered like a success and
    /// discarded.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub website: String,
}

/// Limits of an idea submission, shared by the widget's form and the server.
pub mod limits {
    /// Fewest characters in a title.
    pub const TITLE_MIN: usize = 5;
    /// Most characters in a title.
    pub const TITLE_MAX: usize = 120;
    /// Most characters in a body.
    pub const BODY_MAX: usize = 5_000;
    /// Most tags on one idea.
    pub const TAGS_MAX: usize = 5;
    /// Most characters in one tag.
    pub const TAG_MAX: usize = 32;
}

impl CreateIdea {
    /// Checks the submission against [`limits`], answering per-field error codes.
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        validate::text(
            &mut errors,
            "title",
            &self.title,
            limits::TITLE_MIN,
            limits::TITLE_MAX,
        );
        validate::text(&mut errors, "body", &self.body, 0, limits::BODY_MAX);
        check_tags(&mut errors, &self.tags);
        validate::finish(errors)
    }
}

/// Checks an idea's tags against [`limits`]: how many, and that none is empty or too long.
pub(crate) fn check_tags(errors: &mut FieldErrors, tags: &[String]) {
    if tags.len() > limits::TAGS_MAX {
        validate::push(errors, "tags", validate::TOO_MANY);
    }
    if tags
        .iter()
        .any(|tag| tag.trim().is_empty() || tag.chars().count() > limits::TAG_MAX)
    {
        validate::push(errors, "tags", validate::INVALID);
    }
}

/// The answer to `PUT` and `DELETE /v1/ideas/{id}/vote`: the idea's count and the caller's vote.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoteState {
    /// The idea voted on.
    pub idea_id: IdeaId,
    /// Distinct supporters after the request.
    pub vote_count: u32,
    /// Whether the caller now supports the idea.
    pub voted: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn idea_json() -> &'static str {
        r#"{"id":"7","title":"Wider toe box","body":"Please","status":"in_progress",
            "tags":["fit"],"vote_count":12,"comment_count":3,"voted":true,
            "author":{"name":"Ana"},"created_at":"2026-01-02T03:04:05Z"}"#
    }

    #[test]
    fn idea_round_trips_and_omits_absent_options() {
        let idea: Idea = serde_json::from_str(idea_json()).unwrap();
        assert_eq!(idea.status, IdeaStatus::InProgress);
        assert_eq!(idea.id, IdeaId("7".into()));
        let json = serde_json::to_value(&idea).unwrap();
        assert!(json.get("threshold").is_none());
        assert!(json["author"].get("avatar").is_none());
        assert_eq!(serde_json::from_value::<Idea>(json).unwrap(), idea);
    }

    #[test]
    fn detail_is_the_idea_inline_plus_its_history() {
        let idea: Idea = serde_json::from_str(idea_json()).unwrap();
        assert!(!idea.pending_review);
        let detail = IdeaDetail {
            idea: idea.clone(),
            history: vec![StatusChange {
                from: IdeaStatus::Open,
                to: IdeaStatus::InProgress,
                note: "Prototypes are out".into(),
                at: "2026-02-03T04:05:06.789Z".into(),
            }],
        };
        let json = serde_json::to_value(&detail).unwrap();
        assert_eq!(json["title"], "Wider toe box");
        assert_eq!(json["history"][0]["to"], "in_progress");
        assert!(json.get("pending_review").is_none());
        // A client that knows only `Idea` reads the detail as one.
        assert_eq!(serde_json::from_value::<Idea>(json.clone()).unwrap(), idea);
        assert_eq!(serde_json::from_value::<IdeaDetail>(json).unwrap(), detail);
        let pending = Idea {
            pending_review: true,
            ..idea
        };
        assert_eq!(
            serde_json::to_value(&pending).unwrap()["pending_review"],
            true
        );
    }

    #[test]
    fn statuses_parse_from_their_wire_names() {
        for status in IdeaStatus::ALL {
            assert_eq!(status.as_str().parse::<IdeaStatus>(), Ok(status));
            assert_eq!(
                serde_json::to_string(&status).unwrap(),
                format!("\"{}\"", status.as_str())
            );
        }
        assert_eq!("shipping".parse::<IdeaStatus>(), Err(UnknownVariant));
    }

    #[test]
    fn sorts_use_their_wire_names() {
        for sort in [
            IdeaSort::Top,
            IdeaSort::New,
            IdeaSort::Trending,
            IdeaSort::Discussed,
        ] {
            let json = serde_json::to_string(&sort).unwrap();
            assert_eq!(json, format!("\"{}\"", sort.as_str()));
        }
    }

    #[test]
    fn a_good_idea_passes() {
        let idea = CreateIdea {
            title: "Reflective laces".into(),
            body: "For dawn runs.".into(),
            tags: vec!["safety".into()],
            ..CreateIdea::default()
        };
        assert_eq!(idea.validate(), Ok(()));
    }

    #[test]
    fn a_bad_idea_gets_a_code_per_field() {
        let idea = CreateIdea {
            title: "  ab ".into(),
            body: "x".repeat(limits::BODY_MAX + 1),
            tags: vec!["".into(); limits::TAGS_MAX + 1],
            ..CreateIdea::default()
        };
        let errors = idea.validate().unwrap_err();
        assert_eq!(errors["title"], ["too_short"]);
        assert_eq!(errors["body"], ["too_long"]);
        assert_eq!(errors["tags"], ["too_many", "invalid"]);
    }

    #[test]
    fn unknown_fields_are_refused() {
        let result = serde_json::from_str::<CreateIdea>(r#"{"title":"Hello there","votes":9}"#);
        assert!(result.is_err());
    }
}
