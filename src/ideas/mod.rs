//! The `ideas` widget: a board of ideas that visitors vote on.

mod board;
mod card;
mod detail;
mod excerpt;
mod follow;
mod list;
mod live;
mod outbox;
mod pages;
pub mod query;
mod roadmap;
pub mod route;
pub mod rules;
mod sentinel;
mod signin;
pub mod store;
pub mod submit;
mod tally;
pub mod threshold;
mod toolbar;
pub mod vote;

pub use board::IdeasBoard;
pub use card::IdeaCard;
pub use query::ListQuery;
pub use rules::Action;
pub use tally::{Tally as VoteTally, VoteIntent};
