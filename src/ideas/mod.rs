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
mod roadmap;
pub mod route;
pub mod rules;
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
pub use signin::SignInPrompt;
pub use tally::{Tally as VoteTally, VoteIntent};

use kindred_api::Idea;

use crate::ui::Listed;

impl Listed for Idea {
    fn key(&self) -> &str {
        &self.id.0
    }
}
