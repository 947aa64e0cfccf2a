//! The `ideas` widget: a board of ideas that visitors vote on.

mod board;
mod card;
mod excerpt;
mod tally;
mod vote;

pub use board::IdeasBoard;
pub use card::IdeaCard;
pub use tally::VoteIntent;
