//! Votes: one row per (idea, voter), which the schema's triggers turn into `ideas.vote_count`.
//!
//! Casting and withdrawing each run in one write transaction: the board's rules and the idea's
//! count are read, then the row is inserted or deleted (a repeat is a no-op, never an error).
//! On SQLite the transaction holds the database's write lock from its start; on PostgreSQL
//! the rules statement locks the idea's row until commit. Either way no other vote on the idea
//! runs in between, so the count after the change is the count read plus or minus the row, and
//! every answer carries the exact count after its own change without reading it again.

use std::time::Duration;

use kindred_api::{IdeaId, VoteState};

use crate::error::{Error, Result};
use crate::store::conn::{sql, Conn};
use crate::store::{count, seconds, Store};

mod batch;

pub use batch::VoteBatch;

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

/// What a vote request did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Voted {
    /// The answer for the voter.
    pub state: VoteState,
    /// The board the idea is on, whose live stream hears of the new count.
    pub board_id: i64,
    /// The site the board belongs to, whose webhooks hear of a threshold reached.
    pub site_id: i64,
    /// The board's supporter threshold, when this vote was the first to reach it.
    pub reached_threshold: Option<u32>,
}

/// The rules a vote is checked against, and what it may set off.
#[derive(sqlx::FromRow)]
struct Rules {
    board_id: i64,
    site_id: i64,
    allow_anonymous_votes: bool,
    vote_cap: Option<i64>,
    supporter_threshold: Option<i64>,
    threshold_reached: bool,
    vote_count: i64,
}

impl Store {
    /// Applies `change` for `voter` on idea `idea_id`, idempotently, and answers the result
    /// once it is committed.
    ///
    /// An unknown idea, or one still waiting for review, is [`Error::NotFound`]; an anonymous
    /// voter on a board that requires sign-in is [`Error::Forbidden`]; a new vote beyond the
    /// board's vote cap is [`Error::Conflict`].
    ///
    /// On SQLite the vote joins the [`VoteBatch`] with the votes that arrive while the one
    /// writer is busy; on PostgreSQL it runs in a transaction of its own.
    pub async fn vote(&self, idea_id: i64, voter: Voter<'_>, change: Change) -> Result<Voted> {
        if let Self::Sqlite(db) = self {
            return db.votes.vote(idea_id, voter, change).await;
        }
        let mut tx = self.begin_write().await?;
        let voted = apply(&mut tx.conn(), idea_id, voter, change).await?;
        tx.commit().await?;
        Ok(voted)
    }
}

/// Applies one vote inside the caller's write transaction. Every refusal comes before the
/// vote writes anything, so a refused vote leaves the transaction as it found it.
async fn apply(
    conn: &mut Conn<'_>,
    idea_id: i64,
    voter: Voter<'_>,
    change: Change,
) -> Result<Voted> {
    let rules: Rules = conn
        .fetch_optional(sql!(conn, votes::RULES), &[idea_id.into()])
        .await?
        .ok_or_else(|| Error::not_found("no idea with this id"))?;
    if voter.anonymous && !rules.allow_anonymous_votes {
        return Err(Error::Forbidden(
            "this board accepts votes from signed-in users only".into(),
        ));
    }
    if let (Change::Cast, Some(cap)) = (change, rules.vote_cap) {
        check_cap(conn, rules.board_id, idea_id, voter.key, cap).await?;
    }
    let vote_count = match change {
        Change::Cast => {
            let added = insert(conn, idea_id, voter.key, Duration::ZERO).await?;
            rules.vote_count + i64::from(added)
        }
        Change::Withdraw => {
            let args = [idea_id.into(), voter.key.into()];
            let removed: Option<(i64,)> = conn
                .fetch_optional(sql!(conn, votes::DELETE), &args)
                .await?;
            rules.vote_count - i64::from(removed.is_some())
        }
    };
    let reached_threshold = match rules.supporter_threshold {
        Some(threshold) if !rules.threshold_reached && vote_count >= threshold => {
            let first: Option<(i64,)> = conn
                .fetch_optional(sql!(conn, votes::REACH_THRESHOLD), &[idea_id.into()])
                .await?;
            first.map(|_| count(threshold))
        }
        _ => None,
    };
    Ok(Voted {
        state: VoteState {
            idea_id: IdeaId::from(idea_id),
            vote_count: count(vote_count),
            voted: change == Change::Cast,
        },
        board_id: rules.board_id,
        site_id: rules.site_id,
        reached_threshold,
    })
}

/// Records a vote cast `age` ago unless `voter` already supports the idea; answers whether a
/// row was added. A non-zero age backdates it, for imports and demo data.
pub(crate) async fn insert(
    conn: &mut Conn<'_>,
    idea_id: i64,
    voter: &str,
    age: Duration,
) -> Result<bool> {
    let args = [idea_id.into(), voter.into(), seconds(age).into()];
    let added: Option<(i64,)> = conn
        .fetch_optional(sql!(conn, votes::INSERT), &args)
        .await?;
    Ok(added.is_some())
}

/// Refuses a vote for `idea_id` when `voter` already supports `cap` other ideas on the board.
///
/// On PostgreSQL the voter's votes are first serialised by an advisory lock held until the
/// transaction ends, so two concurrent votes cannot both pass the count; SQLite's write
/// transaction already admits one writer at a time.
async fn check_cap(
    conn: &mut Conn<'_>,
    board_id: i64,
    idea_id: i64,
    voter: &str,
    cap: i64,
) -> Result<()> {
    if let Some(lock) = sql!(conn, votes::LOCK_VOTER) {
        conn.execute(lock, &[voter.into()]).await?;
    }
    let args = [board_id.into(), voter.into(), idea_id.into()];
    let (others,): (i64,) = conn.fetch_one(sql!(conn, votes::SUPPORTED), &args).await?;
    if others >= cap {
        return Err(Error::Conflict(format!(
            "you already support {cap} ideas on this board, the most it allows; \
             withdraw one of those votes to support this idea"
        )));
    }
    Ok(())
}
