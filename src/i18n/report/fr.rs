//! Reporting a post, in French.

use kindred_api::ReportReason;

use super::ReportText;
use crate::client::ClientError;
use crate::i18n::{Catalog, French};

impl ReportText for French {
    fn report_post(&self) -> &'static str {
        "Signaler"
    }

    fn report_question(&self) -> &'static str {
        "Pourquoi signalez-vous cette photo ?"
    }

    fn report_reason(&self, reason: ReportReason) -> &'static str {
        match reason {
            ReportReason::Spam => "Spam ou publicité",
            ReportReason::Offensive => "Choquante ou nuisible",
            ReportReason::Rights => "Publiée sans l’accord de son auteur",
            ReportReason::Other => "Autre chose",
        }
    }

    fn report_reason_needed(&self) -> &'static str {
        "Choisissez une raison."
    }

    fn report_note(&self) -> &'static str {
        "Quelque chose à dire à nos modérateurs ? (facultatif)"
    }

    fn send_report(&self) -> &'static str {
        "Envoyer le signalement"
    }

    fn sending_report(&self) -> &'static str {
        "Envoi…"
    }

    fn cancel_report(&self) -> &'static str {
        "Annuler"
    }

    fn report_sent(&self) -> &'static str {
        "Merci. Nos modérateurs vont examiner cette photo ; elle est désormais masquée pour vous."
    }

    fn report_failed(&self, error: &ClientError) -> String {
        format!(
            "Votre signalement n’a pas été envoyé. {}",
            self.problem(error)
        )
    }
}
