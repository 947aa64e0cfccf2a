//! A post's words, the same in a tile and in the lightbox: its caption (text only, never
//! markup), who posted it and when, and its like button.

use kindred_api::Post;
use leptos::prelude::*;

use super::like::LikeButton;
use crate::i18n::{ago, date, use_catalog, use_locale};
use crate::ideas::VoteTally;

/// How a post's time is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    /// As an age: "3 days ago" (tiles).
    Age,
    /// As a date: "20 Nov 2026" (the lightbox).
    Date,
}

/// The caption, byline and like button of `post`, for the caller to wrap.
#[component]
pub fn PostWords(
    /// The post.
    post: Post,
    /// How its time is written.
    when: When,
) -> impl IntoView {
    let t = use_catalog();
    let Post {
        id,
        caption,
        like_count,
        liked,
        author,
        created_at,
        ..
    } = post;
    let written = match when {
        When::Age => ago(use_locale(), &created_at),
        When::Date => date(use_locale(), &created_at),
    };
    let time = written.map(|text| view! { <time datetime=created_at>{text}</time> });
    let caption = (!caption.trim().is_empty()).then(|| {
        view! { <p class="post__caption" part="caption">{caption}</p> }
    });
    view! {
        {caption}
        <p class="post__meta">
            <span class="post__author">{t.author(&author.name)}</span>
            {time}
        </p>
        <div class="post__actions">
            <LikeButton id initial=VoteTally { count: like_count, voted: liked }/>
        </div>
    }
}
