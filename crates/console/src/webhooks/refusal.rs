//! What was refused in a webhook form, kept where each field can show its own part: the codes
//! the rules or the server gave per field, and a message for a refusal that names no field.

use kindred_api::FieldErrors;
use leptos::prelude::*;

use crate::api::ApiError;
use crate::text;

/// A form's refusal: empty until a send is refused, cleared by the next edit.
#[derive(Clone, Copy, Debug)]
pub struct Refusal {
    fields: RwSignal<FieldErrors>,
    message: RwSignal<Option<String>>,
}

impl Refusal {
    /// Nothing refused yet.
    pub fn new() -> Self {
        Self {
            fields: RwSignal::new(FieldErrors::new()),
            message: RwSignal::new(None),
        }
    }

    /// Forgets what was refused.
    pub fn clear(self) {
        self.fields.set(FieldErrors::new());
        self.message.set(None);
    }

    /// Keeps what the rules said of each field, before anything was sent.
    pub fn rules(self, fields: FieldErrors) {
        self.fields.set(fields);
    }

    /// Keeps what the server said: by field when it named fields, else its message.
    pub fn server(self, error: &ApiError) {
        match error.fields().filter(|fields| !fields.is_empty()) {
            Some(fields) => _ = self.fields.try_set(fields.clone()),
            None => _ = self.message.try_set(Some(error.message())),
        }
    }

    /// What is wrong with `field`, in the moderator's words, if anything.
    pub fn on(self, field: &str) -> Option<String> {
        self.fields.with(|fields| {
            let codes = fields.get(field).filter(|codes| !codes.is_empty())?;
            let said: Vec<_> = codes
                .iter()
                .map(|code| format!("{} {}", text::webhook_field(field), text::problem(code)))
                .collect();
            Some(said.join(" "))
        })
    }

    /// The refusal that names no field, if there was one.
    pub fn message(self) -> Option<String> {
        self.message.get()
    }
}

impl Default for Refusal {
    fn default() -> Self {
        Self::new()
    }
}
