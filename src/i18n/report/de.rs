//! Reporting a post, in German.

use kindred_api::ReportReason;

use super::ReportText;
use crate::client::ClientError;
use crate::i18n::{Catalog, German};

impl ReportText for German {
    fn report_post(&self) -> &'static str {
        "Melden"
    }

    fn report_question(&self) -> &'static str {
        "Warum meldest du dieses Foto?"
    }

    fn report_reason(&self, reason: ReportReason) -> &'static str {
        match reason {
            ReportReason::Spam => "Spam oder Werbung",
            ReportReason::Offensive => "Beleidigend oder schädlich",
            ReportReason::Rights => "Ohne Erlaubnis der Urheberin oder des Urhebers gepostet",
            ReportReason::Other => "Etwas anderes",
        }
    }

    fn report_reason_needed(&self) -> &'static str {
        "Wähle einen Grund."
    }

    fn report_note(&self) -> &'static str {
        "Sollen unsere Moderatorinnen und Moderatoren noch etwas wissen? (optional)"
    }

    fn send_report(&self) -> &'static str {
        "Meldung senden"
    }

    fn sending_report(&self) -> &'static str {
        "Wird gesendet …"
    }

    fn cancel_report(&self) -> &'static str {
        "Abbrechen"
    }

    fn report_sent(&self) -> &'static str {
        "Danke. Unsere Moderation sieht sich das Foto an; für dich ist es jetzt ausgeblendet."
    }

    fn report_failed(&self, error: &ClientError) -> String {
        format!(
            "Deine Meldung wurde nicht gesendet. {}",
            self.problem(error)
        )
    }
}
