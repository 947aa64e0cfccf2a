//! Proposing an idea, in Arabic.

use super::SubmitText;
use crate::i18n::{Arabic, Catalog};
use crate::ideas::submit::FieldIssue;
use crate::ideas::Action;

impl SubmitText for Arabic {
    fn propose_idea(&self) -> &'static str {
        "اقترح فكرة"
    }

    fn title_label(&self) -> &'static str {
        "العنوان"
    }

    fn body_label(&self) -> &'static str {
        "الوصف"
    }

    fn tags_label(&self) -> &'static str {
        "الوسوم (اختياري)"
    }

    fn tags_hint(&self) -> &'static str {
        "افصل بين الوسوم بفواصل."
    }

    fn honeypot_label(&self) -> &'static str {
        "اترك هذا الحقل فارغًا"
    }

    fn post_idea(&self) -> &'static str {
        "انشر الفكرة"
    }

    fn posting(&self) -> &'static str {
        "جارٍ النشر…"
    }

    fn field_issue(&self, issue: FieldIssue) -> String {
        let n = |n: usize| self.number(u32::try_from(n).unwrap_or(u32::MAX));
        match issue {
            FieldIssue::Required => "يرجى ملء هذا الحقل.".into(),
            FieldIssue::TooShort(min) => format!("استخدم {} أحرف على الأقل.", n(min)),
            FieldIssue::TooLong(max) => format!("استخدم {} حرفًا على الأكثر.", n(max)),
            FieldIssue::TooManyTags(max) => format!("استخدم {} وسوم على الأكثر.", n(max)),
            FieldIssue::BadTag(max) => {
                format!("يحتاج كل وسم إلى ما بين 1 و{} حرفًا.", n(max))
            }
            FieldIssue::Invalid => "يرجى التحقق من هذا الحقل.".into(),
        }
    }

    fn reviewed_first(&self) -> &'static str {
        "تظهر الأفكار في هذه اللوحة بعد أن يراجعها مشرف."
    }

    fn submit_failed(&self) -> &'static str {
        "لم تُنشر فكرتك."
    }

    fn similar_while_typing(&self) -> &'static str {
        "هل اقتُرحت من قبل؟ صوّت لها بدلًا من ذلك"
    }

    fn similar_found(&self, n: u32) -> String {
        format!("أفكار مشابهة: {}", self.number(n))
    }

    fn pending_review(&self) -> &'static str {
        "شكرًا! ستظهر فكرتك بعد مراجعتها."
    }

    fn signin_needed(&self, action: Action) -> &'static str {
        match action {
            Action::Submit => "سجّل الدخول لاقتراح فكرة.",
            Action::Vote => "سجّل الدخول للتصويت.",
            Action::Comment => "سجّل الدخول للتعليق.",
            Action::Share => "سجّل الدخول لمشاركة صورة.",
        }
    }

    fn signin(&self) -> &'static str {
        "تسجيل الدخول"
    }
}
