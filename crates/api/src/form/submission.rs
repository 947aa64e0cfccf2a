//! What a visitor sends to a form and what the server answers.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::feed::{PostId, PostImage};
use crate::idea::IdeaId;

/// One answer, typed by its JSON value: text, a number, a list of option values, a flag, or
/// an object describing an image.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Answer {
    /// A flag: the answer to a consent.
    Bool(bool),
    /// A number: the answer to a number or a rating.
    Number(f64),
    /// Text: the answer to a text or email field, or the value of a single choice.
    Text(String),
    /// Option values: the answer to a multiple choice.
    List(Vec<String>),
    /// A file: the answer to an image field.
    Image(ImageAnswer),
}

/// The answer to an image field: `{"media_type": "image/jpeg", "bytes": 123456}`.
///
/// It describes the file without its bytes, so the one validator checks it in the widget
/// (from the chosen file) and on the server (from the file part as received: the type sniffed
/// from its bytes and its real size, whatever the client claimed). Once stored, the server
/// adds `image`, the processed photo the moderators' listing and export link to.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImageAnswer {
    /// The file's media type, such as `image/jpeg`.
    pub media_type: String,
    /// The file's size in bytes.
    pub bytes: u64,
    /// The stored photo: renditions re-encoded without metadata, with their URLs, size and
    /// dominant colour. Set by the server; absent in what a client sends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<PostImage>,
}

impl fmt::Display for Answer {
    /// The answer as one line of text, as a spreadsheet cell shows it: list entries joined
    /// with `; `, flags as `true`/`false`, whole numbers without a fraction, an image as the
    /// URL of its largest rendition (its media type while it is not stored).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Bool(flag) => write!(f, "{flag}"),
            Self::Number(number) => write!(f, "{number}"),
            Self::Text(text) => f.write_str(text),
            Self::List(values) => f.write_str(&values.join("; ")),
            Self::Image(answer) => match &answer.image {
                Some(image) => f.write_str(&image.url),
                None => f.write_str(&answer.media_type),
            },
        }
    }
}

/// A submission's answers, by field name. Unanswered optional fields are simply absent.
pub type Submission = BTreeMap<String, Answer>;

/// The body of `POST /v1/forms/{form}/submissions`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubmitForm {
    /// The answers, by field name.
    #[cfg_attr(feature = "openapi", schema(value_type = BTreeMap<String, Answer>))]
    pub answers: Submission,
    /// A honeypot for bots: must stay empty, like `CreateIdea::website`. A submission that
    /// fills it is answered like a success and discarded.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub website: String,
}

/// What a submission turned into, by the form's target.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TargetOutcome {
    /// A new idea on the form's board.
    Idea {
        /// The idea's id.
        idea_id: IdeaId,
        /// Whether the idea waits for a moderator before it is listed. Sent only when true.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        pending_review: bool,
    },
    /// A new post on the form's feed.
    Post {
        /// The post's id.
        post_id: PostId,
        /// Whether the post waits for a moderator before it is listed. Sent only when true.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        pending_review: bool,
    },
    /// A stored response only, for the brand to read.
    Response,
}

/// The answer to `POST /v1/forms/{form}/submissions`: 201.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubmissionReceipt {
    /// The submission's id.
    pub id: String,
    /// What the submission became.
    pub target: TargetOutcome,
    /// What to show the visitor: the form's success message, or the server's default.
    pub message: String,
}
