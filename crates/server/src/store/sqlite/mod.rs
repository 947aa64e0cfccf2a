//! SQLite, the default database: opening the file in the data directory with the settings the
//! store relies on, its migrations (`migrations/sqlite/`), and the SQLite text of every statement.

use std::path::Path;
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::SqlitePool;

use crate::error::{Error, Result};
use crate::store::votes::VoteBatch;

pub mod boards;
pub mod comments;
pub mod engagement;
pub mod feeds;
pub mod forms;
pub mod ideas;
pub mod idempotency;
pub mod insights;
pub mod likes;
pub mod moderation;
pub mod post_batches;
pub mod posts;
pub mod products;
pub mod reports;
pub mod sites;
pub mod sso;
pub mod votes;
pub mod webhooks;

/// How long a connection waits for another writer before giving up with `SQLITE_BUSY`.
///
/// SQLite has one writer at a time; concurrent votes queue on this lock instead of failing.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Most pooled connections for reads, which run in parallel under WAL: one per core, at least
/// two and at most eight.
///
/// Each connection runs its statements on a thread of its own. More of those threads than
/// cores adds no parallelism, only switches between them: on two cores, eight readers served
/// about a quarter fewer list requests a second than two did (`cargo xtask bench server`).
pub fn max_readers() -> u32 {
    std::thread::available_parallelism()
        .map_or(2, |cores| u32::try_from(cores.get()).unwrap_or(u32::MAX))
        .clamp(2, 8)
}

/// The SQLite database: connections for reads, and the one connection that writes.
///
/// SQLite admits one writer at a time. With writers spread over many connections, each waiting
/// writer would poll the file lock in SQLite's busy handler, sleeping in steps of milliseconds;
/// under load that wastes most of the time the lock is free. Giving writes a pool of one
/// connection makes them queue in the server instead, first come first served, and hand the
/// lock on the moment it is released. Readers never wait for the writer under WAL.
#[derive(Clone, Debug)]
pub struct SqliteDb {
    /// Connections for reads and statements outside a transaction.
    pub reads: SqlitePool,
    /// The writing connection, for write transactions.
    pub writes: SqlitePool,
    /// The votes waiting for the writing connection, applied in batches.
    pub votes: VoteBatch,
}

/// Starts a write transaction. `IMMEDIATE` takes the write lock up front, so a transaction that
/// reads before it writes waits its turn instead of failing when another writer got in first.
pub const BEGIN_WRITE: &str = "BEGIN IMMEDIATE";

/// SQLite has one writer at a time, so a write transaction already keeps every other out.
pub const BEGIN_EXCLUSIVE: &str = BEGIN_WRITE;

/// What both pools share. A connection to a local file cannot go stale the way a network
/// connection can, so the pool hands it out without first checking that it answers: that check
/// would be one more hand-off to the connection's thread for every request.
fn pool_options() -> SqlitePoolOptions {
    SqlitePoolOptions::new().test_before_acquire(false)
}

/// Opens (creating if missing) the SQLite file at `path` and runs pending migrations.
///
/// The file uses write-ahead logging (readers never block the writer), enforces foreign keys
/// and waits [`BUSY_TIMEOUT`] for the write lock, which only another process or a statement
/// run outside a write transaction can hold for long.
pub async fn open(path: &Path) -> Result<SqliteDb> {
    if let Some(dir) = path.parent().filter(|dir| !dir.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|error| {
            Error::Internal(format!("cannot create {}: {error}", dir.display()))
        })?;
    }
    let options = SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true)
        .busy_timeout(BUSY_TIMEOUT);
    let writes = pool_options()
        .max_connections(1)
        .connect_with(options.clone())
        .await?;
    sqlx::migrate!("./migrations/sqlite").run(&writes).await?;
    let reads = pool_options()
        .max_connections(max_readers())
        .connect_with(options)
        .await?;
    let votes = VoteBatch::start(writes.clone());
    Ok(SqliteDb {
        reads,
        writes,
        votes,
    })
}
