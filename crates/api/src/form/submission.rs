//! What a visitor sends to a form and what the server answers.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::idea::IdeaId;

/// One answer, typed by its JSON value: text, a number, a list of option values, or a flag.
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
}

impl fmt::Display for Answer {
    /// The answer as one line of text, as a spreadsheet cell shows it: list entries joined
    /// with `; `, flags as `true`/`false`, whole numbers without a fraction.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Bool(flag) => write!(f, "{flag}"),
            Self::Number(number) => write!(f, "{number}"),
            Self::Text(text) => f.write_str(text),
            Self::List(values) => f.write_str(&values.join("; ")),
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
