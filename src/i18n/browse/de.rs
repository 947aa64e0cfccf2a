//! Browsing the list, in German.

use kindred_api::IdeaSort;

use super::BrowseText;
use crate::i18n::plural::Plural;
use crate::i18n::{Catalog, German};

impl BrowseText for German {
    fn load_more(&self) -> &'static str {
        "Mehr laden"
    }

    fn search_label(&self) -> &'static str {
        "Ideen durchsuchen"
    }

    fn sort_label(&self) -> &'static str {
        "Sortieren nach"
    }

    fn sort_name(&self, sort: IdeaSort) -> &'static str {
        match sort {
            IdeaSort::Top => "Beliebteste",
            IdeaSort::New => "Neueste",
            IdeaSort::Trending => "Im Trend",
            IdeaSort::Discussed => "Meistdiskutiert",
        }
    }

    fn status_filter(&self) -> &'static str {
        "Umsetzungsstand"
    }

    fn any_status(&self) -> &'static str {
        "Jeder Status"
    }

    fn tag_filter(&self) -> &'static str {
        "Schlagwort"
    }

    fn any_tag(&self) -> &'static str {
        "Jedes Schlagwort"
    }

    fn no_matches(&self) -> &'static str {
        "Keine Idee passt zu diesen Filtern."
    }

    fn clear_filters(&self) -> &'static str {
        "Filter zurücksetzen"
    }

    fn vote_queued(&self) -> &'static str {
        "Du bist offline: Deine Stimme wird gesendet, sobald du wieder online bist."
    }

    fn supporters_needed(&self, missing: u32) -> String {
        match Plural::english(missing) {
            Plural::One => format!("Noch {} Unterstützer nötig", self.number(missing)),
            _ => format!("Noch {} Unterstützende nötig", self.number(missing)),
        }
    }

    fn threshold_reached(&self) -> &'static str {
        "Ziel erreicht: Das Team prüft diese Idee"
    }

    fn threshold_label(&self, supporters: u32, threshold: u32) -> String {
        format!(
            "{} von {} Unterstützenden",
            self.number(supporters),
            self.number(threshold)
        )
    }

    fn new_ideas(&self, n: u32) -> String {
        match Plural::english(n) {
            Plural::One => format!("{} neue Idee anzeigen", self.number(n)),
            _ => format!("{} neue Ideen anzeigen", self.number(n)),
        }
    }
}
