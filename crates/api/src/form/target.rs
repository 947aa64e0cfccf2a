//! The moderators' side of a form: where its submissions go, the definition they create and
//! edit, and the submissions they read back.

use serde::{Deserialize, Serialize};

use crate::form::schema::{FieldKind, FormSchema};
use crate::form::submission::{Submission, TargetOutcome};
use crate::idea::limits as idea_limits;
use crate::validate::{self, FieldErrors};

/// Where a form's submissions go, besides being stored. Moderators see it; visitors do not.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum FormTarget {
    /// Each submission proposes an idea on a board of the form's site, under that board's
    /// rules (anonymous posts, review before publication).
    Idea {
        /// The board's slug.
        board: String,
        /// The required short text field whose answer is the idea's title.
        title_field: String,
        /// The text field whose answer is the idea's body, if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        body_field: Option<String>,
    },
    /// Submissions are only stored, for the brand to read and export.
    Response,
}

impl FormTarget {
    /// Checks that the target fits `schema`: an idea's title comes from a required short
    /// text field and its body from a text field, both within an idea's limits. Errors are
    /// keyed by the target's setting (`board`, `title_field`, `body_field`).
    pub fn validate_for(&self, schema: &FormSchema) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        if let Self::Idea {
            board,
            title_field,
            body_field,
        } = self
        {
            if !validate::is_slug(board) {
                validate::push(&mut errors, "board", validate::INVALID);
            }
            check_source(
                &mut errors,
                schema,
                "title_field",
                title_field,
                idea_limits::TITLE_MAX,
            );
            if schema
                .field(title_field)
                .is_some_and(|field| !field.required)
            {
                validate::push(&mut errors, "title_field", validate::REQUIRED);
            }
            if let Some(body_field) = body_field {
                check_source(
                    &mut errors,
                    schema,
                    "body_field",
                    body_field,
                    idea_limits::BODY_MAX,
                );
            }
        }
        validate::finish(errors)
    }
}

/// Checks that field `name` exists and is answered with text of at most `max` characters.
fn check_source(errors: &mut FieldErrors, schema: &FormSchema, key: &str, name: &str, max: usize) {
    let Some(field) = schema.field(name) else {
        validate::push(errors, key, validate::UNKNOWN_FIELD);
        return;
    };
    let text = matches!(
        field.kind,
        FieldKind::ShortText { .. } | FieldKind::LongText { .. }
    );
    let title_ok = key != "title_field" || matches!(field.kind, FieldKind::ShortText { .. });
    if !text || !title_ok {
        validate::push(errors, key, validate::WRONG_TYPE);
    } else if field.kind.max_chars().is_some_and(|chars| chars > max) {
        validate::push(errors, key, validate::OUT_OF_RANGE);
    }
}

/// A form as moderators create and replace it: the body of `POST
/// /v1/moderation/sites/{site}/forms` and `PUT /v1/moderation/forms/{form}`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormDefinition {
    /// What visitors see and answer.
    pub schema: FormSchema,
    /// Where submissions go.
    pub target: FormTarget,
    /// Whether the form takes submissions; a closed form answers 410 `form_closed`.
    #[serde(default = "open_by_default")]
    pub open: bool,
}

fn open_by_default() -> bool {
    true
}

impl FormDefinition {
    /// Checks the schema ([`FormSchema::validate_schema`]) and the target
    /// ([`FormTarget::validate_for`]), keying errors `schema.<key>` and `target.<key>`.
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        let parts = [
            ("schema", self.schema.validate_schema()),
            ("target", self.target.validate_for(&self.schema)),
        ];
        for (prefix, result) in parts {
            for (key, codes) in result.err().unwrap_or_default() {
                errors.insert(format!("{prefix}.{key}"), codes);
            }
        }
        validate::finish(errors)
    }
}

/// A form as the moderation API answers it.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FormDetails {
    /// What visitors see and answer.
    pub schema: FormSchema,
    /// Where submissions go.
    pub target: FormTarget,
    /// Whether the form takes submissions.
    pub open: bool,
    /// Submissions stored so far.
    pub submission_count: u32,
    /// Creation time, RFC 3339 in UTC.
    pub created_at: String,
    /// Time of the last change, RFC 3339 in UTC.
    pub updated_at: String,
}

/// A stored submission, as moderators read it.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredSubmission {
    /// The submission's id.
    pub id: String,
    /// The cleaned answers, by field name.
    #[cfg_attr(feature = "openapi", schema(value_type = std::collections::BTreeMap<String, crate::form::Answer>))]
    pub answers: Submission,
    /// Who submitted it: `visitor:<uuid>` or `user:<sub>`.
    pub identity: String,
    /// What it became.
    pub target: TargetOutcome,
    /// When it arrived, RFC 3339 in UTC.
    pub created_at: String,
}
