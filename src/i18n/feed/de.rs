//! The feed, in German.

use super::FeedText;
use crate::client::ClientError;
use crate::i18n::plural::Plural;
use crate::i18n::{Catalog, German};
use crate::ideas::VoteIntent;

impl FeedText for German {
    fn feed_heading(&self) -> &'static str {
        "Fotos der Community"
    }

    fn loading_posts(&self) -> &'static str {
        "Fotos werden geladen …"
    }

    fn posts_failed(&self) -> &'static str {
        "Die Fotos konnten nicht geladen werden."
    }

    fn no_posts(&self) -> &'static str {
        "Hier gibt es noch keine Fotos."
    }

    fn no_post_matches(&self) -> &'static str {
        "Kein Foto passt zu diesem Filter."
    }

    fn feed_filters(&self) -> &'static str {
        "Fotos anzeigen"
    }

    fn all_posts(&self) -> &'static str {
        "Alle"
    }

    fn likes(&self, n: u32) -> String {
        self.counted(n, "Like", "Likes")
    }

    fn previous_posts(&self) -> &'static str {
        "Vorherige Fotos"
    }

    fn next_posts(&self) -> &'static str {
        "Weitere Fotos"
    }

    fn like_label(&self, n: u32) -> String {
        format!("Gefällt mir, {}", self.likes(n))
    }

    fn like_failed(&self, intent: VoteIntent, error: &ClientError) -> String {
        let what = match intent {
            VoteIntent::Vote => "Dein Like wurde nicht gespeichert.",
            VoteIntent::Unvote => "Dein Like konnte nicht zurückgenommen werden.",
        };
        format!("{what} {}", self.problem(error))
    }

    fn photo_by(&self, name: &str) -> String {
        format!("Foto von {name}")
    }

    fn position(&self, n: usize, of: usize) -> String {
        let count = |n: usize| self.number(u32::try_from(n).unwrap_or(u32::MAX));
        format!("{} von {}", count(n), count(of))
    }

    fn previous_photo(&self) -> &'static str {
        "Vorheriges Foto"
    }

    fn next_photo(&self) -> &'static str {
        "Nächstes Foto"
    }

    fn close(&self) -> &'static str {
        "Schließen"
    }

    fn new_posts(&self, n: u32) -> String {
        match Plural::english(n) {
            Plural::One => format!("{} neues Foto anzeigen", self.number(n)),
            _ => format!("{} neue Fotos anzeigen", self.number(n)),
        }
    }

    fn first_published(&self, place: &str) -> String {
        format!("Zuerst veröffentlicht bei {place}")
    }

    fn shop_the_look(&self) -> &'static str {
        "Diesen Look shoppen"
    }
}
