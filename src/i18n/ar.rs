//! The Arabic catalog, written right to left with Arabic-Indic digits.

use kindred_api::IdeaStatus;

use super::number::{grouped, ARABIC_INDIC};
use super::plural::Plural;
use super::{Catalog, Problem};
use crate::client::ClientError;
use crate::ideas::VoteIntent;

/// Arabic messages.
#[derive(Clone, Copy, Debug, Default)]
pub struct Arabic;

/// A noun's forms after each plural category (the singular and dual stand without a number).
pub(super) struct Forms {
    pub(super) one: &'static str,
    pub(super) two: &'static str,
    pub(super) few: &'static str,
    pub(super) many: &'static str,
    pub(super) other: &'static str,
}

impl Arabic {
    /// `n` with the noun form its plural category takes.
    pub(super) fn counted(&self, n: u32, forms: &Forms) -> String {
        match Plural::arabic(n) {
            Plural::One => forms.one.to_owned(),
            Plural::Two => forms.two.to_owned(),
            Plural::Few => format!("{} {}", self.number(n), forms.few),
            Plural::Many => format!("{} {}", self.number(n), forms.many),
            Plural::Zero | Plural::Other => format!("{} {}", self.number(n), forms.other),
        }
    }
}

impl Catalog for Arabic {
    fn number(&self, n: u32) -> String {
        grouped(n, '٬', &ARABIC_INDIC)
    }

    fn votes(&self, n: u32) -> String {
        let forms = Forms {
            one: "صوت واحد",
            two: "صوتان",
            few: "أصوات",
            many: "صوتًا",
            other: "صوت",
        };
        self.counted(n, &forms)
    }

    fn comments(&self, n: u32) -> String {
        let forms = Forms {
            one: "تعليق واحد",
            two: "تعليقان",
            few: "تعليقات",
            many: "تعليقًا",
            other: "تعليق",
        };
        self.counted(n, &forms)
    }

    fn status(&self, status: IdeaStatus) -> &'static str {
        match status {
            IdeaStatus::Open => "مفتوحة",
            IdeaStatus::UnderReview => "قيد المراجعة",
            IdeaStatus::Planned => "مخطط لها",
            IdeaStatus::InProgress => "قيد التنفيذ",
            IdeaStatus::Shipped => "تم إطلاقها",
            IdeaStatus::Declined => "مرفوضة",
            IdeaStatus::Duplicate => "مكررة",
        }
    }

    fn vote_label(&self, title: &str, votes: u32) -> String {
        format!("صوّت لفكرة «{title}»، عدد الأصوات: {}", self.number(votes))
    }

    fn author(&self, name: &str) -> String {
        format!("بواسطة {name}")
    }

    fn tags(&self) -> &'static str {
        "الوسوم"
    }

    fn board_heading(&self) -> &'static str {
        "أفكار المجتمع"
    }

    fn loading_ideas(&self) -> &'static str {
        "جارٍ تحميل الأفكار…"
    }

    fn no_ideas(&self) -> &'static str {
        "لا توجد أفكار بعد"
    }

    fn no_ideas_hint(&self) -> &'static str {
        "ستظهر هنا الأفكار التي تُشارك في هذه اللوحة."
    }

    fn ideas_failed(&self) -> &'static str {
        "تعذّر تحميل الأفكار."
    }

    fn retry(&self) -> &'static str {
        "أعد المحاولة"
    }

    fn problem_text(&self, problem: Problem) -> &'static str {
        match problem {
            Problem::Offline => "يبدو أنك غير متصل بالإنترنت. تحقّق من اتصالك وأعد المحاولة.",
            Problem::Slow => "يستغرق هذا وقتًا طويلًا. يُرجى إعادة المحاولة.",
            Problem::RateLimited => "طلبات كثيرة في وقت واحد. انتظر قليلًا ثم أعد المحاولة.",
            Problem::Gone => "لم يعد هذا متاحًا.",
            Problem::NotAllowed => "لا يُسمح لك بفعل ذلك هنا.",
            Problem::Server => "حدث خطأ من جهتنا. يُرجى إعادة المحاولة.",
        }
    }

    fn vote_done(&self, voted: bool, votes: u32) -> String {
        let what = if voted {
            "أُضيف صوتك"
        } else {
            "سُحب صوتك"
        };
        format!("{what}، {}", self.votes(votes))
    }

    fn vote_failed(&self, intent: VoteIntent, title: &str, error: &ClientError) -> String {
        let what = match intent {
            VoteIntent::Vote => format!("لم يُحفظ صوتك لفكرة «{title}»."),
            VoteIntent::Unvote => format!("تعذّر سحب صوتك من فكرة «{title}»."),
        };
        format!("{what} {}", self.problem(error))
    }

    fn setup_failed(&self) -> &'static str {
        "تعذّر إعداد هذه الأداة. يُرجى المحاولة لاحقًا."
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_take_each_plural_form_in_arabic_digits() {
        assert_eq!(Arabic.votes(0), "٠ صوت");
        assert_eq!(Arabic.votes(1), "صوت واحد");
        assert_eq!(Arabic.votes(2), "صوتان");
        assert_eq!(Arabic.votes(5), "٥ أصوات");
        assert_eq!(Arabic.votes(42), "٤٢ صوتًا");
        assert_eq!(Arabic.votes(1_200), "١٬٢٠٠ صوت");
    }
}
