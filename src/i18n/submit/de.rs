//! Proposing an idea, in German.

use super::SubmitText;
use crate::i18n::{Catalog, German};
use crate::ideas::submit::FieldIssue;
use crate::ideas::Action;

impl SubmitText for German {
    fn propose_idea(&self) -> &'static str {
        "Idee vorschlagen"
    }

    fn title_label(&self) -> &'static str {
        "Titel"
    }

    fn body_label(&self) -> &'static str {
        "Beschreibung"
    }

    fn tags_label(&self) -> &'static str {
        "Schlagwörter (optional)"
    }

    fn tags_hint(&self) -> &'static str {
        "Schlagwörter durch Kommas trennen."
    }

    fn honeypot_label(&self) -> &'static str {
        "Dieses Feld leer lassen"
    }

    fn post_idea(&self) -> &'static str {
        "Idee senden"
    }

    fn posting(&self) -> &'static str {
        "Wird gesendet …"
    }

    fn field_issue(&self, issue: FieldIssue) -> String {
        let n = |n: usize| self.number(u32::try_from(n).unwrap_or(u32::MAX));
        match issue {
            FieldIssue::Required => "Bitte ausfüllen.".into(),
            FieldIssue::TooShort(min) => format!("Mindestens {} Zeichen.", n(min)),
            FieldIssue::TooLong(max) => format!("Höchstens {} Zeichen.", n(max)),
            FieldIssue::TooManyTags(max) => format!("Höchstens {} Schlagwörter.", n(max)),
            FieldIssue::BadTag(max) => {
                format!("Jedes Schlagwort braucht 1 bis {} Zeichen.", n(max))
            }
            FieldIssue::Invalid => "Bitte dieses Feld prüfen.".into(),
        }
    }

    fn reviewed_first(&self) -> &'static str {
        "Ideen auf dieser Tafel erscheinen, sobald eine Moderation sie geprüft hat."
    }

    fn submit_failed(&self) -> &'static str {
        "Deine Idee wurde nicht gesendet."
    }

    fn similar_while_typing(&self) -> &'static str {
        "Schon vorgeschlagen? Stimme stattdessen dafür"
    }

    fn similar_found(&self, n: u32) -> String {
        format!("Ähnliche Ideen gefunden: {}", self.number(n))
    }

    fn pending_review(&self) -> &'static str {
        "Danke! Deine Idee erscheint, sobald sie geprüft wurde."
    }

    fn signin_needed(&self, action: Action) -> &'static str {
        match action {
            Action::Submit => "Melde dich an, um eine Idee vorzuschlagen.",
            Action::Vote => "Melde dich an, um abzustimmen.",
            Action::Comment => "Melde dich an, um zu kommentieren.",
            Action::Share => "Melde dich an, um ein Foto zu teilen.",
        }
    }

    fn signin(&self) -> &'static str {
        "Anmelden"
    }
}
