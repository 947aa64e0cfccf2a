//! Everything the widget says, per locale: every visible string and accessible label comes
//! from a [`Catalog`], so translating the widget never means touching a component.
//!
//! Components read the instance's catalog from context with [`use_catalog`].

mod ar;
mod browse;
mod date;
mod de;
mod detail;
mod en;
mod feed;
mod form;
mod fr;
mod number;
mod plural;
mod relative;
mod report;
mod roadmap;
mod share;
mod submit;
mod time;

pub use date::date;
pub use relative::ago;

use ar::Arabic;
pub use browse::BrowseText;
use de::German;
pub use detail::DetailText;
use en::English;
pub use feed::FeedText;
pub use form::FormText;
use fr::French;
pub use report::ReportText;
pub use roadmap::RoadmapText;
pub use share::ShareText;
pub use submit::SubmitText;
pub use time::TimeText;

use kindred_api::{ErrorCode, IdeaStatus};
use leptos::prelude::expect_context;

use crate::client::ClientError;
use crate::ideas::VoteIntent;

/// A language the widget speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Locale {
    /// English.
    #[default]
    En,
    /// German.
    De,
    /// French.
    Fr,
    /// Arabic, written right to left.
    Ar,
}

impl Locale {
    /// Every locale with a catalog.
    pub const ALL: [Self; 4] = [Self::En, Self::De, Self::Fr, Self::Ar];

    /// The best locale for the first of `tags` (BCP 47, such as `de-CH`) that names a language
    /// with a catalog, matched on its primary language; English when none does.
    pub fn negotiate<'a>(tags: impl IntoIterator<Item = Option<&'a str>>) -> Self {
        tags.into_iter()
            .flatten()
            .find_map(|tag| {
                let language = tag.split(['-', '_']).next()?;
                Self::ALL
                    .into_iter()
                    .find(|locale| language.eq_ignore_ascii_case(locale.tag()))
            })
            .unwrap_or_default()
    }

    /// The locale's BCP 47 language tag, for the `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::De => "de",
            Self::Fr => "fr",
            Self::Ar => "ar",
        }
    }

    /// Whether the locale is written right to left.
    pub fn is_rtl(self) -> bool {
        self == Self::Ar
    }

    /// The catalog of messages in this locale.
    pub fn catalog(self) -> &'static dyn Catalog {
        match self {
            Self::En => &English,
            Self::De => &German,
            Self::Fr => &French,
            Self::Ar => &Arabic,
        }
    }
}

/// Why a request failed, as far as a visitor can act on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    /// No answer: the visitor seems offline.
    Offline,
    /// The answer took longer than the widget waits.
    Slow,
    /// Too many requests at once.
    RateLimited,
    /// The thing asked for is gone.
    Gone,
    /// The visitor may not do this.
    NotAllowed,
    /// Anything else: the fault is the server's.
    Server,
}

impl Problem {
    /// The problem `error` amounts to.
    pub fn of(error: &ClientError) -> Self {
        match error {
            ClientError::Network => Self::Offline,
            ClientError::Timeout { .. } => Self::Slow,
            ClientError::Api { code, .. } => match code {
                ErrorCode::RateLimited => Self::RateLimited,
                ErrorCode::NotFound | ErrorCode::FormClosed => Self::Gone,
                ErrorCode::Unauthorized | ErrorCode::Forbidden => Self::NotAllowed,
                _ => Self::Server,
            },
            ClientError::BadResponse { .. } | ClientError::Unsupported { .. } => Self::Server,
        }
    }
}

/// The locale of the current widget instance, as provided by the app root; English where
/// none was provided.
pub fn use_locale() -> Locale {
    leptos::prelude::use_context().unwrap_or_default()
}

/// The catalog of the current widget instance, as provided by the app root.
pub fn use_catalog() -> &'static dyn Catalog {
    expect_context()
}

/// The messages of one locale, one method per message.
pub trait Catalog:
    Sync
    + BrowseText
    + DetailText
    + FeedText
    + FormText
    + ReportText
    + RoadmapText
    + ShareText
    + SubmitText
    + TimeText
{
    /// A number formatted for display, such as `1,234`.
    fn number(&self, n: u32) -> String;
    /// A vote count with its noun: `1 vote`, `12 votes`.
    fn votes(&self, n: u32) -> String;
    /// A comment count with its noun: `1 comment`, `12 comments`.
    fn comments(&self, n: u32) -> String;
    /// The display name of an idea's status.
    fn status(&self, status: IdeaStatus) -> &'static str;
    /// The accessible name of an idea's vote button, naming the idea and its count. The count
    /// is written as the button shows it, as a word of its own, so the visible label is part of
    /// the name (WCAG 2.5.3).
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
    fn problem(&self, error: &ClientError) -> &'static str {
        self.problem_text(Problem::of(error))
    }
    /// The words for `problem`.
    fn problem_text(&self, problem: Problem) -> &'static str;
    /// Announced when the server confirmed a vote (`voted`) or its withdrawal, with the
    /// idea's new count: "Vote added, 42 votes".
    fn vote_done(&self, voted: bool, votes: u32) -> String;
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
        let cases = [
            (vec![Some("en")], Locale::En),
            (vec![Some("EN-gb")], Locale::En),
            (vec![Some("de-CH")], Locale::De),
            (vec![Some("fr_CA")], Locale::Fr),
            (vec![Some("ar-EG")], Locale::Ar),
            (vec![Some(""), None], Locale::En),
            // The first tag with a catalog wins: an option, then the page, then the browser.
            (vec![None, Some("ja"), Some("fr-FR")], Locale::Fr),
            (vec![Some("de"), Some("ar")], Locale::De),
        ];
        for (tags, locale) in cases {
            assert_eq!(Locale::negotiate(tags.clone()), locale, "{tags:?}");
        }
    }

    #[test]
    fn only_arabic_is_right_to_left() {
        let rtl: Vec<_> = Locale::ALL.into_iter().filter(|l| l.is_rtl()).collect();
        assert_eq!(rtl, [Locale::Ar]);
    }

    /// Every catalog translates every message: none is blank, and none but proper names and
    /// shared words is left in English.
    #[test]
    fn every_catalog_translates_every_message() {
        let english = Locale::En.catalog();
        let texts = |c: &dyn Catalog| {
            let mut texts = vec![
                c.tags(),
                c.board_heading(),
                c.loading_ideas(),
                c.no_ideas(),
                c.no_ideas_hint(),
                c.ideas_failed(),
                c.retry(),
                c.setup_failed(),
            ];
            texts.extend(IdeaStatus::ALL.map(|status| c.status(status)));
            texts.extend(
                [
                    Problem::Offline,
                    Problem::Slow,
                    Problem::RateLimited,
                    Problem::Gone,
                    Problem::NotAllowed,
                    Problem::Server,
                ]
                .map(|problem| c.problem_text(problem)),
            );
            texts
        };
        let reference = texts(english);
        for locale in Locale::ALL.into_iter().filter(|&l| l != Locale::En) {
            let catalog = locale.catalog();
            for (text, english) in texts(catalog).into_iter().zip(&reference) {
                assert!(!text.trim().is_empty(), "{locale:?}: blank for {english:?}");
                assert_ne!(text, *english, "{locale:?}: untranslated");
            }
            let label = catalog.vote_label("Laces", 3);
            assert!(
                label.contains("Laces") && label.contains(&catalog.number(3)),
                "{label}"
            );
            let failed = catalog.vote_failed(VoteIntent::Vote, "Laces", &ClientError::Network);
            assert!(failed.contains("Laces"), "{failed}");
            assert!(
                failed.ends_with(catalog.problem(&ClientError::Network)),
                "{failed}"
            );
            assert!(catalog.author("Ana").contains("Ana"));
            let (added, removed) = (catalog.vote_done(true, 42), catalog.vote_done(false, 41));
            assert!(added.contains(&catalog.number(42)), "{added}");
            assert!(removed.contains(&catalog.number(41)), "{removed}");
            assert_ne!(
                added,
                english.vote_done(true, 42),
                "{locale:?}: untranslated"
            );
        }
    }

    /// The loader's own message when the widget cannot load offers the catalogs' retry.
    #[test]
    fn the_loader_speaks_every_locale_with_the_catalogs_words() {
        let loader = include_str!("../../loader/embed.js");
        for locale in Locale::ALL {
            let line = loader
                .lines()
                .find(|line| {
                    line.trim_start()
                        .starts_with(&format!("{}: [", locale.tag()))
                })
                .unwrap_or_else(|| panic!("the loader has no message in {locale:?}"));
            let retry = format!("\"{}\"]", locale.catalog().retry());
            assert!(
                line.trim_end().trim_end_matches(',').ends_with(&retry),
                "{line}"
            );
        }
    }
}
