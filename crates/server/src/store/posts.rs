//! Posts of a feed: newest-first pages, single posts, and new posts with their tags and
//! image renditions.

use std::collections::HashSet;
use std::time::Duration;

use kindred_api::{Author, IdeaSort, Page, Post, PostId, PostSource};

use crate::error::{Error, Result};
use crate::media::storage;
use crate::media::Rendition;
use crate::store::conn::{sql, Arg, Conn};
use crate::store::cursor::{Cursor, Key};
use crate::store::{count, seconds, Store};

/// Most posts on one page.
pub const MAX_LIMIT: u32 = 60;
/// Posts on a page when the client does not say.
pub const DEFAULT_LIMIT: u32 = 24;
/// Most hashtags of one caption that are kept for `?tag=`.
pub const HASHTAGS_MAX: usize = 30;
/// Most characters in a hashtag; longer ones are not tags.
pub const HASHTAG_MAX: usize = 64;

/// The order of a feed: newest first. Feed cursors have the shape of the idea list's `new`
/// cursors (a creation time and an id), and are read and written by the same code.
pub const ORDER: IdeaSort = IdeaSort::New;

/// What a list request asks for, already validated.
#[derive(Clone, Debug, Default)]
pub struct PostQuery {
    /// Only posts whose caption has this hashtag (lowercase, without `#`).
    pub tag: Option<String>,
    /// Only posts tagged with this product slug.
    pub product: Option<String>,
    /// Page size, `1..=MAX_LIMIT`.
    pub limit: u32,
    /// Where to continue, from the previous page.
    pub cursor: Option<Cursor>,
}

/// What it takes to store a post. Text is stored as given; callers validate and trim.
#[derive(Clone, Debug)]
pub struct NewPost<'a> {
    /// The feed's row id.
    pub feed_id: i64,
    /// Plain-text caption; its hashtags are stored for `?tag=`.
    pub caption: &'a str,
    /// Text alternative of the image.
    pub alt: &'a str,
    /// Product slugs in the author's order; repeats are dropped.
    pub product_tags: &'a [String],
    /// Display name of the author.
    pub author_name: &'a str,
    /// The author's identity key, if known.
    pub author_key: Option<&'a str>,
    /// The author's avatar URL, if known (signed-in users).
    pub author_avatar: Option<&'a str>,
    /// Whether it waits for a moderator before it is listed.
    pub pending_review: bool,
    /// The photo's renditions, already stored, narrowest first.
    pub renditions: &'a [Rendition],
    /// The photo's dominant colour, `#rrggbb`.
    pub color: &'a str,
    /// How long ago it was posted: zero for now, more for demo data.
    pub age: Duration,
    /// Where it was first published, if elsewhere.
    pub source: Option<&'a PostSource>,
}

/// What differs between the dialects in the statements that read posts; [`get_sql`] and
/// [`list_sql`] put the rest around it, once for both.
pub(crate) struct PostReads {
    /// How a parameter is written before its number: `?` or `$`.
    pub param: char,
    /// The columns of a post over `posts p`, as [`PostRow`] decodes them, with parameter 1 as
    /// the viewer's identity key (or NULL), which decides `liked`.
    pub columns: &'static str,
    /// What turns a cursor's time, bound as text, back into the type of `posts.created_at`.
    pub time_cast: &'static str,
}

/// The hashtags of a caption: `#` then letters, digits, `_` or `-`, lowercased, first
/// occurrence first, at most [`HASHTAGS_MAX`].
pub fn hashtags(caption: &str) -> Vec<String> {
    let mut seen = HashSet::new();
    caption
        .split('#')
        .skip(1)
        .map(|rest| {
            rest.chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '-')
                .flat_map(char::to_lowercase)
                .collect::<String>()
        })
        .filter(|tag| (1..=HASHTAG_MAX).contains(&tag.chars().count()))
        .filter(|tag| seen.insert(tag.clone()))
        .take(HASHTAGS_MAX)
        .collect()
}

/// One post: parameter 1 is the viewer, 2 the post's id. A post that is not listed is found
/// only by its author.
fn get_sql(reads: &PostReads) -> String {
    let (p, columns) = (reads.param, reads.columns);
    format!(
        "SELECT {columns} FROM posts p
         WHERE p.id = {p}2 AND (p.state = 'listed' OR p.author_key = {p}1)"
    )
}

/// A page of a feed's listed posts, newest first, but those the viewer reported: a reporter
/// need not see again what they asked to take down, whatever the moderators decide.
/// Parameters: 1 viewer (its identity key, as reports store it, or NULL), 2 feed id, 3 hashtag
/// or NULL, 4 product or NULL, 5 most rows; when `after_cursor`, 6 and 7 are the cursor's
/// time and id.
fn list_sql(reads: &PostReads, after_cursor: bool) -> String {
    let (p, columns) = (reads.param, reads.columns);
    let after = if after_cursor {
        format!("AND (p.created_at, p.id) < ({p}6{}, {p}7)", reads.time_cast)
    } else {
        String::new()
    };
    let tagged = |kind: &str, n: u8| {
        format!(
            "({p}{n} IS NULL OR EXISTS (SELECT 1 FROM post_tags f
                 WHERE f.post_id = p.id AND f.kind = '{kind}' AND f.tag = {p}{n}))"
        )
    };
    format!(
        "SELECT {columns} FROM posts p
         WHERE p.feed_id = {p}2 AND p.state = 'listed' AND {} AND {}
           AND NOT EXISTS (SELECT 1 FROM post_reports r
                           WHERE r.post_id = p.id AND r.reporter = {p}1) {after}
         ORDER BY p.created_at DESC, p.id DESC
         LIMIT {p}5",
        tagged("hashtag", 3),
        tagged("product", 4),
    )
}

/// A post as both dialects' statements select it.
#[derive(sqlx::FromRow)]
struct PostRow {
    id: i64,
    caption: String,
    alt: String,
    state: String,
    like_count: i64,
    author_name: String,
    author_avatar: Option<String>,
    source_name: Option<String>,
    source_url: Option<String>,
    /// RFC 3339 UTC with milliseconds.
    created_at: String,
    color: String,
    /// A JSON array of the caption's hashtags.
    tags: String,
    /// A JSON array of the product slugs.
    product_tags: String,
    /// A JSON array of `[width, height, file]`, narrowest first.
    images: String,
    liked: bool,
}

impl PostRow {
    fn into_post(self) -> Result<Post> {
        let unreadable = |what: &str, e: serde_json::Error| {
            Error::Internal(format!("post {} has unreadable {what}: {e}", self.id))
        };
        let tags: Vec<String> =
            serde_json::from_str(&self.tags).map_err(|e| unreadable("tags", e))?;
        let product_tags: Vec<String> =
            serde_json::from_str(&self.product_tags).map_err(|e| unreadable("product tags", e))?;
        let images: Vec<(u32, u32, String)> =
            serde_json::from_str(&self.images).map_err(|e| unreadable("images", e))?;
        let image = storage::post_image(&images, self.color)
            .ok_or_else(|| Error::Internal(format!("post {} has no image", self.id)))?;
        Ok(Post {
            id: PostId::from(self.id),
            caption: self.caption,
            alt: self.alt,
            tags,
            product_tags,
            image,
            like_count: count(self.like_count),
            liked: self.liked,
            author: Author {
                name: self.author_name,
                avatar: self.author_avatar,
            },
            created_at: self.created_at,
            source: self.source_name.map(|name| PostSource {
                name,
                url: self.source_url,
            }),
            pending_review: self.state != "listed",
        })
    }

    /// The cursor of the page that continues after this row.
    fn cursor(&self) -> Cursor {
        Cursor {
            sort: ORDER,
            pinned: false,
            primary: Key::Time(self.created_at.clone()),
            secondary: 0,
            id: self.id,
        }
    }
}

impl Store {
    /// One page of a feed's listed posts. `viewer` is the asking identity's key: it decides
    /// `liked`, and the posts it reported are left out.
    pub async fn posts(
        &self,
        feed_id: i64,
        query: &PostQuery,
        viewer: Option<&str>,
    ) -> Result<Page<Post>> {
        let limit = query.limit.clamp(1, MAX_LIMIT);
        let mut args: Vec<Arg<'_>> = vec![
            viewer.into(),
            feed_id.into(),
            query.tag.as_deref().into(),
            query.product.as_deref().into(),
            // One row more than asked tells whether another page follows.
            (i64::from(limit) + 1).into(),
        ];
        // Feed cursors are decoded for the `new` order, so their first key is a time.
        let after = query
            .cursor
            .as_ref()
            .and_then(|cursor| match &cursor.primary {
                Key::Time(time) => Some((time.as_str(), cursor.id)),
                Key::Count(_) => None,
            });
        if let Some((time, id)) = after {
            args.extend([Arg::from(time), id.into()]);
        }
        let mut pooled = self.acquire().await?;
        let mut conn = pooled.conn();
        let sql = list_sql(&sql!(conn, posts::READS), after.is_some());
        let mut rows: Vec<PostRow> = conn.fetch_all(&sql, &args).await?;
        let next_cursor = if rows.len() > limit as usize {
            rows.truncate(limit as usize);
            rows.last().map(|row| row.cursor().encode())
        } else {
            None
        };
        let items = rows
            .into_iter()
            .map(PostRow::into_post)
            .collect::<Result<_>>()?;
        Ok(Page { items, next_cursor })
    }

    /// One post, or `None` if it does not exist or is not listed and `viewer` is not its
    /// author.
    pub async fn post(&self, id: i64, viewer: Option<&str>) -> Result<Option<Post>> {
        let mut pooled = self.acquire().await?;
        let mut conn = pooled.conn();
        let row: Option<PostRow> = conn
            .fetch_optional(
                &get_sql(&sql!(conn, posts::READS)),
                &[viewer.into(), id.into()],
            )
            .await?;
        row.map(PostRow::into_post).transpose()
    }

    /// The row id of the feed post `id` is on, whatever its state; `None` when there is no
    /// such post.
    pub async fn post_feed_id(&self, id: i64) -> Result<Option<i64>> {
        let mut pooled = self.acquire().await?;
        let mut conn = pooled.conn();
        let row: Option<(i64,)> = conn
            .fetch_optional(sql!(conn, posts::FEED_ID), &[id.into()])
            .await?;
        Ok(row.map(|(feed_id,)| feed_id))
    }

    /// Stores a post with its tags and renditions in one transaction, answering its id.
    pub async fn create_post(&self, post: &NewPost<'_>) -> Result<i64> {
        let mut tx = self.begin_write().await?;
        let id = insert(&mut tx.conn(), post).await?;
        tx.commit().await?;
        Ok(id)
    }
}

/// Stores a post on `conn`, answering its id.
pub(crate) async fn insert(conn: &mut Conn<'_>, post: &NewPost<'_>) -> Result<i64> {
    let id = insert_row(conn, post).await?;
    for (position, (kind, tag)) in (0_i64..).zip(tags(post.product_tags, post.caption)) {
        let args = [id.into(), kind.into(), tag.as_str().into(), position.into()];
        conn.execute(sql!(conn, posts::INSERT_TAG), &args).await?;
    }
    for image in post.renditions {
        let args = [
            id.into(),
            i64::from(image.width).into(),
            i64::from(image.height).into(),
            image.file.as_str().into(),
        ];
        conn.execute(sql!(conn, posts::INSERT_IMAGE), &args).await?;
    }
    Ok(id)
}

/// Stores a post's own row on `conn`, answering its id: its tags and renditions are left to
/// the caller ([`insert`], or a batch of many posts).
pub(crate) async fn insert_row(conn: &mut Conn<'_>, post: &NewPost<'_>) -> Result<i64> {
    let state = if post.pending_review {
        "pending_review"
    } else {
        "listed"
    };
    conn.insert(
        sql!(conn, posts::INSERT),
        &[
            post.feed_id.into(),
            post.caption.into(),
            post.alt.into(),
            state.into(),
            post.author_name.into(),
            post.author_avatar.into(),
            post.author_key.into(),
            post.color.into(),
            seconds(post.age).into(),
            post.source.map(|source| source.name.as_str()).into(),
            post.source.and_then(|source| source.url.as_deref()).into(),
        ],
    )
    .await
}

/// The tags a post is stored with, as `(kind, tag)` in position order: its product slugs,
/// then its caption's hashtags.
pub(crate) fn tags<'a>(
    product_tags: &'a [String],
    caption: &str,
) -> impl Iterator<Item = (&'static str, String)> + 'a {
    product_tags
        .iter()
        .map(|tag| ("product", tag.clone()))
        .chain(hashtags(caption).into_iter().map(|tag| ("hashtag", tag)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashtags_are_words_after_a_hash() {
        assert_eq!(
            hashtags("Dawn on the #Ridge, #trail_running and #ridge again! # #x-y #"),
            ["ridge", "trail_running", "x-y"]
        );
        assert!(hashtags("no tags here").is_empty());
        assert!(hashtags(&format!("#{}", "a".repeat(HASHTAG_MAX + 1))).is_empty());
    }
}
