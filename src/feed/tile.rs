//! One post as the feed shows it: its photo, which opens the post in the lightbox, over its
//! words (see [`super::words`]).

use kindred_api::{Post, PostId};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use super::photo::PostPhoto;
use super::words::{PostWords, When};
use crate::config::FeedLayout;

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

/// Moves focus to the photo button of post `id` under `root`, if it is there, scrolling it
/// into view.
pub fn focus_opener(root: &Element, id: &str) {
    let Ok(openers) = root.query_selector_all(".post__open") else {
        return;
    };
    let opener = (0..openers.length())
        .filter_map(|i| openers.item(i))
        .filter_map(|node| node.dyn_into::<HtmlElement>().ok())
        .find(|button| button.get_attribute("data-post-id").as_deref() == Some(id));
    if let Some(opener) = opener {
        _ = opener.focus();
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
    let id = post.id.clone();
    let post_id = id.0.clone();
    let opener_id = post_id.clone();
    let open = move |_| on_open.run(id.clone());
    let (image, alt) = (post.image.clone(), post.alt.clone());
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
                <PostWords post when=When::Age/>
            </div>
        </article>
    }
}
