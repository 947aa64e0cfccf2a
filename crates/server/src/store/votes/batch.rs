//! Group commit for votes on SQLite.
//!
//! SQLite has one writer, and every statement is a hand-off to the writing connection's thread,
//! so a vote's own `BEGIN` and `COMMIT` would double what it costs that writer. Instead, the
//! votes that arrive while the writer is busy are applied together in one transaction: one
//! after another, exactly as each would run alone, each answered with its own result, and none
//! answered before the commit that makes it durable. A refused vote writes nothing (see
//! [`apply`]), so it fails alone; a database failure fails the whole batch, none of whose votes
//! had been acknowledged.

use sqlx::SqlitePool;
use tokio::sync::{mpsc, oneshot};

use super::{apply, Change, Voted, Voter};
use crate::error::{Error, Result};
use crate::store::conn::Conn;
use crate::store::sqlite::BEGIN_WRITE;

/// Most votes applied in one transaction.
const MAX_BATCH: usize = 64;

/// Votes waiting for the batch task; more wait on the queue's senders.
const QUEUE: usize = 1024;

/// The queue of votes in front of the SQLite writer. Cheap to clone; clones share the queue.
#[derive(Clone, Debug)]
pub struct VoteBatch {
    queue: mpsc::Sender<Job>,
}

/// A vote waiting for its batch, and where its result goes.
struct Job {
    idea_id: i64,
    voter: String,
    anonymous: bool,
    change: Change,
    reply: oneshot::Sender<Result<Voted>>,
}

impl VoteBatch {
    /// Starts the task that applies queued votes through `writes`, the pool of the one writing
    /// connection. The task ends when the last clone of the batch is dropped.
    pub fn start(writes: SqlitePool) -> Self {
        let (queue, jobs) = mpsc::channel(QUEUE);
        tokio::spawn(run(writes, jobs));
        Self { queue }
    }

    /// Queues a vote and answers its result once its batch is committed.
    pub(crate) async fn vote(
        &self,
        idea_id: i64,
        voter: Voter<'_>,
        change: Change,
    ) -> Result<Voted> {
        let (reply, answer) = oneshot::channel();
        let job = Job {
            idea_id,
            voter: voter.key.to_owned(),
            anonymous: voter.anonymous,
            change,
            reply,
        };
        self.queue.send(job).await.map_err(|_| stopped())?;
        answer.await.map_err(|_| stopped())?
    }
}

/// The error for a vote the batch task can no longer take or answer.
fn stopped() -> Error {
    Error::Internal("the vote queue has stopped".into())
}

/// Applies batches of whatever is queued, up to [`MAX_BATCH`] votes each, until every sender
/// is gone.
async fn run(writes: SqlitePool, mut jobs: mpsc::Receiver<Job>) {
    let mut batch = Vec::with_capacity(MAX_BATCH);
    while jobs.recv_many(&mut batch, MAX_BATCH).await > 0 {
        match apply_all(&writes, &batch).await {
            Ok(results) => {
                for (job, result) in batch.drain(..).zip(results) {
                    // A caller that went away no longer needs its answer; its vote stands.
                    let _ = job.reply.send(result);
                }
            }
            Err(error) => {
                let message = format!("a batch of votes was rolled back: {error}");
                for job in batch.drain(..) {
                    let _ = job.reply.send(Err(Error::Internal(message.clone())));
                }
            }
        }
    }
}

/// Applies `batch` in one transaction and commits it, answering each vote's result; any
/// failure other than a vote's refusal rolls back the whole batch.
async fn apply_all(writes: &SqlitePool, batch: &[Job]) -> Result<Vec<Result<Voted>>> {
    let mut tx = writes.begin_with(BEGIN_WRITE).await?;
    let mut results = Vec::with_capacity(batch.len());
    for job in batch {
        let voter = Voter {
            key: &job.voter,
            anonymous: job.anonymous,
        };
        let result = apply(&mut Conn::Sqlite(&mut tx), job.idea_id, voter, job.change).await;
        match result {
            Err(error) if !is_refusal(&error) => return Err(error),
            result => results.push(result),
        }
    }
    tx.commit().await?;
    Ok(results)
}

/// Whether `error` is a vote's refusal by the rules, which changes nothing stored.
fn is_refusal(error: &Error) -> bool {
    matches!(
        error,
        Error::NotFound(_) | Error::Forbidden(_) | Error::Conflict(_)
    )
}
