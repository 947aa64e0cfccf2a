//! A post's like button. Like a vote, it answers a click at once, sends one request at a
//! time, settles on the server's count (others like too), and undoes its guess out loud when
//! the server refuses or cannot be reached.

use std::collections::HashMap;

use kindred_api::{LikeState, Post, PostId};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::client::adapter::spec::OperationName;
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

/// One post's like state, shared by every button that shows the post (its tile and the
/// lightbox).
#[derive(Clone, Copy)]
pub struct LikeControl {
    tally: RwSignal<Tally>,
    in_flight: RwSignal<bool>,
    failure: RwSignal<Option<(VoteIntent, ClientError)>>,
}

/// The like states of a feed's posts, by post.
#[derive(Clone, Copy)]
pub struct Likes {
    controls: StoredValue<HashMap<PostId, LikeControl>>,
    owner: StoredValue<Owner>,
}

impl Default for Likes {
    fn default() -> Self {
        Self::new()
    }
}

impl Likes {
    /// No posts yet.
    pub fn new() -> Self {
        Self {
            controls: StoredValue::new(HashMap::new()),
            // A child of the feed's owner: the states end with the feed, not with the tile
            // that first showed a post (a filter re-renders the tiles).
            owner: StoredValue::new(Owner::current().unwrap_or_default().child()),
        }
    }

    /// The state of post `id`, starting from `arrived` the first time the post is seen.
    pub fn control(self, id: &PostId, arrived: Tally) -> LikeControl {
        let known = self
            .controls
            .with_value(|controls| controls.get(id).copied());
        if let Some(control) = known {
            return control;
        }
        let control = self.owner.with_value(|owner| {
            owner.with(|| LikeControl {
                tally: RwSignal::new(arrived),
                in_flight: RwSignal::new(false),
                failure: RwSignal::new(None),
            })
        });
        self.controls
            .update_value(|controls| _ = controls.insert(id.clone(), control));
        control
    }
}

impl Likes {
    /// Takes the counts of posts the server just listed (others like too), except where a
    /// like of the visitor's is on its way: its answer brings the count.
    pub fn refresh(self, posts: &[Post]) {
        for post in posts {
            let known = self
                .controls
                .with_value(|controls| controls.get(&post.id).copied());
            let Some(control) = known else {
                continue;
            };
            let arrived = Tally {
                count: post.like_count,
                voted: post.liked,
            };
            if !control.in_flight.get_untracked() && control.tally.get_untracked() != arrived {
                control.tally.set(arrived);
            }
        }
    }
}

impl Likes {
    /// Takes a post's count as the live stream tells it, unless a like of the visitor's is on
    /// its way: its answer brings the count.
    pub fn heard(self, id: &PostId, count: u32) {
        let known = self
            .controls
            .with_value(|controls| controls.get(id).copied());
        if let Some(control) = known.filter(|control| !control.in_flight.get_untracked()) {
            control.tally.update(|tally| tally.count = count);
        }
    }
}

/// The feed's like states, as its root provides them.
pub fn use_likes() -> Likes {
    expect_context()
}

/// The like toggle of post `id`, with its count, followed by a polite live region that says
/// why a like was undone; only the count where the API takes no likes.
#[component]
pub fn LikeButton(
    /// The post liked.
    id: PostId,
    /// Its likers and whether this visitor is one, as the post arrived.
    initial: Tally,
) -> impl IntoView {
    let t = use_catalog();
    let client = expect_context::<ApiClient>();
    if !client.offers(OperationName::Like) {
        return view! { <LikeCount count=initial.count/> }.into_any();
    }
    let LikeControl {
        tally,
        in_flight,
        failure,
    } = use_likes().control(&id, initial);
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
                Ok(Some(state)) => _ = tally.try_set(Tally::from(&state)),
                // The API did not say: what the button shows stands.
                Ok(None) => {}
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
            <LikeIcon/>
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
    .into_any()
}

/// A post's likes, shown but not given: the API behind the widget takes none.
#[component]
fn LikeCount(
    /// How many.
    count: u32,
) -> impl IntoView {
    let t = use_catalog();
    view! {
        <span class="like like--still" part="like-count">
            <LikeIcon/>
            <span aria-hidden="true" data-testid="like-count">{t.number(count)}</span>
            <span class="sr-only">{t.likes(count)}</span>
        </span>
    }
}

/// The heart a like is drawn with.
#[component]
fn LikeIcon() -> impl IntoView {
    view! {
        <svg class="like__icon" viewBox="0 0 16 16" aria-hidden="true">
            <path d="M8 13.5S2 10 2 5.9A3 3 0 0 1 8 4.6a3 3 0 0 1 6 1.3C14 10 8 13.5 8 13.5z"></path>
        </svg>
    }
}
