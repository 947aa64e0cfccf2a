//! Browsing the list, in Arabic.

use super::BrowseText;
use crate::i18n::Arabic;

impl BrowseText for Arabic {
    fn load_more(&self) -> &'static str {
        "عرض المزيد"
    }
}
