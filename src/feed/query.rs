//! What a feed shows: the posts with a hashtag, of a product, or all of them. The filters
//! start from the embedding's presets and change as the visitor picks chips.

use crate::config::FeedPreset;
use crate::percent::encode;

/// A feed's filters.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FeedQuery {
    /// Only posts with this hashtag (without its `#`, lowercased).
    pub tag: Option<String>,
    /// Only posts showing this product (its slug).
    pub product: Option<String>,
}

impl From<FeedPreset> for FeedQuery {
    fn from(preset: FeedPreset) -> Self {
        Self {
            tag: preset.tag,
            product: preset.product,
        }
    }
}

impl FeedQuery {
    /// The query's parameters for `GET /v1/feeds/{feed}/posts`, percent-encoded and joined
    /// with `&`; empty when nothing is filtered.
    pub fn to_api_params(&self) -> String {
        [("tag", &self.tag), ("product", &self.product)]
            .into_iter()
            .filter_map(|(name, value)| Some(format!("{name}={}", encode(value.as_deref()?))))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// Whether anything is filtered.
    pub fn is_filtered(&self) -> bool {
        self.tag.is_some() || self.product.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_filters_set_become_parameters() {
        assert_eq!(FeedQuery::default().to_api_params(), "");
        assert!(!FeedQuery::default().is_filtered());
        let both = FeedQuery {
            tag: Some("dawn patrol".into()),
            product: Some("summit-3".into()),
        };
        assert_eq!(both.to_api_params(), "tag=dawn%20patrol&product=summit-3");
        assert!(both.is_filtered());
        let product = FeedQuery::from(FeedPreset {
            tag: None,
            product: Some("scree".into()),
        });
        assert_eq!(product.to_api_params(), "product=scree");
    }
}
