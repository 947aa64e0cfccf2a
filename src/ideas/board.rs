//! An idea board: loads the board's ideas and shows them, or a skeleton while they load, an
//! empty state, or an error with a way to retry.

use kindred_api::{Idea, IdeaSort, Page};
use leptos::prelude::*;

use super::card::IdeaCard;
use crate::client::ApiClient;
use crate::events::use_events;
use crate::i18n::use_catalog;
use crate::identity;
use crate::ui::{ErrorPanel, SkeletonCards};

/// How many placeholder cards stand in for the ideas while they load.
const SKELETON_CARDS: usize = 3;

/// A board's ideas, most supported first.
#[component]
pub fn IdeasBoard(
    /// The board's slug.
    board: String,
) -> impl IntoView {
    let t = use_catalog();
    let client = expect_context::<ApiClient>();
    let events = use_events();
    let ideas = {
        let board = board.clone();
        LocalResource::new(move || {
            // Signing in or out changes whose votes the list shows: load it again.
            identity::tracked();
            let client = client.clone();
            let board = board.clone();
            async move { client.list_ideas(&board, IdeaSort::Top).await }
        })
    };
    // Tell the host page about the first content shown, and about every failed load.
    let announced = StoredValue::new(false);
    Effect::new(move || match &*ideas.read() {
        Some(Ok(page)) if !announced.get_value() => {
            announced.set_value(true);
            events.ready("ideas", &board, page.items.len());
        }
        Some(Err(error)) => events.error("load", error),
        _ => {}
    });
    let loading = move || ideas.with(Option::is_none);
    // Forget the failed answer first, so the skeleton shows while the retry is on its way.
    let retry = Callback::new(move |()| {
        ideas.set(None);
        ideas.refetch();
    });
    view! {
        <section class="board" aria-busy=move || loading().then_some("true")>
            <h2 class="board__heading" part="heading">{t.board_heading()}</h2>
            {move || match ideas.get() {
                None => view! {
                    <p class="sr-only" role="status">{t.loading_ideas()}</p>
                    <ul class="board__list" aria-hidden="true">
                        <SkeletonCards count=SKELETON_CARDS/>
                    </ul>
                }.into_any(),
                Some(Err(error)) => view! {
                    <ErrorPanel
                        message=t.ideas_failed()
                        detail=t.problem(&error)
                        on_retry=retry
                        attr:data-testid="ideas-error"
                    />
                }.into_any(),
                Some(Ok(page)) => view! { <IdeaList page/> }.into_any(),
            }}
        </section>
    }
}

/// The loaded ideas, or the empty state when there are none.
#[component]
fn IdeaList(
    /// The loaded page.
    page: Page<Idea>,
) -> impl IntoView {
    let t = use_catalog();
    if page.items.is_empty() {
        return view! {
            <div class="board__empty" part="empty">
                <p class="board__empty-title">{t.no_ideas()}</p>
                <p>{t.no_ideas_hint()}</p>
            </div>
        }
        .into_any();
    }
    let items = page.items;
    view! {
        <ul class="board__list" role="list">
            <For
                each=move || items.clone()
                key=|idea| idea.id.clone()
                children=|idea| view! { <li class="board__item"><IdeaCard idea/></li> }
            />
        </ul>
    }
    .into_any()
}
