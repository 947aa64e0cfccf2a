//! One idea in full, at `#kindred/idea/{id}`: a way back to the list, the idea with its vote
//! button and its body in the Markdown subset, where it has been (its status history), ideas
//! like it and its comments. While it loads a skeleton stands in; a missing idea says so, and
//! any other failure offers a retry.

mod comments;
mod composer;
mod history;
mod similar;

use kindred_api::{IdeaDetail, IdeaId, IdeaStatus};
use leptos::html::H3;
use leptos::prelude::*;

use self::comments::Comments;
use self::history::StatusHistory;
use self::similar::SimilarIdeas;
use super::follow::follow_in_place;
use super::route::{use_router, Route};
use super::store::use_store;
use super::tally::Tally;
use super::threshold::SupportMeter;
use super::vote::VoteButton;
use crate::client::ApiClient;
use crate::events::use_events;
use crate::i18n::{ago, use_catalog, use_locale, Problem};
use crate::identity;
use crate::markdown::Markdown;
use crate::ui::{ErrorPanel, SkeletonCards};

/// One idea, loaded by its id.
#[component]
pub fn IdeaDetailView(
    /// The idea to show.
    id: IdeaId,
) -> impl IntoView {
    let t = use_catalog();
    let client = expect_context::<ApiClient>();
    let events = use_events();
    let detail = LocalResource::new(move || {
        // Signing in or out changes whether this visitor's vote shows: load it again.
        identity::tracked();
        let client = client.clone();
        let id = id.clone();
        async move { client.idea(&id).await }
    });
    Effect::new(move || {
        if let Some(Err(error)) = &*detail.read() {
            events.error("load", error);
        }
    });
    // Forget the failed answer first, so the skeleton shows while the retry is on its way.
    let retry = Callback::new(move |()| {
        detail.set(None);
        detail.refetch();
    });
    let loading = move || detail.with(Option::is_none);
    view! {
        <div class="detail" data-testid="idea-detail" aria-busy=move || loading().then_some("true")>
            <BackLink/>
            {move || match detail.get() {
                None => view! {
                    <p class="sr-only" role="status">{t.loading_idea()}</p>
                    <ul class="detail__skeleton" aria-hidden="true">
                        <SkeletonCards count=1/>
                    </ul>
                }.into_any(),
                Some(Err(error)) if Problem::of(&error) == Problem::Gone => view! {
                    <ErrorPanel message=t.idea_gone() attr:data-testid="idea-gone"/>
                }.into_any(),
                Some(Err(error)) => view! {
                    <ErrorPanel
                        message=t.idea_failed()
                        detail=t.problem(&error)
                        on_retry=retry
                        attr:data-testid="idea-error"
                    />
                }.into_any(),
                Some(Ok(detail)) => view! { <Loaded detail/> }.into_any(),
            }}
        </div>
    }
}

/// The link back to the list as it was last shown.
#[component]
fn BackLink() -> impl IntoView {
    let t = use_catalog();
    let router = use_router();
    let route = Route::List(untrack(move || router.last_list()));
    view! {
        <a
            class="detail__back"
            part="back-link"
            data-testid="back-to-ideas"
            href=route.to_hash()
            on:click=follow_in_place(route.clone())
        >
            <svg class="detail__back-icon" viewBox="0 0 16 16" aria-hidden="true">
                <path d="M10 3.5 5.5 8l4.5 4.5"></path>
            </svg>
            {t.back_to_ideas()}
        </a>
    }
}

/// The idea once loaded. Its title takes the focus, so keyboard and screen reader users land
/// on the view they opened.
#[component]
fn Loaded(detail: IdeaDetail) -> impl IntoView {
    let t = use_catalog();
    let IdeaDetail { idea, history } = detail;
    let initial = Tally::of(&idea);
    // The status and the tally are the board's, so the live stream and votes keep them current.
    let store = use_store();
    let status = store.status(&idea.id, idea.status);
    let meter = idea.threshold.map(|threshold| {
        let control = store.vote(&idea.id, initial);
        view! { <SupportMeter control threshold/> }
    });
    let heading = NodeRef::<H3>::new();
    Effect::new(move || {
        if let Some(heading) = heading.get() {
            _ = heading.focus();
        }
    });
    let when = ago(use_locale(), &idea.created_at).map(|text| {
        view! { <time class="card__fact" datetime=idea.created_at.clone()>{text}</time> }
    });
    let tags = (!idea.tags.is_empty()).then(|| {
        view! {
            <ul class="tags" aria-label=t.tags()>
                {idea
                    .tags
                    .iter()
                    .map(|tag| view! { <li class="tag">{tag.clone()}</li> })
                    .collect_view()}
            </ul>
        }
    });
    let original = idea
        .duplicate_of
        .clone()
        .filter(|_| idea.status == IdeaStatus::Duplicate)
        .map(|original| {
            let route = Route::Idea(original);
            view! {
                <p class="detail__duplicate" data-testid="duplicate-of">
                    {t.duplicate_notice()} " "
                    <a href=route.to_hash() on:click=follow_in_place(route.clone())>
                        {t.open_original()}
                    </a>
                </p>
            }
        });
    let id = idea.id.clone();
    let title = idea.title.clone();
    view! {
        <article class="detail__idea" part="detail" data-idea-id=idea.id.to_string()>
            <header class="detail__header">
                <div class="detail__summary">
                    <span
                        class=move || format!("badge badge--{}", status.get().as_str())
                        part="status"
                    >
                        {move || t.status(status.get())}
                    </span>
                    <h3 class="detail__title" part="detail-title" tabindex="-1" node_ref=heading>
                        {idea.title.clone()}
                    </h3>
                    <p class="card__meta">
                        <span class="card__fact">{t.author(&idea.author.name)}</span>
                        {when}
                    </p>
                    {tags}
                    {meter}
                </div>
                <VoteButton id=idea.id.clone() title=idea.title.clone() initial/>
            </header>
            {original}
            <div class="detail__body" part="detail-body" data-testid="idea-body">
                <Markdown text=idea.body/>
            </div>
            <StatusHistory history/>
            <SimilarIdeas id=id.clone() title/>
            <Comments id/>
        </article>
    }
}
