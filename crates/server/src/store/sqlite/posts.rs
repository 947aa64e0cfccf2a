//! SQLite text of the statements in [`crate::store::posts`].

use crate::store::posts::PostReads;

/// SQLite's pieces of the post reads.
pub const READS: PostReads = PostReads {
    param: '?',
    columns: "p.id, p.caption, p.alt, p.state, p.like_count, p.author_name, p.author_avatar,
              p.source_name, p.source_url,
              p.created_at, p.color,
              (SELECT json_group_array(t.tag ORDER BY t.position) FROM post_tags t
                 WHERE t.post_id = p.id AND t.kind = 'hashtag') AS tags,
              (SELECT json_group_array(t.tag ORDER BY t.position) FROM post_tags t
                 WHERE t.post_id = p.id AND t.kind = 'product') AS product_tags,
              (SELECT json_group_array(json_array(m.width, m.height, m.file) ORDER BY m.width)
                 FROM post_images m WHERE m.post_id = p.id) AS images,
              EXISTS (SELECT 1 FROM post_likes l WHERE l.post_id = p.id AND l.liker = ?1)
                AS liked",
    // Stored times are text already, in the cursor's own format.
    time_cast: "",
};

/// Stores a post created `?9` seconds ago in state `?4`, from source `?10` (at `?11`), answering
/// its id.
pub const INSERT: &str = "INSERT INTO posts
                              (feed_id, caption, alt, state, author_name, author_avatar,
                               author_key, color, created_at, source_name, source_url)
                          VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,
                                  strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-' || ?9 || ' seconds'),
                                  ?10, ?11)
                          RETURNING id";

/// Stores one tag of a post at its position; a repeat is dropped.
pub const INSERT_TAG: &str = "INSERT INTO post_tags (post_id, kind, tag, position)
                              VALUES (?1, ?2, ?3, ?4)
                              ON CONFLICT (post_id, kind, tag) DO NOTHING";

/// Stores one rendition of a post's photo.
pub const INSERT_IMAGE: &str = "INSERT INTO post_images (post_id, width, height, file)
                                VALUES (?1, ?2, ?3, ?4)";

/// The feed a post is on.
pub const FEED_ID: &str = "SELECT feed_id FROM posts WHERE id = ?1";
