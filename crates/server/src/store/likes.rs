//! Likes: one row per (post, liker), which the schema's triggers turn into `posts.like_count`.
//!
//! Liking and unliking each run in one write transaction that changes the row (a repeat is a
//! no-op, never an error) and reads the count back before it ends, exactly as votes do (see
//! [`crate::store::votes`]), so every answer carries the exact count after its own change.

use std::time::Duration;

use kindred_api::{LikeState, PostId};

use crate::error::{Error, Result};
use crate::store::conn::{sql, Conn};
use crate::store::{count, seconds, Store};

/// What a like request did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Liked {
    /// The answer for the liker.
    pub state: LikeState,
    /// The feed the post is on, whose live stream hears of the new count.
    pub feed_id: i64,
}

impl Store {
    /// Makes `liker` like (`liked`) or not like post `post_id`, idempotently, and answers the
    /// result. A post that is not listed is [`Error::NotFound`].
    pub async fn like(&self, post_id: i64, liker: &str, liked: bool) -> Result<Liked> {
        let mut tx = self.begin_write().await?;
        let mut conn = tx.conn();
        let (feed_id,): (i64,) = conn
            .fetch_optional(sql!(conn, likes::LISTED), &[post_id.into()])
            .await?
            .ok_or_else(|| Error::not_found("no post with this id"))?;
        if liked {
            insert(&mut conn, post_id, liker, Duration::ZERO).await?;
        } else {
            let args = [post_id.into(), liker.into()];
            conn.execute(sql!(conn, likes::DELETE), &args).await?;
        }
        let (like_count,): (i64,) = conn
            .fetch_one(sql!(conn, likes::COUNT), &[post_id.into()])
            .await?;
        tx.commit().await?;
        Ok(Liked {
            state: LikeState {
                post_id: PostId::from(post_id),
                like_count: count(like_count),
                liked,
            },
            feed_id,
        })
    }
}

/// Records a like made `age` ago unless `liker` already likes the post; answers whether a row
/// was added. A non-zero age backdates it, for demo data.
pub(crate) async fn insert(
    conn: &mut Conn<'_>,
    post_id: i64,
    liker: &str,
    age: Duration,
) -> Result<bool> {
    let args = [post_id.into(), liker.into(), seconds(age).into()];
    let added: Option<(i64,)> = conn
        .fetch_optional(sql!(conn, likes::INSERT), &args)
        .await?;
    Ok(added.is_some())
}
