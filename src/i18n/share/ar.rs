//! Sharing a photo, in Arabic.

use super::ShareText;
use crate::i18n::{Arabic, Catalog};

impl ShareText for Arabic {
    fn share_photo(&self) -> &'static str {
        "شارك صورتك"
    }

    fn photo_label(&self) -> &'static str {
        "صورتك"
    }

    fn photo_hint(&self, kinds: &str, megabytes: u32) -> String {
        format!("{kinds}؛ حتى {} ميغابايت.", self.number(megabytes))
    }

    fn alt_label(&self) -> &'static str {
        "صِف صورتك"
    }

    fn alt_hint(&self) -> &'static str {
        "لمن لا يستطيع رؤيتها، قل ما تُظهره. مثلًا: «عدّاءة تعبر جدولًا عند الفجر»."
    }

    fn caption_label(&self) -> &'static str {
        "التعليق"
    }

    fn products_label(&self) -> &'static str {
        "المنتجات في صورتك"
    }

    fn consent_default(&self) -> &'static str {
        "التقطتُ هذه الصورة بنفسي، وأسمح للعلامة التجارية بعرضها على موقعها وقنواتها."
    }

    fn share_submit(&self) -> &'static str {
        "شارك الصورة"
    }

    fn uploading(&self, percent: u32) -> String {
        format!("جارٍ الرفع… {}٪", self.number(percent))
    }

    fn cancel_upload(&self) -> &'static str {
        "إلغاء الرفع"
    }

    fn thanks_reviewed(&self) -> &'static str {
        "شكرًا لك! ستظهر صورتك بعد أن يراجعها المشرفون."
    }

    fn thanks_listed(&self) -> &'static str {
        "شكرًا لك! صورتك الآن في المعرض."
    }

    fn share_another(&self) -> &'static str {
        "شارك صورة أخرى"
    }
}
