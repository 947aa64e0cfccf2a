//! "Shop this look": in the lightbox, the brand's products a post is tagged with, each with
//! its picture, its name and a link to its page, from the site's product catalog. Tags the
//! catalog does not know are left out; a post with none shows nothing.

use kindred_api::Product;
use leptos::prelude::*;

use crate::client::{web_url, ApiClient};
use crate::i18n::use_catalog;

/// The site's products, as the feed's root provides them (empty until the site's
/// configuration arrives, or when it has none).
#[derive(Clone, Copy)]
pub struct Catalog(pub Signal<Vec<Product>>);

/// The products of `catalog` named by `tags`, in the tags' order, each with an absolute
/// `http(s)` link (the only kind a product link may be).
pub fn tagged<'a>(catalog: &'a [Product], tags: &[String]) -> Vec<&'a Product> {
    tags.iter()
        .filter_map(|tag| catalog.iter().find(|product| &product.slug == tag))
        .filter(|product| web_url(&product.url).is_some())
        .collect()
}

/// The products post `tags` name, as links to their pages.
#[component]
pub fn ShopTheLook(
    /// The post's product tags.
    tags: Vec<String>,
) -> impl IntoView {
    let t = use_catalog();
    let base = expect_context::<ApiClient>().base().clone();
    let catalog = use_context::<Catalog>()
        .map(|Catalog(catalog)| catalog)
        .unwrap_or_else(|| Signal::stored(Vec::new()));
    let products = move || {
        catalog.with(|catalog| {
            tagged(catalog, &tags)
                .into_iter()
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    move || {
        let products = products();
        (!products.is_empty()).then(|| {
            let items = products
                .into_iter()
                .map(|product| {
                    let image = product.image.as_deref().and_then(|image| base.resource(image));
                    let picture = image.map(|src| {
                        view! { <img class="shop__image" src=src alt="" width="64" height="64" loading="lazy"/> }
                    });
                    view! {
                        <li>
                            <a class="shop__product" part="product" href=product.url data-testid="shop-product">
                                {picture}
                                <span class="shop__name">{product.name}</span>
                            </a>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="shop" data-testid="shop-the-look">
                    <h3 class="shop__heading">{t.shop_the_look()}</h3>
                    <ul class="shop__products" role="list">{items}</ul>
                </section>
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn product(slug: &str, url: &str) -> Product {
        Product {
            slug: slug.into(),
            name: slug.to_uppercase(),
            url: url.into(),
            image: None,
        }
    }

    #[test]
    fn a_post_shows_the_known_products_it_names_in_its_order() {
        let catalog = [
            product("summit-3", "https://x.example/s"),
            product("socks", "https://x.example/o"),
            product("evil", "javascript:alert(1)"),
        ];
        let tags = ["socks", "unknown", "summit-3", "evil"].map(String::from);
        let slugs: Vec<&str> = tagged(&catalog, &tags)
            .iter()
            .map(|product| product.slug.as_str())
            .collect();
        assert_eq!(slugs, ["socks", "summit-3"]);
    }
}
