//! A form's answers while the visitor fills it in, and the body that sends them: JSON, or
//! `multipart/form-data` with the chosen photos as file parts.

use std::collections::HashMap;

use kindred_api::{Answer, FieldKind, FormSchema, ImageAnswer, Submission, SubmitForm};
use leptos::prelude::*;
use web_sys::File;

use super::page_facts::PageFacts;
use crate::client::{json, Body};

/// What the visitor has answered so far, by field name, with the photos they chose.
#[derive(Clone, Copy)]
pub struct FormAnswers {
    answers: RwSignal<Submission>,
    photos: StoredValue<HashMap<String, File>, LocalStorage>,
    /// The honeypot, which people never see.
    pub website: RwSignal<String>,
}

impl Default for FormAnswers {
    fn default() -> Self {
        Self {
            answers: RwSignal::new(Submission::new()),
            photos: StoredValue::new_local(HashMap::new()),
            website: RwSignal::new(String::new()),
        }
    }
}

impl FormAnswers {
    /// The answer to field `name`, if any (tracked).
    pub fn get(self, name: &str) -> Option<Answer> {
        self.answers.with(|answers| answers.get(name).cloned())
    }

    /// The text typed into field `name`, empty when there is none (tracked). Numbers are
    /// kept as typed until the answers are checked (see [`Self::submission`]).
    pub fn text(self, name: &str) -> String {
        self.answers.with(|answers| match answers.get(name) {
            Some(Answer::Text(text)) => text.clone(),
            _ => String::new(),
        })
    }

    /// Answers field `name` with `answer`, or clears it.
    pub fn set(self, name: &str, answer: Option<Answer>) {
        self.answers.update(|answers| match answer {
            Some(answer) => _ = answers.insert(name.to_owned(), answer),
            None => _ = answers.remove(name),
        });
    }

    /// Answers photo field `name` with `file`, described by its type and size, or clears it.
    pub fn choose_photo(self, name: &str, file: Option<File>) {
        let answer = file.as_ref().map(|file| {
            Answer::Image(ImageAnswer {
                media_type: file.type_(),
                bytes: file.size() as u64,
                image: None,
            })
        });
        self.photos.update_value(|photos| match file {
            Some(file) => _ = photos.insert(name.to_owned(), file),
            None => _ = photos.remove(name),
        });
        self.set(name, answer);
    }

    /// Answers `schema`'s hidden fields from what `facts` say of the page, leaving those the
    /// page says nothing of unanswered.
    pub fn fill_hidden(self, schema: &FormSchema, facts: &PageFacts) {
        for field in &schema.fields {
            if let FieldKind::Hidden { from } = &field.kind {
                self.set(&field.name, facts.answer(from).map(Answer::Text));
            }
        }
    }

    /// The photo chosen for field `name`, if any.
    pub fn photo(self, name: &str) -> Option<File> {
        self.photos.with_value(|photos| photos.get(name).cloned())
    }

    /// Everything answered so far to `schema`'s questions, numbers read from what was typed
    /// (untracked).
    pub fn submission(self, schema: &FormSchema) -> Submission {
        let mut answers = self.answers.get_untracked();
        for field in &schema.fields {
            if let (FieldKind::Number { .. }, Some(Answer::Text(text))) =
                (&field.kind, answers.get(&field.name))
            {
                match number_answer(text) {
                    Some(answer) => _ = answers.insert(field.name.clone(), answer),
                    None => _ = answers.remove(&field.name),
                }
            }
        }
        answers
    }

    /// Everything answered so far, as typed (untracked).
    pub fn typed(self) -> Submission {
        self.answers.get_untracked()
    }

    /// Has the running effect or memo run again whenever an answer changes.
    pub fn track(self) {
        self.answers.track();
    }

    /// Whether `schema` asks field `name` given the answers so far (tracked): a field with a
    /// condition comes and goes as earlier answers change.
    pub fn asks(self, schema: &FormSchema, name: &str) -> bool {
        self.track();
        schema.asked(&self.submission(schema)).contains(name)
    }

    /// The request body sending `answers`: JSON, or multipart when a photo goes with them.
    pub fn body(self, answers: Submission) -> Body {
        let website = self.website.get_untracked();
        let photos: Vec<(String, File)> = self.photos.with_value(|photos| {
            photos
                .iter()
                .filter(|(name, _)| answers.contains_key(*name))
                .map(|(name, file)| (name.clone(), file.clone()))
                .collect()
        });
        let form = SubmitForm { answers, website };
        if photos.is_empty() {
            return Body::Json(json(&form));
        }
        let Ok(parts) = web_sys::FormData::new() else {
            return Body::Json(json(&form));
        };
        _ = parts.append_with_str("answers", &json(&form.answers));
        if !form.website.is_empty() {
            _ = parts.append_with_str("website", &form.website);
        }
        for (name, file) in photos {
            _ = parts.append_with_blob_and_filename(&name, &file, &file.name());
        }
        Body::Multipart(parts)
    }
}

/// The answer a number field's `text` makes: a number (a decimal comma read as a point),
/// nothing when blank, or the text itself, which the rules refuse as not a number.
pub fn number_answer(text: &str) -> Option<Answer> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    match text.replace(',', ".").parse::<f64>() {
        Ok(number) if number.is_finite() => Some(Answer::Number(number)),
        _ => Some(Answer::Text(text.to_owned())),
    }
}

/// The option values of a multiple choice after `value` is ticked or unticked, in the
/// order of `options`.
pub fn toggled(picked: &[String], value: &str, on: bool, options: &[String]) -> Vec<String> {
    options
        .iter()
        .filter(|option| {
            if option.as_str() == value {
                on
            } else {
                picked.contains(option)
            }
        })
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_read_with_either_decimal_mark() {
        assert_eq!(number_answer(" 9.5 "), Some(Answer::Number(9.5)));
        assert_eq!(number_answer("9,5"), Some(Answer::Number(9.5)));
        assert_eq!(number_answer("  "), None);
        assert_eq!(number_answer("nine"), Some(Answer::Text("nine".into())));
        assert_eq!(number_answer("inf"), Some(Answer::Text("inf".into())));
    }

    #[test]
    fn choices_keep_the_options_order() {
        let options = ["mud", "rock", "snow"].map(String::from);
        let picked = vec!["snow".to_owned()];
        assert_eq!(toggled(&picked, "mud", true, &options), ["mud", "snow"]);
        assert_eq!(
            toggled(&picked, "snow", false, &options),
            Vec::<String>::new()
        );
    }
}
