//! An idea's detail view, in Arabic.

use kindred_api::comment::{BODY_MAX, NESTED_REPLY};
use kindred_api::validate::{INVALID, REQUIRED, TOO_LONG};

use super::DetailText;
use crate::client::ClientError;
use crate::i18n::{Arabic, Catalog};

impl DetailText for Arabic {
    fn back_to_ideas(&self) -> &'static str {
        "العودة إلى الأفكار"
    }

    fn loading_idea(&self) -> &'static str {
        "جارٍ تحميل الفكرة…"
    }

    fn idea_gone(&self) -> &'static str {
        "لم تعد هذه الفكرة موجودة."
    }

    fn idea_failed(&self) -> &'static str {
        "تعذّر تحميل هذه الفكرة."
    }

    fn duplicate_notice(&self) -> &'static str {
        "هذه الفكرة تكرار لفكرة سابقة."
    }

    fn open_original(&self) -> &'static str {
        "عرض الفكرة الأصلية"
    }

    fn history_heading(&self) -> &'static str {
        "سجل الحالة"
    }

    fn status_moved(&self, from: &str, to: &str) -> String {
        format!("انتقلت من «{from}» إلى «{to}»")
    }

    fn comments_heading(&self) -> &'static str {
        "التعليقات"
    }

    fn loading_comments(&self) -> &'static str {
        "جارٍ تحميل التعليقات…"
    }

    fn comments_failed(&self) -> &'static str {
        "تعذّر تحميل التعليقات."
    }

    fn no_comments(&self) -> &'static str {
        "لا توجد تعليقات بعد. ابدأ النقاش."
    }

    fn reply(&self) -> &'static str {
        "رد"
    }

    fn reply_to(&self, name: &str) -> String {
        format!("رد على {name}")
    }

    fn replies_to(&self, name: &str) -> String {
        format!("الردود على {name}")
    }

    fn comment_field(&self) -> &'static str {
        "تعليقك"
    }

    fn reply_field(&self, name: &str) -> String {
        format!("ردك على {name}")
    }

    fn post_comment(&self) -> &'static str {
        "نشر التعليق"
    }

    fn post_reply(&self) -> &'static str {
        "نشر الرد"
    }

    fn cancel(&self) -> &'static str {
        "إلغاء"
    }

    fn comment_posted(&self) -> &'static str {
        "نُشر تعليقك."
    }

    fn comment_pending(&self) -> &'static str {
        "شكرًا! سيظهر تعليقك بعد موافقة المشرفين عليه."
    }

    fn awaiting_review(&self) -> &'static str {
        "بانتظار المراجعة"
    }

    fn comment_failed(&self, error: &ClientError) -> String {
        format!("لم يُنشر تعليقك. {}", self.problem(error))
    }

    fn comments_closed(&self) -> &'static str {
        "لا يمكنك التعليق هنا حاليًا: التعليقات متوقفة أو متاحة للأعضاء المسجّلين فقط."
    }

    fn comment_error(&self, code: &str) -> String {
        match code {
            REQUIRED => "اكتب تعليقك أولًا.".into(),
            TOO_LONG => format!("الحد الأقصى {} حرف.", self.number(BODY_MAX as u32)),
            INVALID => "لا يمكن نشر هذا النص كما هو.".into(),
            NESTED_REPLY => "لا يمكن الرد على رد؛ رد على التعليق الأصلي بدلًا من ذلك.".into(),
            _ => "يرجى التحقق من النص والمحاولة مرة أخرى.".into(),
        }
    }

    fn similar_heading(&self) -> &'static str {
        "أفكار مشابهة"
    }
}
