//! The Markdown subset as the browser shows it: the structure becomes elements, everything a
//! writer typed stays text, and only allowed targets become links that open apart from the
//! brand's page.

use kindred::markdown::Markdown;
use leptos::prelude::*;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

use super::new_host;

/// Renders `text` and hands back its container, kept mounted for the test's lifetime.
fn render(text: &'static str) -> (HtmlElement, impl Drop) {
    let container = new_host();
    let handle = leptos::mount::mount_to(container.clone(), move || view! { <Markdown text/> });
    (container, handle)
}

fn all(container: &HtmlElement, selector: &str) -> Vec<Element> {
    let nodes = container.query_selector_all(selector).unwrap();
    (0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .map(wasm_bindgen::JsCast::unchecked_into)
        .collect()
}

fn texts(container: &HtmlElement, selector: &str) -> Vec<String> {
    all(container, selector)
        .iter()
        .map(|element| element.text_content().unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
fn the_subset_becomes_elements() {
    let (container, _handle) =
        render("First *one* and **two**,\nsecond line.\n\n- apples\n- pears\n\n3. three\n4. four");
    assert_eq!(texts(&container, ".markdown > p").len(), 1);
    assert_eq!(texts(&container, "p em"), ["one"]);
    assert_eq!(texts(&container, "p strong"), ["two"]);
    assert_eq!(all(&container, "p br").len(), 1);
    assert_eq!(texts(&container, "ul > li"), ["apples", "pears"]);
    assert_eq!(texts(&container, "ol > li"), ["three", "four"]);
    let list = &all(&container, "ol")[0];
    assert_eq!(list.get_attribute("start").as_deref(), Some("3"));
}

#[wasm_bindgen_test]
fn markup_stays_text() {
    let written = r#"<img src=x onerror="alert(1)"> <script>alert(2)</script> <b>bold</b>"#;
    let (container, _handle) = render(written);
    let markdown = &all(&container, ".markdown")[0];
    assert_eq!(markdown.text_content().unwrap(), written);
    for tag in ["img", "script", "b"] {
        assert!(
            all(&container, tag).is_empty(),
            "a <{tag}> element was made"
        );
    }
    assert_eq!(all(&container, "p")[0].child_element_count(), 0);
}

#[wasm_bindgen_test]
fn script_targets_never_become_links() {
    let (container, _handle) = render(
        "[a](javascript:alert(1)) [b]( JaVaScRiPt:alert(1)) [c](java\tscript:alert(1)) \
         [d](data:text/html,x) [e](//evil.example)",
    );
    assert!(all(&container, "a").is_empty());
    assert_eq!(all(&container, "p")[0].text_content().unwrap(), "a b c d e");
}

#[wasm_bindgen_test]
fn links_open_apart_and_carry_no_endorsement() {
    let (container, _handle) =
        render("See [the *guide*](https://example.com/guide) or https://example.org.");
    let links = all(&container, "a");
    assert_eq!(links.len(), 2);
    let hrefs: Vec<_> = links
        .iter()
        .map(|link| link.get_attribute("href").unwrap())
        .collect();
    assert_eq!(hrefs, ["https://example.com/guide", "https://example.org"]);
    for link in &links {
        assert_eq!(
            link.get_attribute("rel").as_deref(),
            Some("nofollow ugc noopener")
        );
        assert_eq!(link.get_attribute("target").as_deref(), Some("_blank"));
    }
    assert_eq!(texts(&container, "a em"), ["guide"]);
}
