//! SQLite text of the statements in [`crate::store::ideas`].

use crate::store::ideas::IdeaReads;

/// SQLite's pieces of the idea reads.
pub const READS: IdeaReads = IdeaReads {
    param: '?',
    columns: "i.id, i.title, i.body, i.status, i.duplicate_of, i.vote_count, i.comment_count,
              i.author_name, i.author_avatar, i.created_at,
              b.supporter_threshold AS threshold,
              (SELECT json_group_array(t.tag ORDER BY t.position)
                 FROM idea_tags t WHERE t.idea_id = i.id) AS tags,
              EXISTS (SELECT 1 FROM votes v WHERE v.idea_id = i.id AND v.voter = ?1) AS voted",
    recent_votes,
    // Stored times are text already, in the cursor's own format.
    time_cast: "",
};

/// Votes on idea `i` in the last `days` days. Stored times are fixed-width RFC 3339 text, so
/// text order is time order.
fn recent_votes(days: u32) -> String {
    format!(
        "(SELECT COUNT(*) FROM votes r WHERE r.idea_id = i.id
            AND r.created_at >= strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-{days} days'))"
    )
}

/// Stores an idea created `?7` seconds ago, answering its id.
pub const INSERT: &str = "INSERT INTO ideas
                              (board_id, title, body, status, author_name, author_voter,
                               created_at)
                          VALUES (?1, ?2, ?3, ?4, ?5, ?6,
                                  strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-' || ?7 || ' seconds'))
                          RETURNING id";

/// Stores one tag of an idea at its position.
pub const INSERT_TAG: &str = "INSERT INTO idea_tags (idea_id, tag, position) VALUES (?1, ?2, ?3)";

/// Whether the board of an idea admits anonymous visitors.
pub const ALLOWS_ANONYMOUS: &str = "SELECT b.allow_anonymous
                                    FROM ideas i JOIN boards b ON b.id = i.board_id
                                    WHERE i.id = ?1";
