//! PostgreSQL text of the statements in [`crate::store::reports`].

/// The reason of the reporter's earlier report of the post, if any.
pub const EARLIER: &str = "SELECT reason FROM post_reports WHERE post_id = $1 AND reporter = $2";

/// Records a report of a listed post; answers a row only when it added one (nothing for a
/// post that is not listed, or a repeat).
pub const INSERT: &str = "INSERT INTO post_reports (post_id, reporter, reason, note)
                          SELECT id, $2, $3, $4 FROM posts WHERE id = $1 AND state = 'listed'
                          ON CONFLICT (post_id, reporter) DO NOTHING
                          RETURNING id";
