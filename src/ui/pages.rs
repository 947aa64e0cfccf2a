//! Paging through a list: the items loaded so far for one view, the next page fetched on
//! request and appended without re-rendering the items already shown, and the "Load more"
//! button that asks for it (or, when the list scrolls infinitely, the scrolling itself).

use std::future::Future;

use kindred_api::Page;
use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local;
use rustc_hash::FxHashSet;

use super::sentinel::when_near;
use crate::client::ClientError;
use crate::i18n::use_catalog;

/// Something listed page by page, which may move between pages while the visitor reads.
pub trait Listed: Clone + Send + Sync + 'static {
    /// What tells it apart from the other things listed: two copies of one thing, from two
    /// pages, have the same key.
    fn key(&self) -> &str;
}

/// The pages of a list loaded for the current view.
pub struct Pages<T: Listed> {
    /// The items loaded so far.
    pub items: RwSignal<Vec<T>>,
    next: RwSignal<Option<String>>,
    loading: RwSignal<bool>,
    failure: RwSignal<Option<ClientError>>,
}

impl<T: Listed> Clone for Pages<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Listed> Copy for Pages<T> {}

impl<T: Listed> Default for Pages<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T: Listed> Pages<T> {
    /// No pages yet.
    pub fn new() -> Self {
        Self {
            items: RwSignal::new(Vec::new()),
            next: RwSignal::new(None),
            loading: RwSignal::new(false),
            failure: RwSignal::new(None),
        }
    }

    /// Starts over with a first page; nothing happens once the list is gone.
    pub fn start(self, page: Page<T>) {
        self.items.try_set(page.items);
        self.next.try_set(page.next_cursor);
        self.failure.try_set(None);
    }

    /// Whether the server has more after the pages loaded (tracked).
    pub fn has_more(self) -> bool {
        self.next.with(Option::is_some)
    }

    /// Fetches the page after the last one with `fetch` (given its cursor), hands it to
    /// `arrived`, and appends the items not shown yet. One request at a time.
    pub fn load_more<F, Fut>(self, fetch: F, arrived: impl FnOnce(&[T]) + 'static)
    where
        F: FnOnce(String) -> Fut,
        Fut: Future<Output = Result<Page<T>, ClientError>> + 'static,
    {
        let Some(cursor) = self.next.get_untracked() else {
            return;
        };
        if self.loading.get_untracked() {
            return;
        }
        self.loading.set(true);
        self.failure.set(None);
        let answer = fetch(cursor.clone());
        spawn_local(async move {
            let answer = answer.await;
            // The view may have changed meanwhile: a page for another view is dropped.
            if self.next.try_get_untracked().flatten().as_deref() != Some(cursor.as_str()) {
                self.loading.try_set(false);
                return;
            }
            match answer {
                Ok(page) => {
                    arrived(&page.items);
                    self.items.try_update(|items| append_new(items, page.items));
                    self.next.try_set(page.next_cursor);
                }
                Err(error) => {
                    self.failure.try_set(Some(error));
                }
            }
            self.loading.try_set(false);
        });
    }
}

/// Appends to `items` those of `page` it does not hold yet: a thing that moved up from a
/// later page to an earlier one while the visitor read is listed twice, and shown once.
fn append_new<T: Listed>(items: &mut Vec<T>, page: Vec<T>) {
    let arrived: FxHashSet<&str> = page.iter().map(Listed::key).collect();
    let shown: FxHashSet<String> = items
        .iter()
        .map(Listed::key)
        .filter(|key| arrived.contains(key))
        .map(str::to_owned)
        .collect();
    items.extend(page.into_iter().filter(|item| !shown.contains(item.key())));
}

/// "Load more" while the server has more, with the failure of the last attempt and, while a
/// page is on its way, `placeholder` announced as `busy`. Lists that scroll infinitely
/// (`infinite`) also load the next page when the button nears the viewport, unless the last
/// attempt failed (the visitor then retries with the button); there the button is out of
/// sight until it has keyboard focus or a load failed, so that nothing seen moves below the
/// list as pages arrive.
#[component]
pub fn MoreButton<T: Listed>(
    /// The list's pages.
    pages: Pages<T>,
    /// Asks for the next page.
    load_more: Callback<()>,
    /// Whether the list loads more as it scrolls.
    infinite: bool,
    /// Announced while a page loads.
    busy: &'static str,
    /// Stands in for the items on their way.
    #[prop(into)]
    placeholder: ViewFn,
) -> impl IntoView {
    let t = use_catalog();
    let node = NodeRef::<Div>::new();
    if infinite {
        // A page that arrives without pushing the button out of reach asks for the next.
        when_near(
            node,
            move || pages.loading.track(),
            move || {
                if pages.failure.with_untracked(Option::is_none) {
                    load_more.run(());
                }
            },
        );
    }
    move || {
        let placeholder = placeholder.clone();
        pages.has_more().then(|| {
            view! {
                {move || pages.loading.get().then(|| view! {
                    <p class="sr-only" role="status">{busy}</p>
                    {placeholder.run()}
                })}
                <div
                    class="more"
                    class:more--quiet=move || infinite && pages.failure.with(Option::is_none)
                    node_ref=node
                >
                    {move || pages.failure.get().map(|error| view! {
                        <p class="more__error" role="alert">{t.problem(&error)}</p>
                    })}
                    <button
                        type="button"
                        class="button"
                        part="more-button"
                        data-testid="load-more"
                        aria-disabled=move || pages.loading.get().then_some("true")
                        on:click=move |_| load_more.run(())
                    >
                        {t.load_more()}
                    </button>
                </div>
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone, Debug, PartialEq)]
    struct Thing(&'static str);

    impl Listed for Thing {
        fn key(&self) -> &str {
            self.0
        }
    }

    #[test]
    fn a_page_adds_only_what_is_not_shown_yet_in_its_order() {
        let mut items = vec![Thing("a"), Thing("b"), Thing("c")];
        append_new(
            &mut items,
            vec![Thing("d"), Thing("b"), Thing("e"), Thing("a")],
        );
        assert_eq!(
            items,
            [Thing("a"), Thing("b"), Thing("c"), Thing("d"), Thing("e")]
        );
        append_new(&mut items, Vec::new());
        assert_eq!(items.len(), 5);
        let mut empty = Vec::new();
        append_new(&mut empty, vec![Thing("x"), Thing("y")]);
        assert_eq!(empty, [Thing("x"), Thing("y")]);
    }
}
