//! Persistence: every SQL statement the server runs, grouped by what it stores.
//!
//! Handlers call these functions and never write SQL themselves, so the HTTP layer stays thin
//! and the database can change behind one boundary. Reads take the pool; writes that belong
//! to a larger unit of work (seeding, multi-row inserts) take a connection or transaction.
//! Queries are checked at run time (`sqlx::query`), which needs no database at build time.

pub mod boards;
pub mod cursor;
pub mod ideas;
pub mod sites;
pub mod votes;

/// Converts a stored, non-negative count to the wire's `u32`, saturating rather than failing.
pub(crate) fn count(value: i64) -> u32 {
    u32::try_from(value.max(0)).unwrap_or(u32::MAX)
}

/// A time `seconds` before now, in the stored format ([`crate::db::TIMESTAMP_FORMAT`]).
pub async fn timestamp_ago(
    db: impl sqlx::SqliteExecutor<'_>,
    seconds: u64,
) -> crate::Result<String> {
    let modifier = format!("-{seconds} seconds");
    let stamp: String = sqlx::query_scalar("SELECT strftime(?1, 'now', ?2)")
        .bind(crate::db::TIMESTAMP_FORMAT)
        .bind(modifier)
        .fetch_one(db)
        .await?;
    Ok(stamp)
}
