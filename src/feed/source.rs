//! Where a post was first published, in the lightbox: "First published on Instagram", a link
//! to the post there when its address is a plain web URL, text otherwise.

use kindred_api::PostSource;
use leptos::prelude::*;

use crate::client::web_url;
use crate::i18n::use_catalog;

/// The line naming `source`, if the post has one.
#[component]
pub fn SourceLine(
    /// Where the post was first published.
    source: Option<PostSource>,
) -> impl IntoView {
    let t = use_catalog();
    source.map(|source| {
        let text = t.first_published(&source.name);
        let link = source.url.as_deref().and_then(web_url).map(str::to_owned);
        view! {
            <p class="post__source" part="source" data-testid="post-source">
                {match link {
                    Some(url) => view! { <a href=url rel="noopener nofollow ugc">{text}</a> }.into_any(),
                    None => text.into_any(),
                }}
            </p>
        }
    })
}
