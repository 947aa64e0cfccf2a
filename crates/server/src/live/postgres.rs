//! Live updates across replicas: `NOTIFY` to publish, one `LISTEN` connection per server to
//! receive, so every replica's subscribers see every replica's changes.

use std::time::Duration;

use sqlx::postgres::PgListener;
use sqlx::PgPool;

use super::{Envelope, Live};

/// The PostgreSQL notification channel all replicas share.
const CHANNEL: &str = "kindred_live";

/// How long to wait before listening again after the connection failed.
const RETRY: Duration = Duration::from_secs(1);

/// Sends `envelope` to every replica listening on the database.
pub(super) async fn notify(pool: &PgPool, envelope: &Envelope) {
    let payload = match serde_json::to_string(envelope) {
        Ok(payload) => payload,
        Err(error) => return tracing::error!("cannot encode a live event: {error}"),
    };
    let sent = sqlx::query("SELECT pg_notify($1, $2)")
        .bind(CHANNEL)
        .bind(payload)
        .execute(pool)
        .await;
    if let Err(error) = sent {
        tracing::warn!("cannot publish a live event: {error}");
    }
}

/// Spawns the task that listens for every replica's events and delivers them to `live`'s
/// subscribers, reconnecting (and telling subscribers to resync) whenever the connection drops.
///
/// The task ends when live updates close at shutdown, giving its connection back to the pool:
/// closing the pool waits for every connection, so a listener kept past shutdown would hold
/// the server up.
pub(super) fn listen(pool: PgPool, live: Live) {
    let mut closing = live.closing.subscribe();
    tokio::spawn(async move {
        while !pool.is_closed() && !*closing.borrow() {
            match PgListener::connect_with(&pool).await {
                Ok(mut listener) => {
                    if let Err(error) = listener.listen(CHANNEL).await {
                        tracing::warn!("cannot listen for live events: {error}");
                    } else {
                        tokio::select! {
                            () = relay(&mut listener, &live) => {}
                            _ = closing.changed() => return,
                        }
                    }
                }
                Err(error) => tracing::warn!("cannot connect to listen for live events: {error}"),
            }
            live.resync_all();
            tokio::select! {
                () = tokio::time::sleep(RETRY) => {}
                _ = closing.changed() => return,
            }
        }
    });
}

/// Passes notifications on until the connection fails.
async fn relay(listener: &mut PgListener, live: &Live) {
    loop {
        match listener.try_recv().await {
            Ok(Some(notification)) => match serde_json::from_str(notification.payload()) {
                Ok(envelope) => live.deliver(envelope),
                Err(error) => tracing::warn!("ignoring a malformed live event: {error}"),
            },
            // The connection was lost; events sent meanwhile are gone.
            Ok(None) => return,
            Err(error) => {
                tracing::warn!("live events connection failed: {error}");
                return;
            }
        }
    }
}
