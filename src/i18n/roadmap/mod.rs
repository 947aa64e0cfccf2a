//! The words of the roadmap view, beyond the statuses that head its columns.

mod ar;
mod de;
mod en;
mod fr;

/// Messages of the roadmap, in one locale.
pub trait RoadmapText {
    /// The accessible name of the roadmap's columns as a whole.
    fn roadmap(&self) -> &'static str;
    /// Shown in a column without ideas.
    fn column_empty(&self) -> &'static str;
}

#[cfg(test)]
mod tests {
    use crate::i18n::{Catalog, Locale};

    /// Every catalog translates every message of the roadmap.
    #[test]
    fn every_catalog_translates_the_roadmap() {
        let texts = |c: &dyn Catalog| vec![c.roadmap(), c.column_empty()];
        let english = texts(Locale::En.catalog());
        for locale in Locale::ALL.into_iter().filter(|&l| l != Locale::En) {
            for (text, english) in texts(locale.catalog()).into_iter().zip(&english) {
                assert!(!text.trim().is_empty(), "{locale:?}: blank for {english:?}");
                assert_ne!(text, *english, "{locale:?}: untranslated");
            }
        }
    }
}
