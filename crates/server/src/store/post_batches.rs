//! Many posts' tags, photos and likes written at once, for seeding a feed at scale.
//!
//! Each statement carries its rows as one JSON array parameter, which the database expands
//! (`json_each` on SQLite, `json_array_elements` on PostgreSQL): ten thousand posts then take
//! a handful of statements for their tags, photos and likes instead of a hundred thousand.
//! The posts' own rows are still written one by one ([`posts::insert_row`]), each answering
//! its id.

use serde_json::{json, Value};

use crate::error::Result;
use crate::store::conn::{sql, Conn};
use crate::store::posts;

/// The renditions of a stored photo, `(width, height, file)`, narrowest first, with its
/// dominant colour and alt text: what a batch's posts reuse.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct StoredPhoto {
    /// The photo's text alternative.
    pub alt: String,
    /// Its dominant colour, `#rrggbb`.
    pub color: String,
    /// Its renditions.
    pub renditions: Vec<(u32, u32, String)>,
}

/// The photos of feed `feed_id`'s posts, oldest post first.
pub(crate) async fn photos(conn: &mut Conn<'_>, feed_id: i64) -> Result<Vec<StoredPhoto>> {
    let rows: Vec<(i64, String, String, i64, i64, String)> = conn
        .fetch_all(sql!(conn, post_batches::PHOTOS), &[feed_id.into()])
        .await?;
    let mut photos: Vec<(i64, StoredPhoto)> = Vec::new();
    for (post_id, alt, color, width, height, file) in rows {
        let size = |value: i64| u32::try_from(value).unwrap_or_default();
        let rendition = (size(width), size(height), file);
        match photos.last_mut() {
            Some((id, photo)) if *id == post_id => photo.renditions.push(rendition),
            _ => photos.push((
                post_id,
                StoredPhoto {
                    alt,
                    color,
                    renditions: vec![rendition],
                },
            )),
        }
    }
    Ok(photos.into_iter().map(|(_, photo)| photo).collect())
}

/// The tags, photo rows and likes of posts already stored, gathered, then written by
/// [`Extras::write`] in three statements.
#[derive(Debug, Default)]
pub(crate) struct Extras {
    tags: Vec<Value>,
    images: Vec<Value>,
    likes: Vec<Value>,
}

impl Extras {
    /// Adds post `post_id`'s tags (its product slugs, then its caption's hashtags), the rows
    /// of its photo's `renditions`, and a like from each of `likers` (identity keys).
    pub fn add(
        &mut self,
        post_id: i64,
        product_tags: &[String],
        caption: &str,
        renditions: &[(u32, u32, String)],
        likers: impl IntoIterator<Item = String>,
    ) {
        for (position, (kind, tag)) in (0_i64..).zip(posts::tags(product_tags, caption)) {
            self.tags.push(json!([post_id, kind, tag, position]));
        }
        for (width, height, file) in renditions {
            self.images.push(json!([post_id, width, height, file]));
        }
        for liker in likers {
            self.likes.push(json!([post_id, liker]));
        }
    }

    /// Writes everything added on `conn`, answering how many likes that was.
    pub async fn write(self, conn: &mut Conn<'_>) -> Result<usize> {
        let likes = self.likes.len();
        let batches = [
            (sql!(conn, post_batches::INSERT_TAGS), self.tags),
            (sql!(conn, post_batches::INSERT_IMAGES), self.images),
            (sql!(conn, post_batches::INSERT_LIKES), self.likes),
        ];
        for (statement, rows) in batches {
            if !rows.is_empty() {
                let rows = Value::Array(rows).to_string();
                conn.execute(statement, &[rows.as_str().into()]).await?;
            }
        }
        Ok(likes)
    }
}
