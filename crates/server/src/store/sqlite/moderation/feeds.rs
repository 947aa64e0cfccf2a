//! SQLite text of the statements in [`crate::store::moderation::feeds`].

/// The columns of a feed's settings.
macro_rules! feed_columns {
    () => {
        "SELECT f.id, f.slug, s.slug AS site, f.name, f.description, f.premoderation,
                f.report_threshold, f.allow_anonymous_posts, f.consent, f.position
         FROM feeds f JOIN sites s ON s.id = f.site_id"
    };
}

/// A site's feeds in display order.
pub const FEEDS: &str = concat!(
    feed_columns!(),
    " WHERE f.site_id = ?1 ORDER BY f.position, f.id"
);

/// A feed's settings, by slug.
pub const FEED: &str = concat!(feed_columns!(), " WHERE f.slug = ?1");

/// The display position after a site's last feed.
pub const NEXT_POSITION: &str =
    "SELECT COALESCE(MAX(position) + 1, 0) FROM feeds WHERE site_id = ?1";

/// Writes every setting of feed `?1`.
pub const UPDATE_FEED: &str = "UPDATE feeds
                               SET slug = ?2, name = ?3, description = ?4,
                                   premoderation = ?5, report_threshold = ?6,
                                   allow_anonymous_posts = ?7, position = ?8,
                                   consent = ?9
                               WHERE id = ?1";

/// Deletes a feed by slug; its posts, their photos' rows, likes and reports go with it.
pub const DELETE_FEED: &str = "DELETE FROM feeds WHERE slug = ?1";
