//! Live updates: changes on boards and feeds fanned out to every open event stream.
//!
//! Handlers [`Live::publish`] a [`LiveEvent`] on a [`Channel`] after their change is committed;
//! `routes::events` [`Live::subscribe`]s one stream per connected widget. On SQLite (one server)
//! an event goes straight to this process's subscribers. On PostgreSQL several replicas may
//! share the database, so an event is sent with `NOTIFY` instead and every replica, this one
//! included, hears it through its `LISTEN` connection ([`postgres`]) and passes it on: a vote
//! taken by one replica reaches widgets connected to any other.
//!
//! A subscriber that falls behind, or a replica whose `LISTEN` connection dropped for a moment,
//! gets [`LiveEvent::Resync`] so the widget refetches instead of showing stale numbers.

use std::fmt;
use std::sync::Arc;

use kindred_api::LiveEvent;
use serde::{Deserialize, Serialize};
use tokio::sync::{broadcast, watch};

use crate::store::Store;

mod postgres;

/// How many events a slow subscriber may fall behind before it is told to resync.
const BACKLOG: usize = 1024;

/// What an event is about: one board or one feed, by row id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "on", content = "id", rename_all = "snake_case")]
pub enum Channel {
    /// An idea board.
    Board(i64),
    /// A UGC feed.
    Feed(i64),
}

/// An event with the channel it belongs to, as it travels between publishers and subscribers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Envelope {
    channel: Channel,
    event: LiveEvent,
}

/// The fan-out point shared by every handler; cheap to clone.
#[derive(Clone)]
pub struct Live {
    sender: broadcast::Sender<Arc<Envelope>>,
    closing: watch::Sender<bool>,
    store: Store,
}

impl fmt::Debug for Live {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Live")
            .field("subscribers", &self.sender.receiver_count())
            .finish_non_exhaustive()
    }
}

impl Live {
    /// Starts live updates over `store`; on PostgreSQL this spawns the `LISTEN` task, so it
    /// must run inside a Tokio runtime.
    pub fn start(store: &Store) -> Self {
        let (sender, _) = broadcast::channel(BACKLOG);
        let (closing, _) = watch::channel(false);
        let live = Self {
            sender,
            closing,
            store: store.clone(),
        };
        if let Store::Postgres(pool) = store {
            postgres::listen(pool.clone(), live.clone());
        }
        live
    }

    /// Sends `event` to every subscriber of `channel`, on every replica. Called after the change
    /// is committed; a failure to send is logged, never returned, because the change stands.
    pub async fn publish(&self, channel: Channel, event: LiveEvent) {
        let envelope = Envelope { channel, event };
        match &self.store {
            Store::Sqlite(_) => self.deliver(envelope),
            Store::Postgres(pool) => postgres::notify(pool, &envelope).await,
        }
    }

    /// Hands an event to this process's subscribers.
    fn deliver(&self, envelope: Envelope) {
        // No receiver is fine: nobody is watching.
        let _ = self.sender.send(Arc::new(envelope));
    }

    /// Tells every subscriber of every channel that it may have missed events.
    fn resync_all(&self) {
        let _ = self.sender.send(Arc::new(Envelope {
            channel: Channel::Board(0),
            event: LiveEvent::Resync,
        }));
    }

    /// A new subscription to `channel`.
    pub fn subscribe(&self, channel: Channel) -> Subscription {
        Subscription {
            channel,
            receiver: self.sender.subscribe(),
            closing: self.closing.subscribe(),
        }
    }

    /// Ends every subscription, so graceful shutdown is not held up by open streams.
    pub fn close(&self) {
        self.closing.send_replace(true);
    }
}

/// One subscriber's view of a channel.
#[derive(Debug)]
pub struct Subscription {
    channel: Channel,
    receiver: broadcast::Receiver<Arc<Envelope>>,
    closing: watch::Receiver<bool>,
}

impl Subscription {
    /// The next event on the channel, or `None` once the server is shutting down.
    pub async fn next(&mut self) -> Option<LiveEvent> {
        loop {
            if *self.closing.borrow() {
                return None;
            }
            let received = tokio::select! {
                received = self.receiver.recv() => received,
                _ = self.closing.changed() => return None,
            };
            match received {
                Ok(envelope) if envelope.event == LiveEvent::Resync => {
                    return Some(LiveEvent::Resync)
                }
                Ok(envelope) if envelope.channel == self.channel => {
                    return Some(envelope.event.clone())
                }
                Ok(_) => {}
                Err(broadcast::error::RecvError::Lagged(_)) => return Some(LiveEvent::Resync),
                Err(broadcast::error::RecvError::Closed) => return None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn envelopes_round_trip_as_json() {
        let envelope = Envelope {
            channel: Channel::Feed(4),
            event: LiveEvent::Likes {
                post_id: "9".into(),
                like_count: 3,
            },
        };
        let json = serde_json::to_string(&envelope).unwrap();
        assert!(json.contains(r#""channel":{"on":"feed","id":4}"#), "{json}");
        assert_eq!(serde_json::from_str::<Envelope>(&json).unwrap(), envelope);
    }
}
