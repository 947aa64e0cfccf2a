//! Votes made while offline, kept in `localStorage` until the browser is back online, so a
//! flaky connection never loses a vote, not even across a reload.
//!
//! The queue holds at most one intent per idea: voting and then withdrawing while offline
//! cancel out, and nothing is sent.

use kindred_api::IdeaId;
use serde::{Deserialize, Serialize};

use super::tally::VoteIntent;
use crate::client::ApiBase;

/// One vote waiting to be sent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Queued {
    /// The idea voted on.
    pub idea: IdeaId,
    /// Whether the visitor votes (`true`) or withdraws their vote.
    pub vote: bool,
}

impl Queued {
    /// What the queued vote asks the server for.
    pub fn intent(&self) -> VoteIntent {
        if self.vote {
            VoteIntent::Vote
        } else {
            VoteIntent::Unvote
        }
    }
}

/// Votes waiting for the network, oldest first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Queue(Vec<Queued>);

impl Queue {
    /// Adds `intent` for `idea`. An opposite intent already waiting is cancelled instead,
    /// since the two together change nothing on the server. Answers whether the idea now has
    /// a vote waiting.
    pub fn record(&mut self, idea: &IdeaId, intent: VoteIntent) -> bool {
        let vote = intent == VoteIntent::Vote;
        match self.0.iter().position(|queued| queued.idea == *idea) {
            Some(at) if self.0[at].vote != vote => {
                self.0.remove(at);
                false
            }
            Some(_) => true,
            None => {
                self.0.push(Queued {
                    idea: idea.clone(),
                    vote,
                });
                true
            }
        }
    }

    /// The intent waiting for `idea`, if any.
    pub fn waiting(&self, idea: &IdeaId) -> Option<VoteIntent> {
        self.0
            .iter()
            .find(|queued| queued.idea == *idea)
            .map(Queued::intent)
    }

    /// Removes `queued` once the server has answered it (whatever the answer).
    pub fn settle(&mut self, queued: &Queued) {
        self.0.retain(|other| other != queued);
    }

    /// The waiting votes, oldest first.
    pub fn items(&self) -> &[Queued] {
        &self.0
    }

    /// Reads a queue written by [`Queue::to_json`]; anything unreadable is an empty queue.
    pub fn from_json(text: &str) -> Self {
        Self(serde_json::from_str(text).unwrap_or_default())
    }

    /// The queue as JSON, for storage.
    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.0).unwrap_or_default()
    }
}

/// The storage key of the queue for votes sent to `api`: each API has its own queue, shared
/// by every widget on the page that speaks to it.
pub fn storage_key(api: &ApiBase) -> String {
    format!("kindred:outbox:{}", api.as_str())
}

/// The queue stored for `api`; empty where storage is unavailable.
pub fn load(api: &ApiBase) -> Queue {
    storage()
        .and_then(|storage| storage.get_item(&storage_key(api)).ok().flatten())
        .map(|text| Queue::from_json(&text))
        .unwrap_or_default()
}

/// Stores `queue` for `api`, removing the entry when it is empty. Where storage is blocked
/// the votes wait in memory only, for as long as the page stays open.
pub fn save(api: &ApiBase, queue: &Queue) {
    let Some(storage) = storage() else { return };
    let key = storage_key(api);
    _ = if queue.items().is_empty() {
        storage.remove_item(&key)
    } else {
        storage.set_item(&key, &queue.to_json())
    };
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|window| window.local_storage().ok().flatten())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn idea(id: i64) -> IdeaId {
        IdeaId::from(id)
    }

    #[test]
    fn votes_wait_in_order() {
        let mut queue = Queue::default();
        assert!(queue.record(&idea(1), VoteIntent::Vote));
        assert!(queue.record(&idea(2), VoteIntent::Unvote));
        assert_eq!(queue.waiting(&idea(1)), Some(VoteIntent::Vote));
        assert_eq!(queue.waiting(&idea(2)), Some(VoteIntent::Unvote));
        assert_eq!(queue.waiting(&idea(3)), None);
        let ids: Vec<_> = queue.items().iter().map(|q| q.idea.clone()).collect();
        assert_eq!(ids, [idea(1), idea(2)]);
    }

    #[test]
    fn opposite_intents_cancel_and_repeats_are_kept_once() {
        let mut queue = Queue::default();
        queue.record(&idea(1), VoteIntent::Vote);
        assert!(queue.record(&idea(1), VoteIntent::Vote));
        assert_eq!(queue.items().len(), 1);
        assert!(!queue.record(&idea(1), VoteIntent::Unvote));
        assert_eq!(queue, Queue::default());
    }

    #[test]
    fn settled_votes_leave_the_queue() {
        let mut queue = Queue::default();
        queue.record(&idea(1), VoteIntent::Vote);
        queue.record(&idea(2), VoteIntent::Vote);
        let first = queue.items()[0].clone();
        queue.settle(&first);
        assert_eq!(queue.waiting(&idea(1)), None);
        assert_eq!(queue.items().len(), 1);
    }

    #[test]
    fn the_queue_survives_storage_and_garbage_is_empty() {
        let mut queue = Queue::default();
        queue.record(&idea(7), VoteIntent::Unvote);
        let json = queue.to_json();
        assert_eq!(json, r#"[{"idea":"7","vote":false}]"#);
        assert_eq!(Queue::from_json(&json), queue);
        assert_eq!(Queue::from_json("{not json"), Queue::default());
        let api = ApiBase::parse("https://api.example.com/k").unwrap();
        assert_eq!(
            storage_key(&api),
            "kindred:outbox:https://api.example.com/k"
        );
    }
}
