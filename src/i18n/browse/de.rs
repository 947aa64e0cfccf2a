//! Browsing the list, in German.

use super::BrowseText;
use crate::i18n::German;

impl BrowseText for German {
    fn load_more(&self) -> &'static str {
        "Mehr laden"
    }
}
