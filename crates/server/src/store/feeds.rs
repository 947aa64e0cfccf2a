//! UGC feeds: where a site collects photo posts, and the rules each feed sets.

use crate::error::{Result, ResultExt};
use crate::store::conn::{sql, Conn};
use crate::store::Store;

pub use kindred_api::moderation::DEFAULT_REPORT_THRESHOLD;

/// What a slug another feed has is refused with.
pub(crate) const SLUG_TAKEN: &str = "a feed with this slug already exists";

/// A feed and the settings requests on it need.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Feed {
    /// Row id.
    pub id: i64,
    /// The owning site's row id.
    pub site_id: i64,
    /// URL-safe identifier, as in `data-feed`.
    pub slug: String,
    /// Whether anonymous visitors may post.
    pub allow_anonymous_posts: bool,
    /// Whether new posts wait for a moderator before they are listed.
    pub premoderation: bool,
    /// The site's author name for anonymous posts.
    pub anonymous_author: String,
}

/// What it takes to create a feed.
#[derive(Clone, Debug)]
pub struct NewFeed<'a> {
    /// The owning site's row id.
    pub site_id: i64,
    /// URL-safe identifier, unique across the server.
    pub slug: &'a str,
    /// Display name.
    pub name: &'a str,
    /// Short description.
    pub description: &'a str,
    /// Whether anonymous visitors may post, or only signed-in users.
    pub allow_anonymous_posts: bool,
    /// Whether new posts wait for a moderator before they are listed.
    pub premoderation: bool,
    /// Distinct reports that hide a post pending review (at least 1).
    pub report_threshold: u32,
    /// Display order within the site.
    pub position: i64,
    /// The rights statement a poster accepts; empty for the widget's own default.
    pub consent: &'a str,
}

impl Store {
    /// Creates a feed, answering its id; a taken slug is a [`crate::Error::Conflict`].
    pub async fn create_feed(&self, feed: &NewFeed<'_>) -> Result<i64> {
        create(&mut self.acquire().await?.conn(), feed).await
    }

    /// The feed with `slug`, if any.
    pub async fn feed(&self, slug: &str) -> Result<Option<Feed>> {
        find(&mut self.acquire().await?.conn(), slug).await
    }
}

/// The feed with `slug` on `conn`, if any.
pub(crate) async fn find(conn: &mut Conn<'_>, slug: &str) -> Result<Option<Feed>> {
    conn.fetch_optional(sql!(conn, feeds::FIND), &[slug.into()])
        .await
}

/// Creates a feed on `conn`; a taken slug is a [`crate::Error::Conflict`].
pub(crate) async fn create(conn: &mut Conn<'_>, feed: &NewFeed<'_>) -> Result<i64> {
    let args = [
        feed.site_id.into(),
        feed.slug.into(),
        feed.name.into(),
        feed.description.into(),
        feed.allow_anonymous_posts.into(),
        feed.premoderation.into(),
        i64::from(feed.report_threshold.max(1)).into(),
        feed.position.into(),
        feed.consent.into(),
    ];
    conn.insert(sql!(conn, feeds::INSERT), &args)
        .await
        .conflict_on_unique(SLUG_TAKEN)
}
