//! The brand's product catalog: the products posts tag by slug, which a "shop this look" link
//! under a photo opens.
//!
//! Brands keep the catalog through the moderation API, saving it whole; the widget reads it
//! in the site's configuration ([`crate::SiteConfig::products`]).

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::validate::{self, FieldErrors};

/// Limits of a catalog and its products.
pub mod limits {
    /// Most products in one site's catalog.
    pub const PRODUCTS_MAX: usize = 500;
    /// Most characters in a product's name (at least one is required).
    pub const NAME_MAX: usize = 120;
    /// Most characters in a product's page or image URL.
    pub const URL_MAX: usize = 2_000;
}

/// A product of the brand's catalog, as posts tag it by slug.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Product {
    /// The slug posts tag it with (`product_tags`, `?product=`): 1 to 64 lowercase letters,
    /// digits and hyphens, unique in the catalog.
    pub slug: String,
    /// Display name, 1 to 120 characters.
    pub name: String,
    /// The product's page in the brand's shop: an absolute `http(s)` URL.
    pub url: String,
    /// A picture of the product: an absolute `http(s)` URL, or a path on the API's origin
    /// (`/v1/media/…`). None when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
}

impl Product {
    /// Checks the product, answering per-field codes keyed `slug`, `name`, `url` and `image`.
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        self.check(&mut errors, "");
        validate::finish(errors)
    }

    /// Records the product's errors, each key after `prefix`.
    fn check(&self, errors: &mut FieldErrors, prefix: &str) {
        let key = |field: &str| format!("{prefix}{field}");
        if !validate::is_slug(&self.slug) {
            validate::push(errors, &key("slug"), validate::INVALID);
        }
        validate::text(errors, &key("name"), &self.name, 1, limits::NAME_MAX);
        validate::url(
            errors,
            &key("url"),
            &self.url,
            limits::URL_MAX,
            validate::is_web_url,
        );
        if let Some(image) = &self.image {
            validate::url(errors, &key("image"), image, limits::URL_MAX, |image| {
                validate::is_web_url(image) || validate::is_root_path(image)
            });
        }
    }
}

/// Checks a whole catalog, as a brand saves it: each product (keyed by its place,
/// `[3].url`), no slug twice (the later one is `[i].slug` `duplicate`), and at most
/// [`limits::PRODUCTS_MAX`] products (`products` `too_many`).
pub fn validate_catalog(products: &[Product]) -> Result<(), FieldErrors> {
    let mut errors = FieldErrors::new();
    if products.len() > limits::PRODUCTS_MAX {
        validate::push(&mut errors, "products", validate::TOO_MANY);
    }
    let mut slugs = HashSet::new();
    for (index, product) in products.iter().enumerate() {
        let prefix = format!("[{index}].");
        product.check(&mut errors, &prefix);
        if !slugs.insert(product.slug.as_str()) {
            validate::push(&mut errors, &format!("{prefix}slug"), validate::DUPLICATE);
        }
    }
    validate::finish(errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shoe() -> Product {
        Product {
            slug: "summit-3".into(),
            name: "Summit 3 trail shoe".into(),
            url: "https://ridgeline.example/products/summit-3".into(),
            image: Some("/v1/media/0123456789abcdef0123456789abcdef.jpg".into()),
        }
    }

    #[test]
    fn a_good_product_passes_and_its_image_is_optional() {
        assert_eq!(shoe().validate(), Ok(()));
        let bare = Product {
            image: None,
            ..shoe()
        };
        assert_eq!(bare.validate(), Ok(()));
        let json = serde_json::to_value(&bare).unwrap();
        assert!(json.get("image").is_none());
        let parsed: Product = serde_json::from_value(json).unwrap();
        assert_eq!(parsed, bare);
        let elsewhere = Product {
            image: Some("https://cdn.ridgeline.example/summit-3.jpg".into()),
            ..shoe()
        };
        assert_eq!(elsewhere.validate(), Ok(()));
    }

    #[test]
    fn a_bad_product_gets_a_code_per_field() {
        let product = Product {
            slug: "Summit 3".into(),
            name: " ".into(),
            url: "/products/summit-3".into(),
            image: Some("//evil.example/x.jpg".into()),
        };
        let errors = product.validate().unwrap_err();
        assert_eq!(errors["slug"], ["invalid"]);
        assert_eq!(errors["name"], ["required"]);
        assert_eq!(errors["url"], ["invalid"]);
        assert_eq!(errors["image"], ["invalid"]);
        let long = Product {
            name: "n".repeat(limits::NAME_MAX + 1),
            url: format!("https://a.example/{}", "p".repeat(limits::URL_MAX)),
            image: Some(String::new()),
            ..shoe()
        };
        let errors = long.validate().unwrap_err();
        assert_eq!(errors["name"], ["too_long"]);
        assert_eq!(errors["url"], ["too_long"]);
        assert_eq!(errors["image"], ["required"]);
    }

    #[test]
    fn a_catalog_is_keyed_by_place_without_repeats_or_excess() {
        let broken = Product {
            url: "ftp://ridgeline.example".into(),
            ..shoe()
        };
        let catalog = [shoe(), broken, shoe()];
        let errors = validate_catalog(&catalog).unwrap_err();
        assert_eq!(errors.len(), 3, "{errors:?}");
        assert_eq!(errors["[1].url"], ["invalid"]);
        assert_eq!(errors["[1].slug"], ["duplicate"]);
        assert_eq!(errors["[2].slug"], ["duplicate"]);
        assert_eq!(validate_catalog(&[]), Ok(()));
        let many: Vec<Product> = (0..=limits::PRODUCTS_MAX)
            .map(|n| Product {
                slug: format!("p-{n}"),
                ..shoe()
            })
            .collect();
        assert_eq!(validate_catalog(&many[1..]), Ok(()));
        assert_eq!(
            validate_catalog(&many).unwrap_err()["products"],
            ["too_many"]
        );
    }
}
