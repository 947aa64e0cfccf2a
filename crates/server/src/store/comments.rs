//! Comments: an idea's thread, one page of top-level comments at a time with their replies,
//! and new comments, which the schema's triggers count into `ideas.comment_count`.
//!
//! Comments are listed in posting order, which is id order, so the cursor of a page is the id
//! of its last top-level comment. A page's replies are exactly those whose parent lies between
//! its first and last top-level comment.

use std::time::Duration;

use kindred_api::comment::NESTED_REPLY;
use kindred_api::validate::{self, FieldErrors};
use kindred_api::{Author, Comment, Page};

use crate::error::{Error, Result};
use crate::store::conn::{sql, Conn};
use crate::store::sites::{check_feature, Gated};
use crate::store::{seconds, Store};

/// Most top-level comments on one page.
pub const MAX_LIMIT: u32 = 100;
/// Top-level comments on a page when the client does not say.
pub const DEFAULT_LIMIT: u32 = 20;

/// What it takes to store a comment. The body is stored as given; callers validate and trim.
#[derive(Clone, Debug)]
pub struct NewComment<'a> {
    /// The idea's row id.
    pub idea_id: i64,
    /// The top-level comment this one answers.
    pub parent_id: Option<i64>,
    /// Plain-text body.
    pub body: &'a str,
    /// Display name of the author.
    pub author_name: &'a str,
    /// The author's avatar URL, if any.
    pub author_avatar: Option<&'a str>,
    /// The author's identity key, if known.
    pub author_voter: Option<&'a str>,
    /// How long ago it was written: zero for now, more for demo data.
    pub age: Duration,
}

/// Who may comment on an idea's board, as the comment routes need it.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct CommentRules {
    /// Whether anonymous visitors may comment.
    pub allow_anonymous_posts: bool,
    /// The site's author name for anonymous comments.
    pub anonymous_author: String,
}

/// A comment as both dialects' statements select it.
#[derive(sqlx::FromRow)]
struct CommentRow {
    id: i64,
    parent_id: Option<i64>,
    body: String,
    author_name: String,
    author_avatar: Option<String>,
    /// RFC 3339 UTC with milliseconds.
    created_at: String,
    pending_review: bool,
}

impl CommentRow {
    fn into_comment(self) -> Comment {
        Comment {
            id: self.id.to_string(),
            parent_id: self.parent_id.map(|id| id.to_string()),
            body: self.body,
            author: Author {
                name: self.author_name,
                avatar: self.author_avatar,
            },
            created_at: self.created_at,
            replies: Vec::new(),
            pending_review: self.pending_review,
        }
    }
}

impl Store {
    /// The commenting rules of idea `idea_id`'s board; `None` for an unknown idea or one still
    /// waiting for review.
    pub async fn comment_rules(&self, idea_id: i64) -> Result<Option<CommentRules>> {
        let mut pooled = self.acquire().await?;
        let mut conn = pooled.conn();
        conn.fetch_optional(sql!(conn, comments::RULES), &[idea_id.into()])
            .await
    }

    /// One page of idea `idea_id`'s top-level comments after the one with id `after`, each
    /// with its replies. The caller checks that the idea may be shown.
    pub async fn comments(
        &self,
        idea_id: i64,
        after: Option<i64>,
        limit: u32,
    ) -> Result<Page<Comment>> {
        let limit = limit.clamp(1, MAX_LIMIT);
        let mut pooled = self.acquire().await?;
        let mut conn = pooled.conn();
        // One row more than asked tells whether another page follows.
        let args = [
            idea_id.into(),
            after.unwrap_or(0).into(),
            (i64::from(limit) + 1).into(),
        ];
        let mut top: Vec<CommentRow> = conn.fetch_all(sql!(conn, comments::TOP), &args).await?;
        let next_cursor = if top.len() > limit as usize {
            top.truncate(limit as usize);
            top.last().map(|row| row.id.to_string())
        } else {
            None
        };
        let range = top.first().zip(top.last()).map(|(a, b)| (a.id, b.id));
        let mut items: Vec<Comment> = top.into_iter().map(CommentRow::into_comment).collect();
        if let Some((first, last)) = range {
            let args = [idea_id.into(), first.into(), last.into()];
            let replies: Vec<CommentRow> =
                conn.fetch_all(sql!(conn, comments::REPLIES), &args).await?;
            for reply in replies.into_iter().map(CommentRow::into_comment) {
                let parent = items
                    .iter_mut()
                    .find(|c| reply.parent_id.as_ref() == Some(&c.id));
                if let Some(parent) = parent {
                    parent.replies.push(reply);
                }
            }
        }
        Ok(Page { items, next_cursor })
    }

    /// Stores a comment and answers it; on a board that premoderates comments it waits for
    /// review, unlisted. A parent that is not a top-level comment of the same idea is a
    /// [`Error::Validation`] on `parent_id`. A site that has switched comments off refuses it
    /// with [`Error::Forbidden`].
    pub async fn create_comment(&self, comment: &NewComment<'_>) -> Result<Comment> {
        let mut tx = self.begin_write().await?;
        let mut conn = tx.conn();
        let gated = Gated::Comment {
            idea_id: comment.idea_id,
        };
        check_feature(&mut conn, gated).await?;
        let id = insert(&mut conn, comment).await?;
        let row: CommentRow = conn
            .fetch_one(sql!(conn, comments::FIND), &[id.into()])
            .await?;
        tx.commit().await?;
        Ok(row.into_comment())
    }
}

/// Stores a comment on `conn`, after checking its parent, answering its id.
pub(crate) async fn insert(conn: &mut Conn<'_>, comment: &NewComment<'_>) -> Result<i64> {
    if let Some(parent_id) = comment.parent_id {
        let args = [parent_id.into(), comment.idea_id.into()];
        let parent: Option<(Option<i64>,)> = conn
            .fetch_optional(sql!(conn, comments::PARENT), &args)
            .await?;
        let code = match parent {
            None => Some(validate::INVALID),
            Some((Some(_),)) => Some(NESTED_REPLY),
            Some((None,)) => None,
        };
        if let Some(code) = code {
            let mut errors = FieldErrors::new();
            validate::push(&mut errors, "parent_id", code);
            return Err(Error::Validation(errors));
        }
    }
    let args = [
        comment.idea_id.into(),
        comment.parent_id.into(),
        comment.body.into(),
        comment.author_name.into(),
        comment.author_avatar.into(),
        comment.author_voter.into(),
        seconds(comment.age).into(),
    ];
    conn.insert(sql!(conn, comments::INSERT), &args).await
}
