//! Everything the widget says, per locale: every visible string and accessible label comes
//! from a [`Catalog`], so translating the widget never means touching a component.
//!
//! Components read the instance's catalog from context with [`use_catalog`].

mod en;
mod plural;

use en::English;

use kindred_api::IdeaStatus;
use leptos::prelude::expect_context;

use crate::client::ClientError;
use crate::ideas::VoteIntent;

/// A language the widget speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Locale {
    /// English.
    #[default]
    En,
}

impl Locale {
    /// The best locale for a BCP 47 tag such as `en-GB`, matched on its primary language and
    /// falling back to English for languages without a catalog yet.
    pub fn negotiate(tag: Option<&str>) -> Self {
        match tag.and_then(|tag| tag.split(['-', '_']).next()) {
            Some(language) if language.eq_ignore_ascii_case("en") => Self::En,
            _ => Self::default(),
        }
    }

    /// The catalog of messages in this locale.
    pub fn catalog(self) -> &'static dyn Catalog {
        match self {
            Self::En => &English,
        }
    }
}

/// The catalog of the current widget instance, as provided by the app root.
pub fn use_catalog() -> &'static dyn Catalog {
    expect_context()
}

/// The messages of one locale, one method per message.
pub trait Catalog: Sync {
    /// A number formatted for display, such as `1,234`.
    fn number(&self, n: u32) -> String;
    /// A vote count with its noun: `1 vote`, `12 votes`.
    fn votes(&self, n: u32) -> String;
    /// A comment count with its noun: `1 comment`, `12 comments`.
    fn comments(&self, n: u32) -> String;
    /// The display name of an idea's status.
    fn status(&self, status: IdeaStatus) -> &'static str;
    /// The accessible name of an idea's vote button, naming the idea and its count.
    fn vote_label(&self, title: &str, votes: u32) -> String;
    /// The byline of an idea.
    fn author(&self, name: &str) -> String;
    /// The accessible name of an idea's tag list.
    fn tags(&self) -> &'static str;
    /// The heading above an idea board.
    fn board_heading(&self) -> &'static str;
    /// Announced while ideas load.
    fn loading_ideas(&self) -> &'static str;
    /// Shown when a board has no ideas.
    fn no_ideas(&self) -> &'static str;
    /// The line under [`Catalog::no_ideas`].
    fn no_ideas_hint(&self) -> &'static str;
    /// Shown when a board's ideas could not be loaded.
    fn ideas_failed(&self) -> &'static str;
    /// The label of a button that repeats a failed request.
    fn retry(&self) -> &'static str;
    /// Why a request failed, in words a visitor can act on.
    fn problem(&self, error: &ClientError) -> &'static str;
    /// Announced when a vote (or its withdrawal) was refused and undone.
    fn vote_failed(&self, intent: VoteIntent, title: &str, error: &ClientError) -> String;
    /// Shown in place of a widget whose embedding options are unusable.
    fn setup_failed(&self) -> &'static str;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales_are_negotiated_on_their_primary_language() {
        for tag in [
            Some("en"),
            Some("EN-gb"),
            Some("en_US"),
            Some("fr-CA"),
            Some(""),
            None,
        ] {
            assert_eq!(Locale::negotiate(tag), Locale::En, "{tag:?}");
        }
    }
}
