//! The words of reporting a post to the moderators.

use kindred_api::ReportReason;

use crate::client::ClientError;

mod ar;
mod de;
mod en;
mod fr;

/// Messages of reporting a post, in one locale.
pub trait ReportText {
    /// The button that opens the report form.
    fn report_post(&self) -> &'static str;
    /// The question the reasons answer, the legend of their group.
    fn report_question(&self) -> &'static str;
    /// A reason to report a post, as its choice reads.
    fn report_reason(&self, reason: ReportReason) -> &'static str;
    /// Shown when the report is sent without a reason.
    fn report_reason_needed(&self) -> &'static str;
    /// The label of the optional note to the moderators.
    fn report_note(&self) -> &'static str;
    /// The button that sends the report.
    fn send_report(&self) -> &'static str;
    /// The send button while the report is on its way.
    fn sending_report(&self) -> &'static str;
    /// The button that closes the report form without sending.
    fn cancel_report(&self) -> &'static str;
    /// Announced once the report is sent: thanks, and the post is hidden for the visitor.
    fn report_sent(&self) -> &'static str;
    /// Shown when the report could not be sent, with why.
    fn report_failed(&self, error: &ClientError) -> String;
}

#[cfg(test)]
mod tests {
    use kindred_api::ReportReason;

    use crate::client::ClientError;
    use crate::i18n::{Catalog, Locale};

    /// Every catalog translates every message of reporting.
    #[test]
    fn every_catalog_translates_reporting() {
        let texts = |c: &dyn Catalog| {
            let mut texts = vec![
                c.report_post(),
                c.report_question(),
                c.report_reason_needed(),
                c.report_note(),
                c.send_report(),
                c.sending_report(),
                c.cancel_report(),
                c.report_sent(),
            ];
            texts.extend(ReportReason::ALL.map(|reason| c.report_reason(reason)));
            texts
        };
        let english = texts(Locale::En.catalog());
        let offline = ClientError::Network;
        for locale in Locale::ALL.into_iter().filter(|&l| l != Locale::En) {
            let catalog = locale.catalog();
            for (text, english) in texts(catalog).into_iter().zip(&english) {
                assert!(!text.trim().is_empty(), "{locale:?}: blank for {english:?}");
                assert_ne!(text, *english, "{locale:?}: untranslated");
            }
            let failed = catalog.report_failed(&offline);
            assert!(failed.contains(catalog.problem(&offline)), "{failed}");
        }
        let reasons = texts(Locale::En.catalog());
        let mut distinct = reasons.clone();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(distinct.len(), reasons.len(), "two messages read the same");
    }
}
