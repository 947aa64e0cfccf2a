//! The vote button: it answers a click at once, sends one request at a time, announces the
//! confirmed result to screen readers, and undoes its guess out loud when the server refuses
//! or cannot be reached.

use kindred_api::IdeaId;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::tally::{Tally, VoteIntent};
use crate::client::{ApiClient, ClientError};
use crate::events::{use_events, Events};
use crate::i18n::use_catalog;

/// A vote button's reactive state.
#[derive(Clone, Copy)]
pub struct VoteControl {
    tally: RwSignal<Tally>,
    in_flight: RwSignal<bool>,
    failure: RwSignal<Option<(VoteIntent, ClientError)>>,
    done: RwSignal<Option<Tally>>,
}

impl VoteControl {
    /// State starting from the tally an idea arrived with.
    pub fn new(initial: Tally) -> Self {
        Self {
            tally: RwSignal::new(initial),
            in_flight: RwSignal::new(false),
            failure: RwSignal::new(None),
            done: RwSignal::new(None),
        }
    }

    /// The tally to show (tracked).
    pub fn tally(self) -> Tally {
        self.tally.get()
    }

    /// Whether a request is on its way (tracked).
    pub fn in_flight(self) -> bool {
        self.in_flight.get()
    }

    /// The last refused request and why, until the next click (tracked).
    pub fn failure(self) -> Option<(VoteIntent, ClientError)> {
        self.failure.get()
    }

    /// The tally the server confirmed for the last click, until the next one (tracked).
    pub fn done(self) -> Option<Tally> {
        self.done.get()
    }

    /// Votes or unvotes: shows the result at once, then settles on the server's answer, or
    /// restores the previous tally and records the failure. Clicks while a request is in
    /// flight are ignored, so a double click never sends two votes.
    pub fn toggle(self, client: ApiClient, events: Events, id: IdeaId) {
        if self.in_flight.get_untracked() {
            return;
        }
        let before = self.tally.get_untracked();
        let intent = before.intent();
        self.tally.set(before.optimistic());
        self.failure.set(None);
        self.done.set(None);
        self.in_flight.set(true);
        spawn_local(async move {
            let answer = match intent {
                VoteIntent::Vote => client.vote(&id).await,
                VoteIntent::Unvote => client.unvote(&id).await,
            };
            // The widget may have been unmounted meanwhile; `try_set` then does nothing.
            let (settled, failure) = match answer {
                Ok(state) => {
                    events.vote(&state);
                    (Tally::from(&state), None)
                }
                Err(error) => {
                    events.error("vote", &error);
                    (before, Some((intent, error)))
                }
            };
            self.tally.try_set(settled);
            self.done.try_set(failure.is_none().then_some(settled));
            self.failure.try_set(failure);
            self.in_flight.try_set(false);
        });
    }
}

/// An idea's vote toggle with its count, followed by a polite live region that explains a
/// refused vote.
#[component]
pub fn VoteButton(
    /// The idea voted on.
    id: IdeaId,
    /// The idea's title, for the accessible name and messages.
    title: String,
    /// The tally the idea arrived with.
    initial: Tally,
) -> impl IntoView {
    let t = use_catalog();
    let client = expect_context::<ApiClient>();
    let events = use_events();
    let control = VoteControl::new(initial);
    let label = {
        let title = title.clone();
        move || t.vote_label(&title, control.tally().count)
    };
    // Refusals are shown and announced; a confirmed vote is announced only, as its button
    // already shows it.
    let notice = move || match (control.failure(), control.done()) {
        (Some((intent, error)), _) => Some(t.vote_failed(intent, &title, &error)),
        (None, Some(tally)) => Some(t.vote_done(tally.voted, tally.count)),
        (None, None) => None,
    };
    view! {
        <button
            type="button"
            class="vote"
            class:vote--busy=move || control.in_flight()
            part="vote-button"
            data-testid="vote-button"
            aria-pressed=move || control.tally().voted.to_string()
            aria-label=label
            on:click=move |_| control.toggle(client.clone(), events.clone(), id.clone())
        >
            <svg class="vote__icon" viewBox="0 0 16 16" aria-hidden="true">
                <path d="M8 3.5 13.5 11h-11z"></path>
            </svg>
            <span class="vote__count" data-testid="vote-count">
                {move || t.number(control.tally().count)}
            </span>
        </button>
        <p
            class="card__notice"
            class:sr-only=move || control.failure().is_none()
            part="notice"
            role="status"
            data-testid="vote-notice"
        >
            {notice}
        </p>
    }
}
