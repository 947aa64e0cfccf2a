//! Proposing an idea, in English.

use super::SubmitText;
use crate::i18n::{Catalog, English};
use crate::ideas::submit::FieldIssue;
use crate::ideas::Action;

impl SubmitText for English {
    fn propose_idea(&self) -> &'static str {
        "Propose an idea"
    }

    fn title_label(&self) -> &'static str {
        "Title"
    }

    fn body_label(&self) -> &'static str {
        "Description"
    }

    fn tags_label(&self) -> &'static str {
        "Tags (optional)"
    }

    fn tags_hint(&self) -> &'static str {
        "Separate tags with commas."
    }

    fn honeypot_label(&self) -> &'static str {
        "Leave this field empty"
    }

    fn post_idea(&self) -> &'static str {
        "Post idea"
    }

    fn posting(&self) -> &'static str {
        "Posting…"
    }

    fn field_issue(&self, issue: FieldIssue) -> String {
        let n = |n: usize| self.number(u32::try_from(n).unwrap_or(u32::MAX));
        match issue {
            FieldIssue::Required => "Please fill this in.".into(),
            FieldIssue::TooShort(min) => format!("Use at least {} characters.", n(min)),
            FieldIssue::TooLong(max) => format!("Use at most {} characters.", n(max)),
            FieldIssue::TooManyTags(max) => format!("Use at most {} tags.", n(max)),
            FieldIssue::BadTag(max) => {
                format!("Each tag needs 1 to {} characters.", n(max))
            }
            FieldIssue::Invalid => "Please check this field.".into(),
        }
    }

    fn reviewed_first(&self) -> &'static str {
        "Ideas on this board appear once a moderator has reviewed them."
    }

    fn submit_failed(&self) -> &'static str {
        "Your idea wasn’t posted."
    }

    fn similar_while_typing(&self) -> &'static str {
        "Already proposed? Vote for it instead"
    }

    fn similar_found(&self, n: u32) -> String {
        format!("Similar ideas found: {}", self.number(n))
    }

    fn pending_review(&self) -> &'static str {
        "Thanks! Your idea will appear once it has been reviewed."
    }

    fn signin_needed(&self, action: Action) -> &'static str {
        match action {
            Action::Submit => "Sign in to propose an idea.",
            Action::Vote => "Sign in to vote.",
            Action::Comment => "Sign in to comment.",
            Action::Share => "Sign in to share a photo.",
        }
    }

    fn signin(&self) -> &'static str {
        "Sign in"
    }
}
