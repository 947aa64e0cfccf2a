//! The list of a board's ideas in the view the router holds, under its controls: the first
//! page, or a skeleton while it loads, an empty state, or an error with a way to retry; then
//! further pages (see [`super::pages`]).

use kindred_api::{Idea, IdeaSort};
use leptos::prelude::*;

use super::board::use_board;
use super::card::IdeaCard;
use super::query::ListQuery;
use super::route::{use_router, Entry, Route};
use super::store::use_store;
use super::toolbar::Toolbar;
use crate::client::ApiClient;
use crate::config::Paging;
use crate::events::{use_events, Source};
use crate::i18n::use_catalog;
use crate::identity;
use crate::ui::{ErrorPanel, MoreButton, Pages, SkeletonCards};

/// How many placeholder cards stand in for the ideas while they load.
const SKELETON_CARDS: usize = 3;

/// The ideas of the view the router shows.
#[component]
pub fn IdeaList() -> impl IntoView {
    let t = use_catalog();
    let client = expect_context::<ApiClient>();
    let events = use_events();
    let board = use_board();
    let router = use_router();
    let query = Memo::new(move |_| match router.route() {
        Route::List(query) => query,
        _ => router.last_list(),
    });
    let pages = Pages::new();
    let store = use_store();
    // The first page fills `pages` before the resource answers, so the list renders once,
    // with its cards, in the same pass.
    let first = {
        let client = client.clone();
        let slug = board.slug.clone();
        LocalResource::new(move || {
            // Signing in or out changes whose votes the list shows: load it again.
            identity::tracked();
            let query = query.get();
            let client = client.clone();
            let slug = slug.clone();
            async move {
                let answer = client.list_ideas(&slug, &query, None).await;
                if let Ok(page) = &answer {
                    for idea in &page.items {
                        store.refresh(idea);
                    }
                    pages.start(page.clone());
                }
                answer
            }
        })
    };
    // Tags seen on the board so far, offered by the tag filter.
    let tags = RwSignal::new(Vec::<String>::new());
    Effect::new(move || {
        let current = query.with(|query| query.tag.clone());
        pages.items.with(|ideas| {
            let seen = ideas.iter().flat_map(|idea| &idea.tags).chain(&current);
            let fresh: Vec<String> = seen
                .filter(|tag| tags.with_untracked(|tags| !tags.contains(tag)))
                .cloned()
                .collect();
            if !fresh.is_empty() {
                tags.update(|tags| {
                    tags.extend(fresh);
                    tags.sort_by_key(|tag| tag.to_lowercase());
                    tags.dedup();
                });
            }
        });
    });
    // Tell the host page about the first content shown, and about every failed load.
    let announced = StoredValue::new(false);
    Effect::new({
        let slug = board.slug.clone();
        move || match &*first.read() {
            Some(Ok(page)) if !announced.get_value() => {
                announced.set_value(true);
                events.ready(Source::Board(&slug), page.items.len());
            }
            Some(Err(error)) => events.error("load", error),
            _ => {}
        }
    });
    let loading = move || first.with(Option::is_none);
    // A fresh first page shows every idea listed so far.
    Effect::new(move || {
        if first.with(|answer| matches!(answer, Some(Ok(_)))) {
            store.clear_new_ideas();
        }
    });
    // New ideas lead the newest-first order: switch to it, or reload it.
    let show_new = move |_| {
        let current = query.get_untracked();
        if current.sort == IdeaSort::New {
            first.refetch();
        } else {
            let newest = ListQuery {
                sort: IdeaSort::New,
                ..current
            };
            router.go(Route::List(newest), Entry::Replace);
        }
    };
    // Forget the failed answer first, so the skeleton shows while the retry is on its way.
    let retry = Callback::new(move |()| {
        first.set(None);
        first.refetch();
    });
    let load_more = Callback::new(move |()| {
        let (client, slug, query) = (client.clone(), board.slug.clone(), query.get_untracked());
        pages.load_more(
            move |cursor| async move { client.list_ideas(&slug, &query, Some(&cursor)).await },
            move |ideas| ideas.iter().for_each(|idea| store.refresh(idea)),
        );
    });
    let filtered = Signal::derive(move || query.with(|query| *query != ListQuery::default()));
    view! {
        <Toolbar query tags/>
        {move || (store.new_ideas() > 0).then(|| view! {
            <button
                type="button"
                class="button button--quiet board__news"
                part="news-button"
                data-testid="new-ideas"
                on:click=show_new
            >
                {t.new_ideas(store.new_ideas())}
            </button>
        })}
        <div class="board__results" aria-busy=move || loading().then_some("true")>
            {move || match first.get() {
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
                Some(Ok(_)) => view! { <Loaded pages load_more filtered/> }.into_any(),
            }}
        </div>
    }
}

/// The ideas loaded so far, or the empty state when there are none.
#[component]
fn Loaded(
    pages: Pages<Idea>,
    load_more: Callback<()>,
    /// Whether filters or a search narrow the list.
    filtered: Signal<bool>,
) -> impl IntoView {
    let t = use_catalog();
    let router = use_router();
    let empty = move || pages.items.with(Vec::is_empty);
    let infinite = use_board().paging == Paging::Infinite;
    let clear = move |_| router.go(Route::default(), Entry::Replace);
    view! {
        <Show
            when=move || !empty()
            fallback=move || if filtered.get() {
                view! {
                    <div class="board__empty" part="empty" data-testid="no-matches">
                        <p class="board__empty-title">{t.no_matches()}</p>
                        <button type="button" class="button" on:click=clear>
                            {t.clear_filters()}
                        </button>
                    </div>
                }.into_any()
            } else {
                view! {
                    <div class="board__empty" part="empty">
                        <p class="board__empty-title">{t.no_ideas()}</p>
                        <p>{t.no_ideas_hint()}</p>
                    </div>
                }.into_any()
            }
        >
            <ul class="board__list" role="list">
                <For
                    each=move || pages.items.get()
                    key=|idea| idea.id.clone()
                    children=|idea| view! { <li class="board__item"><IdeaCard idea/></li> }
                />
            </ul>
        </Show>
        <MoreButton
            pages
            load_more
            infinite
            busy=t.loading_ideas()
            placeholder=MoreSkeletons
        />
    }
}

/// Two placeholder cards under the ideas shown while the next page loads.
#[component]
pub(super) fn MoreSkeletons() -> impl IntoView {
    view! {
        <ul class="board__list board__list--more" aria-hidden="true">
            <SkeletonCards count=2/>
        </ul>
    }
}
