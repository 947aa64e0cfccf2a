//! The moderation log: one row per decision that changed something, newest listed first.

use kindred_api::moderation::{LogAction, LogEntry};
use kindred_api::Page;

use crate::error::{Error, Result};
use crate::store::conn::{sql, Conn};
use crate::store::moderation::{fetch_limit, split_page};
use crate::store::Store;

/// What a decision was taken on, as the log records it.
#[derive(Clone, Copy, Debug)]
pub struct Target<'a> {
    /// The site it belongs to.
    pub site_id: i64,
    /// `ideas`, `comments` or `identities`.
    pub kind: &'a str,
    /// Its id, or an identity's key.
    pub id: &'a str,
}

/// Records `action` on `target` with the moderator's `reason`; answers the entry's id.
pub(crate) async fn record(
    conn: &mut Conn<'_>,
    action: LogAction,
    target: Target<'_>,
    reason: &str,
) -> Result<i64> {
    let args = [
        target.site_id.into(),
        action.as_str().into(),
        target.kind.into(),
        target.id.into(),
        reason.into(),
    ];
    conn.insert(sql!(conn, moderation::log::INSERT), &args)
        .await
}

/// A log entry as both dialects' statements select it.
#[derive(sqlx::FromRow)]
struct EntryRow {
    id: i64,
    site: String,
    action: String,
    target_kind: String,
    target_id: String,
    reason: String,
    at: String,
}

impl Store {
    /// Up to `limit` log entries, newest first, of site `site` (all sites when `None`), older
    /// than entry `before` when given.
    pub async fn moderation_log(
        &self,
        site: Option<&str>,
        before: Option<i64>,
        limit: u32,
    ) -> Result<Page<LogEntry>> {
        let mut pooled = self.acquire().await?;
        let mut conn = pooled.conn();
        let args = [site.into(), before.into(), fetch_limit(limit).into()];
        let rows: Vec<EntryRow> = conn
            .fetch_all(sql!(conn, moderation::log::LIST), &args)
            .await?;
        let (rows, next_cursor) = split_page(rows, limit, |row| row.id.to_string());
        let items = rows
            .into_iter()
            .map(|row| {
                Ok(LogEntry {
                    id: row.id.to_string(),
                    site: row.site,
                    action: row.action.parse().map_err(|_| {
                        Error::Internal(format!("log entry {} has action {:?}", row.id, row.action))
                    })?,
                    target_kind: row.target_kind,
                    target_id: row.target_id,
                    reason: row.reason,
                    at: row.at,
                })
            })
            .collect::<Result<_>>()?;
        Ok(Page { items, next_cursor })
    }
}
