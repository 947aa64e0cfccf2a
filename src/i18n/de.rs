//! The German catalog.

use kindred_api::IdeaStatus;

use super::number::{grouped, LATIN};
use super::plural::Plural;
use super::{Catalog, Problem};
use crate::client::ClientError;
use crate::ideas::VoteIntent;

/// German messages.
#[derive(Clone, Copy, Debug, Default)]
pub struct German;

impl German {
    /// `count` followed by the singular or plural noun.
    pub(super) fn counted(&self, n: u32, one: &str, other: &str) -> String {
        let noun = match Plural::english(n) {
            Plural::One => one,
            _ => other,
        };
        format!("{} {noun}", self.number(n))
    }
}

impl Catalog for German {
    fn number(&self, n: u32) -> String {
        grouped(n, '.', &LATIN)
    }

    fn votes(&self, n: u32) -> String {
        self.counted(n, "Stimme", "Stimmen")
    }

    fn comments(&self, n: u32) -> String {
        self.counted(n, "Kommentar", "Kommentare")
    }

    fn status(&self, status: IdeaStatus) -> &'static str {
        match status {
            IdeaStatus::Open => "Offen",
            IdeaStatus::UnderReview => "In Prüfung",
            IdeaStatus::Planned => "Geplant",
            IdeaStatus::InProgress => "In Arbeit",
            IdeaStatus::Shipped => "Umgesetzt",
            IdeaStatus::Declined => "Abgelehnt",
            IdeaStatus::Duplicate => "Duplikat",
        }
    }

    fn vote_label(&self, title: &str, votes: u32) -> String {
        format!("Für „{title}“ stimmen, {}", self.votes(votes))
    }

    fn author(&self, name: &str) -> String {
        format!("von {name}")
    }

    fn tags(&self) -> &'static str {
        "Schlagwörter"
    }

    fn board_heading(&self) -> &'static str {
        "Ideen der Community"
    }

    fn loading_ideas(&self) -> &'static str {
        "Ideen werden geladen …"
    }

    fn no_ideas(&self) -> &'static str {
        "Noch keine Ideen"
    }

    fn no_ideas_hint(&self) -> &'static str {
        "Ideen, die auf diesem Board geteilt werden, erscheinen hier."
    }

    fn ideas_failed(&self) -> &'static str {
        "Die Ideen konnten nicht geladen werden."
    }

    fn retry(&self) -> &'static str {
        "Erneut versuchen"
    }

    fn problem_text(&self, problem: Problem) -> &'static str {
        match problem {
            Problem::Offline => {
                "Du scheinst offline zu sein. Prüfe deine Verbindung und versuche es erneut."
            }
            Problem::Slow => "Das dauert zu lange. Bitte versuche es erneut.",
            Problem::RateLimited => {
                "Das war viel auf einmal. Bitte warte einen Moment und versuche es erneut."
            }
            Problem::Gone => "Das ist nicht mehr verfügbar.",
            Problem::NotAllowed => "Das darfst du hier nicht.",
            Problem::Server => "Bei uns ist etwas schiefgelaufen. Bitte versuche es erneut.",
        }
    }

    fn vote_done(&self, voted: bool, votes: u32) -> String {
        let what = if voted {
            "Stimme abgegeben"
        } else {
            "Stimme zurückgenommen"
        };
        format!("{what}, {}", self.votes(votes))
    }

    fn vote_failed(&self, intent: VoteIntent, title: &str, error: &ClientError) -> String {
        let what = match intent {
            VoteIntent::Vote => format!("Deine Stimme für „{title}“ wurde nicht gespeichert."),
            VoteIntent::Unvote => {
                format!("Deine Stimme für „{title}“ konnte nicht zurückgenommen werden.")
            }
        };
        format!("{what} {}", self.problem(error))
    }

    fn setup_failed(&self) -> &'static str {
        "Dieses Widget konnte nicht eingerichtet werden. Bitte versuche es später erneut."
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_group_with_dots_and_nouns_agree() {
        assert_eq!(German.number(1_234_567), "1.234.567");
        assert_eq!(German.votes(1), "1 Stimme");
        assert_eq!(German.votes(0), "0 Stimmen");
        assert_eq!(German.comments(2_000), "2.000 Kommentare");
    }
}
