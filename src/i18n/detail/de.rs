//! An idea's detail view, in German.

use kindred_api::comment::{BODY_MAX, NESTED_REPLY};
use kindred_api::validate::{INVALID, REQUIRED, TOO_LONG};

use super::DetailText;
use crate::client::ClientError;
use crate::i18n::{Catalog, German};

impl DetailText for German {
    fn back_to_ideas(&self) -> &'static str {
        "Zurück zu den Ideen"
    }

    fn loading_idea(&self) -> &'static str {
        "Die Idee wird geladen …"
    }

    fn idea_gone(&self) -> &'static str {
        "Diese Idee gibt es nicht mehr."
    }

    fn idea_failed(&self) -> &'static str {
        "Die Idee konnte nicht geladen werden."
    }

    fn duplicate_notice(&self) -> &'static str {
        "Diese Idee wiederholt eine frühere."
    }

    fn open_original(&self) -> &'static str {
        "Zur ursprünglichen Idee"
    }

    fn history_heading(&self) -> &'static str {
        "Statusverlauf"
    }

    fn status_moved(&self, from: &str, to: &str) -> String {
        format!("Von „{from}“ zu „{to}“ gewechselt")
    }

    fn comments_heading(&self) -> &'static str {
        "Kommentare"
    }

    fn loading_comments(&self) -> &'static str {
        "Kommentare werden geladen …"
    }

    fn comments_failed(&self) -> &'static str {
        "Die Kommentare konnten nicht geladen werden."
    }

    fn no_comments(&self) -> &'static str {
        "Noch keine Kommentare. Schreib den ersten."
    }

    fn reply(&self) -> &'static str {
        "Antworten"
    }

    fn reply_to(&self, name: &str) -> String {
        format!("Antworten an {name}")
    }

    fn replies_to(&self, name: &str) -> String {
        format!("Antworten auf {name}")
    }

    fn comment_field(&self) -> &'static str {
        "Dein Kommentar"
    }

    fn reply_field(&self, name: &str) -> String {
        format!("Deine Antwort an {name}")
    }

    fn post_comment(&self) -> &'static str {
        "Kommentar senden"
    }

    fn post_reply(&self) -> &'static str {
        "Antwort senden"
    }

    fn cancel(&self) -> &'static str {
        "Abbrechen"
    }

    fn comment_posted(&self) -> &'static str {
        "Dein Kommentar wurde veröffentlicht."
    }

    fn comment_pending(&self) -> &'static str {
        "Danke! Dein Kommentar erscheint, sobald die Moderation ihn freigibt."
    }

    fn awaiting_review(&self) -> &'static str {
        "Wird geprüft"
    }

    fn comment_failed(&self, error: &ClientError) -> String {
        format!(
            "Dein Kommentar wurde nicht gesendet. {}",
            self.problem(error)
        )
    }

    fn comments_closed(&self) -> &'static str {
        "Du kannst hier gerade nicht kommentieren: Kommentare sind ausgeschaltet oder nur für angemeldete Mitglieder offen."
    }

    fn comment_error(&self, code: &str) -> String {
        match code {
            REQUIRED => "Schreib zuerst deinen Kommentar.".into(),
            TOO_LONG => format!("Bitte höchstens {} Zeichen.", self.number(BODY_MAX as u32)),
            INVALID => "So kann das nicht gesendet werden.".into(),
            NESTED_REPLY => {
                "Auf Antworten kann man nicht antworten; antworte auf den Kommentar darüber.".into()
            }
            _ => "Bitte prüfe das und versuche es erneut.".into(),
        }
    }

    fn similar_heading(&self) -> &'static str {
        "Ähnliche Ideen"
    }
}
