//! Sites (one per brand) and the browser origins allowed to embed them.

use kindred_api::{FeedSummary, SiteConfig, SiteFeatures};

use crate::cors::normalize_origin;
use crate::error::{Error, Result, ResultExt};
use crate::media::probe::media_types;
use crate::store::conn::{sql, Conn};
use crate::store::moderation::from_json;
use crate::store::{boards, forms, products, Store};

/// What it takes to create a site.
#[derive(Clone, Debug)]
pub struct NewSite<'a> {
    /// URL-safe identifier, as in `data-site`.
    pub slug: &'a str,
    /// Display name of the brand.
    pub name: &'a str,
    /// Default locale (BCP 47).
    pub locale: &'a str,
    /// Author name shown on ideas from anonymous visitors.
    pub anonymous_author: &'a str,
}

impl Store {
    /// Creates a site, answering its id; a taken slug is a [`Error::Conflict`].
    pub async fn create_site(&self, site: &NewSite<'_>) -> Result<i64> {
        create(&mut self.acquire_write().await?.conn(), site).await
    }

    /// The id of the site with `slug`, if any.
    pub async fn site_id(&self, slug: &str) -> Result<Option<i64>> {
        id_by_slug(&mut self.acquire().await?.conn(), slug).await
    }

    /// Allows `origin` to embed site `site_id`. Answers whether it was new; an origin that is
    /// not an http(s) origin is a [`Error::BadRequest`].
    pub async fn add_origin(&self, site_id: i64, origin: &str) -> Result<bool> {
        add_origin(&mut self.acquire_write().await?.conn(), site_id, origin).await
    }

    /// Every allowed origin of every site, for the CORS check.
    pub async fn all_origins(&self) -> Result<Vec<String>> {
        let mut pooled = self.acquire().await?;
        let mut conn = pooled.conn();
        let rows: Vec<(String,)> = conn.fetch_all(sql!(conn, sites::ALL_ORIGINS), &[]).await?;
        Ok(rows.into_iter().map(|(origin,)| origin).collect())
    }

    /// The start-up configuration a widget reads for `slug`, or `None` for an unknown site.
    /// Its feeds tell the largest photo this server takes, `max_image_bytes`.
    pub async fn site_config(
        &self,
        slug: &str,
        max_image_bytes: u64,
    ) -> Result<Option<SiteConfig>> {
        let mut pooled = self.acquire().await?;
        let mut conn = pooled.conn();
        let row: Option<(i64, String, String, String, String, String)> = conn
            .fetch_optional(sql!(conn, sites::CONFIG), &[slug.into()])
            .await?;
        let Some((id, slug, name, locale, theme, features)) = row else {
            return Ok(None);
        };
        let mut boards = boards::summaries(&mut conn, id).await?;
        let mut board_forms = forms::board_forms(&mut conn, id).await?;
        for board in &mut boards {
            board.form = board_forms.remove(&board.slug);
        }
        let feeds: Vec<FeedRow> = conn
            .fetch_all(sql!(conn, feeds::SUMMARIES), &[id.into()])
            .await?;
        let image_types = media_types();
        Ok(Some(SiteConfig {
            id: slug,
            name,
            locale,
            boards,
            feeds: feeds
                .into_iter()
                .map(|feed| FeedSummary {
                    slug: feed.slug,
                    name: feed.name,
                    description: feed.description,
                    allow_anonymous_posts: feed.allow_anonymous_posts,
                    premoderation: feed.premoderation,
                    consent: feed.consent,
                    max_image_bytes,
                    image_types: image_types.clone(),
                })
                .collect(),
            forms: forms::summaries(&mut conn, id).await?,
            theme: from_json(&theme, "theme")?,
            features: from_json(&features, "features")?,
            products: products::list(&mut conn, id).await?,
        }))
    }
}

/// A feed of a site's configuration, as both dialects' statements select it.
#[derive(sqlx::FromRow)]
struct FeedRow {
    slug: String,
    name: String,
    description: String,
    allow_anonymous_posts: bool,
    premoderation: bool,
    consent: String,
}

/// Creates a site on `conn`; a taken slug is a [`Error::Conflict`].
pub(crate) async fn create(conn: &mut Conn<'_>, site: &NewSite<'_>) -> Result<i64> {
    let args = [
        site.slug.into(),
        site.name.into(),
        site.locale.into(),
        site.anonymous_author.into(),
    ];
    conn.insert(sql!(conn, sites::INSERT), &args)
        .await
        .conflict_on_unique("a site with this slug already exists")
}

/// The id of the site with `slug`, if any.
pub(crate) async fn id_by_slug(conn: &mut Conn<'_>, slug: &str) -> Result<Option<i64>> {
    let row: Option<(i64,)> = conn
        .fetch_optional(sql!(conn, sites::ID_BY_SLUG), &[slug.into()])
        .await?;
    Ok(row.map(|(id,)| id))
}

/// How many sites exist.
pub(crate) async fn count(conn: &mut Conn<'_>) -> Result<i64> {
    let (count,): (i64,) = conn.fetch_one(sql!(conn, sites::COUNT), &[]).await?;
    Ok(count)
}

/// Allows `origin` to embed the site, normalised; answers whether it was new.
pub(crate) async fn add_origin(conn: &mut Conn<'_>, site_id: i64, origin: &str) -> Result<bool> {
    let origin = normalize_origin(origin)
        .ok_or_else(|| Error::BadRequest(format!("`{origin}` is not an http(s) origin")))?;
    let added = conn
        .execute(
            sql!(conn, sites::ADD_ORIGIN),
            &[site_id.into(), origin.as_str().into()],
        )
        .await?;
    Ok(added == 1)
}

/// A write that a site's feature flags govern.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Gated {
    /// A new idea on the board with this row id (`idea_submissions`).
    Idea {
        /// The board's row id.
        board_id: i64,
    },
    /// A new comment on the idea with this row id (`comments`).
    Comment {
        /// The idea's row id.
        idea_id: i64,
    },
}

/// Refuses `write` with [`Error::Forbidden`] when its site has switched the feature off, so
/// the flags the widget reads hold for every client. An unknown board or idea passes: the
/// write then fails on its own terms.
pub(crate) async fn check_feature(conn: &mut Conn<'_>, write: Gated) -> Result<()> {
    let (statement, id) = match write {
        Gated::Idea { board_id } => (sql!(conn, sites::FEATURES_OF_BOARD), board_id),
        Gated::Comment { idea_id } => (sql!(conn, sites::FEATURES_OF_IDEA), idea_id),
    };
    let row: Option<(String,)> = conn.fetch_optional(statement, &[id.into()]).await?;
    let Some((features,)) = row else {
        return Ok(());
    };
    let features: SiteFeatures = from_json(&features, "features")?;
    match write {
        Gated::Idea { .. } if !features.idea_submissions => Err(Error::Forbidden(
            "this site does not take new ideas at the moment".into(),
        )),
        Gated::Comment { .. } if !features.comments => Err(Error::Forbidden(
            "this site has switched comments off".into(),
        )),
        _ => Ok(()),
    }
}
