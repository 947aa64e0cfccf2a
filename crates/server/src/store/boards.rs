//! Idea boards: where a site collects ideas, and the rules each board sets.

use kindred_api::BoardSummary;

use crate::error::{Result, ResultExt};
use crate::store::conn::{sql, Conn};
use crate::store::Store;

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
    /// Whether anonymous visitors may propose ideas and comment.
    pub allow_anonymous_posts: bool,
    /// Whether anonymous visitors may vote.
    pub allow_anonymous_votes: bool,
    /// Most ideas on the board one identity may support at once; `None` for no limit.
    pub vote_cap: Option<i64>,
    /// Whether new ideas wait for a moderator before they are listed.
    pub premoderation: bool,
    /// The site's author name for anonymous proposals.
    pub anonymous_author: String,
}

/// What a board allows, as it is created.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BoardRules {
    /// Whether anonymous visitors may propose ideas and comment.
    pub allow_anonymous_posts: bool,
    /// Whether anonymous visitors may vote.
    pub allow_anonymous_votes: bool,
    /// Most ideas on the board one identity may support at once; `None` for no limit.
    pub vote_cap: Option<u32>,
    /// Whether new ideas wait for a moderator before they are listed.
    pub premoderation: bool,
}

impl BoardRules {
    /// A board anyone may use freely: anonymous posts and votes, no cap, no review.
    pub const OPEN: Self = Self {
        allow_anonymous_posts: true,
        allow_anonymous_votes: true,
        vote_cap: None,
        premoderation: false,
    };

    /// A board for signed-in users only, otherwise unrestricted.
    pub const MEMBERS: Self = Self {
        allow_anonymous_posts: false,
        allow_anonymous_votes: false,
        ..Self::OPEN
    };
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
    /// The rules the board sets for its visitors.
    pub rules: BoardRules,
    /// Display order within the site.
    pub position: i64,
}

impl Store {
    /// Creates a board, answering its id; a taken slug is a [`crate::Error::Conflict`].
    pub async fn create_board(&self, board: &NewBoard<'_>) -> Result<i64> {
        create(&mut self.acquire_write().await?.conn(), board).await
    }

    /// The board with `slug`, if any.
    pub async fn board(&self, slug: &str) -> Result<Option<Board>> {
        find(&mut self.acquire().await?.conn(), slug).await
    }
}

/// The board with `slug` on `conn`, if any.
pub(crate) async fn find(conn: &mut Conn<'_>, slug: &str) -> Result<Option<Board>> {
    conn.fetch_optional(sql!(conn, boards::FIND), &[slug.into()])
        .await
}

/// A board's summary row: slug, name, description, threshold and its three rules.
type SummaryRow = (String, String, String, Option<i64>, bool, bool, bool);

/// Site `site_id`'s boards in display order, as a widget reads them.
pub(crate) async fn summaries(conn: &mut Conn<'_>, site_id: i64) -> Result<Vec<BoardSummary>> {
    let rows: Vec<SummaryRow> = conn
        .fetch_all(sql!(conn, boards::SUMMARIES), &[site_id.into()])
        .await?;
    Ok(rows
        .into_iter()
        .map(
            |(slug, name, description, threshold, votes, posts, premoderation)| BoardSummary {
                slug,
                name,
                description,
                threshold: threshold.and_then(|t| u32::try_from(t).ok()),
                allow_anonymous_votes: votes,
                allow_anonymous_posts: posts,
                premoderation,
                form: None,
            },
        )
        .collect())
}

/// Creates a board on `conn`; a taken slug is a [`crate::Error::Conflict`].
pub(crate) async fn create(conn: &mut Conn<'_>, board: &NewBoard<'_>) -> Result<i64> {
    let args = [
        board.site_id.into(),
        board.slug.into(),
        board.name.into(),
        board.description.into(),
        board.supporter_threshold.map(i64::from).into(),
        board.rules.allow_anonymous_posts.into(),
        board.rules.allow_anonymous_votes.into(),
        board.rules.vote_cap.map(i64::from).into(),
        board.rules.premoderation.into(),
        board.position.into(),
    ];
    conn.insert(sql!(conn, boards::INSERT), &args)
        .await
        .conflict_on_unique("a board with this slug already exists")
}
