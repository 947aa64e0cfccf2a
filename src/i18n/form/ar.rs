//! Co-creation forms, in Arabic.

use super::en::megabytes;
use super::FormText;
use kindred_api::TextFormat;

use crate::forms::FormIssue;
use crate::i18n::number::{decimal, ARABIC_INDIC};
use crate::i18n::{Arabic, Catalog};

impl FormText for Arabic {
    fn form_issue(&self, issue: FormIssue) -> String {
        let d = |x: f64| decimal(x, '٫', &ARABIC_INDIC);
        match issue {
            FormIssue::Required => "يرجى الإجابة عن هذا السؤال.".into(),
            FormIssue::ConsentRequired => "يرجى تحديد هذا المربع للمتابعة.".into(),
            FormIssue::TooLong(max) => format!(
                "استخدم {} حرفًا على الأكثر.",
                self.number(u32::try_from(max).unwrap_or(u32::MAX))
            ),
            FormIssue::TooShort(min) => format!(
                "استخدم {} حرفًا على الأقل.",
                self.number(u32::try_from(min).unwrap_or(u32::MAX))
            ),
            FormIssue::InvalidFormat(format) => match format {
                TextFormat::Digits => "استخدم الأرقام فقط.",
                TextFormat::Alphanumeric => "استخدم الحروف والأرقام فقط.",
                TextFormat::Phone => "أدخل رقم هاتف، مثل +971 4 123 4567.",
                TextFormat::PostalCode => "أدخل رمزًا بريديًا، مثل 11564.",
                TextFormat::HexColor => {
                    "أدخل لونًا بالعلامة # وستة أرقام أو حروف من a إلى f، مثل #2f6f4e."
                }
                TextFormat::Handle => "أدخل اسم مستخدم من حروف لاتينية وأرقام و_ و.، مثل @name.",
            }
            .into(),
            FormIssue::InvalidEmail => "أدخل عنوان بريد إلكتروني، مثل name@example.com.".into(),
            FormIssue::InvalidUrl => "أدخل عنوان موقع، مثل https://example.com.".into(),
            FormIssue::InvalidDate => "أدخل تاريخًا.".into(),
            FormIssue::DateOutOfRange { min, max } => match (min, max) {
                (Some(min), Some(max)) => format!("اختر تاريخًا من {} إلى {}.", min, max),
                (Some(min), None) => format!("اختر {} أو بعده.", min),
                (None, Some(max)) => format!("اختر {} أو قبله.", max),
                (None, None) => "أدخل تاريخًا.".into(),
            },
            FormIssue::NotANumber => "أدخل رقمًا.".into(),
            FormIssue::OutOfRange { min, max } => match (min, max) {
                (Some(min), Some(max)) => format!("أدخل رقمًا من {} إلى {}.", d(min), d(max)),
                (Some(min), None) => format!("أدخل {} أو أكثر.", d(min)),
                (None, Some(max)) => format!("أدخل {} أو أقل.", d(max)),
                (None, None) => "أدخل رقمًا.".into(),
            },
            FormIssue::TooFew(min) => format!("اختر {} على الأقل.", self.number(min)),
            FormIssue::TooMany(max) => format!("اختر {} على الأكثر.", self.number(max)),
            FormIssue::UnsupportedType => "اختر صورة بصيغة JPEG أو PNG أو WebP.".into(),
            FormIssue::TooLarge(bytes) => format!(
                "اختر صورة لا يتجاوز حجمها {} ميغابايت.",
                self.number(megabytes(bytes))
            ),
            FormIssue::Invalid => "يرجى التحقق من هذه الإجابة.".into(),
        }
    }

    fn drop_photo(&self) -> &'static str {
        "أو أفلت صورة هنا"
    }

    fn photo_preview(&self) -> &'static str {
        "معاينة صورتك"
    }

    fn optional(&self) -> &'static str {
        "(اختياري)"
    }

    fn send_form(&self) -> &'static str {
        "إرسال"
    }

    fn sending_form(&self) -> &'static str {
        "جارٍ الإرسال…"
    }

    fn form_failed(&self) -> &'static str {
        "تعذّر إرسال إجاباتك. ما زالت هنا: حاول مجددًا."
    }

    fn form_unavailable(&self) -> &'static str {
        "تعذّر تحميل هذا النموذج."
    }

    fn form_loading(&self) -> &'static str {
        "جارٍ تحميل النموذج…"
    }

    fn form_preview(&self) -> &'static str {
        "معاينة: تُفحص الإجابات كما تُفحص إجابات الزوار، لكنها لا تُرسل."
    }

    fn form_preview_checked(&self) -> &'static str {
        "تجتاز هذه الإجابات كل الفحوص. لا يُرسل شيء في المعاينة."
    }

    fn form_received(&self) -> &'static str {
        "شكرًا لك! وصلتنا إجاباتك."
    }

    fn next_page(&self) -> &'static str {
        "التالي"
    }

    fn previous_page(&self) -> &'static str {
        "السابق"
    }

    fn form_step(&self, step: u32, steps: u32) -> String {
        format!("الخطوة {} من {}", self.number(step), self.number(steps))
    }

    fn form_misplaced(&self) -> &'static str {
        "ينقص هذا النموذج تفاصيل من الصفحة التي يظهر فيها، لذا لا يمكن إرساله من هنا."
    }

    fn choose_option(&self) -> &'static str {
        "اختر…"
    }

    fn least_likely(&self) -> &'static str {
        "غير مرجّح إطلاقًا"
    }

    fn most_likely(&self) -> &'static str {
        "مرجّح جدًا"
    }

    fn rating_value(&self, score: u32, best: u32) -> String {
        format!("{} من {}", self.number(score), self.number(best))
    }
}
