//! The roadmap view (`data-view="roadmap"`): the board's planned, in-progress and shipped
//! ideas in three columns, most supported first, each loading further pages on request.

use kindred_api::{Idea, IdeaSort, IdeaStatus};
use leptos::prelude::*;

use super::board::use_board;
use super::follow::IdeaLink;
use super::list::MoreSkeletons;
use super::query::ListQuery;
use super::store::use_store;
use crate::client::ApiClient;
use crate::config::Paging;
use crate::i18n::use_catalog;
use crate::identity;
use crate::ui::{unique_id, ErrorPanel, MoreButton, Pages};

/// The statuses with a column, in the order they are shown.
pub const COLUMNS: [IdeaStatus; 3] = [
    IdeaStatus::Planned,
    IdeaStatus::InProgress,
    IdeaStatus::Shipped,
];

/// The roadmap's columns.
#[component]
pub fn Roadmap() -> impl IntoView {
    let t = use_catalog();
    view! {
        <div class="roadmap" part="roadmap" role="group" aria-label=t.roadmap()>
            {COLUMNS.into_iter().map(|status| view! { <Column status/> }).collect_view()}
        </div>
    }
}

/// One column: the ideas with `status`, as a region named by its heading.
#[component]
fn Column(
    /// The status of the column's ideas.
    status: IdeaStatus,
) -> impl IntoView {
    let t = use_catalog();
    let client = expect_context::<ApiClient>();
    let slug = use_board().slug;
    let query = ListQuery {
        sort: IdeaSort::Top,
        status: Some(status),
        ..ListQuery::default()
    };
    let first = {
        let (client, slug, query) = (client.clone(), slug.clone(), query.clone());
        LocalResource::new(move || {
            // Signing in or out changes whose votes are counted as the visitor's.
            identity::tracked();
            let (client, slug, query) = (client.clone(), slug.clone(), query.clone());
            async move { client.list_ideas(&slug, &query, None).await }
        })
    };
    let store = use_store();
    let pages = Pages::new();
    Effect::new(move || {
        if let Some(Ok(page)) = &*first.read() {
            pages.start(page.clone());
        }
    });
    let retry = Callback::new(move |()| {
        first.set(None);
        first.refetch();
    });
    let load_more = Callback::new(move |()| {
        let (client, slug, query) = (client.clone(), slug.clone(), query.clone());
        pages.load_more(
            move |cursor| async move { client.list_ideas(&slug, &query, Some(&cursor)).await },
            move |ideas| ideas.iter().for_each(|idea| store.refresh(idea)),
        );
    });
    let infinite = use_board().paging == Paging::Infinite;
    let heading = unique_id("column");
    let labelled_by = heading.clone();
    view! {
        <section
            class=format!("roadmap__column roadmap__column--{}", status.as_str())
            part="roadmap-column"
            aria-labelledby=labelled_by
            data-status=status.as_str()
            data-testid="roadmap-column"
            aria-busy=move || first.with(Option::is_none).then_some("true")
        >
            <h3 class="roadmap__heading" id=heading>{t.status(status)}</h3>
            {move || match first.get() {
                None => view! { <p class="roadmap__empty">{t.loading_ideas()}</p> }.into_any(),
                Some(Err(error)) => view! {
                    <ErrorPanel message=t.ideas_failed() detail=t.problem(&error) on_retry=retry/>
                }
                .into_any(),
                Some(Ok(_)) => view! {
                    <Show
                        when=move || !pages.items.with(Vec::is_empty)
                        fallback=move || view! {
                            <p class="roadmap__empty" part="empty">{t.column_empty()}</p>
                        }
                    >
                        <ul class="roadmap__list" role="list">
                            <For
                                each=move || pages.items.get()
                                key=|idea| idea.id.clone()
                                children=|idea| view! { <li><RoadmapCard idea/></li> }
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
                .into_any(),
            }}
        </section>
    }
}

/// An idea on the roadmap: its title, linking to it, and its support.
#[component]
fn RoadmapCard(idea: Idea) -> impl IntoView {
    let t = use_catalog();
    view! {
        <article class="roadmap__card" part="roadmap-card" data-testid="roadmap-card">
            <h4 class="roadmap__title">
                <IdeaLink id=idea.id class="roadmap__link">{idea.title}</IdeaLink>
            </h4>
            <p class="roadmap__votes">{t.votes(idea.vote_count)}</p>
        </article>
    }
}
