//! Browsing the list, in Arabic.

use kindred_api::IdeaSort;

use super::BrowseText;
use crate::i18n::ar::Forms;
use crate::i18n::{Arabic, Catalog};

impl BrowseText for Arabic {
    fn load_more(&self) -> &'static str {
        "عرض المزيد"
    }

    fn search_label(&self) -> &'static str {
        "ابحث في الأفكار"
    }

    fn sort_label(&self) -> &'static str {
        "الترتيب حسب"
    }

    fn sort_name(&self, sort: IdeaSort) -> &'static str {
        match sort {
            IdeaSort::Top => "الأكثر دعمًا",
            IdeaSort::New => "الأحدث",
            IdeaSort::Trending => "الرائجة",
            IdeaSort::Discussed => "الأكثر نقاشًا",
        }
    }

    fn status_filter(&self) -> &'static str {
        "الحالة"
    }

    fn any_status(&self) -> &'static str {
        "كل الحالات"
    }

    fn tag_filter(&self) -> &'static str {
        "الوسم"
    }

    fn any_tag(&self) -> &'static str {
        "كل الوسوم"
    }

    fn no_matches(&self) -> &'static str {
        "لا توجد أفكار تطابق هذه المرشحات."
    }

    fn clear_filters(&self) -> &'static str {
        "مسح المرشحات"
    }

    fn vote_queued(&self) -> &'static str {
        "أنت غير متصل: سيُرسَل صوتك عند عودة الاتصال."
    }

    fn supporters_needed(&self, missing: u32) -> String {
        let forms = Forms {
            one: "داعم واحد",
            two: "داعمان",
            few: "داعمين",
            many: "داعمًا",
            other: "داعم",
        };
        format!("يلزم {} إضافيًا", self.counted(missing, &forms))
    }

    fn threshold_reached(&self) -> &'static str {
        "تحقق الهدف: سيراجع الفريق هذه الفكرة"
    }

    fn threshold_label(&self, supporters: u32, threshold: u32) -> String {
        format!(
            "{} من {} داعمًا",
            self.number(supporters),
            self.number(threshold)
        )
    }

    fn new_ideas(&self, n: u32) -> String {
        let forms = Forms {
            one: "فكرة جديدة واحدة",
            two: "فكرتان جديدتان",
            few: "أفكار جديدة",
            many: "فكرة جديدة",
            other: "فكرة جديدة",
        };
        format!("اعرض {}", self.counted(n, &forms))
    }
}
