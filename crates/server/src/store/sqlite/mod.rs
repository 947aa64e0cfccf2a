//! SQLite, the default database: opening the file in the data directory with the settings the
//! store relies on, its migrations (`migrations/sqlite/`), and the SQLite text of every statement.

use std::path::Path;
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::SqlitePool;

use crate::error::{Error, Result};

pub mod boards;
pub mod comments;
pub mod feeds;
pub mod ideas;
pub mod likes;
pub mod posts;
pub mod reports;
pub mod sites;
pub mod sso;
pub mod votes;

/// How long a connection waits for another writer before giving up with `SQLITE_BUSY`.
///
/// SQLite has one writer at a time; concurrent votes queue on this lock instead of failing.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Most pooled connections. Reads run in parallel under WAL; writes serialise on the lock anyway.
pub const MAX_CONNECTIONS: u32 = 8;

/// Starts a write transaction. `IMMEDIATE` takes the write lock up front, so a transaction that
/// reads before it writes waits its turn instead of failing when another writer got in first.
pub const BEGIN_WRITE: &str = "BEGIN IMMEDIATE";

/// SQLite has one writer at a time, so a write transaction already keeps every other out.
pub const BEGIN_EXCLUSIVE: &str = BEGIN_WRITE;

/// Opens (creating if missing) the SQLite file at `path` and runs pending migrations.
///
/// The file uses write-ahead logging (readers never block the writer), enforces foreign keys
/// and waits [`BUSY_TIMEOUT`] for the write lock.
pub async fn open(path: &Path) -> Result<SqlitePool> {
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
    let pool = SqlitePoolOptions::new()
        .max_connections(MAX_CONNECTIONS)
        .connect_with(options)
        .await?;
    sqlx::migrate!("./migrations/sqlite").run(&pool).await?;
    Ok(pool)
}
