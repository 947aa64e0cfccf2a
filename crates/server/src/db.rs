//! The SQLite connection pool: opening the database file with the settings the store relies on,
//! and bringing its schema up to date.

use std::path::Path;
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::SqlitePool;

use crate::error::Result;

/// The database handle shared by all requests.
pub type Db = SqlitePool;

/// How long a connection waits for another writer before giving up with `SQLITE_BUSY`.
///
/// SQLite has one writer at a time; concurrent votes queue on this lock instead of failing.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Most pooled connections. Reads run in parallel under WAL; writes serialise on the lock anyway.
pub const MAX_CONNECTIONS: u32 = 8;

/// The `strftime` format of every stored timestamp: RFC 3339, UTC, milliseconds
/// (`2026-01-02T03:04:05.678Z`).
///
/// One fixed width means text order is time order, which the `new` sort and its cursors rely
/// on; the schema checks the shape and uses the same format for its defaults.
pub const TIMESTAMP_FORMAT: &str = "%Y-%m-%dT%H:%M:%fZ";

/// Opens (creating if missing) the SQLite file at `path` and runs pending migrations.
///
/// The file uses write-ahead logging (readers never block the writer), enforces foreign keys
/// and waits [`BUSY_TIMEOUT`] for the write lock.
pub async fn open(path: &Path) -> Result<Db> {
    if let Some(dir) = path.parent().filter(|dir| !dir.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|error| {
            crate::Error::Internal(format!("cannot create {}: {error}", dir.display()))
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
    migrate(&pool).await?;
    Ok(pool)
}

/// Applies the migrations in `crates/server/migrations/` that the database has not seen.
pub async fn migrate(db: &Db) -> Result<()> {
    sqlx::migrate!("./migrations").run(db).await?;
    Ok(())
}
