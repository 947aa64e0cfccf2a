//! UGC feeds as moderators manage them: every setting, read and written in one place, beside
//! [`super::settings`] for sites and boards.
//!
//! Feed rows are read afresh by every request that needs them (no cache), so a changed setting
//! applies to the next post or report.

use kindred_api::moderation::{CreateFeed, FeedSettings, UpdateFeed};

use crate::error::{Error, Result, ResultExt};
use crate::store::conn::{sql, Conn};
use crate::store::feeds::{self, NewFeed};
use crate::store::{count, Store};

/// A feed as both dialects' statements select it.
#[derive(sqlx::FromRow)]
struct FeedRow {
    id: i64,
    slug: String,
    site: String,
    name: String,
    description: String,
    premoderation: bool,
    report_threshold: i64,
    allow_anonymous_posts: bool,
    consent: String,
    position: i64,
}

impl From<FeedRow> for FeedSettings {
    fn from(row: FeedRow) -> Self {
        Self {
            slug: row.slug,
            site: row.site,
            name: row.name,
            description: row.description,
            premoderation: row.premoderation,
            report_threshold: count(row.report_threshold),
            allow_anonymous_posts: row.allow_anonymous_posts,
            consent: row.consent,
            position: count(row.position),
        }
    }
}

/// The feed with `slug`; `None` when there is none.
async fn find(conn: &mut Conn<'_>, slug: &str) -> Result<Option<FeedRow>> {
    conn.fetch_optional(sql!(conn, moderation::feeds::FEED), &[slug.into()])
        .await
}

impl Store {
    /// The feeds of site `site_id` in display order.
    pub async fn feed_settings_list(&self, site_id: i64) -> Result<Vec<FeedSettings>> {
        let mut pooled = self.acquire().await?;
        let mut conn = pooled.conn();
        let rows: Vec<FeedRow> = conn
            .fetch_all(sql!(conn, moderation::feeds::FEEDS), &[site_id.into()])
            .await?;
        Ok(rows.into_iter().map(FeedSettings::from).collect())
    }

    /// The settings of the feed with `slug`; `None` when there is none.
    pub async fn feed_settings(&self, slug: &str) -> Result<Option<FeedSettings>> {
        let mut pooled = self.acquire().await?;
        Ok(find(&mut pooled.conn(), slug)
            .await?
            .map(FeedSettings::from))
    }

    /// Creates a feed (validated) on site `site_id`, after its others unless `feed` says
    /// where; a taken slug is [`Error::Conflict`].
    pub async fn create_feed_with_settings(
        &self,
        site_id: i64,
        feed: &CreateFeed,
    ) -> Result<FeedSettings> {
        let mut tx = self.begin_write().await?;
        let mut conn = tx.conn();
        let position = match feed.position {
            Some(position) => i64::from(position),
            None => {
                let (next,): (i64,) = conn
                    .fetch_one(
                        sql!(conn, moderation::feeds::NEXT_POSITION),
                        &[site_id.into()],
                    )
                    .await?;
                next
            }
        };
        let new = NewFeed {
            site_id,
            slug: &feed.slug,
            name: feed.name.trim(),
            description: feed.description.trim(),
            allow_anonymous_posts: feed.allow_anonymous_posts,
            premoderation: feed.premoderation,
            report_threshold: feed.report_threshold,
            position,
            consent: feed.consent.trim(),
        };
        feeds::create(&mut conn, &new).await?;
        let settings = find(&mut conn, &feed.slug).await?;
        tx.commit().await?;
        settings
            .map(FeedSettings::from)
            .ok_or_else(|| Error::Internal(format!("feed {} vanished", feed.slug)))
    }

    /// Applies `update` (validated) to the feed with `slug`; `None` when there is none, a
    /// slug another feed has is [`Error::Conflict`].
    pub async fn update_feed(
        &self,
        slug: &str,
        update: &UpdateFeed,
    ) -> Result<Option<FeedSettings>> {
        let mut tx = self.begin_write().await?;
        let mut conn = tx.conn();
        let Some(current) = find(&mut conn, slug).await? else {
            return Ok(None);
        };
        let new_slug = update.slug.as_deref().unwrap_or(&current.slug);
        let args = [
            current.id.into(),
            new_slug.into(),
            update
                .name
                .as_deref()
                .unwrap_or(&current.name)
                .trim()
                .into(),
            update
                .description
                .as_deref()
                .unwrap_or(&current.description)
                .trim()
                .into(),
            update.premoderation.unwrap_or(current.premoderation).into(),
            update
                .report_threshold
                .map_or(current.report_threshold, i64::from)
                .into(),
            update
                .allow_anonymous_posts
                .unwrap_or(current.allow_anonymous_posts)
                .into(),
            update.position.map_or(current.position, i64::from).into(),
            update
                .consent
                .as_deref()
                .unwrap_or(&current.consent)
                .trim()
                .into(),
        ];
        conn.execute(sql!(conn, moderation::feeds::UPDATE_FEED), &args)
            .await
            .conflict_on_unique(feeds::SLUG_TAKEN)?;
        let settings = find(&mut conn, new_slug).await?;
        tx.commit().await?;
        Ok(settings.map(FeedSettings::from))
    }

    /// Deletes the feed with `slug`, with its posts, likes and reports; whether there was one.
    pub async fn delete_feed(&self, slug: &str) -> Result<bool> {
        let mut pooled = self.acquire().await?;
        let mut conn = pooled.conn();
        let deleted = conn
            .execute(sql!(conn, moderation::feeds::DELETE_FEED), &[slug.into()])
            .await?;
        Ok(deleted > 0)
    }
}
