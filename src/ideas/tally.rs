//! A vote button's state and its optimistic transitions, kept pure so the rules are tested
//! without a browser: a click shows its effect at once, the server's answer settles it, and a
//! refusal puts back what was there before.

use kindred_api::{Idea, VoteState};

/// What a vote button shows: the count and whether this visitor supports the idea.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tally {
    /// Number of supporters.
    pub count: u32,
    /// Whether this visitor is one of them.
    pub voted: bool,
}

/// What a click on the vote button asks the server for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VoteIntent {
    /// Add this visitor's vote.
    Vote,
    /// Withdraw it.
    Unvote,
}

impl Tally {
    /// The tally an idea arrived with.
    pub fn of(idea: &Idea) -> Self {
        Self {
            count: idea.vote_count,
            voted: idea.voted,
        }
    }

    /// What a click asks for from this state.
    pub fn intent(self) -> VoteIntent {
        if self.voted {
            VoteIntent::Unvote
        } else {
            VoteIntent::Vote
        }
    }

    /// The state shown right after a click, before the server answers.
    pub fn optimistic(self) -> Self {
        match self.intent() {
            VoteIntent::Vote => Self {
                count: self.count.saturating_add(1),
                voted: true,
            },
            VoteIntent::Unvote => Self {
                count: self.count.saturating_sub(1),
                voted: false,
            },
        }
    }
}

impl From<&VoteState> for Tally {
    /// The server's answer, which wins over the optimistic guess (others may have voted too).
    fn from(state: &VoteState) -> Self {
        Self {
            count: state.vote_count,
            voted: state.voted,
        }
    }
}

#[cfg(test)]
mod tests {
    use kindred_api::IdeaId;

    use super::*;

    const FRESH: Tally = Tally {
        count: 4,
        voted: false,
    };

    #[test]
    fn a_click_votes_or_unvotes_at_once() {
        assert_eq!(FRESH.intent(), VoteIntent::Vote);
        let voted = FRESH.optimistic();
        assert_eq!(
            voted,
            Tally {
                count: 5,
                voted: true
            }
        );
        assert_eq!(voted.intent(), VoteIntent::Unvote);
        assert_eq!(voted.optimistic(), FRESH);
    }

    #[test]
    fn counts_never_wrap() {
        let odd = Tally {
            count: 0,
            voted: true,
        };
        assert_eq!(odd.optimistic().count, 0);
        let full = Tally {
            count: u32::MAX,
            voted: false,
        };
        assert_eq!(full.optimistic().count, u32::MAX);
    }

    #[test]
    fn the_server_answer_settles_the_tally() {
        let answer = VoteState {
            idea_id: IdeaId::from(1),
            vote_count: 9,
            voted: true,
        };
        assert_eq!(
            Tally::from(&answer),
            Tally {
                count: 9,
                voted: true
            }
        );
    }
}
