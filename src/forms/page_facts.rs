//! What a form's hidden fields answer: facts about the page the widget is embedded in, from
//! the placeholder's attributes (the product the page is about, a campaign…) and the page's
//! address. The visitor never sees these answers; the brand reads them with the rest.

use std::collections::BTreeMap;

use kindred_api::HiddenSource;

/// The page's facts a widget knows: its embedding's options, by camelCased name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageFacts {
    attributes: BTreeMap<String, String>,
}

impl PageFacts {
    /// The facts in an embedding's options, as the loader passes them (`data-sku-code` as
    /// `skuCode`).
    pub fn new(attributes: BTreeMap<String, String>) -> Self {
        Self { attributes }
    }

    /// What a hidden field reading `from` answers, if the page says: an attribute's value
    /// trimmed, or the page's address without its fragment.
    pub fn answer(&self, from: &HiddenSource) -> Option<String> {
        let attribute = |name: &str| {
            let value = self.attributes.get(&camel_case(name))?.trim();
            (!value.is_empty()).then(|| value.to_owned())
        };
        match from {
            HiddenSource::Product => attribute("product"),
            HiddenSource::Attribute(name) => attribute(name),
            HiddenSource::PageUrl => page_url(),
        }
    }
}

/// The page's address without its `#` fragment, which often carries a widget's own view.
fn page_url() -> Option<String> {
    let href = web_sys::window()?.location().href().ok()?;
    let address = href
        .split_once('#')
        .map_or(href.as_str(), |(address, _)| address);
    Some(address.to_owned())
}

/// An attribute's name as a dataset key, as the DOM makes it: a `-` before a lowercase
/// letter goes and the letter is capitalised (`sku-code` as `skuCode`).
fn camel_case(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    let mut chars = name.chars().peekable();
    while let Some(c) = chars.next() {
        match chars.peek() {
            Some(next) if c == '-' && next.is_ascii_lowercase() => {
                key.push(next.to_ascii_uppercase());
                chars.next();
            }
            _ => key.push(c),
        }
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_are_read_by_their_dataset_names() {
        assert_eq!(camel_case("sku-code"), "skuCode");
        assert_eq!(camel_case("product"), "product");
        assert_eq!(camel_case("utm-source-2"), "utmSource-2");
        let facts = PageFacts::new(BTreeMap::from([
            ("product".into(), " summit-3 ".into()),
            ("skuCode".into(), "S3-42".into()),
            ("campaign".into(), "  ".into()),
        ]));
        assert_eq!(
            facts.answer(&HiddenSource::Product).as_deref(),
            Some("summit-3")
        );
        assert_eq!(
            facts
                .answer(&HiddenSource::Attribute("sku-code".into()))
                .as_deref(),
            Some("S3-42")
        );
        assert_eq!(
            facts.answer(&HiddenSource::Attribute("campaign".into())),
            None
        );
        assert_eq!(facts.answer(&HiddenSource::Attribute("none".into())), None);
    }
}
