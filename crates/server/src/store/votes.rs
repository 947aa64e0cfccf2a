//! Votes: one row per (idea, voter), which the schema's triggers turn into `ideas.vote_count`.
//!
//! Casting and withdrawing each run in one `BEGIN IMMEDIATE` transaction: the write lock is
//! taken up front, the row is inserted or deleted (a repeat is a no-op, never an error), and
//! the count is read back before the lock is released. Concurrent requests therefore queue
//! on the lock and every answer carries the exact count after its own change.

use kindred_api::{IdeaId, VoteState};
use sqlx::SqliteConnection;

use crate::db::{Db, TIMESTAMP_FORMAT};
use crate::error::{Error, Result};
use crate::store::{count, ideas};

/// Which way a vote request goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// Support the idea (`PUT`).
    Cast,
    /// Withdraw support (`DELETE`).
    Withdraw,
}

/// Who is voting, as far as the rules care.
#[derive(Clone, Copy, Debug)]
pub struct Voter<'a> {
    /// The identity key stored in `votes.voter`.
    pub key: &'a str,
    /// Whether the identity is an anonymous visitor rather than a signed-in user.
    pub anonymous: bool,
}

/// Applies `change` for `voter` on idea `idea_id`, idempotently, and answers the result.
///
/// An unknown idea is [`Error::NotFound`]; an anonymous voter on a board that requires
/// sign-in is [`Error::Forbidden`].
pub async fn apply(db: &Db, idea_id: i64, voter: Voter<'_>, change: Change) -> Result<VoteState> {
    let mut tx = db.begin_with("BEGIN IMMEDIATE").await?;
    let allow_anonymous = ideas::allows_anonymous(&mut *tx, idea_id)
        .await?
        .ok_or_else(|| Error::not_found("no idea with this id"))?;
    if voter.anonymous && !allow_anonymous {
        return Err(Error::Forbidden(
            "this board accepts votes from signed-in users only".into(),
        ));
    }
    match change {
        Change::Cast => {
            insert(&mut tx, idea_id, voter.key, None).await?;
        }
        Change::Withdraw => {
            sqlx::query("DELETE FROM votes WHERE idea_id = ?1 AND voter = ?2")
                .bind(idea_id)
                .bind(voter.key)
                .execute(&mut *tx)
                .await?;
        }
    }
    let vote_count: i64 = sqlx::query_scalar("SELECT vote_count FROM ideas WHERE id = ?1")
        .bind(idea_id)
        .fetch_one(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(VoteState {
        idea_id: IdeaId::from(idea_id),
        vote_count: count(vote_count),
        voted: change == Change::Cast,
    })
}

/// Records a vote unless `voter` already supports the idea; answers whether a row was added.
/// `created_at` (stored format) backdates it, for imports and demo data.
pub async fn insert(
    conn: &mut SqliteConnection,
    idea_id: i64,
    voter: &str,
    created_at: Option<&str>,
) -> Result<bool> {
    let result = sqlx::query(
        "INSERT INTO votes (idea_id, voter, created_at)
         VALUES (?1, ?2, COALESCE(?3, strftime(?4, 'now')))
         ON CONFLICT (idea_id, voter) DO NOTHING",
    )
    .bind(idea_id)
    .bind(voter)
    .bind(created_at)
    .bind(TIMESTAMP_FORMAT)
    .execute(conn)
    .await?;
    Ok(result.rows_affected() == 1)
}
