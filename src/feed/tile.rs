//! One post as the feed shows it: its photo, caption, author, age and likes. Captions are
//! text only, never markup.

use kindred_api::Post;
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
    let when = ago(use_locale(), &created_at).map(|text| {
        view! { <time datetime=created_at>{text}</time> }
    });
    let caption = (!caption.trim().is_empty()).then(|| {
        view! { <p class="post__caption" part="caption">{caption}</p> }
    });
    view! {
        <article class="post" part="post" data-testid="post" data-post-id=post_id>
            <PostPhoto image alt sizes=sizes(layout)/>
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
