//! The `ideas` widget: a board of ideas that visitors vote on.

mod board;
mod card;
mod detail;
mod excerpt;
mod follow;
mod list;
mod live;
mod outbox;
pub mod query;
pub mod route;
mod sentinel;
pub mod store;
mod tally;
pub mod threshold;
mod toolbar;
pub mod vote;

pub use board::IdeasBoard;
pub use card::IdeaCard;
pub use query::ListQuery;
pub use tally::{Tally as VoteTally, VoteIntent};
