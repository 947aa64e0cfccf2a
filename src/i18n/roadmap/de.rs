//! The roadmap, in German.

use super::RoadmapText;
use crate::i18n::German;

impl RoadmapText for German {
    fn roadmap(&self) -> &'static str {
        "Roadmap der Ideen"
    }

    fn column_empty(&self) -> &'static str {
        "Noch nichts hier."
    }
}
