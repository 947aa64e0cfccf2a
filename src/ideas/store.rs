//! What a board knows about each idea it shows (its vote tally and its status), shared by
//! the list, an idea's detail and the live stream, so a change made or heard in one place
//! shows everywhere at once. It also owns the votes that wait for the network.

use std::collections::HashMap;

use kindred_api::{Idea, IdeaId, IdeaStatus};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::outbox::{self, Queue, Queued};
use super::tally::{Tally, VoteIntent};
use super::vote::VoteControl;
use crate::client::adapter::spec::OperationName;
use crate::client::{ApiClient, ClientError};
use crate::events::Events;

/// The ideas a board has shown, by id.
#[derive(Clone, Copy)]
pub struct IdeaStore {
    owner: StoredValue<Owner>,
    votes: StoredValue<HashMap<IdeaId, VoteControl>>,
    statuses: StoredValue<HashMap<IdeaId, RwSignal<IdeaStatus>>>,
    outbox: StoredValue<Queue>,
    /// Answers to waiting votes the server confirmed before their idea was shown: they win
    /// over lists that predate them, until a list agrees or the visitor votes again.
    confirmed: StoredValue<HashMap<IdeaId, Tally>>,
    flushing: StoredValue<bool>,
    new_ideas: RwSignal<u32>,
    client: StoredValue<ApiClient>,
    events: StoredValue<Events>,
}

impl IdeaStore {
    /// A store whose state lives as long as the current owner, sending votes with `client`
    /// and announcing them through `events`. Votes queued by an earlier page are sent now,
    /// and whenever the browser comes back online.
    pub fn new(client: ApiClient, events: Events) -> Self {
        let store = Self {
            // A child of the board's owner: its state ends with the board's, and holding it
            // here keeps no reference from the board's owner to itself.
            owner: StoredValue::new(Owner::current().unwrap_or_default().child()),
            votes: StoredValue::new(HashMap::new()),
            statuses: StoredValue::new(HashMap::new()),
            outbox: StoredValue::new(outbox::load(client.base())),
            confirmed: StoredValue::new(HashMap::new()),
            new_ideas: RwSignal::new(0),
            flushing: StoredValue::new(false),
            client: StoredValue::new(client),
            events: StoredValue::new(events),
        };
        let online = window_event_listener(leptos::ev::online, move |_| store.flush());
        on_cleanup(move || online.remove());
        store.flush();
        store
    }

    /// Whether the API takes votes (an API behind an adapter may not).
    pub fn takes_votes(self) -> bool {
        self.client
            .try_with_value(|client| client.offers(OperationName::Vote))
            .unwrap_or(true)
    }

    /// The vote state of idea `id`, which arrived from the server with `arrived`: created,
    /// or brought up to date unless a vote on it is on its way or waiting for the network.
    /// A vote still waiting from an earlier page shows as waiting, and a waiting vote the
    /// server confirmed before the idea was shown wins over lists that predate it.
    pub fn vote(self, id: &IdeaId, arrived: Tally) -> VoteControl {
        let shown = self.unless_stale(id, arrived);
        if let Some(control) = self.votes.with_value(|votes| votes.get(id).copied()) {
            if !control.busy_untracked() {
                control.settle(shown);
            }
            return control;
        }
        let control = self.owned(|| VoteControl::new(shown));
        let waiting = self.outbox.with_value(|queue| queue.waiting(id));
        if waiting == Some(arrived.intent()) {
            control.queue(arrived.optimistic());
        }
        self.votes
            .update_value(|votes| _ = votes.insert(id.clone(), control));
        control
    }

    /// `arrived`, or the confirmed answer to a vote from the outbox where `arrived` predates
    /// it (it says otherwise whether the visitor voted). A list that agrees with the
    /// confirmation ends it.
    fn unless_stale(self, id: &IdeaId, arrived: Tally) -> Tally {
        let confirmed = self
            .confirmed
            .try_with_value(|confirmed| confirmed.get(id).copied())
            .flatten();
        match confirmed {
            Some(confirmed) if confirmed.voted != arrived.voted => confirmed,
            Some(_) => {
                self.confirmed
                    .update_value(|confirmed| _ = confirmed.remove(id));
                arrived
            }
            None => arrived,
        }
    }

    /// The tally shown for idea `id`, when the board has shown it.
    pub fn shown_tally(self, id: &IdeaId) -> Option<Tally> {
        self.votes
            .try_with_value(|votes| votes.get(id).map(|control| control.tally_untracked()))
            .flatten()
    }

    /// The status of idea `id`, which arrived from the server as `arrived`.
    pub fn status(self, id: &IdeaId, arrived: IdeaStatus) -> RwSignal<IdeaStatus> {
        if let Some(status) = self
            .statuses
            .with_value(|statuses| statuses.get(id).copied())
        {
            if status.get_untracked() != arrived {
                status.set(arrived);
            }
            return status;
        }
        let status = self.owned(|| RwSignal::new(arrived));
        self.statuses
            .update_value(|statuses| _ = statuses.insert(id.clone(), status));
        status
    }

    /// Brings what the board shows of `idea` up to date with what the server just sent;
    /// nothing happens once the board is gone.
    pub fn refresh(self, idea: &Idea) {
        if self.votes.try_with_value(|_| ()).is_none() {
            return;
        }
        self.vote(&idea.id, Tally::of(idea));
        self.status(&idea.id, idea.status);
    }

    /// Records a supporter count heard from the live stream.
    pub fn heard_count(self, id: &IdeaId, vote_count: u32) {
        if let Some(control) = self.votes.with_value(|votes| votes.get(id).copied()) {
            control.heard_count(vote_count);
        }
    }

    /// Records that an idea was newly listed on the board, heard from the live stream.
    pub fn heard_new_idea(self) {
        self.new_ideas
            .update(|count| *count = count.saturating_add(1));
    }

    /// How many ideas were listed since the list was last loaded (tracked).
    pub fn new_ideas(self) -> u32 {
        self.new_ideas.get()
    }

    /// Forgets the newly listed ideas, once the list shows them.
    pub fn clear_new_ideas(self) {
        if self.new_ideas.get_untracked() > 0 {
            self.new_ideas.set(0);
        }
    }

    /// Records a status change heard from the live stream.
    pub fn heard_status(self, id: &IdeaId, status: IdeaStatus) {
        if let Some(signal) = self
            .statuses
            .with_value(|statuses| statuses.get(id).copied())
        {
            signal.set(status);
        }
    }

    /// Creates `value` under the board's owner, so it outlives the card that asked for it.
    fn owned<T>(self, value: impl FnOnce() -> T) -> T {
        self.owner.with_value(|owner| owner.with(value))
    }

    /// Votes or withdraws the visitor's vote on `id`: the button shows the result at once;
    /// the server's answer settles it, or a refusal restores the previous tally with a
    /// message. While the browser is offline the vote waits in the outbox instead. Clicks
    /// while a request is in flight are ignored, so a double click never sends two votes.
    pub fn toggle(self, id: &IdeaId) {
        let Some(control) = self.votes.with_value(|votes| votes.get(id).copied()) else {
            return;
        };
        if control.in_flight_untracked() {
            return;
        }
        // The visitor's own new choice supersedes any confirmation kept for stale lists.
        self.confirmed
            .update_value(|confirmed| _ = confirmed.remove(id));
        let before = control.tally_untracked();
        let intent = before.intent();
        if control.queued_untracked() || is_offline() {
            let waiting = self.update_outbox(|queue| queue.record(id, intent)) == Some(true);
            if waiting {
                control.queue(before.optimistic());
            } else {
                control.settle(before.optimistic());
            }
            return;
        }
        control.start(before.optimistic());
        let id = id.clone();
        spawn_local(async move {
            let answer = self.send(&id, intent).await;
            match answer {
                Err(ClientError::Network) if is_offline() => {
                    // The connection dropped on the way: keep the vote for later.
                    self.update_outbox(|queue| queue.record(&id, intent));
                    control.queue(before.optimistic());
                }
                Ok(tally) => control.confirm(tally),
                Err(error) => control.refuse(before, intent, error),
            }
        });
    }

    /// Sends the waiting votes, one at a time, oldest first. A vote the server refuses is
    /// undone on its button with the reason; one that finds the network gone again waits on.
    pub fn flush(self) {
        if is_offline() || self.flushing.get_value() {
            return;
        }
        self.flushing.set_value(true);
        spawn_local(async move {
            // The board may be gone (`try_…` answers `None`) or the network again.
            while let Some(queued) = self
                .outbox
                .try_with_value(|queue| queue.items().first().cloned())
                .flatten()
                .filter(|_| !is_offline())
            {
                let intent = queued.intent();
                let answer = self.send(&queued.idea, intent).await;
                if matches!(answer, Err(ClientError::Network)) {
                    break;
                }
                self.update_outbox(|queue| queue.settle(&queued));
                self.settle_queued(&queued, answer);
            }
            self.flushing.try_set_value(false);
        });
    }

    /// Shows the server's answer to a vote that waited in the outbox.
    fn settle_queued(self, queued: &Queued, answer: Result<Tally, ClientError>) {
        let Some(control) = self
            .votes
            .try_with_value(|votes| votes.get(&queued.idea).copied())
            .flatten()
        else {
            // Not shown yet: a list already on its way may predate the vote, so its answer
            // is what the idea shows when it arrives.
            if let Ok(tally) = answer {
                self.confirmed
                    .try_update_value(|confirmed| _ = confirmed.insert(queued.idea.clone(), tally));
            }
            return;
        };
        match answer {
            Ok(tally) => control.confirm(tally),
            Err(error) => {
                let shown = control.tally_untracked();
                let before = Tally {
                    count: if queued.vote {
                        shown.count.saturating_sub(1)
                    } else {
                        shown.count.saturating_add(1)
                    },
                    voted: !queued.vote,
                };
                control.refuse(before, queued.intent(), error);
            }
        }
    }

    /// Sends one vote and tells the host page how it went.
    async fn send(self, id: &IdeaId, intent: VoteIntent) -> Result<Tally, ClientError> {
        let Some(client) = self.client.try_get_value() else {
            return Err(ClientError::Network);
        };
        let answer = match intent {
            VoteIntent::Vote => client.vote(id).await,
            VoteIntent::Unvote => client.unvote(id).await,
        };
        if let Some(events) = self.events.try_get_value() {
            match &answer {
                Ok(state) => events.vote(state),
                Err(ClientError::Network) if is_offline() => {}
                Err(error) => events.error("vote", error),
            }
        }
        answer.map(|state| Tally::from(&state))
    }

    /// Changes the outbox and stores it; answers what `change` answered, or `None` once the
    /// board is gone.
    fn update_outbox<T>(self, change: impl FnOnce(&mut Queue) -> T) -> Option<T> {
        let mut queue = self.outbox.try_get_value()?;
        let answer = change(&mut queue);
        self.client
            .try_with_value(|client| outbox::save(client.base(), &queue))?;
        self.outbox.try_set_value(queue);
        Some(answer)
    }
}

/// Whether the browser says it has no network.
fn is_offline() -> bool {
    web_sys::window().is_some_and(|window| !window.navigator().on_line())
}

/// The idea store of the board being rendered.
pub fn use_store() -> IdeaStore {
    expect_context::<IdeaStore>()
}
