//! SQLite text of the statements in [`crate::store::moderation::queue`].

/// Ideas waiting for review, in the queue's columns.
pub const IDEAS: &str = "SELECT 'ideas' AS kind, i.id, s.slug AS site, b.slug AS board,
                                NULL AS idea_id, i.title AS text, i.author_name,
                                i.author_voter, i.created_at
                         FROM ideas i JOIN boards b ON b.id = i.board_id
                                      JOIN sites s ON s.id = b.site_id
                         WHERE i.pending_review AND NOT i.rejected";

/// Comments waiting for review, in the queue's columns.
pub const COMMENTS: &str = "SELECT 'comments' AS kind, c.id, s.slug AS site, b.slug AS board,
                                   c.idea_id, c.body AS text, c.author_name,
                                   c.author_voter, c.created_at
                            FROM comments c JOIN ideas i ON i.id = c.idea_id
                                            JOIN boards b ON b.id = i.board_id
                                            JOIN sites s ON s.id = b.site_id
                            WHERE c.pending_review AND NOT c.rejected";

/// An idea's site and review state.
pub const IDEA_REVIEW: &str = "SELECT b.site_id, i.pending_review, i.rejected
                               FROM ideas i JOIN boards b ON b.id = i.board_id
                               WHERE i.id = ?1";

/// Sets an idea's review state: hidden when `?2`, rejected when `?3`.
pub const SET_IDEA_REVIEW: &str =
    "UPDATE ideas SET pending_review = ?2, rejected = ?3 WHERE id = ?1";

/// A comment's site and review state.
pub const COMMENT_REVIEW: &str = "SELECT b.site_id, c.pending_review, c.rejected
                                  FROM comments c JOIN ideas i ON i.id = c.idea_id
                                                  JOIN boards b ON b.id = i.board_id
                                  WHERE c.id = ?1";

/// Sets a comment's review state: hidden when `?2`, rejected when `?3`.
pub const SET_COMMENT_REVIEW: &str =
    "UPDATE comments SET pending_review = ?2, rejected = ?3 WHERE id = ?1";
