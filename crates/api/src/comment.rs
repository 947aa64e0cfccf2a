//! Comments on an idea: a thread as the API returns it and what a visitor posts.
//!
//! Threads are one level deep: top-level comments carry their replies, and a reply cannot be
//! answered itself, which keeps a thread readable in a small widget.

use serde::{Deserialize, Serialize};

use crate::idea::Author;
use crate::validate::{self, FieldErrors};

/// A comment as the API returns it.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comment {
    /// Identifier, opaque text.
    pub id: String,
    /// The top-level comment this one answers, for replies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<String>,
    /// Plain text, never HTML.
    pub body: String,
    /// Who wrote it.
    pub author: Author,
    /// Creation time, RFC 3339 in UTC.
    pub created_at: String,
    /// Answers to a top-level comment, oldest first; always empty on a reply.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(no_recursion))]
    pub replies: Vec<Comment>,
    /// Whether the comment waits for a moderator before it is shown; only the answer to its
    /// author's `POST` can carry it. Sent only when true.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub pending_review: bool,
}

/// The body of `POST /v1/ideas/{id}/comments`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateComment {
    /// Plain-text comment.
    pub body: String,
    /// The top-level comment this one answers; absent for a new top-level comment.
    #[serde(default)]
    pub parent_id: Option<String>,
}

/// Most characters in a comment.
pub const BODY_MAX: usize = 2_000;

/// The per-field code for a reply to a reply: threads are one level deep.
pub const NESTED_REPLY: &str = "nested_reply";

impl CreateComment {
    /// Checks the comment: a body of 1 to [`BODY_MAX`] characters once trimmed, and a parent
    /// id, when given, that is not blank.
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        validate::text(&mut errors, "body", &self.body, 1, BODY_MAX);
        if self
            .parent_id
            .as_deref()
            .is_some_and(|id| id.trim().is_empty())
        {
            validate::push(&mut errors, "parent_id", validate::INVALID);
        }
        validate::finish(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn comment(body: &str, parent_id: Option<&str>) -> CreateComment {
        CreateComment {
            body: body.to_owned(),
            parent_id: parent_id.map(str::to_owned),
        }
    }

    #[test]
    fn bodies_take_one_to_two_thousand_characters() {
        assert!(comment("x", None).validate().is_ok());
        assert!(comment(&"é".repeat(BODY_MAX), Some("3")).validate().is_ok());
        let errors = comment("  ", None).validate().unwrap_err();
        assert_eq!(errors["body"], [validate::REQUIRED]);
        let errors = comment(&"é".repeat(BODY_MAX + 1), None)
            .validate()
            .unwrap_err();
        assert_eq!(errors["body"], [validate::TOO_LONG]);
    }

    #[test]
    fn a_blank_parent_is_invalid() {
        let errors = comment("Agreed", Some(" ")).validate().unwrap_err();
        assert_eq!(errors["parent_id"], [validate::INVALID]);
        assert!(!errors.contains_key("body"));
    }

    #[test]
    fn the_body_refuses_unknown_fields_and_defaults_the_parent() {
        let parsed: CreateComment = serde_json::from_str(r#"{"body":"Yes"}"#).unwrap();
        assert_eq!(parsed, comment("Yes", None));
        assert!(serde_json::from_str::<CreateComment>(r#"{"body":"Yes","html":1}"#).is_err());
    }

    #[test]
    fn a_comment_round_trips_and_omits_an_absent_parent() {
        let written = |id: &str, parent_id: Option<&str>, replies| Comment {
            id: id.into(),
            parent_id: parent_id.map(str::to_owned),
            body: "Same here".into(),
            author: Author {
                name: "Ana".into(),
                avatar: None,
            },
            created_at: "2026-01-02T03:04:05.678Z".into(),
            replies,
            pending_review: false,
        };
        let top = written("3", None, vec![written("7", Some("3"), Vec::new())]);
        let json = serde_json::to_value(&top).unwrap();
        assert!(json.get("parent_id").is_none());
        assert!(json.get("pending_review").is_none());
        assert_eq!(json["replies"][0]["parent_id"], "3");
        assert_eq!(serde_json::from_value::<Comment>(json).unwrap(), top);
    }
}
