//! The words of a feed of the community's photos.

use crate::client::ClientError;
use crate::ideas::VoteIntent;

mod ar;
mod de;
mod en;
mod fr;

/// Messages of the feed widget, in one locale.
pub trait FeedText {
    /// The heading above a feed.
    fn feed_heading(&self) -> &'static str;
    /// Announced while posts load.
    fn loading_posts(&self) -> &'static str;
    /// Shown when a feed's posts could not be loaded.
    fn posts_failed(&self) -> &'static str;
    /// Shown when a feed has no posts.
    fn no_posts(&self) -> &'static str;
    /// Shown when no post matches the chosen filters.
    fn no_post_matches(&self) -> &'static str;
    /// The accessible name of the group of filter chips.
    fn feed_filters(&self) -> &'static str;
    /// The chip that shows every post.
    fn all_posts(&self) -> &'static str;
    /// A like count with its noun: "1 like", "12 likes".
    fn likes(&self, n: u32) -> String;
    /// The accessible name of a post's like button, with its count as the button shows it.
    fn like_label(&self, n: u32) -> String;
    /// Shown and announced when a like (or taking it back) was refused and undone.
    fn like_failed(&self, intent: VoteIntent, error: &ClientError) -> String;
    /// The accessible name of the lightbox showing a photo: "Photo by Maya".
    fn photo_by(&self, name: &str) -> String;
    /// Where the lightbox is among the posts loaded: "3 of 24".
    fn position(&self, n: usize, of: usize) -> String;
    /// The lightbox's button to the previous post.
    fn previous_photo(&self) -> &'static str;
    /// The lightbox's button to the next post.
    fn next_photo(&self) -> &'static str;
    /// The lightbox's close button.
    fn close(&self) -> &'static str;
    /// The button that shows photos listed since the feed loaded: "3 new photos: show them".
    fn new_posts(&self, n: u32) -> String;
    /// Where a post was first published, in the lightbox: "First published on Instagram".
    fn first_published(&self, place: &str) -> String;
    /// The heading over the products a post shows, in the lightbox.
    fn shop_the_look(&self) -> &'static str;
    /// The carousel's button that scrolls back.
    fn previous_posts(&self) -> &'static str;
    /// The carousel's button that scrolls on.
    fn next_posts(&self) -> &'static str;
}

#[cfg(test)]
mod tests {
    use crate::client::ClientError;
    use crate::i18n::{Catalog, Locale};
    use crate::ideas::VoteIntent;

    /// Every catalog translates every message of the feed.
    #[test]
    fn every_catalog_translates_the_feed() {
        let texts = |c: &dyn Catalog| {
            vec![
                c.feed_heading(),
                c.loading_posts(),
                c.posts_failed(),
                c.no_posts(),
                c.no_post_matches(),
                c.feed_filters(),
                c.all_posts(),
                c.previous_posts(),
                c.next_posts(),
                c.previous_photo(),
                c.next_photo(),
                c.close(),
                c.shop_the_look(),
            ]
        };
        let english = texts(Locale::En.catalog());
        for locale in Locale::ALL.into_iter().filter(|&l| l != Locale::En) {
            let catalog = locale.catalog();
            for (text, english) in texts(catalog).into_iter().zip(&english) {
                assert!(!text.trim().is_empty(), "{locale:?}: blank for {english:?}");
                assert_ne!(text, *english, "{locale:?}: untranslated");
            }
            let english = Locale::En.catalog();
            let offline = ClientError::Network;
            for intent in [VoteIntent::Vote, VoteIntent::Unvote] {
                let failed = catalog.like_failed(intent, &offline);
                assert!(failed.contains(catalog.problem(&offline)), "{failed}");
                assert_ne!(failed, english.like_failed(intent, &offline));
            }
            assert!(catalog.like_label(7).contains(&catalog.number(7)));
            for n in [1, 2, 5, 11] {
                assert!(catalog.new_posts(n).contains(&catalog.number(n)) || n <= 2);
                assert_ne!(catalog.new_posts(n), english.new_posts(n));
            }
            let position = catalog.position(3, 24);
            assert!(position.contains(&catalog.number(24)), "{position}");
            assert_ne!(catalog.photo_by("Maya"), english.photo_by("Maya"));
            for n in [0, 1, 2, 5, 12, 100] {
                let likes = catalog.likes(n);
                assert!(likes.contains(&catalog.number(n)) || n <= 2, "{likes}");
                assert_ne!(likes, Locale::En.catalog().likes(n), "{locale:?}");
            }
        }
        assert_eq!(Locale::En.catalog().likes(1), "1 like");
        assert_eq!(Locale::En.catalog().likes(1200), "1,200 likes");
    }
}
