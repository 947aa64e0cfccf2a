//! The list's controls: the order, a status filter, a tag filter and a search box. Each
//! change rewrites the route (and so the page's hash) in place, so a shared link reproduces
//! the view; typing in the search box waits for a pause before it asks the server.

use std::time::Duration;

use kindred_api::IdeaStatus;
use leptos::ev::{Event, SubmitEvent};
use leptos::prelude::*;

use super::query::{ListQuery, SORTS};
use super::route::{use_router, Entry, Route};
use crate::i18n::use_catalog;
use crate::ui::Pause;

/// How long the search box waits after the last keystroke before it searches.
const SEARCH_PAUSE: Duration = Duration::from_millis(300);

/// The list's controls for `query`, offering `tags` (those seen on the board so far) in the
/// tag filter.
#[component]
pub fn Toolbar(
    /// The view shown.
    #[prop(into)]
    query: Signal<ListQuery>,
    /// The tags to offer.
    #[prop(into)]
    tags: Signal<Vec<String>>,
) -> impl IntoView {
    let t = use_catalog();
    let router = use_router();
    let change = move |edit: &dyn Fn(&mut ListQuery)| {
        let mut next = query.get_untracked();
        edit(&mut next);
        router.go(Route::List(next), Entry::Replace);
    };
    let on_sort = move |event: Event| {
        let value = event_target_value(&event);
        change(&|query| {
            if let Some(sort) = SORTS.into_iter().find(|sort| sort.as_str() == value) {
                query.sort = sort;
            }
        });
    };
    let on_status = move |event: Event| {
        let value = event_target_value(&event);
        change(&|query| query.status = value.parse().ok());
    };
    let on_tag = move |event: Event| {
        let value = event_target_value(&event);
        change(&|query| query.tag = (!value.is_empty()).then(|| value.clone()));
    };
    let search = Search::new(move |words: String| change(&|query| query.q = words.clone()));
    view! {
        <form class="toolbar" part="toolbar" role="search" on:submit=move |event: SubmitEvent| {
            event.prevent_default();
            search.now();
        }>
            <div class="toolbar__field toolbar__field--search">
                <label class="toolbar__label" for="kindred-search">{t.search_label()}</label>
                <input
                    id="kindred-search"
                    class="input"
                    part="search"
                    type="search"
                    data-testid="search"
                    autocomplete="off"
                    prop:value=move || query.with(|query| query.q.clone())
                    on:input=move |event| search.typed(event_target_value(&event))
                />
            </div>
            <div class="toolbar__field">
                <label class="toolbar__label" for="kindred-sort">{t.sort_label()}</label>
                <select
                    id="kindred-sort"
                    class="select"
                    part="select"
                    data-testid="sort"
                    on:change=on_sort
                >
                    {SORTS.map(|sort| view! {
                        <option
                            value=sort.as_str()
                            selected=move || query.with(|query| query.sort == sort)
                        >
                            {t.sort_name(sort)}
                        </option>
                    }).collect_view()}
                </select>
            </div>
            <div class="toolbar__field">
                <label class="toolbar__label" for="kindred-status">{t.status_filter()}</label>
                <select
                    id="kindred-status"
                    class="select"
                    part="select"
                    data-testid="status-filter"
                    on:change=on_status
                >
                    <option value="" selected=move || query.with(|query| query.status.is_none())>
                        {t.any_status()}
                    </option>
                    {IdeaStatus::ALL.map(|status| view! {
                        <option
                            value=status.as_str()
                            selected=move || query.with(|query| query.status == Some(status))
                        >
                            {t.status(status)}
                        </option>
                    }).collect_view()}
                </select>
            </div>
            <div class="toolbar__field">
                <label class="toolbar__label" for="kindred-tag">{t.tag_filter()}</label>
                <select
                    id="kindred-tag"
                    class="select"
                    part="select"
                    data-testid="tag-filter"
                    on:change=on_tag
                >
                    <option value="" selected=move || query.with(|query| query.tag.is_none())>
                        {t.any_tag()}
                    </option>
                    <For
                        each=move || tags.get()
                        key=|tag| tag.clone()
                        children=move |tag| {
                            let selected = {
                                let tag = tag.clone();
                                move || query.with(|query| query.tag.as_deref() == Some(&tag))
                            };
                            view! { <option value=tag.clone() selected=selected>{tag.clone()}</option> }
                        }
                    />
                </select>
            </div>
        </form>
    }
}

/// The search box's pending words: applied after a pause in typing, or at once on Enter.
#[derive(Clone, Copy)]
struct Search {
    words: StoredValue<Option<String>>,
    pause: Pause,
    apply: Callback<String>,
}

impl Search {
    fn new(apply: impl Fn(String) + Send + Sync + 'static) -> Self {
        Self {
            words: StoredValue::new(None),
            pause: Pause::new(),
            apply: Callback::new(apply),
        }
    }

    /// Remembers `words` and restarts the pause.
    fn typed(self, words: String) {
        self.words.set_value(Some(words));
        self.pause.restart(SEARCH_PAUSE, move || self.now());
    }

    /// Searches for the pending words, if any, without waiting.
    fn now(self) {
        self.pause.cancel();
        if let Some(words) = self.words.try_update_value(Option::take).flatten() {
            self.apply.run(words);
        }
    }
}
