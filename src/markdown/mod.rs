//! The small, safe Markdown subset that ideas are written in, parsed to a tree of
//! [`Block`]s and rendered as Leptos views made only of elements and text nodes: raw HTML in
//! a body is never interpreted, it shows as the text that was typed.
//!
//! The subset:
//!
//! - paragraphs, separated by a blank line; a single line break inside a paragraph is kept
//!   as a line break (people type their text into a plain box and expect its lines to stay);
//! - `*emphasis*` or `_emphasis_`, `**strong**` or `__strong__`, and `***both***`;
//! - bullet lists (`-`, `*` or `+` then a space) and numbered lists (`1.` or `1)` then a
//!   space); an indented line continues the item above it;
//! - links `[text](url)` and bare `http://` or `https://` addresses. Only `http:`, `https:`
//!   and `mailto:` targets become links; any other target shows as plain text;
//! - a backslash before a punctuation mark keeps that mark literal (`\*not emphasis\*`).
//!
//! Parsing is pure and tested natively in [`block`], [`inline`] and [`link`]; [`render`]
//! turns the tree into views.

mod block;
mod inline;
mod link;
mod render;

pub use block::{parse, Block};
pub use inline::Inline;
pub use link::safe_href;
pub use render::Markdown;
