//! A form's draft: what a visitor has answered so far and the page they are on, kept in the
//! browser's storage as they go, so a reload, a crash or a return days later finds them in
//! place; cleared once the form is sent. Photos are files a page cannot keep, and hidden
//! answers come from the page itself, so neither is kept. Where storage is blocked the
//! draft lasts as long as the page.

use kindred_api::{Answer, FieldKind, FormSchema, Submission};
use serde::{Deserialize, Serialize};

use crate::client::ApiBase;

/// What a draft holds.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    /// The answers so far, as typed.
    pub answers: Submission,
    /// The page the visitor is on, counted from 0.
    #[serde(default)]
    pub page: usize,
}

impl Draft {
    /// The draft of `answers` to `schema` on `page`: only what the visitor answered
    /// themselves, to questions the form still asks (no photos, no hidden answers).
    pub fn of(schema: &FormSchema, answers: &Submission, page: usize) -> Self {
        let answers = answers
            .iter()
            .filter(|(name, answer)| {
                let field = schema.field(name);
                field.is_some_and(|field| {
                    field.kind.takes_answer()
                        && !matches!(field.kind, FieldKind::Hidden { .. })
                        && !matches!(answer, Answer::Image(_))
                })
            })
            .map(|(name, answer)| (name.clone(), answer.clone()))
            .collect();
        Self { answers, page }
    }

    /// Whether there is nothing worth keeping.
    pub fn is_empty(&self) -> bool {
        self.answers.is_empty() && self.page == 0
    }
}

/// Where one form's draft is kept: per API and form, shared by every widget of that form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormDraft {
    key: String,
}

impl FormDraft {
    /// The draft of form `form` on the API at `api`.
    pub fn new(api: &ApiBase, form: &str) -> Self {
        Self {
            key: format!("kindred:form-draft:{}:{form}", api.as_str()),
        }
    }

    /// The draft kept, if any (and readable).
    pub fn load(&self) -> Option<Draft> {
        let text = storage()?.get_item(&self.key).ok().flatten()?;
        serde_json::from_str(&text).ok()
    }

    /// Keeps `draft`, or forgets the one kept when there is nothing in it.
    pub fn save(&self, draft: &Draft) {
        let Some(storage) = storage() else { return };
        if draft.is_empty() {
            _ = storage.remove_item(&self.key);
        } else if let Ok(text) = serde_json::to_string(draft) {
            // A full storage only means the draft is not kept.
            _ = storage.set_item(&self.key, &text);
        }
    }

    /// Forgets the draft, once the form is sent.
    pub fn clear(&self) {
        if let Some(storage) = storage() {
            _ = storage.remove_item(&self.key);
        }
    }
}

/// The page's storage: any step may throw where storage is blocked.
fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|window| window.local_storage().ok().flatten())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_keeps_what_the_visitor_typed_and_nothing_else() {
        let schema: FormSchema = serde_json::from_value(serde_json::json!({
            "slug": "s", "title": "S",
            "fields": [
                { "name": "name", "label": "Name", "kind": { "type": "short_text", "max_len": 9 } },
                { "name": "size", "label": "Size", "kind": { "type": "number" } },
                { "name": "photo", "label": "Photo",
                  "kind": { "type": "image", "accept": ["image/*"], "max_bytes": 10 } },
                { "name": "product", "label": "Product", "kind": { "type": "hidden", "from": "product" } }
            ]
        }))
        .unwrap();
        let answers: Submission = serde_json::from_value(serde_json::json!({
            "name": "Ana", "size": "9,5", "product": "summit-3", "gone": "x",
            "photo": { "media_type": "image/png", "bytes": 5 }
        }))
        .unwrap();
        let draft = Draft::of(&schema, &answers, 1);
        assert_eq!(
            serde_json::to_value(&draft).unwrap(),
            serde_json::json!({ "answers": { "name": "Ana", "size": "9,5" }, "page": 1 })
        );
        let back: Draft = serde_json::from_str(&serde_json::to_string(&draft).unwrap()).unwrap();
        assert_eq!(back, draft);
        assert!(Draft::of(&schema, &Submission::new(), 0).is_empty());
        assert!(!Draft::of(&schema, &Submission::new(), 1).is_empty());
        let old: Draft = serde_json::from_str(r#"{"answers":{"name":"Ana"}}"#).unwrap();
        assert_eq!(old.page, 0);
    }
}
