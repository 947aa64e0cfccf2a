//! The parsed tree as Leptos views: elements for the structure and text nodes for every
//! word, so nothing a writer typed is ever read as markup.

use leptos::prelude::*;

use super::block::{parse, Block};
use super::inline::Inline;

/// The `rel` of every link in user content: no endorsement, marked as user-generated, and no
/// access to the page that opened it.
const LINK_REL: &str = "nofollow ugc noopener";

/// Text written in the Markdown subset (see [`crate::markdown`]), rendered safely.
#[component]
pub fn Markdown(
    /// The text as its author wrote it.
    #[prop(into)]
    text: String,
) -> impl IntoView {
    view! { <div class="markdown">{parse(&text).into_iter().map(block).collect_view()}</div> }
}

fn block(block: Block) -> AnyView {
    let items = |items: Vec<Vec<Inline>>| {
        items
            .into_iter()
            .map(|item| view! { <li>{inlines(item)}</li> })
            .collect_view()
    };
    match block {
        Block::Paragraph(content) => view! { <p>{inlines(content)}</p> }.into_any(),
        Block::Bullets(list) => view! { <ul>{items(list)}</ul> }.into_any(),
        Block::Numbered { start, items: list } => {
            view! { <ol start=start>{items(list)}</ol> }.into_any()
        }
    }
}

fn inlines(content: Vec<Inline>) -> AnyView {
    content.into_iter().map(inline).collect_view().into_any()
}

fn inline(piece: Inline) -> AnyView {
    match piece {
        Inline::Text(text) => text.into_any(),
        Inline::LineBreak => view! { <br/> }.into_any(),
        Inline::Emphasis(content) => view! { <em>{inlines(content)}</em> }.into_any(),
        Inline::Strong(content) => view! { <strong>{inlines(content)}</strong> }.into_any(),
        Inline::Link { href, content } => view! {
            <a href=href rel=LINK_REL target="_blank">{inlines(content)}</a>
        }
        .into_any(),
    }
}
