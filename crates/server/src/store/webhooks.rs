//! Webhooks: registrations per site, the deliveries each event turns into, and every attempt.
//!
//! An event is stored as one `pending` delivery per active webhook that wants it, in the same
//! database as everything else, so nothing is lost if the server stops before sending. Senders
//! ([`crate::webhooks`]) [`Store::due_deliveries`] in small batches: each delivery they take is
//! leased for a while, so two senders (two replicas on PostgreSQL) never send it at once, and a
//! sender that dies mid-attempt only delays it until the lease runs out.

use std::time::Duration;

use kindred_api::{
    DeliveryAttempt, DeliveryState, Page, UpdateWebhook, Webhook, WebhookDelivery, WebhookEvent,
};

use crate::error::{Error, Result};
use crate::store::conn::sql;
use crate::store::{count, Store};

/// Most deliveries on one page of a webhook's log.
pub const MAX_LIMIT: u32 = 100;
/// Deliveries on a page when the client does not say.
pub const DEFAULT_LIMIT: u32 = 20;

/// A webhook row; its secret is never read back except by senders.
#[derive(sqlx::FromRow)]
struct WebhookRow {
    id: i64,
    site_id: i64,
    url: String,
    events: String,
    active: bool,
    created_at: String,
}

impl WebhookRow {
    fn into_webhook(self) -> (i64, Webhook) {
        let events = self
            .events
            .split(',')
            .filter_map(WebhookEvent::parse)
            .collect();
        let webhook = Webhook {
            id: self.id.to_string(),
            url: self.url,
            events,
            active: self.active,
            created_at: self.created_at,
        };
        (self.site_id, webhook)
    }
}

/// Events as stored: comma-separated with a comma at each end, so `LIKE '%,name,%'` matches.
fn stored_events(events: &[WebhookEvent]) -> String {
    let mut text = String::from(",");
    for event in events {
        text.push_str(event.as_str());
        text.push(',');
    }
    text
}

/// A delivery a sender has taken: what to send, where, and with which key.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Due {
    /// The delivery's row id.
    pub id: i64,
    /// Where it goes.
    pub url: String,
    /// The key to sign it with.
    pub secret: String,
    /// The event's name.
    pub event: String,
    /// The body to send.
    pub payload: String,
    /// Attempts made before this one.
    pub attempts: i64,
}

/// How an attempt went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attempt {
    /// The receiver's HTTP status, if it answered.
    pub status: Option<u16>,
    /// Why it failed, if it did.
    pub error: Option<String>,
    /// How long it took.
    pub duration: Duration,
}

/// What happens to a delivery after an attempt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Next {
    /// It arrived.
    Delivered,
    /// Try again after this long.
    RetryIn(Duration),
    /// Give up.
    Failed,
}

#[derive(sqlx::FromRow)]
struct DeliveryRow {
    id: i64,
    event: String,
    state: String,
    payload: String,
    next_attempt_at: Option<String>,
    delivered_at: Option<String>,
    created_at: String,
}

#[derive(sqlx::FromRow)]
struct AttemptRow {
    delivery_id: i64,
    status: Option<i64>,
    error: Option<String>,
    duration_ms: i64,
    created_at: String,
}

fn millis(duration: Duration) -> i64 {
    i64::try_from(duration.as_millis()).unwrap_or(i64::MAX)
}

impl Store {
    /// Registers a webhook for site `site_id`.
    pub async fn create_webhook(
        &self,
        site_id: i64,
        url: &str,
        secret: &str,
        events: &[WebhookEvent],
    ) -> Result<Webhook> {
        let mut pooled = self.acquire_write().await?;
        let mut conn = pooled.conn();
        let events = stored_events(events);
        let args = [
            site_id.into(),
            url.into(),
            secret.into(),
            events.as_str().into(),
        ];
        let row: WebhookRow = conn.fetch_one(sql!(conn, webhooks::INSERT), &args).await?;
        Ok(row.into_webhook().1)
    }

    /// Site `site_id`'s webhooks, oldest first.
    pub async fn webhooks(&self, site_id: i64) -> Result<Vec<Webhook>> {
        let mut pooled = self.acquire().await?;
        let mut conn = pooled.conn();
        let rows: Vec<WebhookRow> = conn
            .fetch_all(sql!(conn, webhooks::LIST), &[site_id.into()])
            .await?;
        Ok(rows.into_iter().map(|row| row.into_webhook().1).collect())
    }

    /// Webhook `id` with its site's row id, if it exists.
    pub async fn webhook(&self, id: i64) -> Result<Option<(i64, Webhook)>> {
        let mut pooled = self.acquire().await?;
        let mut conn = pooled.conn();
        let row: Option<WebhookRow> = conn
            .fetch_optional(sql!(conn, webhooks::FIND), &[id.into()])
            .await?;
        Ok(row.map(WebhookRow::into_webhook))
    }

    /// Applies `change` to webhook `id`; `None` when there is no such webhook.
    pub async fn update_webhook(&self, id: i64, change: &UpdateWebhook) -> Result<Option<Webhook>> {
        let mut pooled = self.acquire_write().await?;
        let mut conn = pooled.conn();
        let events = change.events.as_deref().map(stored_events);
        let args = [
            id.into(),
            change.url.as_deref().into(),
            events.as_deref().into(),
            match change.active {
                Some(active) => active.into(),
                None => crate::store::conn::Arg::Int(None),
            },
        ];
        let row: Option<WebhookRow> = conn
            .fetch_optional(sql!(conn, webhooks::UPDATE), &args)
            .await?;
        Ok(row.map(|row| row.into_webhook().1))
    }

    /// Removes webhook `id` and its log; answers whether it existed.
    pub async fn delete_webhook(&self, id: i64) -> Result<bool> {
        let mut pooled = self.acquire_write().await?;
        let mut conn = pooled.conn();
        Ok(conn
            .execute(sql!(conn, webhooks::DELETE), &[id.into()])
            .await?
            > 0)
    }

    /// Stores `event` for every active webhook of site `site_id` that wants it, answering how
    /// many deliveries were queued. `data` is called only when some webhook wants the event,
    /// with the site's slug and the time, to build the body every delivery sends.
    pub async fn enqueue_webhooks(
        &self,
        site_id: i64,
        event: WebhookEvent,
        data: impl FnOnce(&str, &str) -> String,
    ) -> Result<u64> {
        let mut tx = self.begin_write().await?;
        let mut conn = tx.conn();
        let args = [site_id.into(), event.as_str().into()];
        let envelope: Option<(String, String)> = conn
            .fetch_optional(sql!(conn, webhooks::ENVELOPE), &args)
            .await?;
        let Some((site, now)) = envelope else {
            return Ok(0);
        };
        let payload = data(&site, &now);
        let args = [
            site_id.into(),
            event.as_str().into(),
            payload.as_str().into(),
        ];
        let queued = conn.execute(sql!(conn, webhooks::ENQUEUE), &args).await?;
        tx.commit().await?;
        Ok(queued)
    }

    /// Stores a test delivery of `event` for webhook `id`, whatever it chose and paused or not,
    /// already taken for `lease` so no sender task sends it too; `None` when there is no such
    /// webhook. `data` builds the body from the site's slug and the time, as for
    /// [`Store::enqueue_webhooks`].
    pub async fn take_test_delivery(
        &self,
        id: i64,
        event: WebhookEvent,
        lease: Duration,
        data: impl FnOnce(&str, &str) -> String,
    ) -> Result<Option<Due>> {
        let mut tx = self.begin_write().await?;
        let mut conn = tx.conn();
        let envelope: Option<(String, String, String, String)> = conn
            .fetch_optional(sql!(conn, webhooks::TEST_ENVELOPE), &[id.into()])
            .await?;
        let Some((url, secret, site, now)) = envelope else {
            return Ok(None);
        };
        let payload = data(&site, &now);
        let args = [id.into(), event.as_str().into(), payload.as_str().into()];
        let delivery = conn
            .insert(sql!(conn, webhooks::INSERT_DELIVERY), &args)
            .await?;
        let args = [delivery.into(), millis(lease).into()];
        conn.execute(sql!(conn, webhooks::LEASE), &args).await?;
        tx.commit().await?;
        Ok(Some(Due {
            id: delivery,
            url,
            secret,
            event: event.as_str().to_owned(),
            payload,
            attempts: 0,
        }))
    }

    /// Takes up to `limit` deliveries that are due, holding each for `lease`.
    pub async fn due_deliveries(&self, limit: u32, lease: Duration) -> Result<Vec<Due>> {
        let mut tx = self.begin_write().await?;
        let mut conn = tx.conn();
        let due: Vec<Due> = conn
            .fetch_all(sql!(conn, webhooks::DUE), &[i64::from(limit).into()])
            .await?;
        for delivery in &due {
            let args = [delivery.id.into(), millis(lease).into()];
            conn.execute(sql!(conn, webhooks::LEASE), &args).await?;
        }
        tx.commit().await?;
        Ok(due)
    }

    /// Records `attempt` at delivery `id` and moves the delivery on as `next` says.
    pub async fn record_attempt(&self, id: i64, attempt: &Attempt, next: Next) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let mut conn = tx.conn();
        let args = [
            id.into(),
            attempt.status.map(i64::from).into(),
            attempt.error.as_deref().into(),
            millis(attempt.duration).into(),
        ];
        conn.execute(sql!(conn, webhooks::INSERT_ATTEMPT), &args)
            .await?;
        match next {
            Next::Delivered => {
                conn.execute(sql!(conn, webhooks::DELIVERED), &[id.into()])
                    .await?
            }
            Next::Failed => {
                conn.execute(sql!(conn, webhooks::FAILED), &[id.into()])
                    .await?
            }
            Next::RetryIn(wait) => {
                let args = [id.into(), millis(wait).into()];
                conn.execute(sql!(conn, webhooks::RETRY), &args).await?
            }
        };
        tx.commit().await
    }

    /// A page of webhook `webhook_id`'s deliveries, newest first, each with its attempts.
    /// `before` is the previous page's cursor: the last delivery id it showed.
    pub async fn deliveries(
        &self,
        webhook_id: i64,
        before: Option<i64>,
        limit: u32,
    ) -> Result<Page<WebhookDelivery>> {
        let mut pooled = self.acquire().await?;
        let mut conn = pooled.conn();
        let args = [
            webhook_id.into(),
            before.unwrap_or(i64::MAX).into(),
            (i64::from(limit) + 1).into(),
        ];
        let mut rows: Vec<DeliveryRow> = conn
            .fetch_all(sql!(conn, webhooks::DELIVERIES), &args)
            .await?;
        let next_cursor = if rows.len() > limit as usize {
            rows.truncate(limit as usize);
            rows.last().map(|row| row.id.to_string())
        } else {
            None
        };
        let (Some(newest), Some(oldest)) = (rows.first(), rows.last()) else {
            return Ok(Page {
                items: Vec::new(),
                next_cursor,
            });
        };
        let args = [oldest.id.into(), newest.id.into()];
        let attempts: Vec<AttemptRow> = conn
            .fetch_all(sql!(conn, webhooks::ATTEMPTS), &args)
            .await?;
        let items = rows
            .into_iter()
            .map(|row| {
                let attempts = attempts
                    .iter()
                    .filter(|attempt| attempt.delivery_id == row.id)
                    .map(|attempt| DeliveryAttempt {
                        status: attempt.status.and_then(|s| u16::try_from(s).ok()),
                        error: attempt.error.clone(),
                        duration_ms: count(attempt.duration_ms),
                        at: attempt.created_at.clone(),
                    })
                    .collect();
                delivery(row, attempts)
            })
            .collect::<Result<_>>()?;
        Ok(Page { items, next_cursor })
    }

    /// Delivery `id` of webhook `webhook_id` with its attempts, if it exists.
    pub async fn delivery(&self, webhook_id: i64, id: i64) -> Result<Option<WebhookDelivery>> {
        let page = self.deliveries(webhook_id, id.checked_add(1), 1).await?;
        Ok(page
            .items
            .into_iter()
            .find(|delivery| delivery.id == id.to_string()))
    }
}

fn delivery(row: DeliveryRow, attempts: Vec<DeliveryAttempt>) -> Result<WebhookDelivery> {
    let event = WebhookEvent::parse(&row.event)
        .ok_or_else(|| Error::Internal(format!("delivery {} has event {}", row.id, row.event)))?;
    let state = match row.state.as_str() {
        "pending" => DeliveryState::Pending,
        "delivered" => DeliveryState::Delivered,
        "failed" => DeliveryState::Failed,
        other => return Err(Error::Internal(format!("delivery state {other}"))),
    };
    Ok(WebhookDelivery {
        id: row.id.to_string(),
        event,
        state,
        payload: row.payload,
        next_attempt_at: row
            .next_attempt_at
            .filter(|_| state == DeliveryState::Pending),
        delivered_at: row.delivered_at,
        created_at: row.created_at,
        attempts,
    })
}
