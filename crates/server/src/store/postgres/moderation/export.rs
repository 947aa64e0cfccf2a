//! PostgreSQL text of the statements in [`crate::store::moderation::export`].

/// Every listed idea of board `$1`, oldest first, tags joined in the author's order.
pub const IDEAS: &str = r#"SELECT i.id, i.title, i.body, i.status,
                                COALESCE((SELECT string_agg(t.tag, ', ' ORDER BY t.position)
                                          FROM idea_tags t WHERE t.idea_id = i.id), '') AS tags,
                                i.vote_count, i.comment_count, i.author_name,
                                to_char(i.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at
                         FROM ideas i
                         WHERE i.board_id = $1 AND NOT i.pending_review
                         ORDER BY i.id"#;
