//! A post's like button. Like a vote, it answers a click at once, sends one request at a
//! time, settles on the server's count (others like too), and undoes its guess out loud when
//! the server refuses or cannot be reached.

use kindred_api::{LikeState, PostId};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::client::{ApiClient, ClientError};
use crate::i18n::use_catalog;
use crate::ideas::{VoteIntent, VoteTally as Tally};

impl From<&LikeState> for Tally {
    /// The server's answer: the post's likers, and whether this visitor is one of them.
    fn from(state: &LikeState) -> Self {
        Self {
            count: state.like_count,
            voted: state.liked,
        }
    }
}

/// The like toggle of post `id`, with its count, followed by a polite live region that says
/// why a like was undone.
#[component]
pub fn LikeButton(
    /// The post liked.
    id: PostId,
    /// Its likers and whether this visitor is one, as the post arrived.
    initial: Tally,
) -> impl IntoView {
    let t = use_catalog();
    let client = expect_context::<ApiClient>();
    let tally = RwSignal::new(initial);
    let in_flight = RwSignal::new(false);
    let failure = RwSignal::new(None::<(VoteIntent, ClientError)>);
    let click = move |_| {
        if in_flight.get_untracked() {
            return;
        }
        let before = tally.get_untracked();
        let intent = before.intent();
        tally.set(before.optimistic());
        failure.set(None);
        in_flight.set(true);
        let (client, id) = (client.clone(), id.clone());
        spawn_local(async move {
            let answer = match intent {
                VoteIntent::Vote => client.like(&id).await,
                VoteIntent::Unvote => client.unlike(&id).await,
            };
            // The feed may be gone meanwhile: `try_set` then does nothing.
            match answer {
                Ok(state) => _ = tally.try_set(Tally::from(&state)),
                Err(error) => {
                    tally.try_set(before);
                    failure.try_set(Some((intent, error)));
                }
            }
            in_flight.try_set(false);
        });
    };
    let notice = move || {
        failure.with(|failure| {
            failure
                .as_ref()
                .map(|(intent, error)| t.like_failed(*intent, error))
        })
    };
    view! {
        <button
            type="button"
            class="like"
            part="like-button"
            data-testid="like-button"
            aria-pressed=move || tally.get().voted.to_string()
            aria-disabled=move || in_flight.get().then_some("true")
            aria-label=move || t.like_label(tally.get().count)
            on:click=click
        >
            <svg class="like__icon" viewBox="0 0 16 16" aria-hidden="true">
                <path d="M8 13.5S2 10 2 5.9A3 3 0 0 1 8 4.6a3 3 0 0 1 6 1.3C14 10 8 13.5 8 13.5z"></path>
            </svg>
            <span data-testid="like-count">{move || t.number(tally.get().count)}</span>
        </button>
        <p
            class="like__notice"
            class:sr-only=move || failure.with(Option::is_none)
            part="notice"
            role="status"
            data-testid="like-notice"
        >
            {notice}
        </p>
    }
}
