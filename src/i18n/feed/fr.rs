//! The feed, in French.

use super::FeedText;
use crate::client::ClientError;
use crate::i18n::plural::Plural;
use crate::i18n::{Catalog, French};
use crate::ideas::VoteIntent;

impl FeedText for French {
    fn feed_heading(&self) -> &'static str {
        "Photos de la communauté"
    }

    fn loading_posts(&self) -> &'static str {
        "Chargement des photos…"
    }

    fn posts_failed(&self) -> &'static str {
        "Impossible de charger les photos."
    }

    fn no_posts(&self) -> &'static str {
        "Pas encore de photos ici."
    }

    fn no_post_matches(&self) -> &'static str {
        "Aucune photo ne correspond à ce filtre."
    }

    fn feed_filters(&self) -> &'static str {
        "Afficher les photos"
    }

    fn all_posts(&self) -> &'static str {
        "Toutes"
    }

    fn likes(&self, n: u32) -> String {
        self.counted(n, "j’aime", "j’aime")
    }

    fn previous_posts(&self) -> &'static str {
        "Photos précédentes"
    }

    fn next_posts(&self) -> &'static str {
        "Photos suivantes"
    }

    fn like_label(&self, n: u32) -> String {
        format!("Aimer, {}", self.likes(n))
    }

    fn like_failed(&self, intent: VoteIntent, error: &ClientError) -> String {
        let what = match intent {
            VoteIntent::Vote => "Votre j’aime n’a pas été enregistré.",
            VoteIntent::Unvote => "Le retrait de votre j’aime a échoué.",
        };
        format!("{what} {}", self.problem(error))
    }

    fn photo_by(&self, name: &str) -> String {
        format!("Photo de {name}")
    }

    fn position(&self, n: usize, of: usize) -> String {
        let count = |n: usize| self.number(u32::try_from(n).unwrap_or(u32::MAX));
        format!("{} sur {}", count(n), count(of))
    }

    fn previous_photo(&self) -> &'static str {
        "Photo précédente"
    }

    fn next_photo(&self) -> &'static str {
        "Photo suivante"
    }

    fn close(&self) -> &'static str {
        "Fermer"
    }

    fn new_posts(&self, n: u32) -> String {
        match Plural::french(n) {
            Plural::One => format!("Afficher {} nouvelle photo", self.number(n)),
            _ => format!("Afficher {} nouvelles photos", self.number(n)),
        }
    }

    fn first_published(&self, place: &str) -> String {
        format!("Publié d’abord sur {place}")
    }

    fn shop_the_look(&self) -> &'static str {
        "Acheter ce look"
    }
}
