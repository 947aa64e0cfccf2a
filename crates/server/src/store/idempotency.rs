//! The records behind `Idempotency-Key`: which requests were made under a key, and the answer
//! the first one gave.
//!
//! A key is claimed with one insert that either creates its row or finds the row already
//! there, so of two identical requests racing each other exactly one does the work; the other
//! learns the key is taken. The row then holds the answer until the key expires.

use std::time::Duration;

use crate::error::Result;
use crate::store::conn::{sql, Arg};
use crate::store::{seconds, Store};

/// How long a key is remembered.
pub const LIFETIME: Duration = Duration::from_secs(24 * 60 * 60);

/// How long a claim may stay without an answer before it counts as abandoned (the server
/// stopped while processing) and a retry may take the key over.
pub const ABANDONED_AFTER: Duration = Duration::from_secs(5 * 60);

/// Claims with the same key a request can lose to deletions in between before it gives up.
const CLAIM_ATTEMPTS: usize = 3;

/// Whose key it is, for which route, and the key itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyScope {
    /// The caller: an identity key, or a digest of its credential.
    pub caller: String,
    /// The method and path the key was sent to.
    pub route: String,
    /// The key as sent.
    pub key: String,
}

impl KeyScope {
    /// The scope as the first three parameters of a statement.
    fn args(&self) -> [Arg<'_>; 3] {
        [
            self.caller.as_str().into(),
            self.route.as_str().into(),
            self.key.as_str().into(),
        ]
    }
}

/// An answer as recorded for replay.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct RecordedResponse {
    /// HTTP status.
    pub status: i64,
    /// `Content-Type` header, if any.
    pub content_type: Option<String>,
    /// `Location` header, if any.
    pub location: Option<String>,
    /// The body.
    pub body: String,
}

/// What claiming a key found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Claim {
    /// The key is new: this request does the work and records its answer.
    Claimed,
    /// The key answered this same request before: here is that answer.
    Replay(RecordedResponse),
    /// This same request is still being processed under the key.
    InProgress,
    /// The key was used for a different request.
    Reused,
}

/// A key's row as read back.
#[derive(sqlx::FromRow)]
struct KeyRow {
    fingerprint: String,
    status: Option<i64>,
    content_type: Option<String>,
    location: Option<String>,
    body: Option<String>,
}

impl Store {
    /// Claims `scope` for a request whose content hashes to `fingerprint`, after forgetting
    /// expired keys and abandoned claims.
    pub async fn claim_idempotency_key(
        &self,
        scope: &KeyScope,
        fingerprint: &str,
    ) -> Result<Claim> {
        let mut pooled = self.acquire().await?;
        let mut conn = pooled.conn();
        conn.execute(sql!(conn, idempotency::SWEEP), &[seconds(LIFETIME).into()])
            .await?;
        let keyed = scope.args();
        let abandoned = [
            keyed[0],
            keyed[1],
            keyed[2],
            seconds(ABANDONED_AFTER).into(),
        ];
        conn.execute(sql!(conn, idempotency::DROP_ABANDONED), &abandoned)
            .await?;
        for _ in 0..CLAIM_ATTEMPTS {
            let claim = [keyed[0], keyed[1], keyed[2], fingerprint.into()];
            if conn.execute(sql!(conn, idempotency::CLAIM), &claim).await? == 1 {
                return Ok(Claim::Claimed);
            }
            let row: Option<KeyRow> = conn
                .fetch_optional(sql!(conn, idempotency::FIND), &keyed)
                .await?;
            // Gone again between the insert and the read: its first request failed and let go.
            let Some(row) = row else { continue };
            return Ok(if row.fingerprint != fingerprint {
                Claim::Reused
            } else {
                match (row.status, row.body) {
                    (Some(status), Some(body)) => Claim::Replay(RecordedResponse {
                        status,
                        content_type: row.content_type,
                        location: row.location,
                        body,
                    }),
                    _ => Claim::InProgress,
                }
            });
        }
        Ok(Claim::InProgress)
    }

    /// Records the answer to the request that claimed `scope`, for replays.
    pub async fn record_idempotent_response(
        &self,
        scope: &KeyScope,
        response: &RecordedResponse,
    ) -> Result<()> {
        let mut pooled = self.acquire().await?;
        let mut conn = pooled.conn();
        let [caller, route, key] = scope.args();
        let args = [
            caller,
            route,
            key,
            response.status.into(),
            response.content_type.as_deref().into(),
            response.location.as_deref().into(),
            response.body.as_str().into(),
        ];
        conn.execute(sql!(conn, idempotency::RECORD), &args).await?;
        Ok(())
    }

    /// Lets go of the claim on `scope` without an answer, so the key may be used afresh.
    pub async fn release_idempotency_key(&self, scope: &KeyScope) -> Result<()> {
        let mut pooled = self.acquire().await?;
        let mut conn = pooled.conn();
        conn.execute(sql!(conn, idempotency::RELEASE), &scope.args())
            .await?;
        Ok(())
    }
}
