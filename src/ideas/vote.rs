//! The vote button: it answers a click at once, sends one request at a time, announces the
//! confirmed result to screen readers, and undoes its guess out loud when the server refuses
//! or cannot be reached. Where the board keeps voting for members, an anonymous visitor is
//! asked to sign in instead.

use kindred_api::{ErrorCode, IdeaId};
use leptos::prelude::*;

use super::rules::{use_rules, Action};
use super::signin::SignInPrompt;
use super::store::use_store;
use super::tally::{Tally, VoteIntent};
use crate::client::ClientError;
use crate::i18n::use_catalog;
use crate::identity;

/// A vote button's reactive state. The rules that change it live in
/// [`IdeaStore::toggle`](super::store::IdeaStore::toggle).
#[derive(Clone, Copy)]
pub struct VoteControl {
    tally: RwSignal<Tally>,
    in_flight: RwSignal<bool>,
    queued: RwSignal<bool>,
    failure: RwSignal<Option<(VoteIntent, ClientError)>>,
    done: RwSignal<Option<Tally>>,
}

impl VoteControl {
    /// State starting from the tally an idea arrived with.
    pub fn new(initial: Tally) -> Self {
        Self {
            tally: RwSignal::new(initial),
            in_flight: RwSignal::new(false),
            queued: RwSignal::new(false),
            failure: RwSignal::new(None),
            done: RwSignal::new(None),
        }
    }

    /// The button's state as a word, for styling and tests (tracked): `sending`, `queued`,
    /// `failed` or `idle`.
    pub fn state(self) -> &'static str {
        if self.in_flight() {
            "sending"
        } else if self.queued() {
            "queued"
        } else if self.failure.with(Option::is_some) {
            "failed"
        } else {
            "idle"
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

    /// Whether the shown vote waits for the network (tracked).
    pub fn queued(self) -> bool {
        self.queued.get()
    }

    /// The last refused request and why, until the next click (tracked).
    pub fn failure(self) -> Option<(VoteIntent, ClientError)> {
        self.failure.get()
    }

    /// The tally the server confirmed for the last click, until the next one (tracked).
    pub fn done(self) -> Option<Tally> {
        self.done.get()
    }

    pub(super) fn tally_untracked(self) -> Tally {
        self.tally.get_untracked()
    }

    pub(super) fn in_flight_untracked(self) -> bool {
        self.in_flight.get_untracked()
    }

    pub(super) fn queued_untracked(self) -> bool {
        self.queued.get_untracked()
    }

    /// Whether a vote is on its way or waiting, so what the server sends is already stale.
    pub(super) fn busy_untracked(self) -> bool {
        self.in_flight_untracked() || self.queued_untracked()
    }

    /// Shows `optimistic` while its request is on its way.
    pub(super) fn start(self, optimistic: Tally) {
        self.tally.set(optimistic);
        self.failure.set(None);
        self.done.set(None);
        self.in_flight.set(true);
    }

    /// Settles on the server's answer, which wins over the guess (others vote too).
    pub(super) fn confirm(self, tally: Tally) {
        // The widget may have been unmounted meanwhile; `try_set` then does nothing.
        self.tally.try_set(tally);
        self.done.try_set(Some(tally));
        self.failure.try_set(None);
        self.queued.try_set(false);
        self.in_flight.try_set(false);
    }

    /// Puts `before` back and records why the server refused `intent`.
    pub(super) fn refuse(self, before: Tally, intent: VoteIntent, error: ClientError) {
        self.tally.try_set(before);
        self.done.try_set(None);
        self.failure.try_set(Some((intent, error)));
        self.queued.try_set(false);
        self.in_flight.try_set(false);
    }

    /// Shows `tally` as waiting for the network.
    pub(super) fn queue(self, tally: Tally) {
        self.tally.try_set(tally);
        self.failure.try_set(None);
        self.done.try_set(None);
        self.queued.try_set(true);
        self.in_flight.try_set(false);
    }

    /// Shows `tally` as settled, with nothing waiting (an offline vote withdrawn again, or
    /// fresh data from the server).
    pub(super) fn settle(self, tally: Tally) {
        if self.tally.get_untracked() != tally {
            self.tally.set(tally);
        }
        if self.queued.get_untracked() {
            self.queued.set(false);
        }
    }

    /// Takes a supporter count others' votes produced, unless this visitor's own vote is
    /// still on its way (its answer brings the count).
    pub(super) fn heard_count(self, count: u32) {
        if !self.busy_untracked() {
            self.tally.update(|tally| tally.count = count);
        }
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
    let store = use_store();
    if !store.takes_votes() {
        return view! { <VoteCount count=initial.count/> }.into_any();
    }
    let control = store.vote(&id, initial);
    // Boards tell up front whether anonymous visitors may vote; a 401 or 403 for an anonymous
    // visitor says so too. Either way the visitor is asked to sign in, until they have.
    let rules = use_rules();
    let asked = RwSignal::new(false);
    let members_only = move || {
        control.failure().is_some_and(|(_, error)| {
            matches!(
                error,
                ClientError::Api {
                    code: ErrorCode::Forbidden | ErrorCode::Unauthorized,
                    ..
                }
            )
        })
    };
    let signing_in =
        move || rules.is_some() && (asked.get() || members_only()) && identity::tracked().is_none();
    let click = move |_| {
        if rules.is_some_and(|rules| rules.needs_signin(Action::Vote)) {
            asked.set(true);
        } else {
            store.toggle(&id);
        }
    };
    let label = {
        let title = title.clone();
        move || t.vote_label(&title, control.tally().count)
    };
    // Refusals are shown and announced; a confirmed vote is announced only, as its button
    // already shows it.
    let notice = move || match (control.failure(), control.done()) {
        (Some((intent, error)), _) => Some(t.vote_failed(intent, &title, &error)),
        (None, Some(tally)) => Some(t.vote_done(tally.voted, tally.count)),
        (None, None) => control.queued().then(|| t.vote_queued().to_owned()),
    };
    let shown = move || control.failure().is_some() || control.queued();
    view! {
        <button
            type="button"
            class="vote"
            class:vote--busy=move || control.in_flight()
            class:vote--queued=move || control.queued()
            part="vote-button"
            data-testid="vote-button"
            aria-pressed=move || control.tally().voted.to_string()
            data-state=move || control.state()
            aria-label=label
            on:click=click
        >
            <VoteIcon/>
            <span class="vote__count" data-testid="vote-count">
                {move || t.number(control.tally().count)}
            </span>
        </button>
        <p
            class="card__notice"
            class:sr-only=move || !shown()
            class:card__notice--queued=move || control.queued()
            part="notice"
            role="status"
            data-testid="vote-notice"
        >
            {notice}
        </p>
        {move || signing_in().then(|| view! { <SignInPrompt action=Action::Vote/> })}
    }
    .into_any()
}

/// An idea's votes, shown but not given: the API behind the widget takes none.
#[component]
fn VoteCount(
    /// How many.
    count: u32,
) -> impl IntoView {
    let t = use_catalog();
    view! {
        <span class="vote vote--still" part="vote-count">
            <VoteIcon/>
            <span class="vote__count" aria-hidden="true" data-testid="vote-count">{t.number(count)}</span>
            <span class="sr-only">{t.votes(count)}</span>
        </span>
    }
}

/// The arrow a vote is drawn with.
#[component]
fn VoteIcon() -> impl IntoView {
    view! {
        <svg class="vote__icon" viewBox="0 0 16 16" aria-hidden="true">
            <path d="M8 3.5 13.5 11h-11z"></path>
        </svg>
    }
}
