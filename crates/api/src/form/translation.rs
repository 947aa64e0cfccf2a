//! A form's words in other languages: the brand writes the form once, in its own language,
//! and adds the titles, labels, help, options and messages a visitor reads in each other
//! language it serves. The widget shows a form in its own locale where the form has words
//! for it, and falls back to the form's own words, question by question, where it has not.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::schema::{limits, ChoiceOption, FieldKind, FormSchema};
use crate::validate::{self, FieldErrors};

/// A form's words in one language; anything left out stays as the form says it.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormTexts {
    /// The heading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The introduction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The send button's text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submit_label: Option<String>,
    /// What the visitor reads after sending.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success_message: Option<String>,
    /// The questions' words, by field name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, FieldTexts>,
}

/// One question's words in one language.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldTexts {
    /// The question (a page break's: the page's title).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The hint under it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// A short text's placeholder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub placeholder: Option<String>,
    /// A consent's or a description's text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// A choice's option labels, by option value.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub options: BTreeMap<String, String>,
}

impl FormSchema {
    /// The form in `locale` (a language tag such as `de` or `pt-BR`): the words of its
    /// translation for that tag, or else for its language alone (`pt` for `pt-BR`), over
    /// its own. The result carries no translations.
    pub fn localized(&self, locale: &str) -> FormSchema {
        let mut form = self.clone();
        let translations = std::mem::take(&mut form.translations);
        let locale = locale.to_ascii_lowercase();
        let language = locale.split('-').next().unwrap_or_default();
        let texts = translations
            .iter()
            .find(|(tag, _)| tag.to_ascii_lowercase() == locale)
            .or_else(|| {
                translations
                    .iter()
                    .find(|(tag, _)| tag.to_ascii_lowercase() == language)
            });
        let Some((_, texts)) = texts else {
            return form;
        };
        replace(&mut form.title, &texts.title);
        replace(&mut form.description, &texts.description);
        if texts.submit_label.is_some() {
            form.submit_label.clone_from(&texts.submit_label);
        }
        if texts.success_message.is_some() {
            form.success_message.clone_from(&texts.success_message);
        }
        for field in &mut form.fields {
            let Some(words) = texts.fields.get(&field.name) else {
                continue;
            };
            replace(&mut field.label, &words.label);
            replace(&mut field.help, &words.help);
            match &mut field.kind {
                FieldKind::ShortText { placeholder, .. } if words.placeholder.is_some() => {
                    placeholder.clone_from(&words.placeholder);
                }
                FieldKind::Consent { text } | FieldKind::Description { text } => {
                    replace(text, &words.text);
                }
                FieldKind::SingleChoice { options, .. }
                | FieldKind::MultipleChoice { options, .. } => {
                    for option in options {
                        if let Some(label) = words.options.get(&option.value) {
                            option.label.clone_from(label);
                        }
                    }
                }
                _ => {}
            }
        }
        form
    }

    /// Checks the translations: language tags, fields and options the form has, words of
    /// the lengths the form's own may have. Errors are keyed
    /// `translations.<tag>[.fields.<name>].<setting>`.
    pub(super) fn check_translations(&self, errors: &mut FieldErrors) {
        for (tag, texts) in &self.translations {
            let key = |setting: &str| format!("translations.{tag}.{setting}");
            if !is_language_tag(tag) {
                validate::push(errors, &format!("translations.{tag}"), validate::INVALID);
            }
            let labels = [
                ("title", &texts.title, limits::LABEL_MAX),
                ("description", &texts.description, limits::TEXT_MAX),
                ("submit_label", &texts.submit_label, limits::LABEL_MAX),
                ("success_message", &texts.success_message, limits::TEXT_MAX),
            ];
            check_words(errors, &key, labels);
            for (name, words) in &texts.fields {
                let key = |setting: &str| key(&format!("fields.{name}.{setting}"));
                let Some(field) = self.field(name) else {
                    validate::push(errors, &key("label"), validate::UNKNOWN_FIELD);
                    continue;
                };
                check_words(
                    errors,
                    &key,
                    [
                        ("label", &words.label, limits::LABEL_MAX),
                        ("help", &words.help, limits::TEXT_MAX),
                        ("placeholder", &words.placeholder, limits::LABEL_MAX),
                        ("text", &words.text, limits::TEXT_MAX),
                    ],
                );
                let fits = match &field.kind {
                    FieldKind::ShortText { .. } => words.text.is_none(),
                    FieldKind::Consent { .. } | FieldKind::Description { .. } => {
                        words.placeholder.is_none()
                    }
                    _ => words.placeholder.is_none() && words.text.is_none(),
                };
                if !fits {
                    validate::push(errors, &key("kind"), validate::WRONG_TYPE);
                }
                let options: &[ChoiceOption] = match &field.kind {
                    FieldKind::SingleChoice { options, .. }
                    | FieldKind::MultipleChoice { options, .. } => options,
                    _ => &[],
                };
                for (value, label) in &words.options {
                    if !options.iter().any(|option| &option.value == value) {
                        validate::push(errors, &key("options"), validate::NOT_AN_OPTION);
                    } else if label.trim().is_empty() || label.chars().count() > limits::LABEL_MAX {
                        validate::push(errors, &key("options"), validate::INVALID);
                    }
                }
            }
        }
    }
}

/// Puts `words` in place of `text` when there are some.
fn replace(text: &mut String, words: &Option<String>) {
    if let Some(words) = words {
        text.clone_from(words);
    }
}

/// Checks each of `words` that is given: not blank, at most its number of characters.
fn check_words<const N: usize>(
    errors: &mut FieldErrors,
    key: &dyn Fn(&str) -> String,
    words: [(&str, &Option<String>, usize); N],
) {
    for (setting, text, max) in words {
        if let Some(text) = text {
            validate::text(errors, &key(setting), text, 1, max);
        }
    }
}

/// Whether `tag` is a language tag as a form keys its translations: a language of 2 or 3
/// lowercase letters, then optional subtags of 2 to 8 letters or digits after `-`
/// (`de`, `pt-BR`, `zh-Hant`).
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let language = parts.next().unwrap_or_default();
    (2..=3).contains(&language.len())
        && language.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|part| {
            (2..=8).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_alphanumeric())
        })
}
