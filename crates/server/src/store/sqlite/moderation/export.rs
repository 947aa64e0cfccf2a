//! SQLite text of the statements in [`crate::store::moderation::export`].

/// Every listed idea of board `?1`, oldest first, tags joined in the author's order.
pub const IDEAS: &str = "SELECT i.id, i.title, i.body, i.status,
                                COALESCE((SELECT group_concat(tag, ', ')
                                          FROM (SELECT t.tag FROM idea_tags t
                                                WHERE t.idea_id = i.id ORDER BY t.position)),
                                         '') AS tags,
                                i.vote_count, i.comment_count, i.author_name, i.created_at
                         FROM ideas i
                         WHERE i.board_id = ?1 AND NOT i.pending_review
                         ORDER BY i.id";
