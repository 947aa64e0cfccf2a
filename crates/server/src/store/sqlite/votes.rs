//! SQLite text of the statements in [`crate::store::votes`].

/// Records a vote cast `?3` seconds ago unless the voter already supports the idea; answers a
/// row only when it added one.
pub const INSERT: &str = "INSERT INTO votes (idea_id, voter, created_at)
                          VALUES (?1, ?2,
                                  strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-' || ?3 || ' seconds'))
                          ON CONFLICT (idea_id, voter) DO NOTHING
                          RETURNING id";

/// Withdraws a vote, if there is one; answers a row only when it removed one.
pub const DELETE: &str = "DELETE FROM votes WHERE idea_id = ?1 AND voter = ?2 RETURNING id";

/// The voting rules of an idea's board and the idea's vote count (see `Rules`). Ideas waiting
/// for review answer nothing, as if they did not exist.
pub const RULES: &str = "SELECT b.id AS board_id, b.site_id, b.allow_anonymous_votes,
                                b.vote_cap, b.supporter_threshold, i.threshold_reached,
                                i.vote_count
                         FROM ideas i JOIN boards b ON b.id = i.board_id
                         WHERE i.id = ?1 AND NOT i.pending_review";

/// Marks idea `?1` as having reached its board's threshold, unless it already had; answers a
/// row only the first time.
pub const REACH_THRESHOLD: &str = "UPDATE ideas SET threshold_reached = TRUE
                                   WHERE id = ?1 AND NOT threshold_reached
                                   RETURNING id";

/// How many ideas of board `?1` other than `?3` voter `?2` supports.
pub const SUPPORTED: &str = "SELECT COUNT(*) FROM votes v JOIN ideas i ON i.id = v.idea_id
                             WHERE i.board_id = ?1 AND v.voter = ?2 AND v.idea_id <> ?3";

/// No lock is needed: the write transaction holds the database's only write lock.
pub const LOCK_VOTER: Option<&str> = None;
