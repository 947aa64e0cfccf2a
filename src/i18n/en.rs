//! The English catalog.

use kindred_api::IdeaStatus;

use super::number::{grouped, LATIN};
use super::plural::Plural;
use super::{Catalog, Problem};
use crate::client::ClientError;
use crate::ideas::VoteIntent;

/// English messages.
#[derive(Clone, Copy, Debug, Default)]
pub struct English;

impl English {
    /// `count` followed by the singular or plural noun.
    pub(super) fn counted(&self, n: u32, one: &str, other: &str) -> String {
        let noun = match Plural::english(n) {
            Plural::One => one,
            _ => other,
        };
        format!("{} {noun}", self.number(n))
    }
}

impl Catalog for English {
    fn number(&self, n: u32) -> String {
        grouped(n, ',', &LATIN)
    }

    fn votes(&self, n: u32) -> String {
        self.counted(n, "vote", "votes")
    }

    fn comments(&self, n: u32) -> String {
        self.counted(n, "comment", "comments")
    }

    fn status(&self, status: IdeaStatus) -> &'static str {
        match status {
            IdeaStatus::Open => "Open",
            IdeaStatus::UnderReview => "Under review",
            IdeaStatus::Planned => "Planned",
            IdeaStatus::InProgress => "In progress",
            IdeaStatus::Shipped => "Shipped",
            IdeaStatus::Declined => "Declined",
            IdeaStatus::Duplicate => "Duplicate",
        }
    }

    fn vote_label(&self, title: &str, votes: u32) -> String {
        format!("Vote for “{title}”, {}", self.votes(votes))
    }

    fn author(&self, name: &str) -> String {
        format!("by {name}")
    }

    fn tags(&self) -> &'static str {
        "Tags"
    }

    fn board_heading(&self) -> &'static str {
        "Community ideas"
    }

    fn loading_ideas(&self) -> &'static str {
        "Loading ideas…"
    }

    fn no_ideas(&self) -> &'static str {
        "No ideas yet"
    }

    fn no_ideas_hint(&self) -> &'static str {
        "Ideas shared on this board will show up here."
    }

    fn ideas_failed(&self) -> &'static str {
        "We couldn’t load the ideas."
    }

    fn retry(&self) -> &'static str {
        "Try again"
    }

    fn problem_text(&self, problem: Problem) -> &'static str {
        match problem {
            Problem::Offline => "You seem to be offline. Check your connection and try again.",
            Problem::Slow => "This is taking too long. Please try again.",
            Problem::RateLimited => "That’s a lot at once. Please wait a moment and try again.",
            Problem::Gone => "This is no longer available.",
            Problem::NotAllowed => "You aren’t allowed to do that here.",
            Problem::Server => "Something went wrong on our side. Please try again.",
        }
    }

    fn vote_done(&self, voted: bool, votes: u32) -> String {
        let what = if voted { "Vote added" } else { "Vote removed" };
        format!("{what}, {}", self.votes(votes))
    }

    fn vote_failed(&self, intent: VoteIntent, title: &str, error: &ClientError) -> String {
        let (what, outcome) = match intent {
            VoteIntent::Vote => ("Your vote for", "wasn’t saved"),
            VoteIntent::Unvote => ("Removing your vote for", "didn’t work"),
        };
        format!("{what} “{title}” {outcome}. {}", self.problem(error))
    }

    fn setup_failed(&self) -> &'static str {
        "This widget couldn’t be set up. Please try again later."
    }
}

#[cfg(test)]
mod tests {
    use kindred_api::ErrorCode;

    use super::*;

    #[test]
    fn counts_take_the_right_noun() {
        assert_eq!(English.votes(0), "0 votes");
        assert_eq!(English.votes(1), "1 vote");
        assert_eq!(English.votes(2_500), "2,500 votes");
        assert_eq!(English.comments(1), "1 comment");
        assert_eq!(English.comments(3), "3 comments");
    }

    #[test]
    fn every_status_has_a_name() {
        for status in IdeaStatus::ALL {
            assert!(!English.status(status).is_empty());
        }
        assert_eq!(English.status(IdeaStatus::UnderReview), "Under review");
    }

    #[test]
    fn confirmed_votes_are_announced_with_the_new_count() {
        assert_eq!(English.vote_done(true, 42), "Vote added, 42 votes");
        assert_eq!(English.vote_done(false, 1), "Vote removed, 1 vote");
    }

    #[test]
    fn vote_label_names_the_idea_and_count() {
        assert_eq!(
            English.vote_label("Wider toe box", 1),
            "Vote for “Wider toe box”, 1 vote"
        );
    }

    #[test]
    fn problems_depend_on_the_failure() {
        let api = |code: ErrorCode| ClientError::Api {
            status: code.http_status(),
            code,
            message: String::new(),
            fields: Default::default(),
        };
        let network = English.problem(&ClientError::Network);
        let slow = English.problem(&ClientError::Timeout { after_ms: 10_000 });
        assert!(slow.contains("too long"));
        assert_ne!(slow, network);
        let limited = English.problem(&api(ErrorCode::RateLimited));
        let generic = English.problem(&api(ErrorCode::Internal));
        assert!(network.contains("offline"));
        assert!(limited.contains("wait"));
        assert_ne!(generic, network);
        assert_ne!(generic, limited);
        assert_eq!(
            English.problem(&ClientError::BadResponse { status: 502 }),
            generic
        );
    }

    #[test]
    fn vote_failures_say_what_was_undone_and_why() {
        let message = English.vote_failed(VoteIntent::Vote, "Laces", &ClientError::Network);
        assert!(message.starts_with("Your vote for “Laces” wasn’t saved. "));
        assert!(message.ends_with("try again."));
        let message = English.vote_failed(VoteIntent::Unvote, "Laces", &ClientError::Network);
        assert!(message.starts_with("Removing your vote for “Laces” didn’t work. "));
    }
}
