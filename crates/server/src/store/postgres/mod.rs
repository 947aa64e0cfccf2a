//! PostgreSQL, for deployments with several server replicas: connecting to `--database-url`,
//! its migrations (`migrations/postgres/`), and the PostgreSQL text of every statement.

use std::str::FromStr;

use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::{Connection, PgConnection, PgPool};

use crate::config::DatabaseUrl;
use crate::error::{Error, Result};

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

/// Most pooled connections per server process. Votes on one idea queue on its row lock, so
/// more connections would mostly wait; several replicas share the database's own limit.
pub const MAX_CONNECTIONS: u32 = 16;

/// Starts a write transaction. Read committed is enough: every write either locks the rows it
/// changes (the vote-count triggers) or is guarded by a constraint.
pub const BEGIN_WRITE: &str = "BEGIN";

/// A write transaction that also holds off every other writer of `sites` (readers go on), so
/// two replicas seeding an empty database at once do not both fill it.
pub const BEGIN_EXCLUSIVE: &str = "BEGIN; LOCK TABLE sites IN SHARE ROW EXCLUSIVE MODE";

/// Connects to the database at `url` and runs pending migrations.
pub async fn open(url: &DatabaseUrl) -> Result<PgPool> {
    let options = PgConnectOptions::from_str(url.expose())?.application_name("kindred-server");
    // One connection made directly fails at once with the real cause (refused, wrong password,
    // no such database); the pool would retry until its timeout and report only the timeout.
    let probe = PgConnection::connect_with(&options)
        .await
        .map_err(|error| Error::Internal(format!("cannot connect to {url}: {error}")))?;
    probe.close().await?;
    let pool = PgPoolOptions::new()
        .max_connections(MAX_CONNECTIONS)
        .connect_with(options)
        .await?;
    sqlx::migrate!("./migrations/postgres").run(&pool).await?;
    Ok(pool)
}
