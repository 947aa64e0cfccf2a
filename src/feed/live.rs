//! Live updates of a feed: its Server-Sent Events stream patches like counts in place, and
//! gathers newly listed posts that match the visitor's filters for the "new photos" button,
//! which inserts them above the posts shown only when pressed, so nothing moves under the
//! visitor's eyes meanwhile.

use kindred_api::{LiveEvent, Post, PostId};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::like::Likes;
use super::query::FeedQuery;
use crate::client::{listen, ApiClient};
use crate::ui::Pages;

/// The event names the feed's stream sends that the widget acts on.
const KINDS: [&str; 3] = ["post", "likes", "resync"];

/// The posts of `page` (newest first) that `shown` does not hold.
pub fn unseen(page: Vec<Post>, shown: &[Post]) -> Vec<Post> {
    page.into_iter()
        .filter(|post| !shown.iter().any(|known| known.id == post.id))
        .collect()
}

/// Puts `fresh` (newest first) above `shown`, skipping any already there.
pub fn insert_fresh(shown: &mut Vec<Post>, fresh: Vec<Post>) {
    let fresh = unseen(fresh, shown);
    shown.splice(0..0, fresh);
}

/// Follows the stream of `feed` until the current owner is disposed. Likes go to `likes`;
/// a new post, or a `resync` (the stream may have missed events), fetches the first page of
/// `query` again and keeps in `fresh` the posts it has that `pages` does not show.
pub fn follow(
    client: ApiClient,
    feed: String,
    query: RwSignal<FeedQuery>,
    pages: Pages<Post>,
    likes: Likes,
    fresh: RwSignal<Vec<Post>>,
) {
    let url = client.base().feed_events(&feed);
    listen(&url, &KINDS, move |event| match event {
        LiveEvent::Likes {
            post_id,
            like_count,
        } => likes.heard(&PostId(post_id), like_count),
        LiveEvent::Post { .. } | LiveEvent::Resync => {
            let (client, feed, asked) = (client.clone(), feed.clone(), query.get_untracked());
            spawn_local(async move {
                let Ok(page) = client.list_posts(&feed, &asked, None).await else {
                    return;
                };
                likes.refresh(&page.items);
                // The filters may have changed while the page was on its way.
                if query.try_get_untracked() != Some(asked) {
                    return;
                }
                if let Some(new) = pages
                    .items
                    .try_with_untracked(|shown| unseen(page.items, shown))
                {
                    fresh.try_set(new);
                }
            });
        }
        _ => {}
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(id: &str) -> Post {
        serde_json::from_value(serde_json::json!({
            "id": id, "caption": "", "alt": "a", "like_count": 0, "liked": false,
            "author": { "name": "A" }, "created_at": "2026-11-27T10:00:00Z",
            "image": { "url": "/p.jpg", "width": 3, "height": 2, "srcset": [], "color": "#abc" }
        }))
        .unwrap()
    }

    fn ids(posts: &[Post]) -> Vec<&str> {
        posts.iter().map(|post| post.id.0.as_str()).collect()
    }

    #[test]
    fn only_posts_not_shown_are_fresh_and_they_go_on_top_in_order() {
        let mut shown = vec![post("3"), post("2"), post("1")];
        let page = vec![post("5"), post("4"), post("3"), post("2")];
        let fresh = unseen(page, &shown);
        assert_eq!(ids(&fresh), ["5", "4"]);
        insert_fresh(&mut shown, vec![post("5"), post("4"), post("3")]);
        assert_eq!(ids(&shown), ["5", "4", "3", "2", "1"]);
    }
}
