//! PostgreSQL text of the statements in [`crate::store::votes`].

/// Records a vote cast `$3` seconds ago unless the voter already supports the idea; answers a
/// row only when it added one.
pub const INSERT: &str = "INSERT INTO votes (idea_id, voter, created_at)
                          VALUES ($1, $2,
                                  date_trunc('milliseconds', now() - make_interval(secs => $3)))
                          ON CONFLICT (idea_id, voter) DO NOTHING
                          RETURNING id";

/// Withdraws a vote, if there is one.
pub const DELETE: &str = "DELETE FROM votes WHERE idea_id = $1 AND voter = $2";

/// An idea's vote count, as the triggers keep it.
pub const COUNT: &str = "SELECT vote_count FROM ideas WHERE id = $1";
