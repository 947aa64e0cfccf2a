//! An idea board: the view the page's hash asks for (the list or roadmap, one idea or the
//! form to propose one), under the board's heading, sharing the board's router and rules with
//! its components.

use leptos::prelude::*;

use super::detail::IdeaDetailView;
use super::list::IdeaList;
use super::live;
use super::roadmap::Roadmap;
use super::route::{Route, Router};
use super::rules::Rules;
use super::store::IdeaStore;
use super::submit::{ProposeButton, SubmitView};
use crate::client::ApiClient;
use crate::config::{BoardView, Paging};
use crate::events::use_events;
use crate::i18n::use_catalog;

/// The board being rendered, for the components below it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Board {
    /// The board's slug.
    pub slug: String,
    /// How the list loads more ideas.
    pub paging: Paging,
}

/// The board of the component being rendered.
pub fn use_board() -> Board {
    expect_context::<Board>()
}

/// A board of ideas.
#[component]
pub fn IdeasBoard(
    /// The site's slug, for the board's rules.
    site: String,
    /// The board's slug.
    board: String,
    /// How the board is shown.
    view: BoardView,
    /// How the list loads more ideas.
    paging: Paging,
) -> impl IntoView {
    let t = use_catalog();
    let slug = board.clone();
    provide_context(Rules::load(site, board.clone()));
    provide_context(Board {
        slug: board,
        paging,
    });
    let router = Router::follow_page();
    provide_context(router);
    let client = expect_context::<ApiClient>();
    let store = IdeaStore::new(client.clone(), use_events());
    provide_context(store);
    // An API behind an adapter has no event stream to follow.
    if client.streams() {
        live::follow(client, slug, store, Memo::new(move |_| router.last_list()));
    }
    view! {
        <section class="board">
            <div class="board__top">
                <h2 class="board__heading" part="heading">{t.board_heading()}</h2>
                <ProposeButton/>
            </div>
            {move || match (router.route(), view) {
                (Route::List(_), BoardView::List) => view! { <IdeaList/> }.into_any(),
                (Route::List(_), BoardView::Roadmap) => view! { <Roadmap/> }.into_any(),
                (Route::Idea(id), _) => view! { <IdeaDetailView id/> }.into_any(),
                (Route::Submit, _) => view! { <SubmitView/> }.into_any(),
            }}
        </section>
    }
}
