//! The idea a visitor is writing, kept pure so its rules are tested without a browser: what
//! the form sends, which field errors it shows (its own and the server's), and when a title
//! is worth looking up among the ideas already on the board.

use kindred_api::idea::limits;
use kindred_api::{validate, CreateIdea, FieldErrors};

/// Fewest letters in a title before similar ideas are looked up.
const SEARCH_MIN_LETTERS: usize = 3;

/// A field of the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// The one-line title.
    Title,
    /// The description.
    Body,
    /// The comma-separated tags.
    Tags,
}

impl Field {
    /// Every field, in the form's order.
    pub const ALL: [Self; 3] = [Self::Title, Self::Body, Self::Tags];

    /// The field's name on the wire, as in a `validation_failed` body.
    pub fn name(self) -> &'static str {
        match self {
            Self::Title => "title",
            Self::Body => "body",
            Self::Tags => "tags",
        }
    }

    /// Most characters the field takes, for its counter and its input's `maxlength`.
    pub fn max_chars(self) -> usize {
        match self {
            Self::Title => limits::TITLE_MAX,
            Self::Body => limits::BODY_MAX,
            // Every tag at its longest, with a comma and a space between them.
            Self::Tags => limits::TAGS_MAX * (limits::TAG_MAX + 2),
        }
    }
}

/// What is wrong with a field, with the limit a visitor needs to fix it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldIssue {
    /// The field is empty but must not be.
    Required,
    /// Fewer characters than the number given.
    TooShort(usize),
    /// More characters than the number given.
    TooLong(usize),
    /// More tags than the number given.
    TooManyTags(usize),
    /// A tag is blank or longer than the number of characters given.
    BadTag(usize),
    /// Anything else the server did not like.
    Invalid,
}

impl FieldIssue {
    /// The issue a server or validation `code` on `field` amounts to.
    pub fn of(field: Field, code: &str) -> Self {
        match (field, code) {
            (_, validate::REQUIRED) => Self::Required,
            (Field::Title, validate::TOO_SHORT) => Self::TooShort(limits::TITLE_MIN),
            (Field::Tags, validate::TOO_MANY) => Self::TooManyTags(limits::TAGS_MAX),
            (Field::Tags, validate::INVALID) => Self::BadTag(limits::TAG_MAX),
            (field, validate::TOO_LONG) => Self::TooLong(field.max_chars()),
            _ => Self::Invalid,
        }
    }

    /// The issues `errors` lists for `field`, in their order.
    pub fn all_of(errors: &FieldErrors, field: Field) -> Vec<Self> {
        errors
            .get(field.name())
            .map(|codes| codes.iter().map(|code| Self::of(field, code)).collect())
            .unwrap_or_default()
    }
}

/// What the visitor has typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Draft {
    /// The title.
    pub title: String,
    /// The description.
    pub body: String,
    /// Tags separated by commas.
    pub tags: String,
    /// The honeypot, which people never see.
    pub website: String,
}

impl Draft {
    /// The submission the draft makes: texts trimmed, tags split on commas without blanks
    /// or repeats.
    pub fn to_idea(&self) -> CreateIdea {
        CreateIdea {
            title: self.title.trim().to_owned(),
            body: self.body.trim().to_owned(),
            tags: tags(&self.tags),
            website: self.website.clone(),
        }
    }
}

/// The tags in comma-separated `text`, trimmed, without blanks or repeats.
fn tags(text: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for tag in text.split(',').map(str::trim).filter(|tag| !tag.is_empty()) {
        if !tags.iter().any(|seen| seen.eq_ignore_ascii_case(tag)) {
            tags.push(tag.to_owned());
        }
    }
    tags
}

/// Whether a title has enough letters to look up similar ideas.
pub fn worth_searching(title: &str) -> bool {
    title.chars().filter(|c| c.is_alphabetic()).count() >= SEARCH_MIN_LETTERS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_is_trimmed_and_its_tags_split() {
        let draft = Draft {
            title: "  Reflective laces ".into(),
            body: "\nFor dawn runs.\n".into(),
            tags: "safety, , Night,safety ,night".into(),
            website: String::new(),
        };
        let idea = draft.to_idea();
        assert_eq!(idea.title, "Reflective laces");
        assert_eq!(idea.body, "For dawn runs.");
        assert_eq!(idea.tags, ["safety", "Night"]);
        assert_eq!(idea.validate(), Ok(()));
    }

    #[test]
    fn validation_codes_become_issues_with_their_limits() {
        let idea = Draft {
            title: "ab".into(),
            tags: "a, b, c, d, e, f".into(),
            ..Draft::default()
        }
        .to_idea();
        let errors = idea.validate().unwrap_err();
        assert_eq!(
            FieldIssue::all_of(&errors, Field::Title),
            [FieldIssue::TooShort(limits::TITLE_MIN)]
        );
        assert_eq!(
            FieldIssue::all_of(&errors, Field::Tags),
            [FieldIssue::TooManyTags(limits::TAGS_MAX)]
        );
        assert!(FieldIssue::all_of(&errors, Field::Body).is_empty());
        assert_eq!(
            FieldIssue::of(Field::Body, "too_long"),
            FieldIssue::TooLong(limits::BODY_MAX)
        );
        assert_eq!(
            FieldIssue::of(Field::Title, "required"),
            FieldIssue::Required
        );
        assert_eq!(FieldIssue::of(Field::Body, "spam"), FieldIssue::Invalid);
    }

    #[test]
    fn titles_are_looked_up_from_three_letters() {
        assert!(!worth_searching(""));
        assert!(!worth_searching("a 1 b 2"));
        assert!(worth_searching("abc"));
        assert!(worth_searching("  lä ß "));
    }
}
