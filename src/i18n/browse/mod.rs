//! The words of browsing a board's list: its order, filters, search and further pages.

use kindred_api::IdeaSort;

mod ar;
mod de;
mod en;
mod fr;

/// Messages of the list's controls, in one locale.
pub trait BrowseText {
    /// The label of the button that loads the next page of ideas.
    fn load_more(&self) -> &'static str;
    /// The label of the search box.
    fn search_label(&self) -> &'static str;
    /// The label of the order menu.
    fn sort_label(&self) -> &'static str;
    /// The name of an order.
    fn sort_name(&self, sort: IdeaSort) -> &'static str;
    /// The label of the status filter.
    fn status_filter(&self) -> &'static str;
    /// The status filter's choice that filters nothing.
    fn any_status(&self) -> &'static str;
    /// The label of the tag filter.
    fn tag_filter(&self) -> &'static str;
    /// The tag filter's choice that filters nothing.
    fn any_tag(&self) -> &'static str;
    /// Shown when no idea matches the filters or the search.
    fn no_matches(&self) -> &'static str;
    /// The button that clears the filters and the search.
    fn clear_filters(&self) -> &'static str;
    /// Under a vote made offline: it is kept and will be sent once the browser is online.
    fn vote_queued(&self) -> &'static str;
    /// Under an idea below its board's supporter threshold: "12 more supporters needed".
    fn supporters_needed(&self, missing: u32) -> String;
    /// Under an idea that reached its board's supporter threshold.
    fn threshold_reached(&self) -> &'static str;
    /// The button that shows ideas listed since the list loaded: "3 new ideas: show them".
    fn new_ideas(&self, n: u32) -> String;
    /// The accessible name of the threshold bar: "38 of 50 supporters".
    fn threshold_label(&self, supporters: u32, threshold: u32) -> String;
}

#[cfg(test)]
mod tests {
    use crate::i18n::{Catalog, Locale};
    use crate::ideas::query::SORTS;

    /// Every catalog translates every message of the list's controls.
    #[test]
    fn every_catalog_translates_browsing() {
        let texts = |c: &dyn Catalog| {
            let mut texts = vec![
                c.load_more(),
                c.search_label(),
                c.sort_label(),
                c.status_filter(),
                c.any_status(),
                c.tag_filter(),
                c.any_tag(),
                c.no_matches(),
                c.clear_filters(),
                c.vote_queued(),
                c.threshold_reached(),
            ];
            texts.extend(SORTS.map(|sort| c.sort_name(sort)));
            texts
        };
        let english = texts(Locale::En.catalog());
        for locale in Locale::ALL.into_iter().filter(|&l| l != Locale::En) {
            for (text, english) in texts(locale.catalog()).into_iter().zip(&english) {
                assert!(!text.trim().is_empty(), "{locale:?}: blank for {english:?}");
                assert_ne!(text, *english, "{locale:?}: untranslated");
            }
            let catalog = locale.catalog();
            let news = catalog.new_ideas(3);
            assert!(news.contains(&catalog.number(3)), "{news}");
            assert_ne!(news, Locale::En.catalog().new_ideas(3));
            let needed = catalog.supporters_needed(12);
            assert!(needed.contains(&catalog.number(12)), "{needed}");
            assert_ne!(needed, Locale::En.catalog().supporters_needed(12));
            let label = catalog.threshold_label(38, 1500);
            assert!(label.contains(&catalog.number(1500)), "{label}");
        }
    }
}
