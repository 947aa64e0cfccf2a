//! Elapsed time, in Arabic.

use super::{TimeText, TimeUnit};
use crate::i18n::ar::Forms;
use crate::i18n::Arabic;

impl TimeText for Arabic {
    fn ago(&self, amount: u32, unit: TimeUnit) -> String {
        let forms = match (unit, amount) {
            (_, 0) => return "الآن".to_owned(),
            (TimeUnit::Day, 1) => return "أمس".to_owned(),
            (TimeUnit::Day, 2) => return "أول أمس".to_owned(),
            (TimeUnit::Week, 1) => return "الأسبوع الماضي".to_owned(),
            (TimeUnit::Month, 1) => return "الشهر الماضي".to_owned(),
            (TimeUnit::Year, 1) => return "السنة الماضية".to_owned(),
            (TimeUnit::Year, _) => Forms {
                one: "سنة واحدة",
                two: "سنتين",
                few: "سنوات",
                many: "سنة",
                other: "سنة",
            },
            (TimeUnit::Month, _) => Forms {
                one: "شهر واحد",
                two: "شهرين",
                few: "أشهر",
                many: "شهرًا",
                other: "شهر",
            },
            (TimeUnit::Week, _) => Forms {
                one: "أسبوع واحد",
                two: "أسبوعين",
                few: "أسابيع",
                many: "أسبوعًا",
                other: "أسبوع",
            },
            (TimeUnit::Day, _) => Forms {
                one: "يوم واحد",
                two: "يومين",
                few: "أيام",
                many: "يومًا",
                other: "يوم",
            },
            (TimeUnit::Hour, _) => Forms {
                one: "ساعة واحدة",
                two: "ساعتين",
                few: "ساعات",
                many: "ساعة",
                other: "ساعة",
            },
            (TimeUnit::Minute, _) => Forms {
                one: "دقيقة واحدة",
                two: "دقيقتين",
                few: "دقائق",
                many: "دقيقة",
                other: "دقيقة",
            },
            (TimeUnit::Second, _) => Forms {
                one: "ثانية واحدة",
                two: "ثانيتين",
                few: "ثوانٍ",
                many: "ثانية",
                other: "ثانية",
            },
        };
        format!("قبل {}", self.counted(amount, &forms))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_take_their_plural_forms() {
        assert_eq!(Arabic.ago(0, TimeUnit::Hour), "الآن");
        assert_eq!(Arabic.ago(1, TimeUnit::Hour), "قبل ساعة واحدة");
        assert_eq!(Arabic.ago(2, TimeUnit::Hour), "قبل ساعتين");
        assert_eq!(Arabic.ago(3, TimeUnit::Day), "قبل ٣ أيام");
        assert_eq!(Arabic.ago(11, TimeUnit::Day), "قبل ١١ يومًا");
        assert_eq!(Arabic.ago(100, TimeUnit::Day), "قبل ١٠٠ يوم");
        assert_eq!(Arabic.ago(1, TimeUnit::Day), "أمس");
    }
}
