//! Browsing the list, in English.

use kindred_api::IdeaSort;

use super::BrowseText;
use crate::i18n::plural::Plural;
use crate::i18n::{Catalog, English};

impl BrowseText for English {
    fn load_more(&self) -> &'static str {
        "Load more"
    }

    fn search_label(&self) -> &'static str {
        "Search ideas"
    }

    fn sort_label(&self) -> &'static str {
        "Sort by"
    }

    fn sort_name(&self, sort: IdeaSort) -> &'static str {
        match sort {
            IdeaSort::Top => "Top",
            IdeaSort::New => "New",
            IdeaSort::Trending => "Trending",
            IdeaSort::Discussed => "Most discussed",
        }
    }

    fn status_filter(&self) -> &'static str {
        "Status"
    }

    fn any_status(&self) -> &'static str {
        "Any status"
    }

    fn tag_filter(&self) -> &'static str {
        "Tag"
    }

    fn any_tag(&self) -> &'static str {
        "Any tag"
    }

    fn no_matches(&self) -> &'static str {
        "No ideas match these filters."
    }

    fn clear_filters(&self) -> &'static str {
        "Clear filters"
    }

    fn vote_queued(&self) -> &'static str {
        "You’re offline: your vote will be sent when you’re back online."
    }

    fn supporters_needed(&self, missing: u32) -> String {
        match Plural::english(missing) {
            Plural::One => format!("{} more supporter needed", self.number(missing)),
            _ => format!("{} more supporters needed", self.number(missing)),
        }
    }

    fn threshold_reached(&self) -> &'static str {
        "Goal reached: the team will review this idea"
    }

    fn threshold_label(&self, supporters: u32, threshold: u32) -> String {
        format!(
            "{} of {} supporters",
            self.number(supporters),
            self.number(threshold)
        )
    }

    fn new_ideas(&self, n: u32) -> String {
        match Plural::english(n) {
            Plural::One => format!("{} new idea: show it", self.number(n)),
            _ => format!("{} new ideas: show them", self.number(n)),
        }
    }
}
