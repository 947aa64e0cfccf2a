//! One post as the feed shows it: its photo, caption, author, age and likes. Captions are
//! text only, never markup.

use kindred_api::{Post, PostId};
use leptos::prelude::*;

use super::like::LikeButton;
use super::photo::PostPhoto;
use crate::config::FeedLayout;
use crate::i18n::{ago, use_catalog, use_locale};
use crate::ideas::VoteTally;

/// How wide a photo shows in `layout`, for the browser to pick a rendition.
fn sizes(layout: FeedLayout) -> &'static str {
    match layout {
        FeedLayout::Grid | FeedLayout::Masonry => {
            "(min-width: 60em) 20em, (min-width: 36em) 33vw, 50vw"
        }
        FeedLayout::Carousel => "16em",
        FeedLayout::List => "(min-width: 44em) 40em, 100vw",
    }
}

/// A post as a tile of the feed in `layout`.
#[component]
pub fn PostTile(
    /// The post to show.
    post: Post,
    /// The feed's layout.
    layout: FeedLayout,
    /// Opens the post in the lightbox.
    on_open: Callback<PostId>,
) -> impl IntoView {
    let t = use_catalog();
    let Post {
        id,
        caption,
        alt,
        image,
        like_count,
        liked,
        author,
        created_at,
        ..
    } = post;
    let post_id = id.0.clone();
    let opener_id = post_id.clone();
    let open = {
        let id = id.clone();
        move |_| on_open.run(id.clone())
    };
    let when = ago(use_locale(), &created_at).map(|text| {
        view! { <time datetime=created_at>{text}</time> }
    });
    let caption = (!caption.trim().is_empty()).then(|| {
        view! { <p class="post__caption" part="caption">{caption}</p> }
    });
    view! {
        <article class="post" part="post" data-testid="post" data-post-id=post_id>
            <button
                type="button"
                class="post__open"
                aria-haspopup="dialog"
                data-testid="open-post"
                data-post-id=opener_id
                on:click=open
            >
                <PostPhoto image alt sizes=sizes(layout)/>
            </button>
            <div class="post__text">
                {caption}
                <p class="post__meta">
                    <span class="post__author">{t.author(&author.name)}</span>
                    {when}
                </p>
                <div class="post__actions">
                    <LikeButton id initial=VoteTally { count: like_count, voted: liked }/>
                </div>
            </div>
        </article>
    }
}
