//! PostgreSQL text of the statements in [`crate::store::posts`].

use crate::store::posts::PostReads;

/// PostgreSQL's pieces of the post reads.
pub const READS: PostReads = PostReads {
    param: '$',
    // `created_at` is shown as SQLite stores it: RFC 3339, UTC, milliseconds.
    columns: r#"p.id, p.caption, p.alt, p.state, p.like_count, p.author_name, p.author_avatar,
              p.source_name, p.source_url,
              to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
                AS created_at,
              p.color,
              COALESCE((SELECT json_agg(t.tag ORDER BY t.position) FROM post_tags t
                          WHERE t.post_id = p.id AND t.kind = 'hashtag')::text, '[]') AS tags,
              COALESCE((SELECT json_agg(t.tag ORDER BY t.position) FROM post_tags t
                          WHERE t.post_id = p.id AND t.kind = 'product')::text, '[]')
                AS product_tags,
              COALESCE((SELECT json_agg(json_build_array(m.width, m.height, m.file)
                                        ORDER BY m.width)
                          FROM post_images m WHERE m.post_id = p.id)::text, '[]') AS images,
              EXISTS (SELECT 1 FROM post_likes l WHERE l.post_id = p.id AND l.liker = $1)
                AS liked"#,
    // The cursor carries a time as text; comparing it as a `timestamptz` walks `posts_new`.
    time_cast: "::timestamptz",
};

/// Stores a post created `$9` seconds ago in state `$4`, from source `$10` (at `$11`), answering
/// its id.
pub const INSERT: &str = "INSERT INTO posts
                              (feed_id, caption, alt, state, author_name, author_avatar,
                               author_key, color, created_at, source_name, source_url)
                          VALUES ($1, $2, $3, $4, $5, $6, $7, $8,
                                  date_trunc('milliseconds', now() - make_interval(secs => $9)),
                                  $10, $11)
                          RETURNING id";

/// Stores one tag of a post at its position; a repeat is dropped.
pub const INSERT_TAG: &str = "INSERT INTO post_tags (post_id, kind, tag, position)
                              VALUES ($1, $2, $3, $4)
                              ON CONFLICT (post_id, kind, tag) DO NOTHING";

/// Stores one rendition of a post's photo.
pub const INSERT_IMAGE: &str = "INSERT INTO post_images (post_id, width, height, file)
                                VALUES ($1, $2, $3, $4)";

/// The feed a post is on.
pub const FEED_ID: &str = "SELECT feed_id FROM posts WHERE id = $1";
