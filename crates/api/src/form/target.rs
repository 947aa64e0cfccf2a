//! The moderators' side of a form: where its submissions go, the definition they create and
//! edit, and the submissions they read back.

use serde::{Deserialize, Serialize};

use crate::feed::limits as post_limits;
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
    /// Each submission posts its photo on a feed of the form's site, under that feed's rules
    /// (anonymous posts, review before publication). Like a direct upload, it needs the
    /// author's grant of rights: the form must have a required consent field.
    Post {
        /// The feed's slug.
        feed: String,
        /// The required image field whose photo is posted.
        image_field: String,
        /// The required short text field whose answer is the photo's alt text.
        alt_field: String,
        /// The text field whose answer is the caption, if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        caption_field: Option<String>,
        /// The field whose answer tags products, if any: a multiple choice whose option
        /// values are product slugs, or a short text of comma-separated slugs.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        products_field: Option<String>,
    },
    /// Submissions are only stored, for the brand to read and export.
    Response,
}

impl FormTarget {
    /// Checks that the target fits `schema`. An idea's title comes from a required short text
    /// field and its body from a text field, both within an idea's limits. A post's photo
    /// comes from a required image field, its alt text from a required short text field and
    /// its caption from a text field, within a post's limits, its product tags from a multiple
    /// choice or a short text field, and the form has a required consent field. Errors are
    /// keyed by the target's setting (`board`, `title_field`, `body_field`, `feed`,
    /// `image_field`, `alt_field`, `caption_field`, `products_field`), and `consent` for the
    /// missing consent field.
    pub fn validate_for(&self, schema: &FormSchema) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        let mut sources = Sources {
            errors: &mut errors,
            schema,
        };
        match self {
            Self::Idea {
                board,
                title_field,
                body_field,
            } => {
                sources.slug("board", board);
                sources.text(
                    "title_field",
                    Some(title_field),
                    true,
                    idea_limits::TITLE_MAX,
                );
                sources.text(
                    "body_field",
                    body_field.as_deref(),
                    false,
                    idea_limits::BODY_MAX,
                );
            }
            Self::Post {
                feed,
                image_field,
                alt_field,
                caption_field,
                products_field,
            } => {
                sources.slug("feed", feed);
                let is_image = |kind: &FieldKind| matches!(kind, FieldKind::Image { .. });
                sources.field("image_field", Some(image_field), true, is_image, None);
                sources.text("alt_field", Some(alt_field), true, post_limits::ALT_MAX);
                let caption = caption_field.as_deref();
                sources.text("caption_field", caption, false, post_limits::CAPTION_MAX);
                let is_tags = |kind: &FieldKind| {
                    matches!(
                        kind,
                        FieldKind::MultipleChoice { .. } | FieldKind::ShortText { .. }
                    )
                };
                let products = products_field.as_deref();
                sources.field("products_field", products, false, is_tags, None);
                let consent = schema
                    .fields
                    .iter()
                    .any(|field| field.required && matches!(field.kind, FieldKind::Consent { .. }));
                if !consent {
                    validate::push(&mut errors, "consent", validate::REQUIRED);
                }
            }
            Self::Response => {}
        }
        validate::finish(errors)
    }
}

/// The checks of the fields a target takes its content from, recording into `errors`.
struct Sources<'a> {
    errors: &'a mut FieldErrors,
    schema: &'a FormSchema,
}

impl Sources<'_> {
    /// Checks that setting `key` holds a slug.
    fn slug(&mut self, key: &str, value: &str) {
        if !validate::is_slug(value) {
            validate::push(self.errors, key, validate::INVALID);
        }
    }

    /// Checks that field `name`, when set, exists (`unknown_field`), is of a kind `fits`
    /// (`wrong_type`) whose answers fit in `max` characters when given (`out_of_range`), and,
    /// when `required`, is required (`required`).
    fn field(
        &mut self,
        key: &str,
        name: Option<&str>,
        required: bool,
        fits: fn(&FieldKind) -> bool,
        max: Option<usize>,
    ) {
        let Some(name) = name else { return };
        let Some(field) = self.schema.field(name) else {
            validate::push(self.errors, key, validate::UNKNOWN_FIELD);
            return;
        };
        if !fits(&field.kind) {
            validate::push(self.errors, key, validate::WRONG_TYPE);
        } else if max.is_some_and(|max| field.kind.max_chars().is_some_and(|chars| chars > max)) {
            validate::push(self.errors, key, validate::OUT_OF_RANGE);
        }
        if required && !field.required {
            validate::push(self.errors, key, validate::REQUIRED);
        }
    }

    /// Checks a text source of at most `max` characters: a required one is a required short
    /// text field, an optional one any text field.
    fn text(&mut self, key: &str, name: Option<&str>, required: bool, max: usize) {
        let fits = if required { is_short_text } else { is_text };
        self.field(key, name, required, fits, Some(max));
    }
}

fn is_short_text(kind: &FieldKind) -> bool {
    matches!(kind, FieldKind::ShortText { .. })
}

fn is_text(kind: &FieldKind) -> bool {
    matches!(
        kind,
        FieldKind::ShortText { .. } | FieldKind::LongText { .. }
    )
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
