//! Idea boards: where a site collects ideas, and the rules each board sets.

use kindred_api::BoardSummary;
use sqlx::SqliteExecutor;

use crate::db::Db;
use crate::error::{Result, ResultExt};

/// A board and the settings requests on it need.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Board {
    /// Row id.
    pub id: i64,
    /// The owning site's row id.
    pub site_id: i64,
    /// URL-safe identifier, as in `data-board`.
    pub slug: String,
    /// Display name.
    pub name: String,
    /// Short description shown above the board.
    pub description: String,
    /// Supporters an idea needs before the brand reviews it.
    pub supporter_threshold: Option<i64>,
    /// Whether anonymous visitors may propose and vote.
    pub allow_anonymous: bool,
    /// The site's author name for anonymous proposals.
    pub anonymous_author: String,
}

/// What it takes to create a board.
#[derive(Clone, Debug)]
pub struct NewBoard<'a> {
    /// The owning site's row id.
    pub site_id: i64,
    /// URL-safe identifier, unique across the server.
    pub slug: &'a str,
    /// Display name.
    pub name: &'a str,
    /// Short description.
    pub description: &'a str,
    /// Supporters an idea needs before the brand reviews it.
    pub supporter_threshold: Option<u32>,
    /// Whether anonymous visitors may propose and vote.
    pub allow_anonymous: bool,
    /// Display order within the site.
    pub position: i64,
}

/// Creates a board; a taken slug is a [`crate::Error::Conflict`].
pub async fn create(db: impl SqliteExecutor<'_>, board: &NewBoard<'_>) -> Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO boards
             (site_id, slug, name, description, supporter_threshold, allow_anonymous, position)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         RETURNING id",
    )
    .bind(board.site_id)
    .bind(board.slug)
    .bind(board.name)
    .bind(board.description)
    .bind(board.supporter_threshold)
    .bind(board.allow_anonymous)
    .bind(board.position)
    .fetch_one(db)
    .await
    .conflict_on_unique("a board with this slug already exists")
}

/// The board with `slug`, if any.
pub async fn find(db: impl SqliteExecutor<'_>, slug: &str) -> Result<Option<Board>> {
    Ok(sqlx::query_as(
        "SELECT b.id, b.site_id, b.slug, b.name, b.description, b.supporter_threshold,
                b.allow_anonymous, s.anonymous_author
         FROM boards b JOIN sites s ON s.id = b.site_id
         WHERE b.slug = ?1",
    )
    .bind(slug)
    .fetch_optional(db)
    .await?)
}

/// The boards of a site, in display order.
pub async fn summaries(db: &Db, site_id: i64) -> Result<Vec<BoardSummary>> {
    let rows: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT slug, name, description FROM boards WHERE site_id = ?1 ORDER BY position, id",
    )
    .bind(site_id)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(slug, name, description)| BoardSummary {
            slug,
            name,
            description,
        })
        .collect())
}
