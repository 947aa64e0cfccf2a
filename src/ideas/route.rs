//! Where a visitor is on a board (the list in some order, one idea, the submission form),
//! kept in the page's URL hash so a shared link opens the same view and the browser's back
//! button leaves a detail.
//!
//! Only hashes starting with `#kindred/` belong to the widget; any other hash is the host
//! page's and is left alone:
//!
//! - `#kindred/ideas?sort=new&status=planned&tag=fit&q=laces`: the list (see [`ListQuery`]);
//! - `#kindred/idea/{id}`: one idea;
//! - `#kindred/new`: the form to propose an idea.

use kindred_api::IdeaId;
use leptos::prelude::*;

use super::query::ListQuery;
use crate::percent::{decode, encode};

/// The prefix of every hash the widget owns.
const PREFIX: &str = "#kindred/";

/// A view of a board.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The list of ideas, in an order and with filters.
    List(ListQuery),
    /// One idea in full.
    Idea(IdeaId),
    /// The form to propose an idea.
    Submit,
}

impl Default for Route {
    fn default() -> Self {
        Self::List(ListQuery::default())
    }
}

impl Route {
    /// The route a hash names, or `None` when the hash is not the widget's.
    pub fn from_hash(hash: &str) -> Option<Self> {
        let path = hash.strip_prefix(PREFIX)?;
        let (path, params) = path.split_once('?').unwrap_or((path, ""));
        match path.split_once('/') {
            Some(("idea", id)) => decode(id)
                .filter(|id| !id.trim().is_empty())
                .map(|id| Self::Idea(IdeaId(id))),
            None if path == "ideas" => Some(Self::List(ListQuery::from_params(params))),
            None if path == "new" => Some(Self::Submit),
            _ => None,
        }
    }

    /// The hash that names this route.
    pub fn to_hash(&self) -> String {
        match self {
            Self::List(query) => {
                let params = query.to_params();
                if params.is_empty() {
                    format!("{PREFIX}ideas")
                } else {
                    format!("{PREFIX}ideas?{params}")
                }
            }
            Self::Idea(id) => format!("{PREFIX}idea/{}", encode(&id.0)),
            Self::Submit => format!("{PREFIX}new"),
        }
    }
}

/// How a navigation enters the browser's history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entry {
    /// A new entry, so Back returns to where the visitor was (opening an idea).
    Push,
    /// The current entry changes (typing in the search box, choosing an order).
    Replace,
}

/// A board's current route, shared with its components through context. It follows the
/// page's hash (links, Back and Forward) and writes it when the visitor moves.
#[derive(Clone, Copy, Debug)]
pub struct Router {
    route: RwSignal<Route>,
    /// The list view last shown, to return to from a detail or the form.
    last_list: RwSignal<ListQuery>,
}

impl Router {
    /// A router starting from the page's hash and following it until the owner is disposed.
    pub fn follow_page() -> Self {
        let initial = current_hash().and_then(|hash| Route::from_hash(&hash));
        let router = Self::starting_at(initial.unwrap_or_default());
        let on_change = move || {
            // A hash that is not the widget's leaves the view as it is.
            if let Some(route) = current_hash().and_then(|hash| Route::from_hash(&hash)) {
                router.show(route);
            }
        };
        let hash = window_event_listener(leptos::ev::hashchange, move |_| on_change());
        let pop = window_event_listener(leptos::ev::popstate, move |_| on_change());
        on_cleanup(move || {
            hash.remove();
            pop.remove();
        });
        router
    }

    /// A router at `route` that does not touch the page (for tests and previews).
    pub fn starting_at(route: Route) -> Self {
        let last_list = match &route {
            Route::List(query) => query.clone(),
            _ => ListQuery::default(),
        };
        Self {
            route: RwSignal::new(route),
            last_list: RwSignal::new(last_list),
        }
    }

    /// The current route (tracked).
    pub fn route(self) -> Route {
        self.route.get()
    }

    /// The list view to return to (tracked).
    pub fn last_list(self) -> ListQuery {
        self.last_list.get()
    }

    /// Shows `route` and records it in the page's hash as a new or the current history entry.
    pub fn go(self, route: Route, entry: Entry) {
        write_hash(&route.to_hash(), entry);
        self.show(route);
    }

    /// Returns to the list as it was last shown.
    pub fn back_to_list(self) {
        self.go(Route::List(self.last_list.get_untracked()), Entry::Push);
    }

    fn show(self, route: Route) {
        if let Route::List(query) = &route {
            if self.last_list.get_untracked() != *query {
                self.last_list.set(query.clone());
            }
        }
        if self.route.get_untracked() != route {
            self.route.set(route);
        }
    }
}

/// The router of the board being rendered.
pub fn use_router() -> Router {
    expect_context::<Router>()
}

/// The page's hash, `#` included; `None` when the page has none or cannot be read.
fn current_hash() -> Option<String> {
    let hash = window().location().hash().ok()?;
    (!hash.is_empty()).then_some(hash)
}

/// Sets the page's hash without scrolling the page or firing `hashchange`.
fn write_hash(hash: &str, entry: Entry) {
    let Ok(history) = window().history() else {
        return;
    };
    if current_hash().as_deref() == Some(hash) {
        return;
    }
    let state = wasm_bindgen::JsValue::NULL;
    _ = match entry {
        Entry::Push => history.push_state_with_url(&state, "", Some(hash)),
        Entry::Replace => history.replace_state_with_url(&state, "", Some(hash)),
    };
}

#[cfg(test)]
mod tests {
    use kindred_api::{IdeaSort, IdeaStatus};

    use super::*;

    #[test]
    fn hashes_that_are_not_the_widgets_are_ignored() {
        for hash in [
            "",
            "#",
            "#top",
            "#kindred",
            "#kindred/",
            "#kindred/feed",
            "#kindred/idea/",
        ] {
            assert_eq!(Route::from_hash(hash), None, "{hash}");
        }
    }

    #[test]
    fn an_idea_deep_link_names_the_idea() {
        assert_eq!(
            Route::from_hash("#kindred/idea/42"),
            Some(Route::Idea(IdeaId::from(42)))
        );
        let odd = Route::Idea(IdeaId("a/b c".into()));
        assert_eq!(odd.to_hash(), "#kindred/idea/a%2Fb%20c");
        assert_eq!(Route::from_hash(&odd.to_hash()), Some(odd));
    }

    #[test]
    fn list_views_round_trip() {
        assert_eq!(Route::default().to_hash(), "#kindred/ideas");
        assert_eq!(Route::from_hash("#kindred/ideas"), Some(Route::default()));
        let view = Route::List(ListQuery {
            sort: IdeaSort::New,
            status: Some(IdeaStatus::Shipped),
            tag: None,
            q: "grip".into(),
        });
        assert_eq!(
            view.to_hash(),
            "#kindred/ideas?sort=new&status=shipped&q=grip"
        );
        assert_eq!(Route::from_hash(&view.to_hash()), Some(view));
    }

    #[test]
    fn the_form_has_its_own_hash() {
        assert_eq!(Route::Submit.to_hash(), "#kindred/new");
        assert_eq!(Route::from_hash("#kindred/new"), Some(Route::Submit));
    }
}
