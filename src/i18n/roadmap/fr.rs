//! The roadmap, in French.

use super::RoadmapText;
use crate::i18n::French;

impl RoadmapText for French {
    fn roadmap(&self) -> &'static str {
        "Feuille de route"
    }

    fn column_empty(&self) -> &'static str {
        "Rien pour l’instant."
    }
}
