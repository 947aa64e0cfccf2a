//! Reading a board for its CSV export: every listed idea with its counts, oldest first.

use crate::error::Result;
use crate::store::conn::sql;
use crate::store::Store;

/// One idea as the export writes it.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct ExportedIdea {
    /// Row id.
    pub id: i64,
    /// One-line title.
    pub title: String,
    /// Plain-text body.
    pub body: String,
    /// Status, as stored (the wire spelling).
    pub status: String,
    /// Tags in the author's order, joined with `, `.
    pub tags: String,
    /// Distinct supporters.
    pub vote_count: i64,
    /// Visible comments.
    pub comment_count: i64,
    /// The author's display name.
    pub author_name: String,
    /// Creation time, RFC 3339 UTC with milliseconds.
    pub created_at: String,
}

impl Store {
    /// Every listed idea of board `board_id`, oldest first.
    pub async fn export_ideas(&self, board_id: i64) -> Result<Vec<ExportedIdea>> {
        let mut pooled = self.acquire().await?;
        let mut conn = pooled.conn();
        conn.fetch_all(sql!(conn, moderation::export::IDEAS), &[board_id.into()])
            .await
    }
}
