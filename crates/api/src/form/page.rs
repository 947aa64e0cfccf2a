//! Multi-step forms: page breaks split a form's fields into pages, and a page's answers are
//! checked on their own before the visitor goes on, by the same rules as the whole form.

use std::ops::Range;

use super::schema::{FieldKind, FormSchema};
use super::submission::Submission;
use crate::validate::FieldErrors;

impl FormSchema {
    /// The form's pages, as ranges of [`FormSchema::fields`]: each page after the first
    /// starts with the page break that titles it. A form without page breaks is one page.
    pub fn pages(&self) -> Vec<Range<usize>> {
        let mut pages = Vec::new();
        let mut start = 0;
        for (index, field) in self.fields.iter().enumerate().skip(1) {
            if field.kind == FieldKind::PageBreak {
                pages.push(start..index);
                start = index;
            }
        }
        pages.push(start..self.fields.len());
        pages
    }

    /// Whether page `page` shows anything, given `answers`: a page whose questions all
    /// depend on answers that call for none of them, or hold only hidden fields, is skipped.
    pub fn shows_page(&self, page: usize, answers: &Submission) -> bool {
        let Some(range) = self.pages().get(page).cloned() else {
            return false;
        };
        let asked = self.asked(answers);
        self.fields[range]
            .iter()
            .filter(|field| !matches!(field.kind, FieldKind::PageBreak | FieldKind::Hidden { .. }))
            .any(|field| asked.contains(field.name.as_str()))
    }

    /// Checks the answers to page `page`'s questions, as [`FormSchema::validate`] checks
    /// them within the whole form (so a condition on an earlier page's answer counts):
    /// the errors of that page's fields only.
    pub fn validate_page(&self, answers: &Submission, page: usize) -> Result<(), FieldErrors> {
        let Err(mut errors) = self.validate(answers) else {
            return Ok(());
        };
        let range = self.pages().get(page).cloned().unwrap_or_default();
        let on_page: Vec<&str> = self.fields[range]
            .iter()
            .map(|field| field.name.as_str())
            .collect();
        errors.retain(|name, _| on_page.contains(&name.as_str()));
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}
