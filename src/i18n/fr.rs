//! The French catalog.

use kindred_api::IdeaStatus;

use super::number::{grouped, LATIN};
use super::plural::Plural;
use super::{Catalog, Problem};
use crate::client::ClientError;
use crate::ideas::VoteIntent;

/// French messages.
#[derive(Clone, Copy, Debug, Default)]
pub struct French;

/// The narrow no-break space French puts between groups of digits.
const GROUP: char = '\u{202F}';

impl French {
    /// `count` followed by the singular (zero and one) or plural noun.
    pub(super) fn counted(&self, n: u32, one: &str, other: &str) -> String {
        let noun = match Plural::french(n) {
            Plural::One => one,
            _ => other,
        };
        format!("{}\u{00A0}{noun}", self.number(n))
    }
}

impl Catalog for French {
    fn number(&self, n: u32) -> String {
        grouped(n, GROUP, &LATIN)
    }

    fn votes(&self, n: u32) -> String {
        self.counted(n, "vote", "votes")
    }

    fn comments(&self, n: u32) -> String {
        self.counted(n, "commentaire", "commentaires")
    }

    fn status(&self, status: IdeaStatus) -> &'static str {
        match status {
            IdeaStatus::Open => "Ouverte",
            IdeaStatus::UnderReview => "À l’étude",
            IdeaStatus::Planned => "Prévue",
            IdeaStatus::InProgress => "En cours",
            IdeaStatus::Shipped => "Livrée",
            IdeaStatus::Declined => "Refusée",
            IdeaStatus::Duplicate => "Doublon",
        }
    }

    fn vote_label(&self, title: &str, votes: u32) -> String {
        format!("Voter pour « {title} », {}", self.votes(votes))
    }

    fn author(&self, name: &str) -> String {
        format!("par {name}")
    }

    fn tags(&self) -> &'static str {
        "Étiquettes"
    }

    fn board_heading(&self) -> &'static str {
        "Idées de la communauté"
    }

    fn loading_ideas(&self) -> &'static str {
        "Chargement des idées…"
    }

    fn no_ideas(&self) -> &'static str {
        "Pas encore d’idées"
    }

    fn no_ideas_hint(&self) -> &'static str {
        "Les idées partagées sur ce tableau apparaîtront ici."
    }

    fn ideas_failed(&self) -> &'static str {
        "Impossible de charger les idées."
    }

    fn retry(&self) -> &'static str {
        "Réessayer"
    }

    fn problem_text(&self, problem: Problem) -> &'static str {
        match problem {
            Problem::Offline => "Vous semblez hors ligne. Vérifiez votre connexion et réessayez.",
            Problem::Slow => "Cela prend trop de temps. Veuillez réessayer.",
            Problem::RateLimited => {
                "Cela fait beaucoup d’un coup. Patientez un instant, puis réessayez."
            }
            Problem::Gone => "Ce contenu n’est plus disponible.",
            Problem::NotAllowed => "Vous n’êtes pas autorisé à faire cela ici.",
            Problem::Server => "Un problème est survenu de notre côté. Veuillez réessayer.",
        }
    }

    fn vote_done(&self, voted: bool, votes: u32) -> String {
        let what = if voted {
            "Vote ajouté"
        } else {
            "Vote retiré"
        };
        format!("{what}, {}", self.votes(votes))
    }

    fn vote_failed(&self, intent: VoteIntent, title: &str, error: &ClientError) -> String {
        let what = match intent {
            VoteIntent::Vote => format!("Votre vote pour « {title} » n’a pas été enregistré."),
            VoteIntent::Unvote => format!("Le retrait de votre vote pour « {title} » a échoué."),
        };
        format!("{what} {}", self.problem(error))
    }

    fn setup_failed(&self) -> &'static str {
        "Ce widget n’a pas pu être configuré. Veuillez réessayer plus tard."
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_group_with_narrow_spaces_and_zero_is_singular() {
        assert_eq!(French.number(1_234_567), "1\u{202F}234\u{202F}567");
        assert_eq!(French.votes(0), "0\u{00A0}vote");
        assert_eq!(French.votes(1), "1\u{00A0}vote");
        assert_eq!(French.votes(2), "2\u{00A0}votes");
    }
}
