//! The shape of a form as a brand designs it, and the rules that keep a schema renderable.

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};

use super::condition::Condition;
use super::date::Day;
use super::format::TextFormat;
use super::translation::FormTexts;
use crate::validate::{self, FieldErrors};

/// Limits of a form schema, shared by the moderation API and the widget.
pub mod limits {
    /// Most characters in a form's or field's slug.
    pub const SLUG_MAX: usize = 64;
    /// Most characters in a field's name.
    pub const NAME_MAX: usize = 40;
    /// Most characters in a title, a label, an option's label or a button label.
    pub const LABEL_MAX: usize = 200;
    /// Most characters in a description, a help text, a consent text or a success message.
    pub const TEXT_MAX: usize = 2_000;
    /// Most fields on one form.
    pub const FIELDS_MAX: usize = 50;
    /// Most options on one choice field.
    pub const OPTIONS_MAX: usize = 50;
    /// Largest `max_len` of a short text field.
    pub const SHORT_TEXT_MAX: u32 = 500;
    /// Largest `max_len` of a long text field.
    pub const LONG_TEXT_MAX: u32 = 10_000;
    /// Most characters in an email address.
    pub const EMAIL_MAX: usize = 254;
    /// Most characters in a web address.
    pub const URL_MAX: usize = 2_048;
    /// Most characters in a hidden field's answer (a page's address, say).
    pub const HIDDEN_MAX: usize = 2_048;
    /// Smallest and largest `max` of a rating.
    pub const RATING_MAX: std::ops::RangeInclusive<u8> = 3..=10;
    /// Largest `max_bytes` of an image field: 10 MiB.
    pub const IMAGE_BYTES_MAX: u64 = 10 * 1024 * 1024;
    /// The media types an image field may accept: the formats the server can process, or
    /// `image/*` for all of them.
    pub const IMAGE_TYPES: [&str; 4] = ["image/jpeg", "image/png", "image/webp", "image/*"];
}

/// A form as the widget renders it: `GET /v1/forms/{form}`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormSchema {
    /// The form's slug, as in `data-form`; unique across the server.
    pub slug: String,
    /// Heading shown above the form.
    pub title: String,
    /// Introduction shown under the heading (plain text).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The questions, in display order.
    pub fields: Vec<Field>,
    /// Text of the submit button; the widget's own when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submit_label: Option<String>,
    /// What the visitor reads after submitting; the server's default when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success_message: Option<String>,
    /// The form's words in other languages, by language tag (`de`, `pt-BR`); see
    /// [`FormSchema::localized`].
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<String, FormTexts>,
}

/// One question of a form.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Field {
    /// Key of the answer in a submission: lowercase letters, digits, `-` and `_`.
    pub name: String,
    /// The question as the visitor reads it.
    pub label: String,
    /// A hint shown under the question (plain text).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub help: String,
    /// Whether an answer is needed; a required consent must be given.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub required: bool,
    /// What kind of answer it takes, with the kind's settings.
    pub kind: FieldKind,
    /// When the field is asked, from the answers to fields before it; always when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_if: Option<Condition>,
}

/// The kinds of question, each with its settings: `{"type": "rating", "max": 5}`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum FieldKind {
    /// One line of text; the answer is a string.
    ShortText {
        /// Most characters.
        max_len: u32,
        /// Fewest characters of an answer (a required field needs at least one).
        #[serde(default, skip_serializing_if = "is_zero")]
        min_len: u32,
        /// An example of the expected form, shown in the empty input; not enforced.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        placeholder: Option<String>,
        /// A shape the answer must have, if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        format: Option<TextFormat>,
    },
    /// Several lines of text; the answer is a string.
    LongText {
        /// Most characters.
        max_len: u32,
        /// Fewest characters of an answer (a required field needs at least one).
        #[serde(default, skip_serializing_if = "is_zero")]
        min_len: u32,
    },
    /// An email address; the answer is a string.
    Email,
    /// A web address (`http` or `https`); the answer is a string.
    Url,
    /// A day of the calendar; the answer is a string, `YYYY-MM-DD`.
    Date {
        /// Earliest accepted day, `YYYY-MM-DD`, if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min: Option<String>,
        /// Latest accepted day, `YYYY-MM-DD`, if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max: Option<String>,
    },
    /// A number; the answer is a JSON number.
    Number {
        /// Smallest accepted value, if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min: Option<f64>,
        /// Largest accepted value, if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max: Option<f64>,
    },
    /// One option out of several; the answer is the option's `value`.
    SingleChoice {
        /// The options, in display order.
        options: Vec<ChoiceOption>,
        /// How the options are shown: radio buttons, or a drop-down list for long lists.
        #[serde(default, skip_serializing_if = "ChoiceDisplay::is_radio")]
        display: ChoiceDisplay,
    },
    /// Any number of options; the answer is a list of `value`s.
    MultipleChoice {
        /// The options, in display order.
        options: Vec<ChoiceOption>,
        /// Fewest options to pick when answering (a required field needs at least one).
        #[serde(default, skip_serializing_if = "is_zero")]
        min: u32,
        /// Most options to pick; all of them when absent.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max: Option<u32>,
    },
    /// A score from 1 to `max`; the answer is a whole JSON number.
    Rating {
        /// The best score, from 3 to 10.
        max: u8,
    },
    /// How likely the visitor is to recommend something, from 0 (not at all) to 10
    /// (extremely), as a net promoter score asks; the answer is a whole JSON number.
    Nps,
    /// A photo, sent as a file part of a `multipart/form-data` submission; the answer is an
    /// [`crate::form::ImageAnswer`] describing the file.
    Image {
        /// Accepted media types out of [`limits::IMAGE_TYPES`], such as `image/jpeg`.
        accept: Vec<String>,
        /// Largest file, in bytes.
        max_bytes: u64,
    },
    /// A checkbox agreeing to `text`; the answer is `true` or `false`.
    Consent {
        /// What the visitor agrees to.
        text: String,
    },
    /// A passage between questions, under the field's label as its heading: no answer, just
    /// words, in the small Markdown subset the widget renders (paragraphs, emphasis, lists,
    /// links), never as HTML.
    Description {
        /// The passage.
        text: String,
    },
    /// An answer the visitor never sees, filled in by the widget from the page the form is
    /// on; the answer is a string. The label names it for the brand's team.
    Hidden {
        /// Where the answer comes from.
        from: HiddenSource,
    },
    /// The start of a new page of a multi-step form, titled with the field's label: the
    /// visitor goes on with "Next" once the page before is answered. No answer.
    PageBreak,
}

/// Where a hidden field's answer comes from: `"product"`, `"page_url"` or
/// `{"attribute": "campaign"}`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HiddenSource {
    /// The product the page is about: the placeholder's `data-product`.
    Product,
    /// The page's address, without its `#` fragment.
    PageUrl,
    /// Another attribute of the placeholder, named without its `data-` prefix: `campaign`
    /// reads `data-campaign`. Lowercase letters, digits and `-`.
    Attribute(String),
}

/// How a single choice shows its options: `"radio"` (the default) or `"select"`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChoiceDisplay {
    /// A radio button per option, all in view: best for a few options.
    #[default]
    Radio,
    /// A drop-down list: best for many options, such as a country.
    Select,
}

impl ChoiceDisplay {
    fn is_radio(&self) -> bool {
        *self == Self::Radio
    }
}

/// One option of a choice field.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceOption {
    /// What a submission sends when this option is picked.
    pub value: String,
    /// What the visitor reads.
    pub label: String,
}

/// A form as listed in a [`crate::SiteConfig`].
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormSummary {
    /// The form's slug, as used in `data-form`.
    pub slug: String,
    /// Heading shown above the form.
    pub title: String,
}

fn is_zero(value: &u32) -> bool {
    *value == 0
}

impl FieldKind {
    /// Whether a field of this kind is answered: all but a description and a page break.
    pub fn takes_answer(&self) -> bool {
        !matches!(self, Self::Description { .. } | Self::PageBreak)
    }

    /// The most characters a text answer may have, for the kinds answered with text.
    pub fn max_chars(&self) -> Option<usize> {
        match self {
            Self::ShortText { max_len, .. } | Self::LongText { max_len, .. } => {
                Some(*max_len as usize)
            }
            Self::Email => Some(limits::EMAIL_MAX),
            Self::Url => Some(limits::URL_MAX),
            Self::Hidden { .. } => Some(limits::HIDDEN_MAX),
            _ => None,
        }
    }

    /// The fewest characters a text answer may have: 0 unless the field says more.
    pub fn min_chars(&self) -> usize {
        match self {
            Self::ShortText { min_len, .. } | Self::LongText { min_len, .. } => *min_len as usize,
            _ => 0,
        }
    }
}

impl FormSchema {
    /// The field called `name`, if any.
    pub fn field(&self, name: &str) -> Option<&Field> {
        self.fields.iter().find(|field| field.name == name)
    }

    /// Checks that the schema can be rendered and answered: a slug, a title, unique field
    /// names, sane limits, non-empty option lists, conditions on earlier answers and no
    /// empty page. Errors are keyed `slug`, `title`, `fields`, or
    /// `fields[<index>].<setting>`, with the codes of [`crate::validate`].
    pub fn validate_schema(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        if !validate::is_slug(&self.slug) {
            validate::push(&mut errors, "slug", validate::INVALID);
        }
        validate::text(&mut errors, "title", &self.title, 1, limits::LABEL_MAX);
        validate::text(
            &mut errors,
            "description",
            &self.description,
            0,
            limits::TEXT_MAX,
        );
        let optional = [
            ("submit_label", &self.submit_label, limits::LABEL_MAX),
            ("success_message", &self.success_message, limits::TEXT_MAX),
        ];
        for (key, value, max) in optional {
            if let Some(value) = value {
                validate::text(&mut errors, key, value, 1, max);
            }
        }
        if self.fields.is_empty() {
            validate::push(&mut errors, "fields", validate::REQUIRED);
        } else if self.fields.len() > limits::FIELDS_MAX {
            validate::push(&mut errors, "fields", validate::TOO_MANY);
        }
        let mut names = HashSet::new();
        for (index, field) in self.fields.iter().enumerate() {
            let key = |setting: &str| format!("fields[{index}].{setting}");
            if !is_field_name(&field.name) {
                validate::push(&mut errors, &key("name"), validate::INVALID);
            } else if !names.insert(field.name.as_str()) {
                validate::push(&mut errors, &key("name"), validate::DUPLICATE);
            }
            validate::text(
                &mut errors,
                &key("label"),
                &field.label,
                1,
                limits::LABEL_MAX,
            );
            validate::text(&mut errors, &key("help"), &field.help, 0, limits::TEXT_MAX);
            check_kind(&mut errors, field, &key);
            // Nothing to answer, so nothing to require.
            if field.required && !field.kind.takes_answer() {
                validate::push(&mut errors, &key("required"), validate::INVALID);
            }
            if let Some(condition) = &field.show_if {
                // A page is shown when any of its questions is.
                let sound = field.kind != FieldKind::PageBreak
                    && is_sound(condition, &self.fields[..index]);
                if !sound {
                    validate::push(&mut errors, &key("show_if"), validate::INVALID);
                }
            }
            // Every page has something on it.
            let breaks = |at: Option<&Field>| at.is_none_or(|f| f.kind == FieldKind::PageBreak);
            let page_break = field.kind == FieldKind::PageBreak;
            let before = index.checked_sub(1).and_then(|i| self.fields.get(i));
            if page_break && (breaks(before) || breaks(self.fields.get(index + 1))) {
                validate::push(&mut errors, &key("type"), validate::INVALID);
            }
        }
        self.check_translations(&mut errors);
        validate::finish(errors)
    }
}

/// Whether `name` can key an answer: 1 to [`limits::NAME_MAX`] lowercase ASCII letters,
/// digits, `-` and `_`.
fn is_field_name(name: &str) -> bool {
    (1..=limits::NAME_MAX).contains(&name.len())
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// Whether `condition` can be met by answers to `earlier` fields: some comparisons, each
/// naming an answered field among them, with a value that suits its operation.
fn is_sound(condition: &Condition, earlier: &[Field]) -> bool {
    let comparisons = condition.comparisons();
    !comparisons.is_empty()
        && comparisons.iter().all(|comparison| {
            comparison.is_well_formed()
                && earlier
                    .iter()
                    .any(|field| field.name == comparison.field && field.kind.takes_answer())
        })
}

/// Checks the settings of `field`'s kind, keying errors with `key(setting)`.
fn check_kind(errors: &mut FieldErrors, field: &Field, key: &dyn Fn(&str) -> String) {
    let mut out_of_range =
        |setting: &str| validate::push(errors, &key(setting), validate::OUT_OF_RANGE);
    match &field.kind {
        FieldKind::ShortText {
            max_len, min_len, ..
        } => check_lengths(errors, *min_len, *max_len, limits::SHORT_TEXT_MAX, key),
        FieldKind::LongText { max_len, min_len } => {
            check_lengths(errors, *min_len, *max_len, limits::LONG_TEXT_MAX, key);
        }
        FieldKind::Number {
            min: Some(min),
            max: Some(max),
        } if min > max => out_of_range("max"),
        FieldKind::Rating { max } if !limits::RATING_MAX.contains(max) => out_of_range("max"),
        FieldKind::SingleChoice { options, .. } => check_options(errors, options, key),
        FieldKind::MultipleChoice { options, min, max } => {
            check_options(errors, options, key);
            let count = options.len();
            let most = max.map_or(count, |max| (max as usize).min(count));
            if *min as usize > most {
                validate::push(errors, &key("min"), validate::OUT_OF_RANGE);
            }
            if max.is_some_and(|max| max == 0 || max as usize > count) {
                validate::push(errors, &key("max"), validate::OUT_OF_RANGE);
            }
        }
        FieldKind::Image { accept, max_bytes } => {
            if accept.is_empty()
                || accept
                    .iter()
                    .any(|t| !limits::IMAGE_TYPES.contains(&t.as_str()))
            {
                validate::push(errors, &key("accept"), validate::INVALID);
            }
            if !(1..=limits::IMAGE_BYTES_MAX).contains(max_bytes) {
                validate::push(errors, &key("max_bytes"), validate::OUT_OF_RANGE);
            }
        }
        FieldKind::Consent { text } => {
            validate::text(errors, &key("text"), text, 1, limits::TEXT_MAX);
        }
        FieldKind::Description { text } => {
            validate::text(errors, &key("text"), text, 1, limits::TEXT_MAX);
        }
        FieldKind::Hidden {
            from: HiddenSource::Attribute(name),
        } if !is_attribute_name(name) => {
            validate::push(errors, &key("from"), validate::INVALID);
        }
        FieldKind::Date { min, max } => {
            let mut day = |setting: &str, text: &Option<String>| {
                let text = text.as_deref()?;
                let day = Day::parse(text);
                if day.is_none() {
                    validate::push(errors, &key(setting), validate::INVALID);
                }
                day
            };
            if let (Some(min), Some(max)) = (day("min", min), day("max", max)) {
                if min > max {
                    validate::push(errors, &key("max"), validate::OUT_OF_RANGE);
                }
            }
        }
        _ => {}
    }
}

/// Checks a text field's limits: a `max_len` from 1 to `most`, a `min_len` no more than it.
fn check_lengths(
    errors: &mut FieldErrors,
    min_len: u32,
    max_len: u32,
    most: u32,
    key: &dyn Fn(&str) -> String,
) {
    if !(1..=most).contains(&max_len) {
        validate::push(errors, &key("max_len"), validate::OUT_OF_RANGE);
    } else if min_len > max_len {
        validate::push(errors, &key("min_len"), validate::OUT_OF_RANGE);
    }
}

/// Whether `name` can name a `data-` attribute a hidden field reads: 1 to
/// [`limits::NAME_MAX`] lowercase ASCII letters, digits and `-`, starting with a letter.
fn is_attribute_name(name: &str) -> bool {
    (1..=limits::NAME_MAX).contains(&name.len())
        && name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Checks a choice field's options: some, not too many, each with a value and a label, no
/// value twice.
fn check_options(errors: &mut FieldErrors, options: &[ChoiceOption], key: &dyn Fn(&str) -> String) {
    let key = key("options");
    if options.is_empty() {
        validate::push(errors, &key, validate::REQUIRED);
    } else if options.len() > limits::OPTIONS_MAX {
        validate::push(errors, &key, validate::TOO_MANY);
    }
    let mut values = HashSet::new();
    for option in options {
        let blank = |text: &str| text.trim().is_empty() || text.chars().count() > limits::LABEL_MAX;
        if blank(&option.value) || blank(&option.label) {
            validate::push(errors, &key, validate::INVALID);
        }
        if !values.insert(option.value.as_str()) {
            validate::push(errors, &key, validate::DUPLICATE);
        }
    }
}
