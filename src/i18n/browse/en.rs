//! Browsing the list, in English.

use super::BrowseText;
use crate::i18n::English;

impl BrowseText for English {
    fn load_more(&self) -> &'static str {
        "Load more"
    }
}
