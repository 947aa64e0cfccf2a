//! Which queue items the moderator has selected, to decide on several at once.

use kindred_api::moderation::{QueueItem, QueueKind};
use leptos::prelude::*;

/// What names a queue item: its kind and its id within the kind.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    /// The item's kind.
    pub kind: QueueKind,
    /// Its id.
    pub id: String,
}

impl Key {
    /// The key of `item`.
    pub fn of(item: &QueueItem) -> Self {
        Self {
            kind: item.kind,
            id: item.id.clone(),
        }
    }
}

/// The selected items' keys, in the order they were selected.
#[derive(Clone, Copy)]
pub struct Selection(RwSignal<Vec<Key>>);

impl Selection {
    /// Nothing selected.
    pub fn new() -> Self {
        Self(RwSignal::new(Vec::new()))
    }

    /// Whether `key` is selected (tracked).
    pub fn contains(self, key: &Key) -> bool {
        self.0.with(|keys| keys.contains(key))
    }

    /// How many items are selected (tracked).
    pub fn len(self) -> usize {
        self.0.with(Vec::len)
    }

    /// Whether nothing is selected (tracked).
    pub fn is_empty(self) -> bool {
        self.len() == 0
    }

    /// Selects `key`, or unselects it when it was selected.
    pub fn toggle(self, key: &Key) {
        self.0
            .update(|keys| match keys.iter().position(|k| k == key) {
                Some(index) => {
                    keys.remove(index);
                }
                None => keys.push(key.clone()),
            });
    }

    /// Selects every key of `all` (or none, when all of them were already selected).
    pub fn toggle_all(self, all: Vec<Key>) {
        self.0.update(|keys| {
            if all.iter().all(|key| keys.contains(key)) {
                keys.clear();
            } else {
                *keys = all;
            }
        });
    }

    /// The selected keys, in order (untracked, for handlers).
    pub fn keys(self) -> Vec<Key> {
        self.0.get_untracked()
    }

    /// Unselects `key`, once it has left the queue.
    pub fn forget(self, key: &Key) {
        self.0.update(|keys| keys.retain(|k| k != key));
    }

    /// Unselects everything.
    pub fn clear(self) {
        self.0.set(Vec::new());
    }
}

impl Default for Selection {
    fn default() -> Self {
        Self::new()
    }
}
