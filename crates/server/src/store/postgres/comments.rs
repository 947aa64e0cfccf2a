//! PostgreSQL text of the statements in [`crate::store::comments`].

/// The commenting rules of an idea's board, unless the idea is waiting for review.
pub const RULES: &str = "SELECT b.allow_anonymous_posts, s.anonymous_author
                         FROM ideas i JOIN boards b ON b.id = i.board_id
                                      JOIN sites s ON s.id = b.site_id
                         WHERE i.id = $1 AND NOT i.pending_review";

/// Up to `$3` top-level comments of idea `$1` after id `$2`, oldest first.
pub const TOP: &str = r#"SELECT id, parent_id, body, author_name, author_avatar,
                                to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at, pending_review
                         FROM comments
                         WHERE idea_id = $1 AND parent_id IS NULL AND id > $2
                           AND NOT pending_review
                         ORDER BY id
                         LIMIT $3"#;

/// The replies of idea `$1` whose parents' ids lie between `$2` and `$3`, oldest first.
pub const REPLIES: &str = r#"SELECT id, parent_id, body, author_name, author_avatar,
                                    to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at, pending_review
                             FROM comments
                             WHERE idea_id = $1 AND parent_id BETWEEN $2 AND $3
                               AND NOT pending_review
                             ORDER BY id"#;

/// One comment by id.
pub const FIND: &str = r#"SELECT id, parent_id, body, author_name, author_avatar,
                                 to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at, pending_review
                          FROM comments WHERE id = $1"#;

/// The parent of comment `$1` when it belongs to idea `$2`: NULL for a top-level comment.
pub const PARENT: &str = "SELECT parent_id FROM comments WHERE id = $1 AND idea_id = $2";

/// Stores a comment written `$7` seconds ago, answering its id. It waits for review when
/// its idea's board premoderates comments.
pub const INSERT: &str = "INSERT INTO comments
                              (idea_id, parent_id, body, author_name, author_avatar,
                               author_voter, created_at, pending_review)
                          VALUES ($1, $2, $3, $4, $5, $6,
                                  date_trunc('milliseconds', now() - make_interval(secs => $7)),
                                  (SELECT b.premoderate_comments
                                   FROM ideas i JOIN boards b ON b.id = i.board_id
                                   WHERE i.id = $1))
                          RETURNING id";
