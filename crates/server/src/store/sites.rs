//! Sites (one per brand) and the browser origins allowed to embed them.

use kindred_api::SiteConfig;
use sqlx::{SqliteConnection, SqliteExecutor};

use crate::cors::normalize_origin;
use crate::db::Db;
use crate::error::{Error, Result, ResultExt};
use crate::store::boards;

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

/// Creates a site; a taken slug is a [`Error::Conflict`].
pub async fn create(db: impl SqliteExecutor<'_>, site: &NewSite<'_>) -> Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO sites (slug, name, locale, anonymous_author) VALUES (?1, ?2, ?3, ?4)
         RETURNING id",
    )
    .bind(site.slug)
    .bind(site.name)
    .bind(site.locale)
    .bind(site.anonymous_author)
    .fetch_one(db)
    .await
    .conflict_on_unique("a site with this slug already exists")
}

/// The id of the site with `slug`, if any.
pub async fn id_by_slug(db: impl SqliteExecutor<'_>, slug: &str) -> Result<Option<i64>> {
    Ok(sqlx::query_scalar("SELECT id FROM sites WHERE slug = ?1")
        .bind(slug)
        .fetch_optional(db)
        .await?)
}

/// How many sites exist.
pub async fn count(db: impl SqliteExecutor<'_>) -> Result<i64> {
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM sites")
        .fetch_one(db)
        .await?)
}

/// Allows `origin` to embed the site. Answers whether it was new; an origin that is not an
/// http(s) origin is a [`Error::BadRequest`].
pub async fn add_origin(conn: &mut SqliteConnection, site_id: i64, origin: &str) -> Result<bool> {
    let origin = normalize_origin(origin)
        .ok_or_else(|| Error::BadRequest(format!("`{origin}` is not an http(s) origin")))?;
    let result =
        sqlx::query("INSERT OR IGNORE INTO site_origins (site_id, origin) VALUES (?1, ?2)")
            .bind(site_id)
            .bind(origin)
            .execute(conn)
            .await?;
    Ok(result.rows_affected() == 1)
}

/// Every allowed origin of every site, for the CORS check.
pub async fn all_origins(db: &Db) -> Result<Vec<String>> {
    Ok(
        sqlx::query_scalar("SELECT DISTINCT origin FROM site_origins ORDER BY origin")
            .fetch_all(db)
            .await?,
    )
}

/// The start-up configuration a widget reads for `slug`, or `None` for an unknown site.
pub async fn config(db: &Db, slug: &str) -> Result<Option<SiteConfig>> {
    let row: Option<(i64, String, String, String)> =
        sqlx::query_as("SELECT id, slug, name, locale FROM sites WHERE slug = ?1")
            .bind(slug)
            .fetch_optional(db)
            .await?;
    let Some((id, slug, name, locale)) = row else {
        return Ok(None);
    };
    Ok(Some(SiteConfig {
        id: slug,
        name,
        locale,
        boards: boards::summaries(db, id).await?,
    }))
}
