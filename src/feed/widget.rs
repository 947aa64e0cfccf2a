//! A feed of the community's photos: its heading and filter chips over the posts, laid out as
//! the embedding asks, with a skeleton while they load, an empty state, or an error with a
//! way to retry; then further pages.

use kindred_api::{Post, PostId};
use leptos::html::{Li, Section};
use leptos::prelude::*;

use super::carousel::{on_arrow_key, CarouselButtons};
use super::filters::FilterChips;
use super::lightbox::{Lightbox, Opened};
use super::like::Likes;
use super::live::{self, insert_fresh};
use super::masonry::masonry_span;
use super::query::FeedQuery;
use super::share::{SharePhoto, UploadRules};
use super::shop::Catalog;
use super::tile::{focus_opener, PostTile};
use super::window::Window;
use crate::client::adapter::spec::OperationName;
use crate::client::ApiClient;
use crate::config::{FeedLayout, FeedPreset, Paging};
use crate::events::{use_events, Source};
use crate::i18n::use_catalog;
use crate::identity;
use crate::ui::{unique_id, ErrorPanel, MoreButton, Pages};

/// How many placeholder tiles stand in for the posts while they load.
const SKELETON_TILES: usize = 6;

/// Adds to `known` the values it does not hold yet, keeping it sorted.
fn remember<'a>(known: RwSignal<Vec<String>>, seen: impl IntoIterator<Item = &'a String>) {
    let fresh: Vec<String> = seen
        .into_iter()
        .filter(|value| known.with_untracked(|known| !known.contains(value)))
        .cloned()
        .collect();
    if !fresh.is_empty() {
        known.update(|known| {
            known.extend(fresh);
            known.sort();
            known.dedup();
        });
    }
}

/// A feed of posts.
#[component]
pub fn Feed(
    /// The site the feed belongs to, whose configuration says what a post may carry.
    site: String,
    /// The feed's slug.
    feed: String,
    /// How the posts are laid out.
    layout: FeedLayout,
    /// The filters the feed starts with.
    preset: FeedPreset,
    /// How more posts are loaded.
    paging: Paging,
) -> impl IntoView {
    let t = use_catalog();
    let client = expect_context::<ApiClient>();
    let events = use_events();
    let query = RwSignal::new(FeedQuery::from(preset.clone()));
    let pages = Pages::<Post>::new();
    let window = Window::new(pages.items, layout);
    let likes = Likes::new();
    provide_context(likes);
    // Posts listed since the first page, waiting for the visitor to show them.
    let fresh = RwSignal::new(Vec::<Post>::new());
    // Sharing needs an API that takes posts; an API behind an adapter has no stream to follow.
    let shares = client.offers(OperationName::CreatePost);
    if client.streams() {
        live::follow(client.clone(), feed.clone(), query, pages, likes, fresh);
    }
    // The chips offer the presets and what the posts loaded carry, taken in as they arrive.
    let tags = RwSignal::new(Vec::new());
    let products = RwSignal::new(Vec::new());
    remember(tags, &preset.tag);
    remember(products, &preset.product);
    let arrived = move |posts: &[Post]| {
        likes.refresh(posts);
        remember(tags, posts.iter().flat_map(|post| &post.tags));
        remember(products, posts.iter().flat_map(|post| &post.product_tags));
    };
    let first = {
        let (client, feed) = (client.clone(), feed.clone());
        LocalResource::new(move || {
            // Signing in or out changes which posts the visitor likes.
            identity::tracked();
            let (client, feed, query) = (client.clone(), feed.clone(), query.get());
            async move {
                let answer = client.list_posts(&feed, &query, None).await;
                if let Ok(page) = &answer {
                    arrived(&page.items);
                    pages.start(page.clone());
                    fresh.set(Vec::new());
                }
                answer
            }
        })
    };
    let announced = StoredValue::new(false);
    Effect::new({
        let feed = feed.clone();
        move || match &*first.read() {
            Some(Ok(page)) if !announced.get_value() => {
                announced.set_value(true);
                events.ready(Source::Feed(&feed), page.items.len());
            }
            Some(Err(error)) => events.error("load", error),
            _ => {}
        }
    });
    let retry = Callback::new(move |()| {
        first.set(None);
        first.refetch();
    });
    let share_to = feed.clone();
    // The site's configuration says what a post may carry and names the brand's products.
    let config = {
        let client = client.clone();
        LocalResource::new(move || {
            let (client, site) = (client.clone(), site.clone());
            async move { client.site(&site).await }
        })
    };
    // Until it arrives, or if it cannot, the contract's defaults and no products.
    let rules = {
        let feed = feed.clone();
        Signal::derive(move || match &*config.read() {
            Some(Ok(site)) => UploadRules::of(site, &feed),
            _ => UploadRules::default(),
        })
    };
    provide_context(Catalog(Signal::derive(move || match &*config.read() {
        Some(Ok(site)) => site.products.clone(),
        _ => Vec::new(),
    })));
    let load_more = Callback::new(move |()| {
        let (client, feed, query) = (client.clone(), feed.clone(), query.get_untracked());
        pages.load_more(
            move |cursor| async move { client.list_posts(&feed, &query, Some(&cursor)).await },
            arrived,
        );
    });
    // A photo listed at once joins the top of the feed.
    let on_listed = Callback::new(move |post: Post| {
        arrived(std::slice::from_ref(&post));
        fresh.update(|fresh| fresh.retain(|known| known.id != post.id));
        pages.items.update(|posts| insert_fresh(posts, vec![post]));
    });
    // The new posts go on top when asked for, and focus (with the view) moves to the first.
    let section = NodeRef::<Section>::new();
    let show_fresh = move |_| {
        let new = fresh.try_update(std::mem::take).unwrap_or_default();
        let Some(first) = new.first().map(|post| post.id.0.clone()) else {
            return;
        };
        arrived(&new);
        pages.items.update(|posts| insert_fresh(posts, new));
        request_animation_frame(move || {
            let id = first.clone();
            window.reveal(&first, move || {
                if let Some(section) = section.get_untracked() {
                    focus_opener(&section, &id);
                }
            });
        });
    };
    // Whether the feed offers no more: a carousel showing all it can.
    let full = Memo::new(move |_| window.full());
    let heading = unique_id("feed");
    let labelled_by = heading.clone();
    view! {
        <section class="feed" part="feed" data-layout=layout.name() aria-labelledby=labelled_by node_ref=section>
            <div class="feed__top">
                <h2 class="feed__heading" part="heading" id=heading.clone()>{t.feed_heading()}</h2>
                {shares.then(|| view! { <SharePhoto feed=share_to rules on_listed/> })}
            </div>
            <FilterChips query tags=tags.into() products=products.into()/>
            // Takes no room, so nothing moves when the button appears.
            <div class="feed__news" aria-live="polite">
                {move || {
                    let count = fresh.with(Vec::len);
                    (count > 0).then(|| view! {
                        <button type="button" class="button feed__news-button" part="news-button" data-testid="new-posts" on:click=show_fresh>
                            {t.new_posts(u32::try_from(count).unwrap_or(u32::MAX))}
                        </button>
                    })
                }}
            </div>
            <div class="feed__results" aria-busy=move || first.with(Option::is_none).then_some("true")>
                {move || match first.get() {
                    None => view! {
                        <p class="sr-only" role="status">{t.loading_posts()}</p>
                        <PostSkeletons layout/>
                    }.into_any(),
                    Some(Err(error)) => view! {
                        <ErrorPanel
                            message=t.posts_failed()
                            detail=t.problem(&error)
                            on_retry=retry
                            attr:data-testid="posts-error"
                        />
                    }.into_any(),
                    Some(Ok(_)) => view! {
                        <Posts pages window layout heading=heading.clone() filtered=Signal::derive(move || query.with(FeedQuery::is_filtered))/>
                        // A carousel scrolls sideways: the end of the page is no sign that
                        // the visitor wants more.
                        {move || (!full.get()).then(|| view! {
                            <MoreButton
                                pages
                                load_more
                                infinite=paging == Paging::Infinite && layout != FeedLayout::Carousel
                                busy=t.loading_posts()
                                placeholder=move || view! { <PostSkeletons layout more=true/> }
                            />
                        })}
                    }.into_any(),
                }}
            </div>
        </section>
    }
}

/// The posts loaded so far in `layout`, or the empty state when there are none.
#[component]
fn Posts(
    pages: Pages<Post>,
    /// Which of the posts are in the page.
    window: Window,
    layout: FeedLayout,
    /// The id of the feed's heading, which names the list.
    heading: String,
    /// Whether a filter narrows the feed.
    filtered: Signal<bool>,
) -> impl IntoView {
    let t = use_catalog();
    let row = window.list();
    let carousel = layout == FeedLayout::Carousel;
    let empty = move || pages.items.with(Vec::is_empty);
    let opened = Opened::new();
    let on_open = Callback::new(move |id: PostId| {
        let index = pages
            .items
            .with(|posts| posts.iter().position(|post| post.id == id));
        opened.index.set(index);
    });
    // Focus goes back to the photo of the post last shown, which may not be the one opened.
    let on_closed = Callback::new(move |id: String| {
        let opener = id.clone();
        window.reveal(&id, move || {
            if let Some(row) = row.get_untracked() {
                focus_opener(&row, &opener);
            }
        });
    });
    view! {
        <Show
            when=move || !empty()
            fallback=move || view! {
                <p class="feed__empty" part="empty" data-testid="no-posts">
                    {if filtered.get() { t.no_post_matches() } else { t.no_posts() }}
                </p>
            }
        >
            {carousel.then(|| view! { <CarouselButtons row/> })}
            <div class="feed__window" data-window=window.scope()>
                <ul
                    class=format!("feed__posts feed__posts--{}", layout.name())
                    role="list"
                    aria-labelledby=heading.clone()
                    tabindex=carousel.then_some("0")
                    node_ref=row
                    on:keydown=move |event| if carousel { on_arrow_key(row)(event) }
                >
                    {(!carousel).then(|| view! { <li class="feed__spacer" aria-hidden="true"></li> })}
                    <For
                        each=move || window.visible()
                        key=|post| post.id.clone()
                        children=move |post| {
                            let image = &post.image;
                            let span = (layout == FeedLayout::Masonry)
                                .then(|| masonry_span(image.width, image.height));
                            let item = NodeRef::<Li>::new();
                            window.measure(item);
                            view! {
                                <li class="feed__item" data-span=span node_ref=item>
                                    <PostTile post layout on_open/>
                                </li>
                            }
                        }
                    />
                </ul>
                <div class="feed__after" aria-hidden="true"></div>
            </div>
            <Lightbox pages opened on_closed/>
        </Show>
    }
}

/// Placeholder tiles shaped like the layout's, hidden from assistive technology: in place of
/// the first page, or below the posts while the next page loads.
#[component]
fn PostSkeletons(
    layout: FeedLayout,
    /// Whether they stand for the next page, below the posts.
    #[prop(optional)]
    more: bool,
) -> impl IntoView {
    let count = if layout == FeedLayout::List {
        2
    } else {
        SKELETON_TILES
    };
    view! {
        <ul
            class=format!("feed__posts feed__posts--{} feed__posts--skeleton", layout.name())
            class:feed__posts--more=more
            aria-hidden="true"
        >
            {(0..count).map(|_| view! { <li class="feed__item"><div class="post skeleton__tile"></div></li> }).collect_view()}
        </ul>
    }
}
