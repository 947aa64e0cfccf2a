//! Reporting a post, in Arabic.

use kindred_api::ReportReason;

use super::ReportText;
use crate::client::ClientError;
use crate::i18n::{Arabic, Catalog};

impl ReportText for Arabic {
    fn report_post(&self) -> &'static str {
        "إبلاغ"
    }

    fn report_question(&self) -> &'static str {
        "لماذا تبلّغ عن هذه الصورة؟"
    }

    fn report_reason(&self, reason: ReportReason) -> &'static str {
        match reason {
            ReportReason::Spam => "رسائل مزعجة أو إعلان",
            ReportReason::Offensive => "مسيئة أو ضارة",
            ReportReason::Rights => "نُشرت دون إذن صاحبها",
            ReportReason::Other => "سبب آخر",
        }
    }

    fn report_reason_needed(&self) -> &'static str {
        "اختر سببًا."
    }

    fn report_note(&self) -> &'static str {
        "هل هناك ما يجب أن يعرفه المشرفون؟ (اختياري)"
    }

    fn send_report(&self) -> &'static str {
        "إرسال البلاغ"
    }

    fn sending_report(&self) -> &'static str {
        "جارٍ الإرسال…"
    }

    fn cancel_report(&self) -> &'static str {
        "إلغاء"
    }

    fn report_sent(&self) -> &'static str {
        "شكرًا لك. سيراجع المشرفون هذه الصورة، وقد أُخفيت عنك الآن."
    }

    fn report_failed(&self, error: &ClientError) -> String {
        format!("لم يُرسَل بلاغك. {}", self.problem(error))
    }
}
