//! Paging through a list of ideas: the pages loaded so far for one view (the board's list or
//! a roadmap column), the next one fetched on request and appended without re-rendering the
//! cards already shown, and the "Load more" button that asks for it.

use kindred_api::Idea;
use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::board::use_board;
use super::query::ListQuery;
use super::sentinel::when_near;
use super::store::IdeaStore;
use crate::client::{ApiClient, ClientError};
use crate::config::Paging;
use crate::i18n::use_catalog;
use crate::ui::SkeletonCards;

/// "Load more" while the server has more, with the failure of the last attempt. Boards that
/// scroll infinitely also load the next page when the button nears the viewport, unless the
/// last attempt failed (the visitor then retries with the button).
#[component]
pub(super) fn MoreButton(pages: Pages, load_more: Callback<()>) -> impl IntoView {
    let t = use_catalog();
    let node = NodeRef::<Div>::new();
    if use_board().paging == Paging::Infinite {
        when_near(node, move || {
            if pages.failure.with_untracked(Option::is_none) {
                load_more.run(());
            }
        });
    }
    move || {
        pages.next.with(Option::is_some).then(|| {
            view! {
                {move || pages.loading.get().then(|| view! {
                    <p class="sr-only" role="status">{t.loading_ideas()}</p>
                    <ul class="board__list board__list--more" aria-hidden="true">
                        <SkeletonCards count=2/>
                    </ul>
                })}
                <div class="board__more" node_ref=node>
                    {move || pages.failure.get().map(|error| view! {
                        <p class="board__more-error" role="alert">{t.problem(&error)}</p>
                    })}
                    <button
                        type="button"
                        class="button"
                        part="more-button"
                        data-testid="load-more"
                        aria-disabled=move || pages.loading.get().then_some("true")
                        on:click=move |_| load_more.run(())
                    >
                        {t.load_more()}
                    </button>
                </div>
            }
        })
    }
}

/// The pages of ideas loaded for the current view (or a roadmap column).
#[derive(Clone, Copy)]
pub(super) struct Pages {
    /// The ideas loaded so far.
    pub(super) ideas: RwSignal<Vec<Idea>>,
    next: RwSignal<Option<String>>,
    loading: RwSignal<bool>,
    failure: RwSignal<Option<ClientError>>,
}

impl Pages {
    pub(super) fn new() -> Self {
        Self {
            ideas: RwSignal::new(Vec::new()),
            next: RwSignal::new(None),
            loading: RwSignal::new(false),
            failure: RwSignal::new(None),
        }
    }

    /// Starts over with a first page; nothing happens once the list is gone.
    pub(super) fn start(self, ideas: Vec<Idea>, next: Option<String>) {
        self.ideas.try_set(ideas);
        self.next.try_set(next);
        self.failure.try_set(None);
    }

    /// Fetches the page after the last one and appends the ideas not shown yet (an idea can
    /// move between pages while the visitor reads). One request at a time.
    pub(super) fn load_more(
        self,
        client: ApiClient,
        store: IdeaStore,
        board: String,
        query: ListQuery,
    ) {
        let Some(cursor) = self.next.get_untracked() else {
            return;
        };
        if self.loading.get_untracked() {
            return;
        }
        self.loading.set(true);
        self.failure.set(None);
        spawn_local(async move {
            let answer = client.list_ideas(&board, &query, Some(&cursor)).await;
            // The view may have changed meanwhile: a page for another view is dropped.
            if self.next.try_get_untracked().flatten().as_deref() != Some(cursor.as_str()) {
                self.loading.try_set(false);
                return;
            }
            match answer {
                Ok(page) => {
                    for idea in &page.items {
                        store.refresh(idea);
                    }
                    self.ideas.try_update(|ideas| {
                        let fresh: Vec<Idea> = page
                            .items
                            .into_iter()
                            .filter(|idea| ideas.iter().all(|shown| shown.id != idea.id))
                            .collect();
                        ideas.extend(fresh);
                    });
                    self.next.try_set(page.next_cursor);
                }
                Err(error) => {
                    self.failure.try_set(Some(error));
                }
            }
            self.loading.try_set(false);
        });
    }
}
