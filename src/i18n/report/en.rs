//! Reporting a post, in English.

use kindred_api::ReportReason;

use super::ReportText;
use crate::client::ClientError;
use crate::i18n::{Catalog, English};

impl ReportText for English {
    fn report_post(&self) -> &'static str {
        "Report"
    }

    fn report_question(&self) -> &'static str {
        "Why are you reporting this photo?"
    }

    fn report_reason(&self, reason: ReportReason) -> &'static str {
        match reason {
            ReportReason::Spam => "Spam or advertising",
            ReportReason::Offensive => "Offensive or harmful",
            ReportReason::Rights => "Posted without the owner’s permission",
            ReportReason::Other => "Something else",
        }
    }

    fn report_reason_needed(&self) -> &'static str {
        "Choose a reason."
    }

    fn report_note(&self) -> &'static str {
        "Anything our moderators should know? (optional)"
    }

    fn send_report(&self) -> &'static str {
        "Send report"
    }

    fn sending_report(&self) -> &'static str {
        "Sending…"
    }

    fn cancel_report(&self) -> &'static str {
        "Cancel"
    }

    fn report_sent(&self) -> &'static str {
        "Thank you. Our moderators will look at this photo; it is hidden for you now."
    }

    fn report_failed(&self, error: &ClientError) -> String {
        format!("Your report wasn’t sent. {}", self.problem(error))
    }
}
