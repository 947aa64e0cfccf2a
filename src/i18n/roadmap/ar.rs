//! The roadmap, in Arabic.

use super::RoadmapText;
use crate::i18n::Arabic;

impl RoadmapText for Arabic {
    fn roadmap(&self) -> &'static str {
        "خارطة الطريق"
    }

    fn column_empty(&self) -> &'static str {
        "لا شيء هنا بعد."
    }
}
