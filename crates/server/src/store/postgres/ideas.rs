//! PostgreSQL text of the statements in [`crate::store::ideas`].

use crate::store::ideas::IdeaReads;

/// PostgreSQL's pieces of the idea reads.
pub const READS: IdeaReads = IdeaReads {
    param: '$',
    // `created_at` is shown as SQLite stores it: RFC 3339, UTC, milliseconds.
    columns: r#"i.id, i.title, i.body, i.status, i.duplicate_of, i.vote_count, i.comment_count,
              i.author_name, i.author_avatar, i.pending_review, i.pinned,
              to_char(i.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
                AS created_at,
              b.supporter_threshold AS threshold"#,
    related: r#"COALESCE((SELECT json_agg(t.tag ORDER BY t.position)
                           FROM idea_tags t WHERE t.idea_id = i.id)::text, '[]') AS tags,
              EXISTS (SELECT 1 FROM votes v WHERE v.idea_id = i.id AND v.voter = $1) AS voted"#,
    recent_votes,
    // The cursor carries a time as text; comparing it as a `timestamptz` lets the `new` order
    // walk the `ideas_new` index.
    time_cast: "::timestamptz",
    search: "i.search @@ to_tsquery('simple', $6)",
    search_query,
};

/// A `to_tsquery` text: all or any words required, the last one a prefix. Words hold only
/// letters and digits, none of the operators `to_tsquery` reads.
fn search_query(words: &[String], all: bool) -> String {
    format!("{}:*", words.join(if all { " & " } else { " | " }))
}

/// Up to `$3` listed ideas of board `$1` matching `to_tsquery` text `$2`, best first by
/// `ts_rank` (titles weigh above bodies).
pub const SIMILAR: &str = "SELECT i.id, i.title, i.status, i.vote_count
                           FROM ideas i
                           WHERE i.board_id = $1 AND NOT i.pending_review
                             AND i.search @@ to_tsquery('simple', $2)
                           ORDER BY ts_rank(i.search, to_tsquery('simple', $2)) DESC,
                                    i.vote_count DESC, i.id DESC
                           LIMIT $3";

/// Votes on idea `i` in the last `days` days.
fn recent_votes(days: u32) -> String {
    format!(
        "(SELECT COUNT(*) FROM votes r WHERE r.idea_id = i.id
            AND r.created_at >= now() - make_interval(days => {days}))"
    )
}

/// Stores an idea created `$7` seconds ago, pending review when `$8`, answering its id.
pub const INSERT: &str = "INSERT INTO ideas
                              (board_id, title, body, status, author_name, author_voter,
                               created_at, pending_review, author_avatar)
                          VALUES ($1, $2, $3, $4, $5, $6,
                                  date_trunc('milliseconds', now() - make_interval(secs => $7)), $8,
                                  $9)
                          RETURNING id";

/// Stores one tag of an idea at its position.
pub const INSERT_TAG: &str = "INSERT INTO idea_tags (idea_id, tag, position) VALUES ($1, $2, $3)";

/// An idea's status changes, oldest first.
pub const HISTORY: &str = r#"SELECT from_status, to_status, note,
                                    to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at
                             FROM idea_status_changes WHERE idea_id = $1 ORDER BY id"#;

/// Where an idea lives (its board and site) and its status.
pub const HOME: &str = "SELECT i.board_id, b.site_id, i.status
                        FROM ideas i JOIN boards b ON b.id = i.board_id
                        WHERE i.id = $1";

/// An idea's status, locking its row on databases that lock rows.
pub const STATUS: &str = "SELECT status FROM ideas WHERE id = $1 FOR UPDATE";

/// Moves an idea to status `$2`; `duplicate_of` is kept only while it stays a duplicate.
pub const SET_STATUS: &str = "UPDATE ideas
                              SET status = $2,
                                  duplicate_of = CASE WHEN $2 = 'duplicate'
                                                      THEN duplicate_of END
                              WHERE id = $1";

/// Records a status change made `$5` seconds ago, answering it as [`HISTORY`] does.
pub const INSERT_STATUS_CHANGE: &str = r#"INSERT INTO idea_status_changes
                                            (idea_id, from_status, to_status, note, created_at)
                                        VALUES ($1, $2, $3, $4,
                                                date_trunc('milliseconds', now() - make_interval(secs => $5)))
                                        RETURNING from_status, to_status, note,
                                                  to_char(created_at AT TIME ZONE 'UTC',
                                                          'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at"#;
