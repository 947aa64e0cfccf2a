//! The feed, in English.

use super::FeedText;
use crate::client::ClientError;
use crate::i18n::plural::Plural;
use crate::i18n::{Catalog, English};
use crate::ideas::VoteIntent;

impl FeedText for English {
    fn feed_heading(&self) -> &'static str {
        "Community photos"
    }

    fn loading_posts(&self) -> &'static str {
        "Loading photos…"
    }

    fn posts_failed(&self) -> &'static str {
        "We couldn’t load the photos."
    }

    fn no_posts(&self) -> &'static str {
        "No photos here yet."
    }

    fn no_post_matches(&self) -> &'static str {
        "No photos match this filter."
    }

    fn feed_filters(&self) -> &'static str {
        "Show photos"
    }

    fn all_posts(&self) -> &'static str {
        "All"
    }

    fn likes(&self, n: u32) -> String {
        self.counted(n, "like", "likes")
    }

    fn previous_posts(&self) -> &'static str {
        "Previous photos"
    }

    fn next_posts(&self) -> &'static str {
        "Next photos"
    }

    fn like_label(&self, n: u32) -> String {
        format!("Like, {}", self.likes(n))
    }

    fn like_failed(&self, intent: VoteIntent, error: &ClientError) -> String {
        let what = match intent {
            VoteIntent::Vote => "Your like wasn’t saved.",
            VoteIntent::Unvote => "Taking back your like didn’t work.",
        };
        format!("{what} {}", self.problem(error))
    }

    fn photo_by(&self, name: &str) -> String {
        format!("Photo by {name}")
    }

    fn position(&self, n: usize, of: usize) -> String {
        let count = |n: usize| self.number(u32::try_from(n).unwrap_or(u32::MAX));
        format!("{} of {}", count(n), count(of))
    }

    fn previous_photo(&self) -> &'static str {
        "Previous photo"
    }

    fn next_photo(&self) -> &'static str {
        "Next photo"
    }

    fn close(&self) -> &'static str {
        "Close"
    }

    fn new_posts(&self, n: u32) -> String {
        match Plural::english(n) {
            Plural::One => format!("{} new photo: show it", self.number(n)),
            _ => format!("{} new photos: show them", self.number(n)),
        }
    }

    fn first_published(&self, place: &str) -> String {
        format!("First published on {place}")
    }

    fn shop_the_look(&self) -> &'static str {
        "Shop this look"
    }
}
