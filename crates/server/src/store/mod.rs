//! Persistence: the [`Store`] handlers use, over SQLite (default) or PostgreSQL.
//!
//! Handlers call `Store` methods and never see a pool or write SQL, so the HTTP layer stays
//! thin and the database can change behind one boundary. The logic is written once, in the
//! resource modules ([`sites`], [`products`], [`boards`], [`comments`], [`ideas`], [`votes`],
//! [`feeds`], [`posts`] (and `post_batches`, for many at once), [`likes`], [`reports`],
//! [`sso`], [`forms`], [`idempotency`], [`moderation`], [`webhooks`], [`engagement`],
//! [`insights`]) and [`cursor`], and runs on a `conn::Conn` of either kind; each dialect's SQL
//! text lives apart, in `store/sqlite/` and `store/postgres/`, statement for statement under
//! the same names. The idea and post reads and the insight figures, whose dialects differ only
//! in a few expressions, are assembled in [`ideas`], [`posts`] and [`insights`] from each
//! dialect's pieces, so their filters, orders and cursors exist once.
//! Queries are checked at run time (`sqlx::query`), which needs no database at build time.

use sqlx::PgPool;

use crate::config::Config;
use crate::error::Result;

pub mod boards;
pub mod comments;
pub(crate) mod conn;
pub mod cursor;
pub mod engagement;
pub mod feeds;
pub mod forms;
pub mod ideas;
pub mod idempotency;
pub mod insights;
pub mod likes;
pub mod moderation;
pub(crate) mod post_batches;
mod postgres;
pub mod posts;
pub mod products;
pub mod reports;
pub mod sites;
mod sqlite;

pub use sqlite::SqliteDb;
pub mod sso;
pub mod votes;
pub mod webhooks;

use conn::{sql, Dialect, Held, Pooled, Tx};

/// The database behind the server: a pool of SQLite or PostgreSQL connections.
///
/// Cheap to clone; clones share the pool.
#[derive(Clone, Debug)]
pub enum Store {
    /// A SQLite file (write-ahead logging, one writer at a time).
    Sqlite(SqliteDb),
    /// A PostgreSQL database, which several server replicas can share.
    Postgres(PgPool),
}

impl Store {
    /// Opens the database the configuration names and brings its schema up to date:
    /// PostgreSQL at `--database-url` when given, else the SQLite file in the data directory.
    pub async fn open(config: &Config) -> Result<Self> {
        Ok(match &config.database_url {
            Some(url) => Self::Postgres(postgres::open(url).await?),
            None => Self::Sqlite(sqlite::open(&config.database_path()).await?),
        })
    }

    /// The dialect of the database's SQL.
    pub(crate) fn dialect(&self) -> Dialect {
        match self {
            Self::Sqlite(_) => Dialect::Sqlite,
            Self::Postgres(_) => Dialect::Postgres,
        }
    }

    /// Checks that the database answers.
    pub async fn ping(&self) -> Result<()> {
        self.acquire().await?.conn().ping().await
    }

    /// Closes every connection, waiting for those in use to come back.
    pub async fn close(&self) {
        match self {
            Self::Sqlite(db) => {
                db.writes.close().await;
                db.reads.close().await;
            }
            Self::Postgres(pool) => pool.close().await,
        }
    }

    /// Whether [`Store::close`] has been called.
    pub fn is_closed(&self) -> bool {
        match self {
            Self::Sqlite(db) => db.reads.is_closed(),
            Self::Postgres(pool) => pool.is_closed(),
        }
    }

    /// A connection for reads.
    pub(crate) async fn acquire(&self) -> Result<Pooled> {
        Ok(match self {
            Self::Sqlite(db) => Held::Sqlite(db.reads.acquire().await?),
            Self::Postgres(pool) => Held::Postgres(pool.acquire().await?),
        })
    }

    /// A connection for a single writing statement: on SQLite the writing connection, so the
    /// statement queues with the write transactions instead of contending for the file lock.
    pub(crate) async fn acquire_write(&self) -> Result<Pooled> {
        Ok(match self {
            Self::Sqlite(db) => Held::Sqlite(db.writes.acquire().await?),
            Self::Postgres(pool) => Held::Postgres(pool.acquire().await?),
        })
    }

    /// A transaction for a unit of work that writes.
    pub(crate) async fn begin_write(&self) -> Result<Tx> {
        self.begin(sql!(self, BEGIN_WRITE)).await
    }

    /// A write transaction that also keeps every other writer of sites waiting until it ends,
    /// for work that checks the database is empty and then fills it.
    pub(crate) async fn begin_exclusive(&self) -> Result<Tx> {
        self.begin(sql!(self, BEGIN_EXCLUSIVE)).await
    }

    async fn begin(&self, statement: &'static str) -> Result<Tx> {
        Ok(match self {
            Self::Sqlite(db) => Held::Sqlite(db.writes.begin_with(statement).await?),
            Self::Postgres(pool) => Held::Postgres(pool.begin_with(statement).await?),
        })
    }
}

/// Converts a stored, non-negative count to the wire's `u32`, saturating rather than failing.
pub(crate) fn count(value: i64) -> u32 {
    u32::try_from(value.max(0)).unwrap_or(u32::MAX)
}

/// A stored age in whole seconds, as statements that backdate a row bind it.
pub(crate) fn seconds(age: std::time::Duration) -> i64 {
    i64::try_from(age.as_secs()).unwrap_or(i64::MAX)
}
