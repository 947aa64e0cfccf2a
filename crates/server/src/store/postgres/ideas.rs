//! PostgreSQL text of the statements in [`crate::store::ideas`].

use crate::store::ideas::IdeaReads;

/// PostgreSQL's pieces of the idea reads.
pub const READS: IdeaReads = IdeaReads {
    param: '$',
    // `created_at` is shown as SQLite stores it: RFC 3339, UTC, milliseconds.
    columns: r#"i.id, i.title, i.body, i.status, i.duplicate_of, i.vote_count, i.comment_count,
              i.author_name, i.author_avatar,
              to_char(i.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
                AS created_at,
              b.supporter_threshold AS threshold,
              COALESCE((SELECT json_agg(t.tag ORDER BY t.position)
                          FROM idea_tags t WHERE t.idea_id = i.id)::text, '[]') AS tags,
              EXISTS (SELECT 1 FROM votes v WHERE v.idea_id = i.id AND v.voter = $1) AS voted"#,
    recent_votes,
    // The cursor carries a time as text; comparing it as a `timestamptz` lets the `new` order
    // walk the `ideas_new` index.
    time_cast: "::timestamptz",
};

/// Votes on idea `i` in the last `days` days.
fn recent_votes(days: u32) -> String {
    format!(
        "(SELECT COUNT(*) FROM votes r WHERE r.idea_id = i.id
            AND r.created_at >= now() - make_interval(days => {days}))"
    )
}

/// Stores an idea created `$7` seconds ago, answering its id.
pub const INSERT: &str = "INSERT INTO ideas
                              (board_id, title, body, status, author_name, author_voter,
                               created_at)
                          VALUES ($1, $2, $3, $4, $5, $6,
                                  date_trunc('milliseconds', now() - make_interval(secs => $7)))
                          RETURNING id";

/// Stores one tag of an idea at its position.
pub const INSERT_TAG: &str = "INSERT INTO idea_tags (idea_id, tag, position) VALUES ($1, $2, $3)";

/// Whether the board of an idea admits anonymous visitors.
pub const ALLOWS_ANONYMOUS: &str = "SELECT b.allow_anonymous
                                    FROM ideas i JOIN boards b ON b.id = i.board_id
                                    WHERE i.id = $1";
