//! SQLite text of the statements in [`crate::store::ideas`].

use crate::store::ideas::IdeaReads;

/// SQLite's pieces of the idea reads.
pub const READS: IdeaReads = IdeaReads {
    param: '?',
    columns: "i.id, i.title, i.body, i.status, i.duplicate_of, i.vote_count, i.comment_count,
              i.author_name, i.author_avatar, i.pending_review, i.pinned, i.created_at,
              b.supporter_threshold AS threshold",
    related: "(SELECT json_group_array(t.tag ORDER BY t.position)
                FROM idea_tags t WHERE t.idea_id = i.id) AS tags,
              EXISTS (SELECT 1 FROM votes v WHERE v.idea_id = i.id AND v.voter = ?1) AS voted",
    recent_votes,
    // Stored times are text already, in the cursor's own format.
    time_cast: "",
    search: "i.id IN (SELECT rowid FROM ideas_fts WHERE ideas_fts MATCH ?6)",
    search_query,
};

/// An FTS5 query: each word quoted as a string (words hold only letters and digits, so no
/// quote can end it early), all or any required, the last one a prefix.
fn search_query(words: &[String], all: bool) -> String {
    let quoted: Vec<String> = words.iter().map(|word| format!("\"{word}\"")).collect();
    format!("{}*", quoted.join(if all { " " } else { " OR " }))
}

/// Up to `?3` listed ideas of board `?1` matching FTS5 query `?2`, best first by bm25, with
/// title words weighing ten times body words.
pub const SIMILAR: &str = "SELECT i.id, i.title, i.status, i.vote_count
                           FROM ideas_fts JOIN ideas i ON i.id = ideas_fts.rowid
                           WHERE ideas_fts MATCH ?2 AND i.board_id = ?1 AND NOT i.pending_review
                           ORDER BY bm25(ideas_fts, 10.0, 1.0), i.vote_count DESC, i.id DESC
                           LIMIT ?3";

/// Votes on idea `i` in the last `days` days. Stored times are fixed-width RFC 3339 text, so
/// text order is time order.
fn recent_votes(days: u32) -> String {
    format!(
        "(SELECT COUNT(*) FROM votes r WHERE r.idea_id = i.id
            AND r.created_at >= strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-{days} days'))"
    )
}

/// Stores an idea created `?7` seconds ago, pending review when `?8`, answering its id.
pub const INSERT: &str = "INSERT INTO ideas
                              (board_id, title, body, status, author_name, author_voter,
                               created_at, pending_review, author_avatar)
                          VALUES (?1, ?2, ?3, ?4, ?5, ?6,
                                  strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-' || ?7 || ' seconds'), ?8,
                                  ?9)
                          RETURNING id";

/// Stores one tag of an idea at its position.
pub const INSERT_TAG: &str = "INSERT INTO idea_tags (idea_id, tag, position) VALUES (?1, ?2, ?3)";

/// An idea's status changes, oldest first.
pub const HISTORY: &str = r#"SELECT from_status, to_status, note,
                                    created_at AS at
                             FROM idea_status_changes WHERE idea_id = ?1 ORDER BY id"#;

/// Where an idea lives (its board and site) and its status.
pub const HOME: &str = "SELECT i.board_id, b.site_id, i.status
                        FROM ideas i JOIN boards b ON b.id = i.board_id
                        WHERE i.id = ?1";

/// An idea's status, locking its row on databases that lock rows.
pub const STATUS: &str = "SELECT status FROM ideas WHERE id = ?1";

/// Moves an idea to status `?2`; `duplicate_of` is kept only while it stays a duplicate.
pub const SET_STATUS: &str = "UPDATE ideas
                              SET status = ?2,
                                  duplicate_of = CASE WHEN ?2 = 'duplicate'
                                                      THEN duplicate_of END
                              WHERE id = ?1";

/// Records a status change made `?5` seconds ago, answering it as [`HISTORY`] does.
pub const INSERT_STATUS_CHANGE: &str = "INSERT INTO idea_status_changes
                                            (idea_id, from_status, to_status, note, created_at)
                                        VALUES (?1, ?2, ?3, ?4,
                                                strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-' || ?5 || ' seconds'))
                                        RETURNING from_status, to_status, note,
                                                  created_at AS at";
