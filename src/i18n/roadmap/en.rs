//! The roadmap, in English.

use super::RoadmapText;
use crate::i18n::English;

impl RoadmapText for English {
    fn roadmap(&self) -> &'static str {
        "Roadmap"
    }

    fn column_empty(&self) -> &'static str {
        "Nothing here yet."
    }
}
