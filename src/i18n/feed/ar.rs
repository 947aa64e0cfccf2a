//! The feed, in Arabic.

use super::FeedText;
use crate::client::ClientError;
use crate::i18n::ar::Forms;
use crate::i18n::{Arabic, Catalog};
use crate::ideas::VoteIntent;

impl FeedText for Arabic {
    fn feed_heading(&self) -> &'static str {
        "صور المجتمع"
    }

    fn loading_posts(&self) -> &'static str {
        "جارٍ تحميل الصور…"
    }

    fn posts_failed(&self) -> &'static str {
        "تعذّر تحميل الصور."
    }

    fn no_posts(&self) -> &'static str {
        "لا توجد صور هنا بعد."
    }

    fn no_post_matches(&self) -> &'static str {
        "لا توجد صور تطابق عامل التصفية هذا."
    }

    fn feed_filters(&self) -> &'static str {
        "عرض الصور"
    }

    fn all_posts(&self) -> &'static str {
        "الكل"
    }

    fn likes(&self, n: u32) -> String {
        let forms = Forms {
            one: "إعجاب واحد",
            two: "إعجابان",
            few: "إعجابات",
            many: "إعجابًا",
            other: "إعجاب",
        };
        self.counted(n, &forms)
    }

    fn previous_posts(&self) -> &'static str {
        "الصور السابقة"
    }

    fn next_posts(&self) -> &'static str {
        "الصور التالية"
    }

    fn like_label(&self, n: u32) -> String {
        format!("أعجبني، {}", self.likes(n))
    }

    fn like_failed(&self, intent: VoteIntent, error: &ClientError) -> String {
        let what = match intent {
            VoteIntent::Vote => "لم يُحفظ إعجابك.",
            VoteIntent::Unvote => "تعذّر سحب إعجابك.",
        };
        format!("{what} {}", self.problem(error))
    }

    fn photo_by(&self, name: &str) -> String {
        format!("صورة من {name}")
    }

    fn position(&self, n: usize, of: usize) -> String {
        let count = |n: usize| self.number(u32::try_from(n).unwrap_or(u32::MAX));
        format!("{} من {}", count(n), count(of))
    }

    fn previous_photo(&self) -> &'static str {
        "الصورة السابقة"
    }

    fn next_photo(&self) -> &'static str {
        "الصورة التالية"
    }

    fn close(&self) -> &'static str {
        "إغلاق"
    }

    fn new_posts(&self, n: u32) -> String {
        let forms = Forms {
            one: "صورة جديدة واحدة",
            two: "صورتان جديدتان",
            few: "صور جديدة",
            many: "صورة جديدة",
            other: "صورة جديدة",
        };
        format!("اعرض {}", self.counted(n, &forms))
    }

    fn first_published(&self, place: &str) -> String {
        format!("نُشر أولًا على {place}")
    }

    fn shop_the_look(&self) -> &'static str {
        "تسوّق هذه الإطلالة"
    }
}
