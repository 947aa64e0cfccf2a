//! The words of browsing a board's list: its order, filters, search and further pages.

mod ar;
mod de;
mod en;
mod fr;

/// Messages of the list's controls, in one locale.
pub trait BrowseText {
    /// The label of the button that loads the next page of ideas.
    fn load_more(&self) -> &'static str;
}

#[cfg(test)]
mod tests {
    use crate::i18n::{Catalog, Locale};

    /// Every catalog translates every message of the list's controls.
    #[test]
    fn every_catalog_translates_browsing() {
        let texts = |c: &dyn Catalog| vec![c.load_more()];
        let english = texts(Locale::En.catalog());
        for locale in Locale::ALL.into_iter().filter(|&l| l != Locale::En) {
            for (text, english) in texts(locale.catalog()).into_iter().zip(&english) {
                assert!(!text.trim().is_empty(), "{locale:?}: blank for {english:?}");
                assert_ne!(text, *english, "{locale:?}: untranslated");
            }
        }
    }
}
