//! Links between a board's views: real links (they can be copied or opened in a new tab)
//! that a plain click follows in place, as a new history entry.

use kindred_api::IdeaId;
use leptos::ev::MouseEvent;
use leptos::prelude::*;

use super::route::{use_router, Entry, Route};

/// The click handler of a link to `route`: a plain primary click shows the route in place;
/// a click with a modifier key is left to the browser.
pub fn follow_in_place(route: Route) -> impl Fn(MouseEvent) + Clone + 'static {
    let router = use_router();
    move |event: MouseEvent| {
        if event.button() == 0 && !event.ctrl_key() && !event.meta_key() && !event.shift_key() {
            event.prevent_default();
            router.go(route.clone(), Entry::Push);
        }
    }
}

/// A link to idea `id`'s own view, its text given as children. User content is rendered as
/// text only.
#[component]
pub fn IdeaLink(
    /// The idea linked to.
    id: IdeaId,
    /// The link's class.
    class: &'static str,
    /// The link's `data-testid`, where tests look for it.
    #[prop(optional)]
    testid: Option<&'static str>,
    /// The link's text.
    children: Children,
) -> impl IntoView {
    let route = Route::Idea(id);
    let href = route.to_hash();
    view! {
        <a class=class href=href data-testid=testid on:click=follow_in_place(route)>
            {children()}
        </a>
    }
}
