//! The feed's filter chips: every post, or those of one hashtag or one product. The chips
//! offered are the feed's presets and what the posts loaded so far carry.

use leptos::prelude::*;

use super::query::FeedQuery;
use crate::i18n::use_catalog;

/// A chip's label for product `slug` until products have names: its words, capitalised
/// (`merino-socks` → `Merino socks`).
pub fn product_label(slug: &str) -> String {
    let words = slug.split('-').filter(|word| !word.is_empty());
    let mut label = words.collect::<Vec<_>>().join(" ");
    if let Some(first) = label.get(..1) {
        label.replace_range(..1, &first.to_uppercase());
    }
    label
}

/// Toggle buttons that set `query`'s hashtag or product, one of each at a time.
#[component]
pub fn FilterChips(
    /// The feed's filters.
    query: RwSignal<FeedQuery>,
    /// Hashtags to offer.
    tags: Signal<Vec<String>>,
    /// Product slugs to offer.
    products: Signal<Vec<String>>,
) -> impl IntoView {
    let t = use_catalog();
    let all = move |_| query.set(FeedQuery::default());
    let tag_chip = move |tag: String| {
        let chosen = {
            let tag = tag.clone();
            move || query.with(|query| query.tag.as_ref() == Some(&tag))
        };
        let toggle = {
            let tag = tag.clone();
            move |_| {
                query.update(|query| {
                    query.tag = (query.tag.as_ref() != Some(&tag)).then(|| tag.clone());
                })
            }
        };
        view! {
            <button type="button" class="chip" part="chip" aria-pressed=move || chosen().to_string() on:click=toggle>
                {format!("#{tag}")}
            </button>
        }
    };
    let product_chip = move |product: String| {
        let chosen = {
            let product = product.clone();
            move || query.with(|query| query.product.as_ref() == Some(&product))
        };
        let label = product_label(&product);
        let toggle = move |_| {
            query.update(|query| {
                query.product = (query.product.as_ref() != Some(&product)).then(|| product.clone());
            })
        };
        view! {
            <button type="button" class="chip" part="chip" aria-pressed=move || chosen().to_string() on:click=toggle>
                {label}
            </button>
        }
    };
    view! {
        <div class="chips" role="group" aria-label=t.feed_filters() data-testid="feed-filters">
            <button
                type="button"
                class="chip"
                part="chip"
                aria-pressed=move || query.with(|query| !query.is_filtered()).to_string()
                on:click=all
            >
                {t.all_posts()}
            </button>
            <For each=move || products.get() key=|product| product.clone() children=product_chip/>
            <For each=move || tags.get() key=|tag| tag.clone() children=tag_chip/>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn product_slugs_read_as_words() {
        assert_eq!(product_label("merino-socks"), "Merino socks");
        assert_eq!(product_label("summit-3"), "Summit 3");
        assert_eq!(product_label("-odd--slug-"), "Odd slug");
        assert_eq!(product_label(""), "");
    }
}
