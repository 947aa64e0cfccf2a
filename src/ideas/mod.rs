//! The `ideas` widget: a board of ideas that visitors vote on.

mod board;
mod card;
mod detail;
mod excerpt;
mod follow;
mod list;
pub mod query;
pub mod route;
mod tally;
mod vote;

pub use board::IdeasBoard;
pub use card::IdeaCard;
pub use query::ListQuery;
pub use tally::VoteIntent;
