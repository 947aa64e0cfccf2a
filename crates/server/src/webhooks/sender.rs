//! The task that sends due deliveries: a few at a time, each with a 10 s timeout and no
//! redirects, recording every attempt and scheduling the next one on failure. Test deliveries
//! go through the same [`send`], once, without the task.

use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use tokio::sync::Notify;

use super::{backoff, signature};
use crate::error::Result;
use crate::store::webhooks::{Attempt, Due, Next};
use crate::store::Store;

/// Deliveries taken at once.
const BATCH: u32 = 16;
/// How long a taken delivery is held before another sender may take it: longer than an
/// attempt can last.
pub(super) const LEASE: Duration = Duration::from_secs(60);
/// How long one attempt may take.
const TIMEOUT: Duration = Duration::from_secs(10);
/// How often the queue is checked, at most, when nothing wakes the sender sooner: retries come
/// due, and other replicas queue events this one does not hear of. A shorter retry wait polls
/// as often as it, down to [`POLL_MIN`].
const POLL: Duration = Duration::from_secs(1);
/// The shortest poll interval.
const POLL_MIN: Duration = Duration::from_millis(20);
/// Most characters of an error kept in the log.
const ERROR_MAX: usize = 300;

/// The HTTP client deliveries are made with: a 10 s timeout and no redirects.
pub(super) fn client() -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder()
        .timeout(TIMEOUT)
        .redirect(reqwest::redirect::Policy::none())
        .user_agent(concat!("Kindred-Webhooks/", env!("CARGO_PKG_VERSION")))
        .build()
}

/// Spawns the sender; it stops when the store is closed.
pub(super) fn spawn(
    store: Store,
    wake: Arc<Notify>,
    client: reqwest::Client,
    retry_base: Duration,
) {
    let poll = retry_base.clamp(POLL_MIN, POLL);
    tokio::spawn(async move {
        while !store.is_closed() {
            let due = match store.due_deliveries(BATCH, LEASE).await {
                Ok(due) => due,
                Err(error) => {
                    tracing::warn!("cannot read due webhook deliveries: {error}");
                    Vec::new()
                }
            };
            if due.is_empty() {
                tokio::select! {
                    _ = wake.notified() => {}
                    _ = tokio::time::sleep(poll) => {}
                }
                continue;
            }
            let sends = due.into_iter().map(|delivery| async {
                let id = delivery.id;
                if let Err(error) = send(&client, &store, delivery, Some(retry_base)).await {
                    tracing::warn!("cannot record webhook delivery {id}: {error}");
                }
            });
            futures_util::future::join_all(sends).await;
        }
    });
}

/// Makes one attempt at `delivery` and records how it went. A failure is tried again after
/// backoff from `retry_base`, or given up at once without one.
pub(super) async fn send(
    client: &reqwest::Client,
    store: &Store,
    delivery: Due,
    retry_base: Option<Duration>,
) -> Result<()> {
    let attempt = post(client, &delivery).await;
    let attempts = delivery.attempts + 1;
    let next = match (&attempt.error, retry_base) {
        (None, _) => Next::Delivered,
        (Some(_), Some(base)) => backoff::after(attempts, base).map_or(Next::Failed, Next::RetryIn),
        (Some(_), None) => Next::Failed,
    };
    store.record_attempt(delivery.id, &attempt, next).await
}

/// POSTs the delivery; any answer but 2xx is a failure.
async fn post(client: &reqwest::Client, delivery: &Due) -> Attempt {
    let timestamp = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.as_secs());
    let started = Instant::now();
    let sent = client
        .post(&delivery.url)
        .header(reqwest::header::CONTENT_TYPE, "application/json")
        .header("X-Kindred-Event", &delivery.event)
        .header("X-Kindred-Delivery", delivery.id.to_string())
        .header(
            signature::HEADER,
            signature::sign(&delivery.secret, timestamp, &delivery.payload),
        )
        .body(delivery.payload.clone())
        .send()
        .await;
    let duration = started.elapsed();
    match sent {
        Ok(response) if response.status().is_success() => Attempt {
            status: Some(response.status().as_u16()),
            error: None,
            duration,
        },
        Ok(response) => Attempt {
            status: Some(response.status().as_u16()),
            error: Some(format!("the receiver answered {}", response.status())),
            duration,
        },
        Err(error) => Attempt {
            status: None,
            error: Some(error.to_string().chars().take(ERROR_MAX).collect()),
            duration,
        },
    }
}
