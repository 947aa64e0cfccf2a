//! A link to one idea's own view. It works without the widget's help too (copy, open in a
//! new tab); a plain click opens the idea in place, as a new history entry.

use kindred_api::IdeaId;
use leptos::ev::MouseEvent;
use leptos::prelude::*;

use super::route::{use_router, Entry, Route};

/// A link to idea `id`, its text given as children. User content is rendered as text only.
#[component]
pub fn IdeaLink(
    /// The idea linked to.
    id: IdeaId,
    /// The link's class.
    class: &'static str,
    /// The link's text.
    children: Children,
) -> impl IntoView {
    let router = use_router();
    let route = Route::Idea(id);
    let href = route.to_hash();
    let open = move |event: MouseEvent| {
        if event.button() == 0 && !event.ctrl_key() && !event.meta_key() && !event.shift_key() {
            event.prevent_default();
            router.go(route.clone(), Entry::Push);
        }
    };
    view! { <a class=class href=href on:click=open>{children()}</a> }
}
