//! SQLite text of the statements in [`crate::store::likes`].

/// Records a like made `?3` seconds ago unless the liker already likes the post; answers a
/// row only when it added one.
pub const INSERT: &str = "INSERT INTO post_likes (post_id, liker, created_at)
                          VALUES (?1, ?2,
                                  strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-' || ?3 || ' seconds'))
                          ON CONFLICT (post_id, liker) DO NOTHING
                          RETURNING id";

/// Withdraws a like, if there is one.
pub const DELETE: &str = "DELETE FROM post_likes WHERE post_id = ?1 AND liker = ?2";

/// A post's like count, as the triggers keep it.
pub const COUNT: &str = "SELECT like_count FROM posts WHERE id = ?1";

/// A post's feed when the post is listed; others answer nothing, as if they did not exist.
pub const LISTED: &str = "SELECT feed_id FROM posts WHERE id = ?1 AND state = 'listed'";
