//! PostgreSQL text of the statements in [`crate::store::moderation::curation`].

/// An idea's site, status, duplicate link, review state and pin, locking its row.
pub const STATE: &str = "SELECT b.site_id, i.status, i.duplicate_of, i.pending_review, i.pinned
                         FROM ideas i JOIN boards b ON b.id = i.board_id
                         WHERE i.id = $1
                         FOR UPDATE OF i";

/// Makes idea `$1` a duplicate of idea `$2`.
pub const MARK_DUPLICATE: &str =
    "UPDATE ideas SET status = 'duplicate', duplicate_of = $2 WHERE id = $1";

/// Points the duplicates of idea `$1` at idea `$2`.
pub const REPOINT_DUPLICATES: &str = "UPDATE ideas SET duplicate_of = $2 WHERE duplicate_of = $1";

/// Drops the votes on idea `$1` of voters who also support idea `$2`.
pub const DROP_SHARED_VOTES: &str = "DELETE FROM votes
                                     WHERE idea_id = $1
                                       AND voter IN (SELECT voter FROM votes WHERE idea_id = $2)";

/// What merging idea `$1` into idea `$2` would do: the target's votes, the source's votes
/// that would move (their voters do not support the target yet), those of voters of both,
/// and the source's comments.
pub const MERGE_PREVIEW: &str = "SELECT
    (SELECT COUNT(*) FROM votes WHERE idea_id = $2) AS votes_now,
    (SELECT COUNT(*) FROM votes s WHERE s.idea_id = $1
        AND NOT EXISTS (SELECT 1 FROM votes t WHERE t.idea_id = $2 AND t.voter = s.voter))
        AS votes_moving,
    (SELECT COUNT(*) FROM votes s WHERE s.idea_id = $1
        AND EXISTS (SELECT 1 FROM votes t WHERE t.idea_id = $2 AND t.voter = s.voter))
        AS shared_voters,
    (SELECT COUNT(*) FROM comments WHERE idea_id = $1) AS comments_moving";

/// Moves the votes of idea `$1` to idea `$2`.
pub const MOVE_VOTES: &str = "UPDATE votes SET idea_id = $2 WHERE idea_id = $1";

/// Moves the comments of idea `$1` to idea `$2`.
pub const MOVE_COMMENTS: &str = "UPDATE comments SET idea_id = $2 WHERE idea_id = $1";

/// Removes every tag of idea `$1`, before its new ones are added.
pub const DELETE_TAGS: &str = "DELETE FROM idea_tags WHERE idea_id = $1";

/// Pins idea `$1` when `$2`, else unpins it.
pub const SET_PINNED: &str = "UPDATE ideas SET pinned = $2 WHERE id = $1";
