//! Webhooks: telling a brand's own systems what happens in its community.
//!
//! Handlers [`Webhooks::announce`] an event after their change is committed; it is stored as
//! one delivery per webhook that wants it (see [`crate::store::webhooks`]) and the sender task
//! started here POSTs each one, signed ([`signature`]), retrying failures with backoff
//! ([`backoff`]). Because deliveries live in the database, a restart loses none, and on
//! PostgreSQL every replica's sender shares the work without sending anything twice.
//! [`Webhooks::test`] sends one test event at once, on request, the same way.

use std::sync::Arc;
use std::time::Duration;

use kindred_api::{WebhookDelivery, WebhookEvent};
use rand::RngCore;
use serde_json::{json, Value};
use tokio::sync::Notify;

use crate::error::{Error, Result};
use crate::store::Store;

pub mod backoff;
mod sender;
pub mod signature;

/// The handle handlers announce events through; cheap to clone.
#[derive(Clone, Debug)]
pub struct Webhooks {
    store: Store,
    wake: Arc<Notify>,
    /// `None` when no HTTP client could be made: webhooks are off.
    client: Option<reqwest::Client>,
}

impl Webhooks {
    /// Starts the sender task over `store`; the first retry of a failed delivery waits
    /// `retry_base`. Must run inside a Tokio runtime.
    pub fn start(store: &Store, retry_base: Duration) -> Self {
        let wake = Arc::new(Notify::new());
        let client = sender::client()
            .inspect_err(|error| tracing::error!("webhooks are off: no HTTP client: {error}"))
            .ok();
        if let Some(client) = &client {
            sender::spawn(store.clone(), wake.clone(), client.clone(), retry_base);
        }
        Self {
            store: store.clone(),
            wake,
            client,
        }
    }

    /// Sends a [`WebhookEvent::Test`] to webhook `id` now, whatever events it chose and paused
    /// or not, and answers the delivery as logged: delivered, or failed (a test is not tried
    /// again). `None` when there is no such webhook. Its `data` names the webhook.
    pub async fn test(&self, id: i64) -> Result<Option<WebhookDelivery>> {
        let client = self
            .client
            .as_ref()
            .ok_or_else(|| Error::Internal("webhooks are off: no HTTP client".into()))?;
        let event = WebhookEvent::Test;
        let due = self
            .store
            .take_test_delivery(id, event, sender::LEASE, |site, now| {
                envelope(event, site, now, json!({ "webhook": id.to_string() }))
            })
            .await?;
        let Some(due) = due else {
            return Ok(None);
        };
        let delivery = due.id;
        sender::send(client, &self.store, due, None).await?;
        self.store.delivery(id, delivery).await
    }

    /// Queues `event` with `data` for every webhook of site `site_id` that wants it. The body
    /// sent is `{"id","type","created_at","site","data"}`; `id` is the same for every webhook
    /// told of this event. A failure is logged, never returned, because the change stands.
    pub async fn announce(&self, site_id: i64, event: WebhookEvent, data: Value) {
        let queued = self
            .store
            .enqueue_webhooks(site_id, event, |site, now| envelope(event, site, now, data))
            .await;
        match queued {
            Ok(0) => {}
            Ok(_) => self.wake.notify_one(),
            Err(error) => tracing::error!("cannot queue webhook event {}: {error}", event.as_str()),
        }
    }
}

/// The body every delivery sends: `{"id","type","created_at","site","data"}`, with a new id.
fn envelope(event: WebhookEvent, site: &str, now: &str, data: Value) -> String {
    json!({
        "id": event_id(),
        "type": event.as_str(),
        "created_at": now,
        "site": site,
        "data": data,
    })
    .to_string()
}

/// A random event id: 128 bits as hex, prefixed so it reads as what it is.
fn event_id() -> String {
    let mut bytes = [0u8; 16];
    rand::thread_rng().fill_bytes(&mut bytes);
    format!("evt_{}", hex::encode(bytes))
}

/// A random signing secret for a webhook registered without one.
pub fn new_secret() -> String {
    let mut bytes = [0u8; 24];
    rand::thread_rng().fill_bytes(&mut bytes);
    format!("whsec_{}", hex::encode(bytes))
}
