//! The honeypot field of idea, post and form submissions: bots that fill it get a convincing success
//! and nothing is stored.
//!
//! `website` (of `CreateIdea` and `SubmitForm`, and the multipart part of a post) is hidden from people by the
//! widget, so only a program filling every field sets it. Refusing it openly would teach the
//! bot to leave it empty; instead the server answers exactly as for a stored submission (201
//! with the idea or post and a `Location`, or a receipt), built here in memory.

use std::collections::HashSet;
use std::time::{SystemTime, UNIX_EPOCH};

use kindred_api::{CreateIdea, CreatePost, Idea, IdeaId, IdeaStatus, Post, PostId};

use crate::identity::Identity;
use crate::media::Processed;
use crate::store::boards::Board;
use crate::store::feeds::Feed;
use crate::store::posts::hashtags;

/// Whether a submission's `website` field filled the honeypot.
pub fn is_triggered(website: &str) -> bool {
    !website.trim().is_empty()
}

/// A fresh-looking row id that changes from one submission to the next.
pub fn decoy_id() -> i64 {
    fresh_id_and_now().0
}

/// `tags` without repeats, first occurrence first, as the store keeps them.
fn unique(tags: Vec<String>) -> Vec<String> {
    let mut seen = HashSet::new();
    tags.into_iter()
        .filter(|tag| seen.insert(tag.clone()))
        .collect()
}

/// A fresh-looking row id that changes from one submission to the next, and the present time
/// as the API writes times.
fn fresh_id_and_now() -> (i64, String) {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    let millis = i64::try_from(now.as_millis()).unwrap_or(i64::MAX);
    (
        1_000 + millis % 1_000_000,
        kindred_api::time::rfc3339(millis, true),
    )
}

/// The idea a stored submission would have answered with, for a submission that is dropped.
/// `tags` are the trimmed tags; repeats are dropped, as the store drops them.
pub fn decoy(board: &Board, input: &CreateIdea, tags: Vec<String>, author: &Identity) -> Idea {
    let tags = unique(tags);
    let (id, now) = fresh_id_and_now();
    Idea {
        id: IdeaId::from(id),
        title: input.title.trim().to_owned(),
        body: input.body.trim().to_owned(),
        status: IdeaStatus::Open,
        tags,
        vote_count: 0,
        comment_count: 0,
        voted: false,
        author: author.author(&board.anonymous_author),
        created_at: now,
        threshold: board
            .supporter_threshold
            .and_then(|threshold| u32::try_from(threshold).ok()),
        duplicate_of: None,
        pending_review: board.premoderation,
        pinned: false,
    }
}

/// The post a stored submission would have answered with, for a submission that is dropped:
/// `image` is the processed photo, never stored, so its URLs answer 404. Repeated product
/// tags are dropped, as the store drops them.
pub fn decoy_post(
    feed: &Feed,
    input: &CreatePost,
    image: &Processed,
    author: &Identity,
) -> Option<Post> {
    let product_tags = unique(input.product_tags.clone());
    let (id, now) = fresh_id_and_now();
    let caption = input.caption.trim().to_owned();
    Some(Post {
        id: PostId::from(id),
        tags: hashtags(&caption),
        caption,
        alt: input.alt.trim().to_owned(),
        product_tags,
        image: image.image()?,
        like_count: 0,
        liked: false,
        author: author.author(&feed.anonymous_author),
        created_at: now,
        source: None,
        pending_review: feed.premoderation,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_filled_honeypot_triggers() {
        assert!(!is_triggered(""));
        assert!(!is_triggered("  "));
        assert!(is_triggered("https://spam.example"));
    }
}
