//! SQLite text of the statements in [`crate::store::post_batches`].

/// The photos of a feed's posts: post id, alt, colour and each rendition, oldest post first.
pub const PHOTOS: &str = "SELECT p.id, p.alt, p.color, m.width, m.height, m.file
                          FROM posts p JOIN post_images m ON m.post_id = p.id
                          WHERE p.feed_id = ?1
                          ORDER BY p.id, m.width";

/// Stores tags from a JSON array of `[post id, kind, tag, position]`; a repeat is dropped.
pub const INSERT_TAGS: &str = "INSERT INTO post_tags (post_id, kind, tag, position)
                               SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3
                               FROM json_each(?1) WHERE true
                               ON CONFLICT (post_id, kind, tag) DO NOTHING";

/// Stores photo rows from a JSON array of `[post id, width, height, file]`.
pub const INSERT_IMAGES: &str = "INSERT INTO post_images (post_id, width, height, file)
                                 SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3
                                 FROM json_each(?1)";

/// Stores likes from a JSON array of `[post id, liker]`; the triggers count them.
pub const INSERT_LIKES: &str = "INSERT INTO post_likes (post_id, liker)
                                SELECT value ->> 0, value ->> 1
                                FROM json_each(?1)";
