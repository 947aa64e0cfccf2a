//! Moderation: what moderators do through the admin API, over the same tables the public API
//! uses.
//!
//! [`queue`] lists what waits for review across kinds and records decisions on it;
//! [`curation`] sets statuses, merges duplicates and pins ideas; [`blocks`] bars identities
//! from writing on a site; [`settings`] manages sites and boards, [`feeds`] the UGC feeds;
//! [`export`] reads a board for its CSV export; [`log`] records and lists every decision.

pub mod blocks;
pub mod curation;
pub mod export;
pub mod feeds;
pub mod log;
pub mod queue;
pub mod settings;

use crate::error::{Error, Result};

/// Most entries on one page of a moderation list.
pub const MAX_LIMIT: u32 = 100;
/// Entries on a page when the client does not say.
pub const DEFAULT_LIMIT: u32 = 50;

/// Decodes a stored JSON column of `what`, where only the server writes JSON.
pub(crate) fn from_json<T: serde::de::DeserializeOwned>(text: &str, what: &str) -> Result<T> {
    serde_json::from_str(text).map_err(|e| Error::Internal(format!("unreadable {what}: {e}")))
}

/// Encodes a value for a JSON column.
pub(crate) fn to_json<T: serde::Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| Error::Internal(format!("cannot encode JSON: {e}")))
}

/// Cuts `rows`, fetched with one row more than `limit`, to a page: the first `limit` rows and,
/// when more followed, the cursor of the last one kept.
pub(crate) fn split_page<R>(
    mut rows: Vec<R>,
    limit: u32,
    cursor: impl Fn(&R) -> String,
) -> (Vec<R>, Option<String>) {
    let limit = limit as usize;
    let next = (rows.len() > limit).then(|| {
        rows.truncate(limit);
        rows.last().map(cursor)
    });
    (rows, next.flatten())
}

/// The row count to fetch for a page of `limit`: one more tells whether another page follows.
pub(crate) fn fetch_limit(limit: u32) -> i64 {
    i64::from(limit) + 1
}
