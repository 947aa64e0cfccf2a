//! Browsing the list, in French.

use super::BrowseText;
use crate::i18n::French;

impl BrowseText for French {
    fn load_more(&self) -> &'static str {
        "Voir plus"
    }
}
